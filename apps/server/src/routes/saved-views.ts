/**
 * Saved views of a space (docs/SAVED-VIEWS.md). Thin routes: validate (schemas) → command
 * (authorizes: anyone who reads the space keeps personal views, members change shared ones, owners
 * choose the default; another person's personal view is a 404) → reply.
 */
import {
  createSavedViewBody,
  idParams,
  savedViewListSchema,
  savedViewSchema,
  setDefaultViewBody,
  updateSavedViewBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createSavedView,
  deleteSavedView,
  listSavedViews,
  setDefaultView,
  updateSavedView,
} from "../commands/saved-views.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spaces/:id/saved-views",
    {
      schema: {
        tags: ["saved views"],
        summary:
          "The space's shared saved views and your personal ones, in order. Shared views change on `space:<id>`, yours on `user:<you>`.",
        params: idParams,
        response: { 200: savedViewListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listSavedViews(app.db.db, currentUser(request), request.params.id),
  );
  app.post(
    "/spaces/:id/saved-views",
    {
      schema: {
        tags: ["saved views"],
        summary:
          "Save a view of the space (its tab and address query) under a name, at the end: personal (anyone who reads the space) or shared (members and owners); `isDefault` makes a shared one the space's default (owners).",
        params: idParams,
        body: createSavedViewBody,
        response: { 201: savedViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createSavedView(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.put(
    "/spaces/:id/default-view",
    {
      schema: {
        tags: ["saved views"],
        summary:
          "Choose the space's default view (a shared saved view) or clear it with null (owners only). Answers the views as the caller sees them.",
        params: idParams,
        body: setDefaultViewBody,
        response: { 200: savedViewListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => setDefaultView(ctx, user, request.params.id, request.body));
    },
  );
  app.patch(
    "/saved-views/:id",
    {
      schema: {
        tags: ["saved views"],
        summary:
          "Rename a saved view, replace its tab and query (e.g. with the current filters), or move it after / before another view you see.",
        params: idParams,
        body: updateSavedViewBody,
        response: { 200: savedViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateSavedView(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/saved-views/:id",
    {
      schema: {
        tags: ["saved views"],
        summary: "Delete a saved view (your own, or a shared one as a member or owner).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteSavedView(ctx, user, request.params.id), 204);
    },
  );
};
