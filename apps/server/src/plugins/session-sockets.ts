/**
 * Live sockets by the session that opened them, so that ending a session (logout, "sign out", a
 * password change) also closes its sockets: someone holding a stolen cookie must stop receiving
 * events, not only stop making requests. A session ended through this instance closes its sockets
 * at once; one ended through another instance is found by a sweep that asks the database which of
 * this instance's sessions still exist (one indexed query per interval, none when no socket is open).
 */
import type { IncomingMessage } from "node:http";
import { type DbHandle, tables } from "@lattice/db";
import { and, gt, inArray } from "drizzle-orm";
import type { WebSocket } from "ws";

/** Policy violation: the client should not retry with the same credentials. */
export const SESSION_ENDED_CLOSE_CODE = 1008;

export class SessionSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();
  private readonly sessionOfUpgrade = new WeakMap<IncomingMessage, string>();

  constructor(private readonly handle: DbHandle) {}

  /** Remembers which session an accepted upgrade request belongs to. */
  noteUpgrade(raw: IncomingMessage, sessionId: string): void {
    this.sessionOfUpgrade.set(raw, sessionId);
  }

  /** Called when the upgrade became a socket. */
  attach(socket: WebSocket, raw: IncomingMessage): void {
    const sessionId = this.sessionOfUpgrade.get(raw);
    if (!sessionId) return;
    const sockets = this.bySession.get(sessionId) ?? new Set();
    sockets.add(socket);
    this.bySession.set(sessionId, sockets);
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.bySession.get(sessionId) === sockets) this.bySession.delete(sessionId);
    });
  }

  /** Closes every socket of these sessions on this instance. */
  close(sessionIds: Iterable<string>): void {
    for (const sessionId of sessionIds) {
      const sockets = this.bySession.get(sessionId);
      if (!sockets) continue;
      this.bySession.delete(sessionId);
      for (const socket of sockets) socket.close(SESSION_ENDED_CLOSE_CODE, "session ended");
    }
  }

  /** Closes the sockets whose session has ended or expired, wherever it was ended. */
  async sweep(): Promise<void> {
    const open = [...this.bySession.keys()];
    if (open.length === 0) return;
    const live = await this.handle.db
      .select({ id: tables.sessions.id })
      .from(tables.sessions)
      .where(and(inArray(tables.sessions.id, open), gt(tables.sessions.expiresAt, new Date())));
    const liveIds = new Set(live.map((row) => row.id));
    this.close(open.filter((id) => !liveIds.has(id)));
  }
}
