/**
 * Working together on a card: to-do lists, labels of a space, comments, personal reminders and the
 * activity stream. Thin routes: validate (schemas) → command (authorizes) → reply.
 */
import { cardAccess, readableSpaceIds, spaceAccess } from "@lattice/db";
import {
  activityPageSchema,
  commentBody,
  commentSchema,
  createLabelBody,
  createTodoBody,
  idParams,
  labelSchema,
  plainText,
  reminderSchema,
  setReminderBody,
  todoSchema,
  updateLabelBody,
  updateTodoBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cardHistorySpaces, readActivity } from "../commands/activity.js";
import { authorize } from "../commands/authorize.js";
import { createComment, deleteComment, listComments, updateComment } from "../commands/comments.js";
import { createLabel, deleteLabel, listLabels, updateLabel } from "../commands/labels.js";
import { deleteReminder, getReminder, setReminder } from "../commands/reminders.js";
import { createTodo, deleteTodo, listTodos, updateTodo } from "../commands/todos.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const deleted = { 204: z.null(), ...problemResponses(400, 401, 403, 404) };

const activityQuery = z.object({
  before: plainText(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const collaborationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------- to-dos ----------
  app.get(
    "/cards/:id/todos",
    {
      schema: {
        tags: ["to-dos"],
        summary: "The card's to-do list in order.",
        params: idParams,
        response: { 200: z.array(todoSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listTodos(app.db.db, currentUser(request), request.params.id),
  );
  app.post(
    "/cards/:id/todos",
    {
      schema: {
        tags: ["to-dos"],
        summary: "Add a to-do at the end of the card's list (members and owners).",
        params: idParams,
        body: createTodoBody,
        response: { 201: todoSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => createTodo(ctx, user, request.params.id, request.body), 201);
    },
  );
  app.patch(
    "/todos/:id",
    {
      schema: {
        tags: ["to-dos"],
        summary:
          "Edit a to-do's text, tick or untick it, or move it after `afterId` / before `beforeId` (`afterId: null`: first).",
        params: idParams,
        body: updateTodoBody,
        response: { 200: todoSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateTodo(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/todos/:id",
    { schema: { tags: ["to-dos"], summary: "Remove a to-do.", params: idParams, response: deleted } },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteTodo(ctx, user, request.params.id), 204);
    },
  );

  // ---------- labels ----------
  app.get(
    "/spaces/:id/labels",
    {
      schema: {
        tags: ["labels"],
        summary: "The labels of a space, by name.",
        params: idParams,
        response: { 200: z.array(labelSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listLabels(app.db.db, currentUser(request), request.params.id),
  );
  app.post(
    "/spaces/:id/labels",
    {
      schema: {
        tags: ["labels"],
        summary: "Create a label in a space (members and owners).",
        params: idParams,
        body: createLabelBody,
        response: { 201: labelSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createLabel(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.patch(
    "/labels/:id",
    {
      schema: {
        tags: ["labels"],
        summary:
          "Rename or recolour a label, or set its service-level target in calendar days (space owners only; null removes it).",
        params: idParams,
        body: updateLabelBody,
        response: { 200: labelSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateLabel(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/labels/:id",
    {
      schema: {
        tags: ["labels"],
        summary: "Delete a label; it is taken off every card that had it.",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteLabel(ctx, user, request.params.id), 204);
    },
  );

  // ---------- comments ----------
  app.get(
    "/cards/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary: "The card's comments, oldest first.",
        params: idParams,
        response: { 200: z.array(commentSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listComments(app.db.db, currentUser(request), request.params.id),
  );
  app.post(
    "/cards/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary:
          "Comment on a card (Markdown; visitors too). Mentions `@[Name](user-id)` of people who can read the card notify them and make them followers.",
        params: idParams,
        body: commentBody,
        response: { 201: commentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createComment(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.patch(
    "/comments/:id",
    {
      schema: {
        tags: ["comments"],
        summary: "Edit your own comment; people newly mentioned are notified.",
        params: idParams,
        body: commentBody,
        response: { 200: commentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateComment(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/comments/:id",
    {
      schema: {
        tags: ["comments"],
        summary: "Delete your own comment.",
        params: idParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteComment(ctx, user, request.params.id), 204);
    },
  );

  // ---------- reminders (personal) ----------
  app.get(
    "/cards/:id/reminder",
    {
      schema: {
        tags: ["reminders"],
        summary: "Your own reminder on this card, or null.",
        params: idParams,
        response: { 200: reminderSchema.nullable(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => getReminder(app.db.db, currentUser(request), request.params.id),
  );
  app.put(
    "/cards/:id/reminder",
    {
      schema: {
        tags: ["reminders"],
        summary: "Set (or replace) your own reminder on a card you can read; only you see it.",
        params: idParams,
        body: setReminderBody,
        response: { 200: reminderSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => setReminder(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/cards/:id/reminder",
    {
      schema: {
        tags: ["reminders"],
        summary: "Remove your own reminder on a card.",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteReminder(ctx, user, request.params.id), 204);
    },
  );

  // ---------- activity ----------
  app.get(
    "/cards/:id/activity",
    {
      schema: {
        tags: ["activity"],
        summary:
          "What happened on a card, newest first; page with `before` = the reply's `nextBefore`. Sentences (`text`) are in the reader's language (their `locale`: en, de or ar; others read English).",
        params: idParams,
        querystring: activityQuery,
        response: { 200: activityPageSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { card } = authorize(
        await cardAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Card",
      );
      const readerId = currentUser(request).id;
      const earlierSpaceIds = await cardHistorySpaces(app.db.db, readerId, card.spaceId, card.id);
      return readActivity(
        app.db.db,
        readerId,
        { kind: "card", spaceId: card.spaceId, cardId: card.id, earlierSpaceIds },
        request.query.before ?? null,
        request.query.limit,
      );
    },
  );
  app.get(
    "/spaces/:id/activity",
    {
      schema: {
        tags: ["activity"],
        summary:
          "What happened in a space, newest first; page with `before` = the reply's `nextBefore`. Sentences (`text`) are in the reader's language (their `locale`: en, de or ar; others read English).",
        params: idParams,
        querystring: activityQuery,
        response: { 200: activityPageSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { space } = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      return readActivity(
        app.db.db,
        currentUser(request).id,
        { kind: "space", spaceId: space.id },
        request.query.before ?? null,
        request.query.limit,
      );
    },
  );
  app.get(
    "/me/activity",
    {
      schema: {
        tags: ["activity"],
        summary:
          "Your own actions in the spaces you can still read, newest first. Sentences (`text`) are in the reader's language (their `locale`: en, de or ar; others read English).",
        querystring: activityQuery,
        response: { 200: activityPageSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const spaceIds = await readableSpaceIds(app.db.db, user.id);
      return readActivity(
        app.db.db,
        user.id,
        { kind: "actor", userId: user.id, spaceIds },
        request.query.before ?? null,
        request.query.limit,
      );
    },
  );
};
