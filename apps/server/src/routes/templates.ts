/**
 * Space templates (a workspace's own and the built-in ones) and card templates (a space's). Thin
 * routes: validate (schemas) → command (authorizes, 404 for what the caller may not see) → reply.
 */
import {
  cardFromTemplateSchema,
  cardTemplateListSchema,
  cardTemplateReplySchema,
  createCardFromTemplateBody,
  createCardTemplateBody,
  createSpaceFromTemplateBody,
  createSpaceTemplateBody,
  idParams,
  saveCardAsTemplateBody,
  saveSpaceAsTemplateBody,
  spaceTemplateDetailSchema,
  spaceTemplateListSchema,
  spaceTemplateSchema,
  templateParams,
  templateResultSchema,
  updateSpaceTemplateBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createCardFromTemplate,
  createCardTemplate,
  createSpaceFromTemplate,
  createSpaceTemplate,
  deleteCardTemplate,
  deleteSpaceTemplate,
  getSpaceTemplate,
  listCardTemplates,
  listSpaceTemplates,
  saveCardAsTemplate,
  saveSpaceAsTemplate,
  updateSpaceTemplate,
} from "../commands/templates.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

/** A written template of 2,000 cards with descriptions is a few MB of JSON. */
const templateBodyLimit = 16 * 1024 * 1024;

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/workspaces/:id/space-templates",
    {
      schema: {
        tags: ["templates"],
        summary: "The space templates usable in a workspace: the built-in ones, then the workspace's own.",
        params: idParams,
        response: { 200: spaceTemplateListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      items: await listSpaceTemplates(app.db.db, currentUser(request), request.params.id),
    }),
  );

  app.post(
    "/workspaces/:id/space-templates",
    {
      bodyLimit: templateBodyLimit,
      schema: {
        tags: ["templates"],
        summary:
          "Add a space template written by hand: statuses, labels, blocker types, fields and cards with days counted from the space's start.",
        params: idParams,
        body: createSpaceTemplateBody,
        response: { 201: spaceTemplateSchema, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createSpaceTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.get(
    "/space-templates/:id",
    {
      schema: {
        tags: ["templates"],
        summary: "A space template with its content (a built-in one is `builtin:<name>`).",
        params: templateParams,
        response: { 200: spaceTemplateDetailSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => getSpaceTemplate(app.db.db, currentUser(request), request.params.id),
  );

  app.patch(
    "/space-templates/:id",
    {
      schema: {
        tags: ["templates"],
        summary: "Rename a space template or change its description (workspace owners and whoever saved it).",
        params: idParams,
        body: updateSpaceTemplateBody,
        response: { 200: spaceTemplateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        updateSpaceTemplate(ctx, user, request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/space-templates/:id",
    {
      schema: {
        tags: ["templates"],
        summary: "Delete a space template (workspace owners and whoever saved it). Spaces made from it stay.",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteSpaceTemplate(ctx, user, request.params.id), 204);
    },
  );

  app.post(
    "/spaces/:id/save-as-template",
    {
      schema: {
        tags: ["templates"],
        summary:
          "Save a space as a template of its workspace: statuses, labels, blocker types, fields and (unless `includeCards` is false) its cards with to-dos, labels, people, relations and dates as days from `referenceDate`.",
        params: idParams,
        body: saveSpaceAsTemplateBody,
        response: { 201: spaceTemplateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => saveSpaceAsTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.post(
    "/workspaces/:id/spaces/from-template",
    {
      schema: {
        tags: ["templates"],
        summary:
          "Create a space from a template, its cards' dates counted from `startDate`. People the template names who are not members are left out, said in `notes`.",
        params: idParams,
        body: createSpaceFromTemplateBody,
        response: { 201: templateResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createSpaceFromTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.get(
    "/spaces/:id/card-templates",
    {
      schema: {
        tags: ["templates"],
        summary: "The card templates of a space.",
        params: idParams,
        response: { 200: cardTemplateListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      items: await listCardTemplates(app.db.db, currentUser(request), request.params.id),
    }),
  );

  app.post(
    "/spaces/:id/card-templates",
    {
      schema: {
        tags: ["templates"],
        summary:
          "Make a card template from scratch. People who are not users of the space are left out, said in `notes`.",
        params: idParams,
        body: createCardTemplateBody,
        response: { 201: cardTemplateReplySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createCardTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.post(
    "/cards/:id/save-as-template",
    {
      schema: {
        tags: ["templates"],
        summary: "Save a card as a card template of its space: name, description, to-dos, labels and people.",
        params: idParams,
        body: saveCardAsTemplateBody,
        response: { 201: cardTemplateReplySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => saveCardAsTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.delete(
    "/card-templates/:id",
    {
      schema: {
        tags: ["templates"],
        summary: "Delete a card template (the space's owners and whoever made it).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteCardTemplate(ctx, user, request.params.id), 204);
    },
  );

  app.post(
    "/card-templates/:id/cards",
    {
      schema: {
        tags: ["templates"],
        summary:
          "Add a card from a card template, in `statusId` (default: the first status). Labels and people no longer in the space are left out, said in `notes`.",
        params: idParams,
        body: createCardFromTemplateBody,
        response: { 201: cardFromTemplateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createCardFromTemplate(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
};
