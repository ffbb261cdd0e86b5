/**
 * Invitations: owners invite by e-mail, see the pending ones, resend or revoke them; whoever holds a
 * link previews it and accepts it, signed in (joins) or as a new account (made with the invited
 * address). Every change queues its message in its own transaction and wakes the sender after commit.
 */
import { countUsers, insertUser, lockSignups, runMutation, userIdByEmail } from "@lattice/db";
import {
  acceptedInvitationSchema,
  acceptInvitationNewBody,
  createInvitationBody,
  createSpaceInvitationBody,
  DomainError,
  ErrorCode,
  idParams,
  invitationListSchema,
  invitationParams,
  invitationPreviewSchema,
  invitationSchema,
  tokenBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptedLocale } from "../accept-language.js";
import {
  acceptInvitation,
  createInvitation,
  createSpaceInvitation,
  invitationForNewAccount,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "../commands/invitations.js";
import type { Config } from "../config.js";
import { hashPassword } from "../passwords.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const invitationRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/workspaces/:id/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "Invite anyone by e-mail as owner, member or visitor (owners only). The answer is the same whether or not the address has an account; inviting an address again sends a new link.",
        params: idParams,
        body: createInvitationBody,
        response: { 201: invitationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await app.mutate(
        request,
        reply,
        (ctx) => createInvitation(ctx, user, request.params.id, request.body, config.publicUrl),
        201,
      );
      app.mail.wake();
      return reply;
    },
  );

  app.get(
    "/workspaces/:id/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Pending invitations (owners only), expired ones included so they can be resent.",
        params: idParams,
        response: { 200: invitationListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listInvitations(app.db.db, currentUser(request), { workspaceId: request.params.id }),
  );

  app.post(
    "/workspaces/:id/invitations/:invitationId/resend",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "Send a pending invitation again with a new link, valid for a full period again (owners only).",
        params: invitationParams,
        response: { 200: invitationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id, invitationId } = request.params;
      await app.mutate(request, reply, (ctx) =>
        resendInvitation(ctx, user, { workspaceId: id }, invitationId, config.publicUrl),
      );
      app.mail.wake();
      return reply;
    },
  );

  app.delete(
    "/workspaces/:id/invitations/:invitationId",
    {
      schema: {
        tags: ["invitations"],
        summary: "Revoke a pending invitation: its link stops working (owners only).",
        params: invitationParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id, invitationId } = request.params;
      return app.mutate(
        request,
        reply,
        (ctx) => revokeInvitation(ctx, user, { workspaceId: id }, invitationId),
        204,
      );
    },
  );

  app.post(
    "/spaces/:id/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "Invite anyone by e-mail to this private space as its owner, member or visitor (space or workspace owners). Whoever accepts and is not in the workspace yet joins it as a visitor. The answer is the same whether or not the address has an account.",
        params: idParams,
        body: createSpaceInvitationBody,
        response: { 201: invitationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await app.mutate(
        request,
        reply,
        (ctx) => createSpaceInvitation(ctx, user, request.params.id, request.body, config.publicUrl),
        201,
      );
      app.mail.wake();
      return reply;
    },
  );

  app.get(
    "/spaces/:id/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Pending invitations to this space (space or workspace owners), expired ones included.",
        params: idParams,
        response: { 200: invitationListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listInvitations(app.db.db, currentUser(request), { spaceId: request.params.id }),
  );

  app.post(
    "/spaces/:id/invitations/:invitationId/resend",
    {
      schema: {
        tags: ["invitations"],
        summary: "Send a pending invitation to this space again with a new link (space or workspace owners).",
        params: invitationParams,
        response: { 200: invitationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id, invitationId } = request.params;
      await app.mutate(request, reply, (ctx) =>
        resendInvitation(ctx, user, { spaceId: id }, invitationId, config.publicUrl),
      );
      app.mail.wake();
      return reply;
    },
  );

  app.delete(
    "/spaces/:id/invitations/:invitationId",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "Revoke a pending invitation to this space: its link stops working (space or workspace owners).",
        params: invitationParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { id, invitationId } = request.params;
      return app.mutate(
        request,
        reply,
        (ctx) => revokeInvitation(ctx, user, { spaceId: id }, invitationId),
        204,
      );
    },
  );

  app.post(
    "/invitations/preview",
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["invitations"],
        summary:
          "What an invitation link is for and whether it can still be used (pending, accepted, expired, revoked).",
        body: tokenBody,
        response: { 200: invitationPreviewSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => previewInvitation(app.db.db, request.body.token),
  );

  app.post(
    "/invitations/accept",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "Join the invitation's workspace (and space, for an invitation to one) as the signed-in person; the link is used up.",
        body: tokenBody,
        response: { 200: acceptedInvitationSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => acceptInvitation(ctx, user, request.body.token));
    },
  );

  app.post(
    "/invitations/accept-new",
    {
      config: { public: true, rateLimit: { max: config.signupRateLimit, timeWindow: "1 hour" } },
      schema: {
        tags: ["invitations"],
        summary:
          "Create an account with the invited address, name and password, join the workspace and log in (not in single-sign-on-only mode). The account starts in the first shipped language (en, de, ar) of `Accept-Language`, else English.",
        body: acceptInvitationNewBody,
        response: { 201: acceptedInvitationSchema, ...problemResponses(400, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      if (config.signupMode === "sso")
        throw new DomainError(
          ErrorCode.forbidden,
          "Accounts on this instance are made by signing in with single sign-on",
          [],
          { key: "refusal.auth.ssoSignup" },
        );
      const { token, name, password } = request.body;
      const passwordHash = await hashPassword(password);
      const { result, events } = await runMutation(
        app.db.db,
        { actorId: null, mutationId: null },
        async (ctx) => {
          // The same lock as signup, so exactly one first account becomes the administrator.
          await lockSignups(ctx.tx);
          const { email } = await invitationForNewAccount(ctx, token);
          const locale = acceptedLocale(request.headers);
          if (await userIdByEmail(ctx.tx, email))
            throw new DomainError(
              ErrorCode.emailTaken,
              "An account with this address already exists; sign in to accept the invitation",
              [],
              { key: "refusal.invitation.accountExists" },
            );
          const userCount = await countUsers(ctx.tx);
          const user = await insertUser(ctx.tx, {
            email,
            name,
            passwordHash,
            isAdmin: userCount === 0,
            ...(locale ? { locale } : {}),
          });
          return { user, accepted: await acceptInvitation(ctx, user, token) };
        },
      );
      if (events.length > 0) app.bus.published(events);
      await app.startSession(request, reply, result.user.id);
      return reply.code(201).send(result.accepted);
    },
  );
};
