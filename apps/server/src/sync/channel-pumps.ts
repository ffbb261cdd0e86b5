/**
 * The channel pumps: rooms are channels, and the server decides who is in them.
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
 *   now; on a space channel, a relation event naming a card of another space goes only to those who
 *   may read that space now. Everyone else gets a `redacted` frame in its place, so every seq still
 *   arrives. Both frames are serialized once per event; the decision is one query per space per
 *   pump pass.
 */
import { type DbHandle, eventsAfter, latestSeq, spaceAccess, tables, workspaceAccess } from "@lattice/db";
import {
  type Channel,
  type DomainEvent,
  eventFrame,
  parseChannel,
  type User,
  WireErrorCode,
} from "@lattice/domain";
import { inArray } from "drizzle-orm";
import type { Connections } from "./connections.js";
import type { ChannelState, Connection, ResolvedHubOptions, Subscription } from "./hub-types.js";
import type { Presence } from "./presence.js";
import { RelationAudience } from "./relation-audience.js";
import { SpaceAudience } from "./space-audience.js";

/** Decides, per reader, who may see the events of a channel that not every reader may see. */
type Audience = SpaceAudience | RelationAudience;

const PAGE = 500;

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

export class ChannelPumps {
  constructor(
    private readonly handle: DbHandle,
    private readonly options: ResolvedHubOptions,
    /** Shared with presence, which reads each channel's present subscribers. */
    private readonly channels: Map<Channel, ChannelState>,
    private readonly connections: Connections,
    private readonly presence: Presence,
  ) {}

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

  async subscribe(connection: Connection, channel: Channel, since: number | undefined): Promise<void> {
    if (connection.subscriptions.has(channel))
      this.removeSubscription(connection.subscriptions.get(channel) as Subscription);
    if (
      connection.subscriptions.size + connection.pendingSubscribes >=
      this.options.maxSubscriptionsPerSocket
    ) {
      this.connections.sendMessage(connection, {
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
      isReadable = await this.connections.checkAccessInTurn(connection, () =>
        this.canRead(connection.user, channel),
      );
    } finally {
      connection.pendingSubscribes -= 1;
    }
    // Security: a channel the caller may not read is answered exactly like one that does not exist.
    if (!isReadable) {
      this.connections.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.notFound,
        message: "No such channel",
        channel,
      });
      return;
    }
    if (!this.connections.isOpen(connection)) return;
    const sub: Subscription = { connection, channel, cursor: 0, cardId: null, isPresent: false };
    connection.subscriptions.set(channel, sub);
    const state = this.channelState(channel);
    state.pendingSubscribes += 1;
    await this.enqueue(state, async () => {
      try {
        await this.replayAndJoin(state, sub, since);
      } catch (error) {
        this.connections.closeForRetry(connection, error);
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
        this.connections.sendMessage(connection, { type: "resync", channel, seq: latest });
      } else {
        this.connections.sendMessage(connection, { type: "subscribed", channel, seq: latest });
        sub.cursor = from;
        while (sub.cursor < latest) {
          const page = await eventsAfter(this.handle.db, channel, sub.cursor, PAGE);
          if (page.length === 0) break;
          let audience = this.audienceFor(channel);
          for (const event of page) {
            if (event.seq > latest) break;
            const visibleTo = audience?.concerns(event)
              ? await audience.visibleTo(event, [connection.user.id])
              : null;
            const isVisible = visibleTo === null || visibleTo.has(connection.user.id);
            this.connections.sendFrame(connection, isVisible ? eventFrame(event) : redactedFrame(event));
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
      this.presence.send(connection, channel);
    }
  }

  private dropIfIdle(state: ChannelState): void {
    if (state.subscribers.size === 0 && !state.isPumpScheduled && state.pendingSubscribes === 0) {
      if (this.channels.get(state.channel) === state) this.channels.delete(state.channel);
    }
  }

  removeSubscription(sub: Subscription): void {
    const { connection, channel } = sub;
    if (connection.subscriptions.get(channel) === sub) connection.subscriptions.delete(channel);
    const state = this.channels.get(channel);
    if (!state) return;
    state.subscribers.delete(sub);
    if (sub.isPresent) this.presence.changed(channel);
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

  /** Who may see which event of a channel; null for channels where every reader sees all. */
  private audienceFor(channel: Channel): Audience | null {
    const parsed = parseChannel(channel);
    switch (parsed?.kind) {
      case "workspace":
        return new SpaceAudience(this.handle.db, parsed.id);
      case "space":
        return new RelationAudience(this.handle.db, parsed.id);
      default:
        return null;
    }
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

  private async dispatch(state: ChannelState, event: DomainEvent, audience: Audience | null): Promise<void> {
    if (event.type === "access.changed") {
      const affected = [...state.subscribers].filter(
        (s) => event.payload.userId === null || s.connection.user.id === event.payload.userId,
      );
      for (const sub of affected) {
        if (!(await this.canRead(sub.connection.user, state.channel))) {
          this.removeSubscription(sub);
          this.connections.sendMessage(sub.connection, {
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
      audience?.concerns(event) && behind.length > 0
        ? await audience.visibleTo(
            event,
            behind.map((s) => s.connection.user.id),
          )
        : null;
    // Encoded once: every subscriber's socket sends these same bytes.
    const frame = Buffer.from(eventFrame(event));
    let redacted: Buffer | null = null;
    for (const sub of behind) {
      // A subscription removed while the decision was made (socket closed) is skipped.
      if (!state.subscribers.has(sub) || sub.cursor >= event.seq) continue;
      const isVisible = visibleTo === null || visibleTo.has(sub.connection.user.id);
      if (!isVisible) redacted ??= Buffer.from(redactedFrame(event));
      this.connections.sendFrame(sub.connection, isVisible ? frame : (redacted as Buffer));
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

  /** Settles once every channel's queued work has run. */
  async drain(): Promise<void> {
    await Promise.all([...this.channels.values()].map((s) => s.queue));
  }
}
