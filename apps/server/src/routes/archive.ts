/**
 * Archived cards leave the board and the live views; this is where they are found again (and restored
 * with `PATCH /api/cards/:id {archived: false}`).
 */
import { loadCards, spaceAccess, tables } from "@lattice/db";
import { archivedCardsSchema, idParams } from "@lattice/domain";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../commands/authorize.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const archivedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const archiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spaces/:id/archived-cards",
    {
      schema: {
        tags: ["cards"],
        summary: "The space's archived cards, the most recently archived first (at most `limit`).",
        params: idParams,
        querystring: archivedQuery,
        response: { 200: archivedCardsSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const spaceId = request.params.id;
      return app.db.db.transaction(
        async (tx) => {
          // Security: a space the caller may not read is a 404, before anything of it is read.
          authorize(await spaceAccess(tx, userId, spaceId), "read", "Space");
          const rows = await tx
            .select({ id: tables.cards.id })
            .from(tables.cards)
            .where(and(eq(tables.cards.spaceId, spaceId), isNotNull(tables.cards.archivedAt)))
            .orderBy(desc(tables.cards.archivedAt), tables.cards.id)
            .limit(request.query.limit);
          const ids = rows.map((r) => r.id);
          if (ids.length === 0) return { items: [] };
          const byId = new Map((await loadCards(tx, { ids })).map((c) => [c.id, c]));
          return { items: ids.flatMap((id) => byId.get(id) ?? []) };
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
    },
  );
};
