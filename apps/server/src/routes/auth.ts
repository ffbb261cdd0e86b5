/**
 * Accounts and sessions: signup, login, logout, the current user, changing the password and the
 * person's list of sessions. Rate limits (per instance, in memory): login attempts per address and
 * email, failed logins per address whatever the email (password spraying), signups per address and
 * password changes per person.
 */
import { type Executor, tables, toUser } from "@lattice/db";
import {
  accountSessionListSchema,
  changePasswordBody,
  DomainError,
  ErrorCode,
  idParams,
  loginBody,
  signedOutSchema,
  signupBody,
  userChannel,
  userSchema,
} from "@lattice/domain";
import { and, count, desc, eq, gt, ne, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptedLocale } from "../accept-language.js";
import type { Config } from "../config.js";
import { decoyHash, hashPassword, verifyPassword } from "../passwords.js";
import { currentUser, SESSION_COOKIE } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;

/** The session the request was made with; routes behind the auth hook always have one. */
const currentSessionId = (request: FastifyRequest): string => {
  if (!request.sessionId)
    throw new DomainError(ErrorCode.unauthenticated, undefined, [], { key: "refusal.auth.unauthenticated" });
  return request.sessionId;
};

/** Deletes every session of the person but `keptSessionId`; returns the ended ones' ids. */
const endOtherSessions = (db: Executor, userId: string, keptSessionId: string) =>
  db
    .delete(tables.sessions)
    .where(and(eq(tables.sessions.userId, userId), ne(tables.sessions.id, keptSessionId)))
    .returning({ id: tables.sessions.id });

const tooManyAttempts = (reply: FastifyReply, retryAfterSeconds: number): DomainError => {
  reply.header("retry-after", String(Math.max(1, retryAfterSeconds)));
  return new DomainError(
    ErrorCode.rateLimited,
    "Too many failed attempts from this address; wait a while",
    [],
    { key: "refusal.auth.tooManyAttempts" },
  );
};

/** With PASSWORD_SIGN_IN off, people sign in through single sign-on only. */
const refuseWithoutPasswords = (config: Config): void => {
  if (!config.passwordSignIn)
    throw new DomainError(
      ErrorCode.forbidden,
      "Signing in with a password is turned off here; use single sign-on",
      [],
      { key: "refusal.auth.passwordOff" },
    );
};

