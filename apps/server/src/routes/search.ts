import { requiredText, searchReplySchema } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { search } from "../commands/search.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const searchQuery = z.object({
  q: requiredText(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
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
        response: { 200: searchReplySchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => ({
      items: await search(app.db.db, currentUser(request).id, request.query.q, request.query.limit),
    }),
  );
};
