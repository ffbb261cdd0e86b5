/**
 * The WebSocket hub: rooms are channels, and the server decides who is in them.
 *
 * Invariants:
 * - Each channel has one serialized pump (a promise chain). Subscribing, replaying, reading new
 *   events and re-checking access for that channel all run on it, one after another, so a
 *   subscriber receives every event exactly once and in seq order.
 * - Every subscription has a cursor (the last seq it was sent). The pump reads the events after the
 *   channel's last pushed seq once from the table, serializes each event once, and sends the same
 *   bytes to every subscriber whose cursor is behind it.
 * - `access.changed` travels in the channel's own sequence; the pump re-checks the affected
 *   subscribers when it reaches it, before sending anything later.
 * - A wake-up is only a hint. A lost one delays delivery until the next wake-up or the periodic
 *   check, which compares the channels' seqs in the table with what was pushed.
 */
import { randomUUID } from "node:crypto";
import { type DbHandle, eventsAfter, latestSeq, spaceAccess, tables, workspaceAccess } from "@lattice/db";
import {
  type Channel,
  type ClientMessage,
  clientMessageSchema,
  type DomainEvent,
  eventFrame,
  PROTOCOL_VERSION,
  type PresenceEntry,
  parseChannel,
  type ServerMessage,
  type User,
  WireErrorCode,
} from "@lattice/domain";
import { inArray } from "drizzle-orm";
import type { WebSocket } from "ws";
import type { EventBus, PresenceBroadcast } from "./bus.js";

export interface HubOptions {
  /** Longer gaps than this are answered with `resync`: reloading the snapshot is cheaper. */
  maxReplay?: number;
  /** A socket whose unsent data grows past this is disconnected (slow consumer). */
  maxBufferedBytes?: number;
  heartbeatMs?: number;
  /** How often to compare the channels' seqs in the table with what was pushed. */
  pollMs?: number;
  maxSubscriptionsPerSocket?: number;
  maxMessageBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

interface Connection {
  id: string;
  socket: WebSocket;
  user: User;
  subscriptions: Map<Channel, Subscription>;
  isAlive: boolean;
}

interface Subscription {
  connection: Connection;
  channel: Channel;
  cursor: number;
  cardId: string | null;
  isPresent: boolean;
}

interface ChannelState {
  channel: Channel;
  /** Highest seq read from the table and pushed to live subscribers; -1 until the first subscribe. */
  lastSeq: number;
  wantedSeq: number;
  isPumpScheduled: boolean;
  /** Subscribes queued on the pump; the state must outlive them even with no subscribers yet. */
  pendingSubscribes: number;
  subscribers: Set<Subscription>;
  queue: Promise<void>;
}

const PAGE = 500;
// WebSocket close code 1013, "Try Again Later" (RFC 6455 registry).
const TRY_AGAIN_LATER = 1013;
const REMOTE_PRESENCE_TTL_MS = 45_000;
const PRESENCE_REFRESH_MS = 15_000;

export class Hub {
  private readonly connections = new Set<Connection>();
  private readonly channels = new Map<Channel, ChannelState>();
  private readonly remotePresence = new Map<Channel, Map<string, { entries: PresenceEntry[]; at: number }>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribeBus: Array<() => void> = [];
  private readonly options: Required<HubOptions>;

  constructor(
    private readonly handle: DbHandle,
    private readonly bus: EventBus,
    options: HubOptions = {},
  ) {
    this.options = {
      maxReplay: options.maxReplay ?? 5000,
      maxBufferedBytes: options.maxBufferedBytes ?? 4 * 1024 * 1024,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      pollMs: options.pollMs ?? 5000,
      maxSubscriptionsPerSocket: options.maxSubscriptionsPerSocket ?? 500,
      maxMessageBytes: options.maxMessageBytes ?? 16 * 1024,
      log: options.log ?? (() => {}),
    };
    this.unsubscribeBus.push(
      bus.onWake((channel, seq) => this.wake(channel, seq)),
      bus.onReconnect(() => void this.checkAllChannels()),
      bus.onPresence((message) => this.handleRemotePresence(message)),
    );
    this.timers.push(
      setInterval(() => this.heartbeat(), this.options.heartbeatMs),
      setInterval(() => void this.checkAllChannels(), this.options.pollMs),
      setInterval(() => this.refreshPresence(), PRESENCE_REFRESH_MS),
    );
    for (const t of this.timers) t.unref();
  }

