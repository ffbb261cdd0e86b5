import {
  addSpaceMemberBody,
  idParams,
  memberParams,
  spaceMemberSchema,
  updateSpaceMemberBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addSpaceMember,
  listSpaceMembers,
  removeSpaceMember,
  updateSpaceMember,
} from "../commands/space-members.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const spaceMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spaces/:id/members",
    {
      schema: {
        tags: ["space members"],
        summary: "The space's own members and their roles (for a private space: who may see it).",
        params: idParams,
        response: { 200: z.array(spaceMemberSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listSpaceMembers(app.db.db, currentUser(request), request.params.id),
  );

  app.post(
    "/spaces/:id/members",
    {
      schema: {
        tags: ["space members"],
        summary:
          "Give a person of the workspace a role on this space; for a private space, let them see it (space or workspace owners).",
        params: idParams,
        body: addSpaceMemberBody,
        response: { 201: spaceMemberSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => addSpaceMember(ctx, user, request.params.id, request.body),
        201,
      );
    },
  );

  app.patch(
    "/spaces/:id/members/:userId",
    {
      schema: {
        tags: ["space members"],
        summary: "Change a space member's role (space or workspace owners).",
        params: memberParams,
        body: updateSpaceMemberBody,
        response: { 200: spaceMemberSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        updateSpaceMember(ctx, user, request.params.id, request.params.userId, request.body.role),
      );
    },
  );

  app.delete(
    "/spaces/:id/members/:userId",
    {
      schema: {
        tags: ["space members"],
        summary:
          "Remove a space member (space or workspace owners; anyone may leave). A private space is then hidden from them.",
        params: memberParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => removeSpaceMember(ctx, user, request.params.id, request.params.userId),
        204,
      );
    },
  );
};
