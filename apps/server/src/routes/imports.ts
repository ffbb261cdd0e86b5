/** Bringing work in from elsewhere: a Trello board's JSON export becomes a new space. */
import {
  idParams,
  trelloImportBody,
  trelloImportResultSchema,
  trelloPreviewBody,
  trelloPreviewSchema,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { importTrelloBoard, previewTrelloImport } from "../commands/imports.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

/** A Trello export of a 5,000-card board with its newest actions is about 15 MB of JSON. */
export const importBodyLimit = 64 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/workspaces/:id/imports/trello/preview",
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ["imports"],
        summary:
          "What importing a Trello board's JSON export would create: its lists with their guessed roles, its members matched to this workspace's, and what would change on the way. Changes nothing.",
        params: idParams,
        body: trelloPreviewBody,
        response: { 200: trelloPreviewSchema, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => previewTrelloImport(app.db.db, currentUser(request), request.params.id, request.body),
  );

  app.post(
    "/workspaces/:id/imports/trello",
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ["imports"],
        summary:
          "Import a Trello board's JSON export as a new space: lists become statuses, cards keep their order, dates, labels, checklists (as to-dos), comments and attachment links; members are matched by e-mail or full name, or as `memberMap` says.",
        params: idParams,
        body: trelloImportBody,
        response: { 201: trelloImportResultSchema, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => importTrelloBoard(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
};
