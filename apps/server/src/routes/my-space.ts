/**
 * My space (docs/MY-SPACE.md): the person's own board of mirrored cards. Columns live under
 * /me/space (someone else's column is unknown: 404); a card's place on it under /cards/:id/my-space,
 * where a card the caller cannot read is a 404 like any other route naming it.
 */
import {
  cardMySpaceSchema,
  createMySpaceColumnBody,
  idParams,
  mySpaceColumnSchema,
  mySpacePlacementSchema,
  mySpaceSchema,
  placeOnMySpaceBody,
  updateMySpaceColumnBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createMySpaceColumn,
  deleteMySpaceColumn,
  ensureMySpace,
  getMySpacePlacement,
  placeOnMySpace,
  readMySpace,
  removeFromMySpace,
  updateMySpaceColumn,
} from "../commands/my-space.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const mySpaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/space",
    {
      schema: {
        tags: ["my space"],
        summary:
          "Your My space: your columns, the cards you placed (only those you can read now and not archived) and suggestions (open cards where you are responsible or a co-worker, not placed yet). The first read makes the default columns. Follow `user:<you>` since `seq` and each `space:<id>` since its seq.",
        response: { 200: mySpaceSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const made = await ensureMySpace(app.db.db, user);
      if (made.length > 0) app.bus.published(made);
      return app.db.db.transaction((tx) => readMySpace(tx, user), {
        isolationLevel: "repeatable read",
        accessMode: "read only",
      });
    },
  );

  app.post(
    "/me/space/columns",
    {
      schema: {
        tags: ["my space"],
        summary: "Adds a column to your My space (at the end, or after / before another of your columns).",
        body: createMySpaceColumnBody,
        response: { 201: mySpaceColumnSchema, ...problemResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => createMySpaceColumn(ctx, user, request.body), 201);
    },
  );

  app.patch(
    "/me/space/columns/:id",
    {
      schema: {
        tags: ["my space"],
        summary: "Renames and/or moves one of your My space columns.",
        params: idParams,
        body: updateMySpaceColumnBody,
        response: { 200: mySpaceColumnSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        updateMySpaceColumn(ctx, user, request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/me/space/columns/:id",
    {
      schema: {
        tags: ["my space"],
        summary:
          "Deletes one of your My space columns; its cards go to the end of the column before it (the next one for the first). The last column stays (409).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteMySpaceColumn(ctx, user, request.params.id), 204);
    },
  );

  app.get(
    "/cards/:id/my-space",
    {
      schema: {
        tags: ["my space"],
        summary: "Where this card is on your My space (its column's name too), or null.",
        params: idParams,
        response: { 200: cardMySpaceSchema.nullable(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => getMySpacePlacement(app.db.db, currentUser(request), request.params.id),
  );

  app.put(
    "/cards/:id/my-space",
    {
      schema: {
        tags: ["my space"],
        summary:
          "Puts a card you can read on your My space, or moves it there (afterId / beforeId: cards in that column; no columnId: the end of your first column). Only you see it; the card stays in its space.",
        params: idParams,
        body: placeOnMySpaceBody,
        response: { 200: mySpacePlacementSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => placeOnMySpace(ctx, user, request.params.id, request.body));
    },
  );

  app.delete(
    "/cards/:id/my-space",
    {
      schema: {
        tags: ["my space"],
        summary: "Takes a card off your My space (the card itself is untouched).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => removeFromMySpace(ctx, user, request.params.id), 204);
    },
  );
};
