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
 * - On a workspace channel, an event about a private space goes only to those who may see the space
 *   now; everyone else gets a `redacted` frame in its place, so every seq still arrives. Both frames
 *   are serialized once per event; the decision is one query per space per pump pass.
 * - One socket cannot stall the server: its messages are rate limited, its access checks run one at
 *   a time, its subscriptions and a person's sockets are bounded.
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
  WireCloseCode,
  WireErrorCode,
} from "@lattice/domain";
import { inArray } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { RawData, WebSocket } from "ws";
import type { EventBus, PresenceBroadcast } from "./bus.js";
import { SpaceAudience } from "./space-audience.js";

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
  /** Sockets one person may hold on this instance (the web app opens one per tab). */
  maxSocketsPerUser?: number;
  /**
   * Messages a socket may send per window. Beyond it they are dropped with one `rate_limited`
   * error; as many again dropped in the window closes the socket.
   */
  maxMessagesPerWindow?: number;
  messageWindowSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

interface Connection {
  id: string;
  socket: WebSocket;
  user: User;
  subscriptions: Map<Channel, Subscription>;
  isAlive: boolean;
  /** Subscribes accepted but still checking access: they count against the subscription bound. */
  pendingSubscribes: number;
  /** The socket's access checks, one after another, so a burst cannot take the whole pool. */
  accessChecks: Promise<unknown>;
  /** Messages dropped since the last one accepted; the first one sends `rate_limited`. */
  droppedMessages: number;
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

/** The frame a reader gets in place of an event they may not see: its seq, nothing else. */
const redactedFrame = (event: DomainEvent): string =>
  eventFrame({
    channel: event.channel,
    seq: event.seq,
    type: "redacted",
    payload: {},
    actorId: null,
    mutationId: null,
    at: event.at,
  });
const REMOTE_PRESENCE_TTL_MS = 45_000;
const PRESENCE_REFRESH_MS = 15_000;

export class Hub {
  private readonly connections = new Set<Connection>();
  private readonly channels = new Map<Channel, ChannelState>();
  private readonly remotePresence = new Map<Channel, Map<string, { entries: PresenceEntry[]; at: number }>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribeBus: Array<() => void> = [];
  private readonly options: Required<HubOptions>;
  private readonly socketsByUser = new Map<string, number>();
  private readonly messageLimiter: RateLimiterMemory;

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
      maxSubscriptionsPerSocket: options.maxSubscriptionsPerSocket ?? 200,
      maxMessageBytes: options.maxMessageBytes ?? 16 * 1024,
      maxSocketsPerUser: options.maxSocketsPerUser ?? 30,
      maxMessagesPerWindow: options.maxMessagesPerWindow ?? 100,
      messageWindowSeconds: options.messageWindowSeconds ?? 10,
      log: options.log ?? (() => {}),
    };
    this.messageLimiter = new RateLimiterMemory({
      points: this.options.maxMessagesPerWindow,
      duration: this.options.messageWindowSeconds,
    });
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
  private closeForRetry(connection: Connection, error: unknown): void {
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

  /** `canRead`, queued behind the socket's earlier checks: one query at a time per socket. */
  private checkAccess(connection: Connection, channel: Channel): Promise<boolean> {
    const check = connection.accessChecks.then(() =>
      this.connections.has(connection) ? this.canRead(connection.user, channel) : false,
    );
    connection.accessChecks = check.catch(() => false);
    return check;
  }

  private async subscribe(
    connection: Connection,
    channel: Channel,
    since: number | undefined,
  ): Promise<void> {
    if (connection.subscriptions.has(channel))
      this.removeSubscription(connection.subscriptions.get(channel) as Subscription);
    if (
      connection.subscriptions.size + connection.pendingSubscribes >=
      this.options.maxSubscriptionsPerSocket
    ) {
      this.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.tooManySubscriptions,
        message: `At most ${this.options.maxSubscriptionsPerSocket} channels per socket`,
        channel,
      });
      return;
    }
    connection.pendingSubscribes += 1;
    let isReadable: boolean;
    try {
      isReadable = await this.checkAccess(connection, channel);
    } finally {
      connection.pendingSubscribes -= 1;
    }
    // Security: a channel the caller may not read is answered exactly like one that does not exist.
    if (!isReadable) {
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
          let audience = this.audienceFor(channel);
          for (const event of page) {
            if (event.seq > latest) break;
            const visibleTo = audience ? await audience.visibleTo(event, [connection.user.id]) : null;
            const isVisible = visibleTo === null || visibleTo.has(connection.user.id);
            this.sendFrame(connection, isVisible ? eventFrame(event) : redactedFrame(event));
            sub.cursor = event.seq;
            if (event.type === "access.changed") audience = this.audienceFor(channel);
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
      let hasRead = false;
      try {
        await this.pump(state);
        hasRead = true;
      } finally {
        state.isPumpScheduled = false;
        // After a failed read (the database is away) the periodic check and the bus reconnect retry;
        // waking again at once would spin for as long as the outage lasts.
        if (hasRead && state.subscribers.size > 0 && state.wantedSeq > state.lastSeq)
          this.wake(channel, state.wantedSeq);
        this.dropIfIdle(state);
      }
    });
  }

  /** Who may see which event of a workspace channel; null for channels where every reader sees all. */
  private audienceFor(channel: Channel): SpaceAudience | null {
    const parsed = parseChannel(channel);
    return parsed?.kind === "workspace" ? new SpaceAudience(this.handle.db, parsed.id) : null;
  }

  private async pump(state: ChannelState): Promise<void> {
    while (state.subscribers.size > 0) {
      const page = await eventsAfter(this.handle.db, state.channel, state.lastSeq, PAGE);
      // Decisions about private spaces hold for this page (read after it) or until access changes.
      let audience = this.audienceFor(state.channel);
      for (const event of page) {
        await this.dispatch(state, event, audience);
        if (event.type === "access.changed") audience = this.audienceFor(state.channel);
      }
      if (page.length < PAGE) return;
    }
  }

  private async dispatch(
    state: ChannelState,
    event: DomainEvent,
    audience: SpaceAudience | null,
  ): Promise<void> {
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
    const behind = [...state.subscribers].filter((s) => s.cursor < event.seq);
    const visibleTo =
      audience && behind.length > 0
        ? await audience.visibleTo(
            event,
            behind.map((s) => s.connection.user.id),
          )
        : null;
    const frame = eventFrame(event);
    let redacted: string | null = null;
    for (const sub of behind) {
      // A subscription removed while the decision was made (socket closed) is skipped.
      if (!state.subscribers.has(sub) || sub.cursor >= event.seq) continue;
      const isVisible = visibleTo === null || visibleTo.has(sub.connection.user.id);
      if (!isVisible) redacted ??= redactedFrame(event);
      this.sendFrame(sub.connection, isVisible ? frame : (redacted as string));
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