export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  // Counts only failures, so a busy office behind one address is not locked out by its own logins.
  const failedLoginsByAddress = app.createRateLimit({
    max: config.loginFailureRateLimit,
    timeWindow: FAILED_LOGIN_WINDOW_MS,
    keyGenerator: (request) => `login-failures|${request.ip}`,
  });

  app.post(
    "/auth/signup",
    {
      config: {
        public: true,
        rateLimit: { max: config.signupRateLimit, timeWindow: "1 hour" },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Create an account and log in (rate-limited per address; only in the open sign-up mode past the first account). The first account of an instance is its administrator. Without `locale`, the account starts in the first shipped language (en, de, ar) of `Accept-Language`, else English.",
        body: signupBody,
        response: { 201: userSchema, ...problemResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      refuseWithoutPasswords(config);
      const { email, name, password } = request.body;
      // A language the sign-up page sent wins; else the browser's, when the server ships it.
      const locale = request.body.locale ?? acceptedLocale(request.headers);
      const passwordHash = await hashPassword(password);
      const user = await app.db.db.transaction(async (tx) => {
        // Serializes signups so exactly one first user becomes the administrator.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lattice:signup'))`);
        const [{ value: userCount } = { value: 0 }] = await tx.select({ value: count() }).from(tables.users);
        // SIGNUP_MODE: past the first account (the administrator), only "open" lets anyone sign up.
        if (config.signupMode !== "open" && userCount > 0)
          throw config.signupMode === "invitation"
            ? new DomainError(
                ErrorCode.forbidden,
                "This instance is by invitation only; ask an owner of a workspace to invite you",
                [],
                { key: "refusal.auth.invitationOnly" },
              )
            : new DomainError(
                ErrorCode.forbidden,
                "Accounts on this instance are made by signing in with single sign-on",
                [],
                { key: "refusal.auth.ssoSignup" },
              );
        const [existing] = await tx
          .select({ id: tables.users.id })
          .from(tables.users)
          .where(eq(sql`lower(${tables.users.email})`, email));
        if (existing)
          throw new DomainError(
            ErrorCode.emailTaken,
            "An account with this email already exists",
            [{ field: "body.email", message: "is already registered" }],
            { key: "refusal.auth.emailTaken" },
          );
        const [row] = await tx
          .insert(tables.users)
          .values({ email, name, passwordHash, isAdmin: userCount === 0, ...(locale ? { locale } : {}) })
          .returning();
        if (!row) throw new Error("insert returned no row");
        return toUser(row);
      });
      await app.startSession(request, reply, user.id);
      return reply.code(201).send(user);
    },
  );

  app.post(
    "/auth/login",
    {
      config: {
        public: true,
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: "1 minute",
          // The key reads the body, so count after it is parsed (the default, onRequest, runs before).
          hook: "preHandler",
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            const email = typeof body?.email === "string" ? body.email.trim().toLowerCase() : "";
            return `${request.ip}|${email}`;
          },
        },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Log in with email and password (rate-limited per address and email, and failures per address).",
        body: loginBody,
        response: { 200: userSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      refuseWithoutPasswords(config);
      const failures = await failedLoginsByAddress(request, { increment: false });
      if (!failures.isAllowed && failures.remaining === 0)
        throw tooManyAttempts(reply, failures.ttlInSeconds);
      const { email, password } = request.body;
      const [row] = await app.db.db
        .select()
        .from(tables.users)
        .where(eq(sql`lower(${tables.users.email})`, email));
      const isValid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
      if (!row || !isValid) {
        await failedLoginsByAddress(request);
        throw new DomainError(ErrorCode.invalidCredentials, "Email or password is wrong", [], {
          key: "refusal.auth.wrongCredentials",
        });
      }
      if (row.deactivatedAt)
        throw new DomainError(
          ErrorCode.accountDeactivated,
          "This account has been deactivated; ask an administrator of this instance",
          [],
          { key: "refusal.auth.deactivated" },
        );
      await app.startSession(request, reply, row.id);
      return toUser(row);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "End the current session everywhere it is used.",
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await app.endSession(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The logged-in user, with the channel for their notifications.",
        response: { 200: userSchema.extend({ channel: z.string() }), ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return { ...user, channel: userChannel(user.id) };
    },
  );

  app.post(
    "/me/password",
    {
      config: {
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: "1 minute",
          keyGenerator: (request) => `password|${request.user?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Change the password, given the current one; ends every other session of the person (rate-limited).",
        body: changePasswordBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const sessionId = currentSessionId(request);
      const { currentPassword, newPassword } = request.body;
      const [row] = await app.db.db
        .select({ passwordHash: tables.users.passwordHash })
        .from(tables.users)
        .where(eq(tables.users.id, user.id));
      if (!row?.passwordHash || !(await verifyPassword(currentPassword, row.passwordHash)))
        throw new DomainError(
          ErrorCode.validationFailed,
          "The current password is wrong",
          [{ field: "body.currentPassword", message: "is wrong" }],
          { key: "refusal.auth.wrongPassword" },
        );
      const passwordHash = await hashPassword(newPassword);
      const ended = await app.db.db.transaction(async (tx) => {
        await tx.update(tables.users).set({ passwordHash }).where(eq(tables.users.id, user.id));
        // Whoever else holds a session (say, a stolen cookie) is logged out with the old password.
        return endOtherSessions(tx, user.id, sessionId);
      });
      app.sessionSockets.close(ended.map((row) => row.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me/sessions",
    {
      schema: {
        tags: ["auth"],
        summary: "Where the person is logged in: device, address and last use of each session.",
        response: { 200: accountSessionListSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const sessionId = currentSessionId(request);
      const rows = await app.db.db
        .select({
          id: tables.sessions.id,
          device: tables.sessions.device,
          address: tables.sessions.address,
          createdAt: tables.sessions.createdAt,
          lastUsedAt: tables.sessions.lastUsedAt,
        })
        .from(tables.sessions)
        .where(and(eq(tables.sessions.userId, user.id), gt(tables.sessions.expiresAt, new Date())))
        .orderBy(desc(tables.sessions.lastUsedAt), desc(tables.sessions.createdAt));
      return rows.map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt.toISOString(),
        current: row.id === sessionId,
      }));
    },
  );

  app.delete(
    "/me/sessions/:id",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out one of the person's sessions (ending the current one logs out here).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      // Security: scoped to the caller's own sessions, so another person's id is a 404 like a made-up one.
      const ended = await app.db.db
        .delete(tables.sessions)
        .where(and(eq(tables.sessions.id, request.params.id), eq(tables.sessions.userId, user.id)))
        .returning({ id: tables.sessions.id });
      if (ended.length === 0)
        throw new DomainError(ErrorCode.notFound, "No such session", [], { key: "refusal.notFound.session" });
      app.sessionSockets.close([request.params.id]);
      if (request.params.id === request.sessionId) reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/me/sessions/sign-out-others",
    {
      schema: {
        tags: ["auth"],
        summary: "End every session of the person except the one making this request.",
        response: { 200: signedOutSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const sessionId = currentSessionId(request);
      const ended = await endOtherSessions(app.db.db, user.id, sessionId);
      app.sessionSockets.close(ended.map((row) => row.id));
      return { ended: ended.length };
    },
  );
};
