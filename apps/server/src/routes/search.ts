import { requiredText } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { search } from "../commands/search.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const searchQuery = z.object({
  q: requiredText(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const hitSchema = z.object({
  cardId: z.uuid(),
  spaceId: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  snippet: z.string().describe("Plain text around the match; matched words wrapped in ** (never HTML)"),
  matchedIn: z.enum(["card", "comment", "attachment"]),
  isArchived: z.boolean().describe("An archived card: off the board, listed after the live ones"),
});

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/search",
    {
      schema: {
        tags: ["search"],
        summary:
          "Cards you can read whose name, description or comments match; the last word also matches as a prefix.",
        querystring: searchQuery,
        response: { 200: z.object({ items: z.array(hitSchema) }), ...problemResponses(400, 401) },
      },
    },
    async (request) => ({
      items: await search(app.db.db, currentUser(request).id, request.query.q, request.query.limit),
    }),
  );
};
