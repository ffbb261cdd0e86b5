import {
  type BoardView,
  boardFieldValuesOf,
  cardAccess,
  loadBoardView,
  loadCard,
  relationItemsOf,
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
import type { BoardContent } from "../queries/board-cache.js";
import { problemResponses } from "./problems.js";
import { replyEncoding } from "./reply-encoding.js";

const deleted = { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) };

const roleSchema = z.enum(workspaceRoles);
const relationsSchema = z.array(relationSchema);
const fieldsSchema = z.array(customFieldSchema);

/**
 * The board reply's text. The cached statuses and cards were checked against their schemas when
 * kept; the rest is checked here, as the reply serializer checks every other reply. Keys in the
 * schema's order.
 */
const boardReplyText = (view: BoardView, content: BoardContent): string => {
  const spaceJson = JSON.stringify(spaceSchema.parse(toSpace(view.space)));
  const roleJson = JSON.stringify(roleSchema.parse(view.role));
  const relationsJson = JSON.stringify(relationsSchema.parse(relationItemsOf(view.relationsJson)));
  const fields = fieldsSchema.parse(JSON.parse(view.fieldsJson));
  const fieldValues = fields.length > 0 ? boardFieldValuesOf(view.fieldValuesJson, content.cardIds) : [];
  const fieldsJson = JSON.stringify(fields);
  const fieldValuesJson = JSON.stringify(boardFieldValuesSchema.parse(fieldValues));
  return `{"space":${spaceJson},"role":${roleJson},"statuses":${content.statusesJson},"people":${content.peopleJson},"cardsByStatus":${content.cardsJson},"seq":${content.seq},"relations":${relationsJson},"fields":${fieldsJson},"fieldValues":${fieldValuesJson}}`;
};

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
      // Warm: one statement (one snapshot) reads the caller's role, the channel's seq and what the
      // cache does not hold; the cache answers when it holds the board at exactly that seq.
      let view = authorize(await loadBoardView(app.db.db, userId, spaceId), "read", "Space");
      let content = app.boardCache.peek(spaceId, view.seq);
      if (!content) {
        // Otherwise one repeatable-read snapshot for the view and the cache's reads, so subscribing
        // with `since: seq` then replays exactly what the board lacks.
        ({ view, content } = await app.db.db.transaction(
          async (tx) => {
            const view = authorize(await loadBoardView(tx, userId, spaceId), "read", "Space");
            return { view, content: await app.boardCache.content(tx, spaceId, view.seq) };
          },
          { isolationLevel: "repeatable read", accessMode: "read only" },
        ));
      }
      const board = content;
      const other = view;
      // The view as read names the rest of the reply: a read with the same key gets the kept bytes.
      const key = `${other.role}\u0000${JSON.stringify(other.space)}\u0000${other.relationsJson}\u0000${other.fieldsJson}\u0000${other.fieldValuesJson}`;
      const bytes = board.reply(key, () => boardReplyText(other, board));
      reply.type("application/json; charset=utf-8");
      const encoding = replyEncoding(request.headers, bytes.plain.length);
      // Already JSON bytes (or their compression): Fastify sends them as they are.
      if (!encoding) return reply.send(bytes.plain as unknown as BoardReply);
      const encoded = await bytes.encoded(encoding);
      reply.header("content-encoding", encoding).header("vary", "accept-encoding");
      return reply.send(encoded as unknown as BoardReply);
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