  get stats() {
    let subscriptions = 0;
    for (const c of this.connections) subscriptions += c.subscriptions.size;
    return { connections: this.connections.size, channels: this.channels.size, subscriptions };
  }

  // ---------- sockets ----------

  attach(socket: WebSocket, user: User): void {
    const connection: Connection = {
      id: randomUUID(),
      socket,
      user,
      subscriptions: new Map(),
      isAlive: true,
    };
    this.connections.add(connection);
    socket.on("pong", () => {
      connection.isAlive = true;
    });
    socket.on("message", (data, isBinary) => {
      connection.isAlive = true;
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
    });
    socket.on("close", () => this.detach(connection));
    socket.on("error", () => this.detach(connection));
    this.sendMessage(connection, { type: "hello", protocol: PROTOCOL_VERSION, userId: user.id });
  }

  /** A subscribe failed (the database is unreachable): the client reconnects and subscribes again. */
  private closeForRetry(connection: Connection, error: unknown): void {
    this.options.log("subscribe failed; closing the socket so the client retries", error);
    connection.socket.close(TRY_AGAIN_LATER, "try again later");
    this.detach(connection);
  }

  private detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const sub of [...connection.subscriptions.values()]) this.removeSubscription(sub);
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
        void this.subscribe(connection, message.channel.toLowerCase() as Channel, message.since).catch(
          (error: unknown) => this.closeForRetry(connection, error),
        );
        return;
      case "unsubscribe": {
        const sub = connection.subscriptions.get(message.channel.toLowerCase() as Channel);
        if (sub) this.removeSubscription(sub);
        this.sendMessage(connection, { type: "unsubscribed", channel: message.channel as Channel });
        return;
      }
      case "presence": {
        const sub = connection.subscriptions.get(message.channel.toLowerCase() as Channel);
        if (!sub || !message.channel.startsWith("space:")) {
          this.sendMessage(connection, {
            type: "error",
            code: WireErrorCode.notFound,
            message: "Subscribe to a space before announcing presence in it",
            channel: message.channel as Channel,
          });
          return;
        }
        sub.isPresent = true;
        sub.cardId = message.cardId;
        this.presenceChanged(sub.channel);
        return;
      }
    }
  }

  private sendMessage(connection: Connection, message: ServerMessage): void {
    this.sendFrame(connection, JSON.stringify(message));
  }

  private sendFrame(connection: Connection, frame: string): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      // A slow consumer must not hold memory for everyone: drop it; it will reconnect and catch up.
      this.options.log(`disconnecting slow socket of user ${connection.user.id}`);
      socket.terminate();
      this.detach(connection);
      return;
    }
    socket.send(frame);
  }

  private heartbeat(): void {
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

  // ---------- channels ----------

  private channelState(channel: Channel): ChannelState {
    let state = this.channels.get(channel);
    if (!state) {
      state = {
        channel,
        lastSeq: -1,
        wantedSeq: 0,
        isPumpScheduled: false,
        pendingSubscribes: 0,
        subscribers: new Set(),
        queue: Promise.resolve(),
      };
      this.channels.set(channel, state);
    }
    return state;
  }

  private enqueue(state: ChannelState, op: () => Promise<void>): Promise<void> {
    state.queue = state.queue
      .then(op)
      .catch((error) => this.options.log(`channel ${state.channel} failed`, error));
    return state.queue;
  }

  /** May this user read this channel? Asked at subscribe time and again on `access.changed`. */
  private async canRead(user: User, channel: Channel): Promise<boolean> {
    const parsed = parseChannel(channel);
    if (!parsed) return false;
    switch (parsed.kind) {
      case "user":
        return parsed.id === user.id;
      case "workspace":
        return (await workspaceAccess(this.handle.db, user.id, parsed.id)) !== null;
      case "space":
        return (await spaceAccess(this.handle.db, user.id, parsed.id)) !== null;
    }
  }

  private async subscribe(
    connection: Connection,
    channel: Channel,
    since: number | undefined,
  ): Promise<void> {
    if (connection.subscriptions.has(channel))
      this.removeSubscription(connection.subscriptions.get(channel) as Subscription);
    if (connection.subscriptions.size >= this.options.maxSubscriptionsPerSocket) {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.tooManySubscriptions,
        message: `At most ${this.options.maxSubscriptionsPerSocket} channels per socket`,
        channel,
      });
      return;
    }
    // Security: a channel the caller may not read is answered exactly like one that does not exist.
    if (!(await this.canRead(connection.user, channel))) {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.notFound,
        message: "No such channel",
        channel,
      });
      return;
    }
    if (!this.connections.has(connection)) return;
    const sub: Subscription = { connection, channel, cursor: 0, cardId: null, isPresent: false };
    connection.subscriptions.set(channel, sub);
    const state = this.channelState(channel);
    state.pendingSubscribes += 1;
    await this.enqueue(state, async () => {
      try {
        await this.replayAndJoin(state, sub, since);
      } catch (error) {
        this.closeForRetry(connection, error);
      } finally {
        state.pendingSubscribes -= 1;
        this.dropIfIdle(state);
      }
    });
  }

  private async replayAndJoin(
    state: ChannelState,
    sub: Subscription,
    since: number | undefined,
  ): Promise<void> {
    const { connection, channel } = sub;
    {
      if (connection.subscriptions.get(channel) !== sub) return;
      const latest = await latestSeq(this.handle.db, channel);
      const from = since ?? latest;
      if (from > latest || latest - from > this.options.maxReplay) {
        sub.cursor = latest;
        this.sendMessage(connection, { type: "resync", channel, seq: latest });
      } else {
        this.sendMessage(connection, { type: "subscribed", channel, seq: latest });
        sub.cursor = from;
        while (sub.cursor < latest) {
          const page = await eventsAfter(this.handle.db, channel, sub.cursor, PAGE);
          if (page.length === 0) break;
          for (const event of page) {
            if (event.seq > latest) break;
            this.sendFrame(connection, eventFrame(event));
            sub.cursor = event.seq;
          }
        }
        sub.cursor = latest;
      }
      if (connection.subscriptions.get(channel) !== sub) return;
      state.subscribers.add(sub);
      if (state.lastSeq < 0) state.lastSeq = sub.cursor;
      if (state.lastSeq < sub.cursor) this.wake(channel, sub.cursor);
      this.sendPresence(connection, channel);
    }
  }

  private dropIfIdle(state: ChannelState): void {
    if (state.subscribers.size === 0 && !state.isPumpScheduled && state.pendingSubscribes === 0) {
      if (this.channels.get(state.channel) === state) this.channels.delete(state.channel);
    }
  }

  private removeSubscription(sub: Subscription): void {
    const { connection, channel } = sub;
    if (connection.subscriptions.get(channel) === sub) connection.subscriptions.delete(channel);
    const state = this.channels.get(channel);
    if (!state) return;
    state.subscribers.delete(sub);
    if (sub.isPresent) this.presenceChanged(channel);
    this.dropIfIdle(state);
  }

  /** A hint that `channel` has reached `seq`; reads and pushes what this instance has not pushed. */
  wake(channel: Channel, seq: number): void {
    const state = this.channels.get(channel);
    if (!state) return;
    state.wantedSeq = Math.max(state.wantedSeq, seq);
    if (state.isPumpScheduled || state.wantedSeq <= state.lastSeq) return;
    state.isPumpScheduled = true;
    void this.enqueue(state, async () => {
      try {
        await this.pump(state);
      } finally {
        state.isPumpScheduled = false;
        if (state.subscribers.size > 0 && state.wantedSeq > state.lastSeq)
          this.wake(channel, state.wantedSeq);
        this.dropIfIdle(state);
      }
    });
  }

  private async pump(state: ChannelState): Promise<void> {
    while (state.subscribers.size > 0) {
      const page = await eventsAfter(this.handle.db, state.channel, state.lastSeq, PAGE);
      for (const event of page) await this.dispatch(state, event);
      if (page.length < PAGE) return;
    }
  }

  private async dispatch(state: ChannelState, event: DomainEvent): Promise<void> {
    if (event.type === "access.changed") {
      const affected = [...state.subscribers].filter(
        (s) => event.payload.userId === null || s.connection.user.id === event.payload.userId,
      );
      for (const sub of affected) {
        if (!(await this.canRead(sub.connection.user, state.channel))) {
          this.removeSubscription(sub);
          this.sendMessage(sub.connection, {
            type: "error",
            code: WireErrorCode.accessRevoked,
            message: "You no longer have access to this channel",
            channel: state.channel,
          });
        }
      }
    }
    const frame = eventFrame(event);
    for (const sub of state.subscribers) {
      if (sub.cursor >= event.seq) continue;
      this.sendFrame(sub.connection, frame);
      sub.cursor = event.seq;
    }
    state.lastSeq = event.seq;
    const isChannelGone =
      (event.type === "space.deleted" && state.channel === `space:${event.payload.spaceId}`) ||
      (event.type === "workspace.deleted" && state.channel === `workspace:${event.payload.workspaceId}`);
    if (isChannelGone) for (const sub of [...state.subscribers]) this.removeSubscription(sub);
  }

  /** The periodic check (and the catch-up after the bus reconnects): one query for all channels. */
  async checkAllChannels(): Promise<void> {
    const names = [...this.channels.keys()];
    if (names.length === 0) return;
    try {
      for (let i = 0; i < names.length; i += 1000) {
        const rows = await this.handle.db
          .select({ channel: tables.channels.channel, seq: tables.channels.seq })
          .from(tables.channels)
          .where(inArray(tables.channels.channel, names.slice(i, i + 1000)));
        for (const row of rows) this.wake(row.channel as Channel, row.seq);
      }
    } catch (error) {
      this.options.log("periodic channel check failed", error);
    }
  }

  // ---------- presence (ephemeral, never stored) ----------

  private localPresence(channel: Channel): PresenceEntry[] {
    const state = this.channels.get(channel);
    if (!state) return [];
    const entries: PresenceEntry[] = [];
    for (const sub of state.subscribers) {
      if (sub.isPresent)
        entries.push({ userId: sub.connection.user.id, name: sub.connection.user.name, cardId: sub.cardId });
    }
    return entries;
  }

  private presenceList(channel: Channel): PresenceEntry[] {
    const all = [...this.localPresence(channel)];
    const now = Date.now();
    for (const [instanceId, remote] of this.remotePresence.get(channel) ?? []) {
      if (now - remote.at > REMOTE_PRESENCE_TTL_MS) this.remotePresence.get(channel)?.delete(instanceId);
      else all.push(...remote.entries);
    }
    // One entry per person and card, even with several tabs open.
    const seen = new Set<string>();
    return all.filter((e) => {
      const key = `${e.userId}|${e.cardId ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private sendPresence(connection: Connection, channel: Channel): void {
    if (!channel.startsWith("space:")) return;
    this.sendMessage(connection, { type: "presence", channel, users: this.presenceList(channel) });
  }

  private presenceChanged(channel: Channel): void {
    this.bus.publishPresence({
      instanceId: this.bus.instanceId,
      channel,
      entries: this.localPresence(channel),
    });
    this.broadcastPresence(channel);
  }

  private broadcastPresence(channel: Channel): void {
    const state = this.channels.get(channel);
    if (!state) return;
    const frame = JSON.stringify({
      type: "presence",
      channel,
      users: this.presenceList(channel),
    } satisfies ServerMessage);
    for (const sub of state.subscribers) this.sendFrame(sub.connection, frame);
  }

  private handleRemotePresence(message: PresenceBroadcast): void {
    let byInstance = this.remotePresence.get(message.channel);
    if (!byInstance) {
      byInstance = new Map();
      this.remotePresence.set(message.channel, byInstance);
    }
    if (message.entries.length === 0) byInstance.delete(message.instanceId);
    else byInstance.set(message.instanceId, { entries: message.entries, at: Date.now() });
    this.broadcastPresence(message.channel);
  }

  private refreshPresence(): void {
    for (const channel of this.channels.keys()) {
      const entries = this.localPresence(channel);
      if (entries.length > 0) this.bus.publishPresence({ instanceId: this.bus.instanceId, channel, entries });
    }
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const u of this.unsubscribeBus) u();
    for (const connection of [...this.connections]) {
      connection.socket.close(1001, "server shutting down");
      this.detach(connection);
    }
    await Promise.all([...this.channels.values()].map((s) => s.queue));
  }
}
