/**
 * Sessions: a random token in an httpOnly SameSite=Lax cookie, only its SHA-256 stored in the
 * database (so every instance shares sessions and a leaked table holds no usable cookie). Every
 * /api route requires a session unless its route config says `public: true`. Each session keeps the
 * device and address it is used from, so a person can see where they are logged in and end it.
 *
 * Security: before any session is looked up, `refuseForgedRequest` (origin.ts) turns away mutations
 * and socket upgrades that another origin may have made the browser send.
 */
import { createHash, randomBytes } from "node:crypto";
import { type DbHandle, tables, toUser } from "@lattice/db";
import { DomainError, ErrorCode, type User } from "@lattice/domain";
import { and, eq, lte, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import { isWebSocketUpgrade, refuseForgedRequest } from "./origin.js";
import { SessionSockets } from "./session-sockets.js";

export const SESSION_COOKIE = "lattice_session";

declare module "fastify" {
  interface FastifyRequest {
    user: User | null;
    /** The public id of the session the request was made with (never its token). */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (signup, login, health, docs). */
    public?: boolean;
    /**
     * Security: authorized only by a secret in its URL, never by the session cookie, so a form or a
     * mail client may post to it from anywhere (RFC 8058 one-click unsubscribe): exempt from the
     * forgery check, and the handler must not act on `request.user`.
     */
    postableFromAnywhere?: boolean;
  }
}

const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** How often each instance looks for live sockets whose session was ended elsewhere. */
const SOCKET_SWEEP_MS = 30_000;

/** How stale a session's last use may get before a request writes it again. */
const LAST_USED_REFRESH_MS = 60_000;
const DEVICE_MAX = 300;

/** The user agent as stored: trimmed, bounded, printable. */
const deviceOf = (request: FastifyRequest): string =>
  (request.headers["user-agent"] ?? "")
    .replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, DEVICE_MAX);

/** The authenticated user; routes behind the auth hook may rely on it being set. */
export const currentUser = (request: FastifyRequest): User => {
  if (!request.user)
    throw new DomainError(ErrorCode.unauthenticated, undefined, [], { key: "refusal.auth.unauthenticated" });
  return request.user;
};

interface ActiveSession {
  id: string;
  user: User;
}

/**
 * The session behind a token hash, with its person: the one statement every request makes, so it is
 * a prepared statement of each database handle (parsed and planned once per connection).
 */
const sessionLookups = new WeakMap<DbHandle, ReturnType<typeof prepareSessionLookup>>();
const prepareSessionLookup = (handle: DbHandle) =>
  handle.db
    .select({
      user: tables.users,
      id: tables.sessions.id,
      expiresAt: tables.sessions.expiresAt,
      lastUsedAt: tables.sessions.lastUsedAt,
    })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(eq(tables.sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare("lattice_session_by_token");

/** The live session behind a cookie; refreshes its last use (and address) at most once a minute. */
const sessionFromCookie = async (
  handle: DbHandle,
  token: string | undefined,
  address: string,
): Promise<ActiveSession | null> => {
  if (!token) return null;
  let lookup = sessionLookups.get(handle);
  if (!lookup) {
    lookup = prepareSessionLookup(handle);
    sessionLookups.set(handle, lookup);
  }
  const [row] = await lookup.execute({ tokenHash: hashToken(token) });
  const now = Date.now();
  // A deactivated person's sessions are deleted with the deactivation; this holds even for a race.
  if (!row || row.expiresAt.getTime() <= now || row.user.deactivatedAt) return null;
  if (now - row.lastUsedAt.getTime() >= LAST_USED_REFRESH_MS)
    await handle.db
      .update(tables.sessions)
      .set({ lastUsedAt: new Date(now), address })
      .where(eq(tables.sessions.id, row.id));
  return { id: row.id, user: toUser(row.user) };
};

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { handle: DbHandle; config: Config }) => {
    app.decorateRequest("user", null);
    app.decorateRequest("sessionId", null);
    const sessionSockets = new SessionSockets(opts.handle);
    app.decorate("sessionSockets", sessionSockets);
    app.websocketServer.on("connection", (socket, raw) => sessionSockets.attach(socket, raw));
    const sweep = setInterval(() => {
      sessionSockets
        .sweep()
        .catch((error: unknown) => app.log.warn({ err: error }, "session socket sweep failed"));
    }, SOCKET_SWEEP_MS);
    sweep.unref();
    app.addHook("onClose", async () => clearInterval(sweep));

    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/api/")) return;
      if (!request.routeOptions.config?.postableFromAnywhere) refuseForgedRequest(request, opts.config);
      const session = await sessionFromCookie(opts.handle, request.cookies[SESSION_COOKIE], request.ip);
      request.user = session?.user ?? null;
      request.sessionId = session?.id ?? null;
      if (session && isWebSocketUpgrade(request)) sessionSockets.noteUpgrade(request.raw, session.id);
      if (request.routeOptions.config?.public) return;
      if (!request.user)
        throw new DomainError(ErrorCode.unauthenticated, "Log in to continue", [], {
          key: "refusal.auth.logIn",
        });
    });

    app.decorate("startSession", async (request: FastifyRequest, reply: FastifyReply, userId: string) => {
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(Date.now() + opts.config.sessionDays * 86_400_000);
      // One transaction; a login is a fine moment to forget this person's expired sessions.
      await opts.handle.db.transaction(async (tx) => {
        await tx
          .delete(tables.sessions)
          .where(and(eq(tables.sessions.userId, userId), lte(tables.sessions.expiresAt, new Date())));
        await tx.insert(tables.sessions).values({
          tokenHash: hashToken(token),
          userId,
          expiresAt,
          device: deviceOf(request),
          address: request.ip,
        });
      });
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
      if (request.sessionId) sessionSockets.close([request.sessionId]);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    });
  },
  { name: "auth", dependencies: ["@fastify/cookie", "@fastify/websocket"] },
);

declare module "fastify" {
  interface FastifyInstance {
    startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Live sockets by session: whoever ends sessions closes their sockets through this. */
    sessionSockets: SessionSockets;
  }
}
