import { tables, toUser } from "@lattice/db";
import { DomainError, ErrorCode, loginBody, signupBody, userChannel, userSchema } from "@lattice/domain";
import { count, eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.js";
import { decoyHash, hashPassword, verifyPassword } from "../passwords.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post(
    "/auth/signup",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Create an account and log in. The first account of an instance is its administrator.",
        body: signupBody,
        response: { 201: userSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { email, name, password } = request.body;
      const passwordHash = await hashPassword(password);
      const user = await app.db.db.transaction(async (tx) => {
        // Serializes signups so exactly one first user becomes the administrator.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lattice:signup'))`);
        const [existing] = await tx
          .select({ id: tables.users.id })
          .from(tables.users)
          .where(eq(sql`lower(${tables.users.email})`, email));
        if (existing)
          throw new DomainError(ErrorCode.emailTaken, "An account with this email already exists", [
            { field: "body.email", message: "is already registered" },
          ]);
        const [{ value: userCount } = { value: 0 }] = await tx.select({ value: count() }).from(tables.users);
        const [row] = await tx
          .insert(tables.users)
          .values({ email, name, passwordHash, isAdmin: userCount === 0 })
          .returning();
        if (!row) throw new Error("insert returned no row");
        return toUser(row);
      });
      await app.startSession(reply, user.id);
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
        summary: "Log in with email and password (rate-limited per address and email).",
        body: loginBody,
        response: { 200: userSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const [row] = await app.db.db
        .select()
        .from(tables.users)
        .where(eq(sql`lower(${tables.users.email})`, email));
      const isValid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
      if (!row || !isValid) throw new DomainError(ErrorCode.invalidCredentials, "Email or password is wrong");
      await app.startSession(reply, row.id);
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
};
