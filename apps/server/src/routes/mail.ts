/**
 * Mail-borne account routes and the outbox: the sign-up mode the login page shows, "forgot password"
 * and its reset link, and the instance administrators' view of every queued, sent and failed message.
 */
import { tables } from "@lattice/db";
import {
  DomainError,
  ErrorCode,
  forgotPasswordBody,
  forgotPasswordReplySchema,
  type MailState,
  outboxSchema,
  resetPasswordBody,
  signupModeSchema,
} from "@lattice/domain";
import { count, desc } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestPasswordReset, resetPassword } from "../commands/password-reset.js";
import type { Config } from "../config.js";
import { hashPassword } from "../passwords.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const OUTBOX_LIMIT = 200;

export const mailRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.get(
    "/auth/signup-mode",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary:
          "Who may create an account: anyone (open), only people with an invitation, or single sign-on only. The first account may always be made.",
        response: { 200: signupModeSchema },
      },
    },
    async () => {
      const [{ value: users } = { value: 0 }] = await app.db.db.select({ value: count() }).from(tables.users);
      return { mode: config.signupMode, canSignUp: config.signupMode === "open" || users === 0 };
    },
  );

  app.post(
    "/auth/password/forgot",
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary:
          "Send a single-use link to set a new password, valid for one hour. The answer is the same whether or not the address has an account.",
        body: forgotPasswordBody,
        response: { 202: forgotPasswordReplySchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      if (await requestPasswordReset(app.db.db, request.body.email, config.publicUrl)) app.mail.wake();
      return reply.code(202).send({ accepted: true });
    },
  );

  app.post(
    "/auth/password/reset",
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary:
          "Set a new password with a reset link; the link is used up and every session of the person ends.",
        body: resetPasswordBody,
        response: { 204: z.null(), ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const ended = await resetPassword(
        app.db.db,
        request.body.token,
        await hashPassword(request.body.password),
      );
      app.sessionSockets.close(ended);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/admin/outbox",
    {
      schema: {
        tags: ["admin"],
        summary: `The latest ${OUTBOX_LIMIT} messages queued, sent or failed (instance administrators only).`,
        response: { 200: outboxSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      if (!currentUser(request).isAdmin)
        throw new DomainError(ErrorCode.forbidden, "Only instance administrators can read the outbox", [], {
          key: "refusal.mail.adminOnly",
        });
      const m = tables.mailMessages;
      const rows = await app.db.db
        .select()
        .from(m)
        .orderBy(desc(m.createdAt), desc(m.id))
        .limit(OUTBOX_LIMIT);
      return {
        smtpConfigured: app.mail.smtpConfigured,
        messages: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          state: (row.sentAt
            ? "sent"
            : row.failedAt
              ? "failed"
              : row.cancelledAt
                ? "cancelled"
                : "queued") as MailState,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
};
