/**
 * Sessions: a random token in an httpOnly SameSite=Lax cookie, only its SHA-256 stored in the
 * database (so every instance shares sessions and a leaked table holds no usable cookie). Every
 * /api route requires a session unless its route config says `public: true`.
 *
 * Security: mutations must be sent as application/json, which a cross-site form cannot do without a
 * CORS preflight we never grant; together with SameSite=Lax this closes CSRF.
 */
import { createHash, randomBytes } from "node:crypto";
import { type DbHandle, tables, toUser } from "@lattice/db";
import { DomainError, ErrorCode, type User } from "@lattice/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";

export const SESSION_COOKIE = "lattice_session";

declare module "fastify" {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (signup, login, health, docs). */
    public?: boolean;
  }
}

const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** The authenticated user; routes behind the auth hook may rely on it being set. */
export const currentUser = (request: FastifyRequest): User => {
  if (!request.user) throw new DomainError(ErrorCode.unauthenticated);
  return request.user;
};

export const userFromCookie = async (handle: DbHandle, token: string | undefined): Promise<User | null> => {
  if (!token) return null;
  const [row] = await handle.db
    .select({ user: tables.users, expiresAt: tables.sessions.expiresAt })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(eq(tables.sessions.tokenHash, hashToken(token)));
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return toUser(row.user);
};

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { handle: DbHandle; config: Config }) => {
    app.decorateRequest("user", null);

    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/api/")) return;
      request.user = await userFromCookie(opts.handle, request.cookies[SESSION_COOKIE]);
      if (request.routeOptions.config?.public) return;
      if (!request.user) throw new DomainError(ErrorCode.unauthenticated, "Log in to continue");
    });

    app.decorate("startSession", async (reply: FastifyReply, userId: string) => {
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(Date.now() + opts.config.sessionDays * 86_400_000);
      await opts.handle.db.insert(tables.sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: opts.config.secureCookies,
        expires: expiresAt,
      });
    });

    app.decorate("endSession", async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token)
        await opts.handle.db.delete(tables.sessions).where(eq(tables.sessions.tokenHash, hashToken(token)));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    });
  },
  { name: "auth", dependencies: ["@fastify/cookie"] },
);

declare module "fastify" {
  interface FastifyInstance {
    startSession(reply: FastifyReply, userId: string): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}
