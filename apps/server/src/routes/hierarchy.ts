import {
  cardAccess,
  latestSeq,
  loadBoardFieldValues,
  loadCard,
  loadSpaceFields,
  relationsOfSpace,
  spaceAccess,
  toSpace,
} from "@lattice/db";
import {
  type BoardReply,
  boardFieldValuesSchema,
  boardReplySchema,
  cardSchema,
  copyCardBody,
  createCardBody,
  createFolderBody,
  createSpaceBody,
  createStatusBody,
  customFieldSchema,
  DomainError,
  ErrorCode,
  folderSchema,
  idParams,
  moveCardBody,
  moveCardToSpaceBody,
  relationSchema,
  spaceChannel,
  spaceSchema,
  statusSchema,
  updateCardBody,
  updateFolderBody,
  updateSpaceBody,
  updateStatusBody,
  workspaceRoles,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../commands/authorize.js";
import { copyCard, moveCardToSpace } from "../commands/card-moves.js";
import { createCard, moveCard, updateCard } from "../commands/cards.js";
import { createFolder, deleteFolder, updateFolder } from "../commands/folders.js";
import { createSpace, updateSpace } from "../commands/spaces.js";
import { createStatus, deleteStatus, updateStatus } from "../commands/statuses.js";
import { trashCard, trashSpace } from "../commands/trash.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";
import { replyEncoding } from "./reply-encoding.js";

const deleted = { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) };

const roleSchema = z.enum(workspaceRoles);
const relationsSchema = z.array(relationSchema);
const fieldsSchema = z.array(customFieldSchema);

