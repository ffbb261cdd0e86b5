/**
 * The hub's sockets: attach and detach, the bounds on each, heartbeats, and reading and sending
 * messages. What a message asks for (subscribe, unsubscribe, presence) is handed to the channel
 * pumps and presence.
 *
 * Invariant: one socket cannot stall the server. Its messages are rate limited, its access checks
 * run one at a time, its subscriptions and a person's sockets are bounded, and a socket whose
 * unsent data grows too large is dropped (it reconnects and catches up).
 */
import { randomUUID } from "node:crypto";
import {
  type Channel,
  type ClientMessage,
  clientMessageSchema,
  PROTOCOL_VERSION,
  type ServerMessage,
  type User,
  WireCloseCode,
  WireErrorCode,
} from "@lattice/domain";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { RawData, WebSocket } from "ws";
import type { Connection, ResolvedHubOptions, Subscription } from "./hub-types.js";

// WebSocket close code 1013, "Try Again Later" (RFC 6455 registry).
const TRY_AGAIN_LATER = 1013;

/** What a socket's messages ask of the rest of the hub. */
export interface ConnectionHandlers {
  subscribe: (connection: Connection, channel: Channel, since: number | undefined) => Promise<void>;
  removeSubscription: (sub: Subscription) => void;
  announcePresence: (connection: Connection, channel: string, cardId: string | null) => void;
}

export class Connections {
  private readonly connections = new Set<Connection>();
  private readonly socketsByUser = new Map<string, number>();
  private readonly messageLimiter: RateLimiterMemory;

  constructor(
    private readonly options: ResolvedHubOptions,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.messageLimiter = new RateLimiterMemory({
      points: this.options.maxMessagesPerWindow,
      duration: this.options.messageWindowSeconds,
    });
  }

  get size(): number {
    return this.connections.size;
  }

  get subscriptionCount(): number {
    let subscriptions = 0;
    for (const c of this.connections) subscriptions += c.subscriptions.size;
    return subscriptions;
  }

  /** Whether the connection is still attached (not closed, dropped or detached). */
  isOpen(connection: Connection): boolean {
    return this.connections.has(connection);
  }

  attach(socket: WebSocket, user: User): void {
    const open = this.socketsByUser.get(user.id) ?? 0;
    if (open >= this.options.maxSocketsPerUser) {
      socket.send(
        JSON.stringify({
          type: "error",
          code: WireErrorCode.tooManySockets,
          message: `At most ${this.options.maxSocketsPerUser} live connections per person; close another tab`,
        } satisfies ServerMessage),
      );
      socket.close(WireCloseCode.tooManySockets, "too many sockets");
      return;
    }
    this.socketsByUser.set(user.id, open + 1);
    const connection: Connection = {
      id: randomUUID(),
      socket,
      user,
      subscriptions: new Map(),
      isAlive: true,
      pendingSubscribes: 0,
      accessChecks: Promise.resolve(),
      droppedMessages: 0,
    };
    this.connections.add(connection);
    socket.on("pong", () => {
      connection.isAlive = true;
    });
    socket.on("message", (data, isBinary) => {
      connection.isAlive = true;
      // The limiter decides synchronously and settles at once, so messages keep their order.
      this.messageLimiter.consume(connection.id).then(
        () => {
          connection.droppedMessages = 0;
          this.receive(connection, data, isBinary);
        },
        () => this.dropMessage(connection),
      );
    });
    socket.on("close", () => this.detach(connection));
    socket.on("error", () => this.detach(connection));
    this.sendMessage(connection, { type: "hello", protocol: PROTOCOL_VERSION, userId: user.id });
  }

