/**
 * Custom fields of a space and their values on cards. Thin routes: validate (schemas) → command
 * (authorizes: owners define fields, members set values) → reply.
 */
import {
  cardFieldParams,
  cardFieldValueSchema,
  createFieldBody,
  customFieldSchema,
  fieldListSchema,
  idParams,
  setCardFieldBody,
  updateFieldBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createField, deleteField, listFields, setCardField, updateField } from "../commands/fields.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const fieldRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spaces/:id/fields",
    {
      schema: {
        tags: ["fields"],
        summary: "The custom fields of a space, in order.",
        params: idParams,
        response: { 200: fieldListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: await listFields(app.db.db, currentUser(request), request.params.id) }),
  );
  app.post(
    "/spaces/:id/fields",
    {
      schema: {
        tags: ["fields"],
        summary: "Define a custom field of a space (owners only); choice fields need their options.",
        params: idParams,
        body: createFieldBody,
        response: { 201: customFieldSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => createField(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );
  app.patch(
    "/fields/:id",
    {
      schema: {
        tags: ["fields"],
        summary:
          "Rename, reorder, show on the card front, or change the options of a field (owners only). " +
          "An option left out is taken off every card.",
        params: idParams,
        body: updateFieldBody,
        response: { 200: customFieldSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateField(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/fields/:id",
    {
      schema: {
        tags: ["fields"],
        summary: "Delete a field and every card's value of it (owners only).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteField(ctx, user, request.params.id), 204);
    },
  );
  app.put(
    "/cards/:id/fields/:fieldId",
    {
      schema: {
        tags: ["fields"],
        summary:
          "Set a card's value of a field of its space (null clears it); the value must suit the field's kind.",
        params: cardFieldParams,
        body: setCardFieldBody,
        response: { 200: cardFieldValueSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id, fieldId } = request.params;
      return app.mutate(request, reply, (ctx) => setCardField(ctx, user, id, fieldId, request.body));
    },
  );
};
