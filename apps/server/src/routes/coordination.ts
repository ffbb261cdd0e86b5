import { blockingsOf, cardAccess, loadCards, readableSpaceIds, spaceAccess, tables } from "@lattice/db";
import {
  blockCardBody,
  blockerTypeListSchema,
  blockerTypeSchema,
  blockingSchema,
  calendarDate,
  cardRelationsSchema,
  createBlockerTypeBody,
  createGlobalBlockerTypeBody,
  createRelationBody,
  dueBucketOf,
  id,
  idParams,
  isoDay,
  type MyWork,
  myBlockersSchema,
  myWorkSchema,
  relationSchema,
  type statusRoles,
} from "@lattice/domain";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../commands/authorize.js";
import {
  blockCard,
  clearBlocking,
  createInstanceBlockerType,
  createLocalBlockerType,
  listBlockerTypes,
  setOnDemandEnabled,
} from "../commands/blockers.js";
import { createRelation, deleteRelation, relationsAround } from "../commands/relations.js";
import { currentUser } from "../plugins/auth.js";
import { loadMyBlockers } from "../queries/my-blockers.js";
import { problemResponses } from "./problems.js";

export const coordinationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- relations ----------
  app.get(
    "/cards/:id/relations",
    {
      schema: {
        tags: ["relations"],
        summary: "Parents (first = default), children, previous and next cards that the caller can see.",
        params: idParams,
        response: { 200: cardRelationsSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { card } = authorize(await cardAccess(app.db.db, user.id, request.params.id), "read", "Card");
      const relations = (await relationsAround(app.db.db, [card.id])).sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
      );
      const otherIds = relations.map((r) => (r.fromCardId === card.id ? r.toCardId : r.fromCardId));
      const others = otherIds.length
        ? await app.db.db.select().from(tables.cards).where(inArray(tables.cards.id, otherIds))
        : [];
      const visible = new Map<string, (typeof others)[number]>();
      for (const other of others)
        if (await spaceAccess(app.db.db, user.id, other.spaceId)) visible.set(other.id, other);
      const entry = (relationId: string, otherId: string) => {
        const o = visible.get(otherId);
        return o
          ? [
              {
                relationId,
                id: o.id,
                spaceId: o.spaceId,
                name: o.name,
                statusId: o.statusId,
                startDate: o.startDate,
                dueDate: o.dueDate,
              },
            ]
          : [];
      };
      return {
        parents: relations
          .filter((r) => r.kind === "parent" && r.toCardId === card.id)
          .flatMap((r) => entry(r.id, r.fromCardId)),
        children: relations
          .filter((r) => r.kind === "parent" && r.fromCardId === card.id)
          .flatMap((r) => entry(r.id, r.toCardId)),
        previous: relations
          .filter((r) => r.kind === "next" && r.toCardId === card.id)
          .flatMap((r) => entry(r.id, r.fromCardId)),
        next: relations
          .filter((r) => r.kind === "next" && r.fromCardId === card.id)
          .flatMap((r) => entry(r.id, r.toCardId)),
      };
    },
  );
  app.post(
    "/cards/:id/relations",
    {
      schema: {
        tags: ["relations"],
        summary:
          "Relate this card to another card of the workspace as its parent, child, previous or next. A relation that would close a cycle is refused with 409 naming the cycle.",
        params: idParams,
        body: createRelationBody,
        response: { 201: relationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createRelation(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.delete(
    "/relations/:id",
    {
      schema: {
        tags: ["relations"],
        summary: "Remove a relation.",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteRelation(ctx, user, request.params.id), 204);
    },
  );

  // ---------- blockers ----------
  app.get(
    "/blocker-types",
    {
      schema: {
        tags: ["blockers"],
        summary: "Global and on-demand blocker types, with how many cards each blocks now.",
        response: { 200: blockerTypeListSchema, ...problemResponses(401) },
      },
    },
    async () => listBlockerTypes(app.db.db, null),
  );
  app.post(
    "/blocker-types",
    {
      schema: {
        tags: ["blockers"],
        summary: "Create a global or on-demand blocker type (the instance administrator only).",
        body: createGlobalBlockerTypeBody,
        response: { 201: blockerTypeSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => createInstanceBlockerType(ctx, user, request.body), 201);
    },
  );
  app.get(
    "/spaces/:id/blocker-types",
    {
      schema: {
        tags: ["blockers"],
        summary:
          "Blocker types of a space (local, global, on-demand with whether it is enabled here), with counts.",
        params: idParams,
        response: { 200: blockerTypeListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      authorize(await spaceAccess(app.db.db, currentUser(request).id, request.params.id), "read", "Space");
      return listBlockerTypes(app.db.db, request.params.id);
    },
  );
  app.post(
    "/spaces/:id/blocker-types",
    {
      schema: {
        tags: ["blockers"],
        summary: "Create a local blocker type for this space (space owners).",
        params: idParams,
        body: createBlockerTypeBody,
        response: { 201: blockerTypeSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createLocalBlockerType(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.put(
    "/spaces/:id/blocker-types/:typeId/enabled",
    {
      schema: {
        tags: ["blockers"],
        summary: "Enable or disable an on-demand blocker type in this space (space owners).",
        params: z.object({ id, typeId: id }),
        body: z.object({ enabled: z.boolean() }).strict(),
        response: { 200: blockerTypeSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        setOnDemandEnabled(ctx, user, request.params.id, request.params.typeId, request.body.enabled),
      );
    },
  );
  app.get(
    "/cards/:id/blockings",
    {
      schema: {
        tags: ["blockers"],
        summary: "Every blocking of a card, open and cleared, oldest first.",
        params: idParams,
        response: { 200: z.array(blockingSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { card } = authorize(
        await cardAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Card",
      );
      return blockingsOf(app.db.db, card.id);
    },
  );
  app.post(
    "/cards/:id/blockings",
    {
      schema: {
        tags: ["blockers"],
        summary: "Block a card: type, reason and who must clear it. A blocked card cannot change status.",
        params: idParams,
        body: blockCardBody,
        response: { 201: blockingSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => blockCard(ctx, user, request.params.id, request.body), 201);
    },
  );
  app.post(
    "/blockings/:id/clear",
    {
      schema: {
        tags: ["blockers"],
        summary: "Clear a blocking (records who and when).",
        params: idParams,
        response: { 200: blockingSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => clearBlocking(ctx, user, request.params.id));
    },
  );

  // ---------- my work ----------
  app.get(
    "/me/blockers",
    {
      schema: {
        tags: ["blockers"],
        summary:
          "My blockers: blocked cards (in spaces the caller can read) the caller must clear, as the person named on a blocking, the card's responsible person or a co-worker. Most harmful first: by how many open cards wait on it through next and parent relations (transitively), then how soon the earliest of them is due, then the oldest blocking.",
        response: { 200: myBlockersSchema, ...problemResponses(401) },
      },
    },
    async (request) =>
      // One snapshot: the blocked cards and the relations walked from them agree.
      app.db.db.transaction(async (tx) => loadMyBlockers(tx, currentUser(request).id, Date.now()), {
        isolationLevel: "repeatable read",
        accessMode: "read only",
      }),
  );

  app.get(
    "/me/cards",
    {
      schema: {
        tags: ["cards"],
        summary:
          "Cards where the caller is responsible or a co-worker, across every space they can see, grouped by due date. `today` (YYYY-MM-DD) is the caller's date; it defaults to the server's UTC date.",
        querystring: z.object({ today: calendarDate.optional() }),
        response: {
          200: myWorkSchema,
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const today = request.query.today ?? isoDay(new Date());
      const db = app.db.db;
      const coworking = db
        .select({ cardId: tables.cardCoworkers.cardId })
        .from(tables.cardCoworkers)
        .where(eq(tables.cardCoworkers.userId, user.id));
      const readable = await readableSpaceIds(db, user.id);
      const visible =
        readable.length === 0
          ? []
          : await db
              .select({
                id: tables.cards.id,
                spaceName: tables.spaces.name,
                statusName: tables.statuses.name,
                statusRole: tables.statuses.role,
              })
              .from(tables.cards)
              .innerJoin(tables.spaces, eq(tables.spaces.id, tables.cards.spaceId))
              .innerJoin(tables.statuses, eq(tables.statuses.id, tables.cards.statusId))
              .where(
                and(
                  isNull(tables.cards.archivedAt),
                  inArray(tables.cards.spaceId, readable),
                  or(eq(tables.cards.responsibleId, user.id), inArray(tables.cards.id, coworking)),
                  inArray(tables.statuses.role, ["not_started", "in_progress", "information"]),
                ),
              );
      const meta = new Map(visible.map((r) => [r.id, r]));
      const cards = await loadCards(db, { ids: visible.map((r) => r.id) });
      const groups: MyWork = { overdue: [], this_week: [], later: [], no_date: [] };
      for (const card of cards.sort((a, b) => ((a.dueDate ?? "9999") < (b.dueDate ?? "9999") ? -1 : 1))) {
        const m = meta.get(card.id);
        if (!m) continue;
        groups[dueBucketOf(card.dueDate, today)].push({
          ...card,
          spaceName: m.spaceName,
          statusName: m.statusName,
          statusRole: m.statusRole as (typeof statusRoles)[number],
          isResponsible: card.responsibleId === user.id,
        });
      }
      return groups;
    },
  );
};