  private receive(connection: Connection, data: RawData, isBinary: boolean): void {
    if (!this.connections.has(connection)) return;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
    if (isBinary || size > this.options.maxMessageBytes) {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.invalidMessage,
        message: `Send JSON text frames of at most ${this.options.maxMessageBytes} bytes`,
      });
      return;
    }
    this.handleText(connection, data.toString());
  }

  private dropMessage(connection: Connection): void {
    if (!this.connections.has(connection)) return;
    connection.droppedMessages += 1;
    if (connection.droppedMessages === 1) {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.rateLimited,
        message: `Too many messages: at most ${this.options.maxMessagesPerWindow} per ${this.options.messageWindowSeconds} s; the rest are dropped`,
      });
    }
    if (connection.droppedMessages >= this.options.maxMessagesPerWindow) {
      this.options.log(`closing flooding socket of user ${connection.user.id}`);
      connection.socket.close(WireCloseCode.rateLimited, "too many messages");
      this.detach(connection);
    }
  }

  /** A subscribe failed (the database is unreachable): the client reconnects and subscribes again. */
  closeForRetry(connection: Connection, error: unknown): void {
    this.options.log("subscribe failed; closing the socket so the client retries", error);
    connection.socket.close(TRY_AGAIN_LATER, "try again later");
    this.detach(connection);
  }

  private detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const open = (this.socketsByUser.get(connection.user.id) ?? 1) - 1;
    if (open > 0) this.socketsByUser.set(connection.user.id, open);
    else this.socketsByUser.delete(connection.user.id);
    void this.messageLimiter.delete(connection.id);
    for (const sub of [...connection.subscriptions.values()]) this.handlers.removeSubscription(sub);
  }

  private handleText(connection: Connection, text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.invalidMessage,
        message: "Not valid JSON",
      });
      return;
    }
    const result = clientMessageSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.invalidMessage,
        message: `Not a valid message: ${where}${issue?.message ?? "unknown shape"}`,
      });
      return;
    }
    this.handleMessage(connection, result.data);
  }

  private handleMessage(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case "ping":
        this.sendMessage(connection, { type: "pong" });
        return;
      case "subscribe":
        void this.handlers
          .subscribe(connection, message.channel.toLowerCase() as Channel, message.since)
          .catch((error: unknown) => this.closeForRetry(connection, error));
        return;
      case "unsubscribe": {
        const sub = connection.subscriptions.get(message.channel.toLowerCase() as Channel);
        if (sub) this.handlers.removeSubscription(sub);
        this.sendMessage(connection, { type: "unsubscribed", channel: message.channel as Channel });
        return;
      }
      case "presence":
        this.handlers.announcePresence(connection, message.channel, message.cardId);
        return;
    }
  }

  /** `check`, queued behind the socket's earlier access checks: one query at a time per socket. */
  checkAccessInTurn(connection: Connection, check: () => Promise<boolean>): Promise<boolean> {
    const queued = connection.accessChecks.then(() => (this.connections.has(connection) ? check() : false));
    connection.accessChecks = queued.catch(() => false);
    return queued;
  }

  sendMessage(connection: Connection, message: ServerMessage): void {
    this.sendFrame(connection, JSON.stringify(message));
  }

  /**
   * Sends a text frame. A frame going to many sockets is best passed as its UTF-8 bytes, encoded
   * once: `ws` would encode a string again for every socket.
   */
  sendFrame(connection: Connection, frame: string | Buffer): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      // A slow consumer must not hold memory for everyone: drop it; it will reconnect and catch up.
      this.options.log(`disconnecting slow socket of user ${connection.user.id}`);
      socket.terminate();
      this.detach(connection);
      return;
    }
    socket.send(frame, { binary: false });
  }

  heartbeat(): void {
    for (const connection of this.connections) {
      if (!connection.isAlive) {
        connection.socket.terminate();
        this.detach(connection);
        continue;
      }
      connection.isAlive = false;
      try {
        connection.socket.ping();
      } catch {
        this.detach(connection);
      }
    }
  }

  /** Closes every socket (the server is shutting down). */
  closeAll(): void {
    for (const connection of [...this.connections]) {
      connection.socket.close(1001, "server shutting down");
      this.detach(connection);
    }
  }
}