export const hierarchyRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- folders ----------
  app.post(
    "/workspaces/:id/folders",
    {
      schema: {
        tags: ["folders"],
        summary: "Create a folder at the workspace root or inside another folder.",
        params: idParams,
        body: createFolderBody,
        response: { 201: folderSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createFolder(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.patch(
    "/folders/:id",
    {
      schema: {
        tags: ["folders"],
        summary: "Rename, move to another parent, reorder (afterId/beforeId) or archive a folder.",
        params: idParams,
        body: updateFolderBody,
        response: { 200: folderSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateFolder(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/folders/:id",
    {
      schema: {
        tags: ["folders"],
        summary:
          "Move a folder with its subfolders and spaces to the trash (one entry; restore or purge through /trash).",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteFolder(ctx, user, request.params.id), 204);
    },
  );

  // ---------- spaces ----------
  app.post(
    "/workspaces/:id/spaces",
    {
      schema: {
        tags: ["spaces"],
        summary: "Create a space (with To Do / Doing / Done) in a folder or at the workspace root.",
        params: idParams,
        body: createSpaceBody,
        response: { 201: spaceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createSpace(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.get(
    "/spaces/:id",
    {
      schema: {
        tags: ["spaces"],
        params: idParams,
        response: {
          200: spaceSchema.extend({ role: z.enum(workspaceRoles) }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const access = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      return { ...toSpace(access.space), role: access.role };
    },
  );
  app.patch(
    "/spaces/:id",
    {
      schema: {
        tags: ["spaces"],
        summary:
          "Rename, describe, move to a folder, reorder, make private or archive a space, or set its service-level target in calendar days (owners; null removes it).",
        params: idParams,
        body: updateSpaceBody,
        response: { 200: spaceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateSpace(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/spaces/:id",
    {
      schema: {
        tags: ["spaces"],
        summary: "Move a space and its cards to the trash (restore or purge through /trash).",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => trashSpace(ctx, user, request.params.id), 204);
    },
  );
  app.get(
    "/spaces/:id/board",
    {
      schema: {
        tags: ["spaces"],
        summary:
          "The board snapshot: statuses and live (unarchived) cards in order, the space's custom fields " +
          "and the values of the cards that have any, with the channel seq. Compact: cards are grouped " +
          "by status id, name people by their index in `people`, and leave out a field that is null, " +
          "empty, zero, false or its default (`updatedAt`: `createdAt`; `version`: 1).",
        params: idParams,
        response: { 200: boardReplySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const userId = currentUser(request).id;
      const spaceId = request.params.id;
      // One consistent snapshot: subscribing with `since: seq` then replays exactly what it lacks.
      const { access, content, relations, fields, fieldValues } = await app.db.db.transaction(
        async (tx) => {
          const access = authorize(await spaceAccess(tx, userId, spaceId), "read", "Space");
          const seq = await latestSeq(tx, spaceChannel(spaceId));
          const content = await app.boardCache.content(tx, spaceId, seq);
          // Custom fields and their values are read afresh, like relations: they are not in the cache.
          const fields = await loadSpaceFields(tx, spaceId);
          const fieldValues =
            fields.length > 0 ? await loadBoardFieldValues(tx, spaceId, content.cardIds) : [];
          return {
            access,
            content,
            relations: await relationsOfSpace(tx, spaceId, userId),
            fields,
            fieldValues,
          };
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
      // The cached statuses and cards were checked against their schemas when kept; the rest is
      // checked here, as the reply serializer checks every other reply. Keys in the schema's order.
      const spaceJson = JSON.stringify(spaceSchema.parse(toSpace(access.space)));
      const roleJson = JSON.stringify(roleSchema.parse(access.role));
      const relationsJson = JSON.stringify(relationsSchema.parse(relations));
      const fieldsJson = JSON.stringify(fieldsSchema.parse(fields));
      const fieldValuesJson = JSON.stringify(boardFieldValuesSchema.parse(fieldValues));
      const text = `{"space":${spaceJson},"role":${roleJson},"statuses":${content.statusesJson},"people":${content.peopleJson},"cardsByStatus":${content.cardsJson},"seq":${content.seq},"relations":${relationsJson},"fields":${fieldsJson},"fieldValues":${fieldValuesJson}}`;
      reply.type("application/json; charset=utf-8");
      const encoding = replyEncoding(request.headers, text.length);
      // Already JSON text (or its compressed bytes): Fastify sends it as is.
      if (!encoding) return reply.send(text as unknown as BoardReply);
      const bytes = await content.compressed(
        encoding,
        `${roleJson}\u0000${spaceJson}\u0000${relationsJson}\u0000${fieldsJson}\u0000${fieldValuesJson}`,
        text,
      );
      reply.header("content-encoding", encoding).header("vary", "accept-encoding");
      return reply.send(bytes as unknown as BoardReply);
    },
  );

  // ---------- statuses ----------
  app.post(
    "/spaces/:id/statuses",
    {
      schema: {
        tags: ["statuses"],
        summary: "Add a status (column) to a space (owners only).",
        params: idParams,
        body: createStatusBody,
        response: { 201: statusSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createStatus(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.patch(
    "/statuses/:id",
    {
      schema: {
        tags: ["statuses"],
        summary: "Rename, change role or WIP limit, or reorder a status (owners only).",
        params: idParams,
        body: updateStatusBody,
        response: { 200: statusSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateStatus(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/statuses/:id",
    {
      schema: {
        tags: ["statuses"],
        summary: "Delete an empty status (owners only).",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteStatus(ctx, user, request.params.id), 204);
    },
  );

  // ---------- cards ----------
  app.post(
    "/spaces/:id/cards",
    {
      schema: {
        tags: ["cards"],
        summary: "Add a card at the top or bottom of a status (default: the first status, bottom).",
        params: idParams,
        body: createCardBody,
        response: { 201: cardSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => createCard(ctx, user, request.params.id, request.body), 201);
    },
  );
  app.get(
    "/cards/:id",
    {
      schema: {
        tags: ["cards"],
        params: idParams,
        response: { 200: cardSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = authorize(
        await cardAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Card",
      );
      const card = await loadCard(app.db.db, access.card.id);
      if (!card)
        throw new DomainError(ErrorCode.notFound, "Card not found", [], { key: "refusal.notFound.card" });
      return card;
    },
  );
  app.patch(
    "/cards/:id",
    {
      schema: {
        tags: ["cards"],
        summary: "Edit a card's name or description, archive or unarchive it.",
        params: idParams,
        body: updateCardBody,
        response: { 200: cardSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateCard(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/cards/:id",
    {
      schema: {
        tags: ["cards"],
        summary: "Move a card to the trash (restore or purge through /trash).",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => trashCard(ctx, user, request.params.id), 204);
    },
  );
  app.post(
    "/cards/:id/move",
    {
      schema: {
        tags: ["cards"],
        summary:
          "Move a card to a status, right after `afterId` or right before `beforeId` (a card of that status); neither: to the bottom; `afterId: null`: to the top.",
        params: idParams,
        body: moveCardBody,
        response: { 200: cardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => moveCard(ctx, user, request.params.id, request.body));
    },
  );
  app.post(
    "/cards/:id/move-to-space",
    {
      schema: {
        tags: ["cards"],
        summary:
          "Move a card to another space of its workspace, with its comments, to-dos, relations, blockings and history. It lands at the end of `statusId`, else of the target's first status of the same role. Labels go by name; people who cannot read the target are taken off it.",
        params: idParams,
        body: moveCardToSpaceBody,
        response: { 200: cardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => moveCardToSpace(ctx, user, request.params.id, request.body));
    },
  );
  app.post(
    "/cards/:id/copy",
    {
      schema: {
        tags: ["cards"],
        summary:
          "Copy a card, named '… (copy)': right after the original, or at the end of a status of another space of the workspace; with its to-dos and relations when `include` says so.",
        params: idParams,
        body: copyCardBody,
        response: { 201: cardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => copyCard(ctx, user, request.params.id, request.body), 201);
    },
  );
};
