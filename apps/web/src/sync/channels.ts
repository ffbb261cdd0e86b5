/**
 * The channel registry: which channels this tab follows and how far it has read each one.
 *
 * Invariants (the server numbers each channel's events 1, 2, 3… with no gap):
 * - A channel's `seq` is the seq of the snapshot it loaded, then of the last event applied.
 * - An event with seq <= known is a duplicate (a replay overlapping what we have) and is ignored.
 * - seq == known + 1 is applied, through the handler (the same reducer as everything else).
 * - seq > known + 1 is a gap: we re-subscribe with since = known and the server replays the rest;
 *   events arriving meanwhile are ignored, the replay brings them again in order.
 * - `resync` means the server cannot replay from our seq: the handler reloads the snapshot, events
 *   arriving during the reload are buffered and then filtered against the new snapshot's seq.
 * - A gap that the replay did not fill (the socket dropped a frame it could not parse, and the replay
 *   brought the same unreadable frame again) is not asked for again: the handler reloads the snapshot,
 *   which holds what the unreadable event did, and the channel goes on from the snapshot's seq. So
 *   one bad frame costs one replay and one snapshot, never a replay at each later event.
 * - Every (re)opened socket re-subscribes every channel with its last seq, so a reconnect catches up.
 * - One handler per channel decides the seq; observers (`observe`) only hear what it applied, after it,
 *   and null after it reloaded a snapshot (they missed events: they ask for their own data again).
 */
import type { Channel, ClientMessage, PresenceEntry, ServerMessage, WireEvent } from "@lattice/domain";

export type { WireEvent } from "@lattice/domain";

export interface ChannelHandler {
  /** Applies one event, called in seq order with no gap. */
  apply: (event: WireEvent, seq: number) => void;
  /** Loads a fresh snapshot of the channel and resolves with its seq (`latest`: the server's). */
  reload: (latest: number) => Promise<number>;
  /** The server will not serve this channel to us any more (access revoked, deleted). */
  onLost?: (code: string, message: string) => void;
  onPresence?: (users: PresenceEntry[]) => void;
}

type Phase = "subscribing" | "live" | "reloading";

interface Entry {
  channel: Channel;
  /** null until known: a channel subscribed without a snapshot takes the server's latest seq. */
  seq: number | null;
  handler: ChannelHandler;
  phase: Phase;
  isRecovering: boolean;
  /** The seq a replay was last asked from for a gap; null once an event was applied after it. */
  replayedFrom: number | null;
  buffer: Array<{ seq: number; event: WireEvent }>;
  /** The presence last announced, re-sent after every (re)subscription; undefined: none. */
  presence: string | null | undefined;
}

export interface ChannelRegistryOptions {
  /** Delay before trying again when a reload failed. */
  retryMs?: number;
}

export class ChannelRegistry {
  private readonly entries = new Map<Channel, Entry>();
  private readonly observers = new Map<Channel, Set<(event: WireEvent | null) => void>>();
  private readonly everyChannelObservers = new Set<(channel: Channel, event: WireEvent | null) => void>();
  private readonly retryMs: number;

  constructor(
    private readonly send: (message: ClientMessage) => boolean,
    options: ChannelRegistryOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 2000;
  }

  has(channel: Channel): boolean {
    return this.entries.has(channel);
  }

  seqOf(channel: Channel): number | null {
    return this.entries.get(channel)?.seq ?? null;
  }

  get channels(): Channel[] {
    return [...this.entries.keys()];
  }

  /** Follows `channel` from `since` (the loaded snapshot's seq; null: from now on). */
  subscribe(channel: Channel, since: number | null, handler: ChannelHandler): void {
    const entry: Entry = {
      channel,
      seq: since,
      handler,
      phase: "subscribing",
      isRecovering: false,
      replayedFrom: null,
      buffer: [],
      presence: undefined,
    };
    this.entries.set(channel, entry);
    this.sendSubscribe(entry);
  }

  /**
   * Hears the events the channel's handler applies (null: it reloaded), for a page that shows data
   * from a channel something else follows. Does not subscribe; returns the function that stops it.
   */
  observe(channel: Channel, listener: (event: WireEvent | null) => void): () => void {
    const listeners = this.observers.get(channel) ?? new Set();
    listeners.add(listener);
    this.observers.set(channel, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.observers.get(channel) === listeners) this.observers.delete(channel);
    };
  }

  /** Like `observe`, for every channel (the query cache's bridge to the live events). */
  observeAll(listener: (channel: Channel, event: WireEvent | null) => void): () => void {
    this.everyChannelObservers.add(listener);
    return () => this.everyChannelObservers.delete(listener);
  }

  private tell(channel: Channel, event: WireEvent | null): void {
    for (const listener of this.observers.get(channel) ?? []) listener(event);
    for (const listener of this.everyChannelObservers) listener(channel, event);
  }

  unsubscribe(channel: Channel): void {
    if (!this.entries.delete(channel)) return;
    this.send({ type: "unsubscribe", channel });
  }

  setPresence(channel: Channel, cardId: string | null): void {
    const entry = this.entries.get(channel);
    if (!entry) return;
    entry.presence = cardId;
    if (entry.phase !== "subscribing") this.send({ type: "presence", channel, cardId });
  }

  /** The socket (re)opened: every channel asks again from where it is. */
  handleOpen(): void {
    for (const entry of this.entries.values()) {
      entry.isRecovering = false;
      entry.replayedFrom = null;
      if (entry.phase !== "reloading") entry.phase = "subscribing";
      this.sendSubscribe(entry);
    }
  }

  handleMessage(message: ServerMessage): void {
    switch (message.type) {
      case "subscribed": {
        const entry = this.entries.get(message.channel);
        if (!entry) return;
        entry.isRecovering = false;
        if (entry.seq === null) entry.seq = message.seq;
        if (entry.phase === "subscribing") entry.phase = "live";
        if (entry.presence !== undefined)
          this.send({ type: "presence", channel: entry.channel, cardId: entry.presence });
        return;
      }
      case "event": {
        const entry = this.entries.get(message.channel);
        if (!entry) return;
        if (entry.phase === "reloading") {
          entry.buffer.push({ seq: message.seq, event: message.event });
          return;
        }
        this.take(entry, message.seq, message.event);
        return;
      }
      case "resync": {
        const entry = this.entries.get(message.channel);
        if (entry) this.reload(entry, message.seq);
        return;
      }
      case "presence": {
        this.entries.get(message.channel)?.handler.onPresence?.(message.users);
        return;
      }
      case "error": {
        if (!message.channel) return;
        const entry = this.entries.get(message.channel);
        if (!entry) return;
        this.entries.delete(message.channel);
        entry.handler.onLost?.(message.code, message.message);
        return;
      }
      default:
        return;
    }
  }

  private sendSubscribe(entry: Entry): void {
    this.send(
      entry.seq === null
        ? { type: "subscribe", channel: entry.channel }
        : { type: "subscribe", channel: entry.channel, since: entry.seq },
    );
  }

  private take(entry: Entry, seq: number, event: WireEvent): void {
    if (entry.seq === null || seq <= entry.seq) return;
    if (seq === entry.seq + 1) {
      entry.seq = seq;
      entry.replayedFrom = null;
      entry.handler.apply(event, seq);
      this.tell(entry.channel, event);
      return;
    }
    if (entry.isRecovering) return;
    if (entry.replayedFrom === entry.seq) {
      // The replay asked for this gap did not fill it: the missing event cannot be read here.
      this.reload(entry, seq);
      return;
    }
    entry.replayedFrom = entry.seq;
    entry.isRecovering = true;
    entry.phase = "subscribing";
    this.sendSubscribe(entry);
  }

  private reload(entry: Entry, latest: number): void {
    if (entry.phase === "reloading") return;
    entry.phase = "reloading";
    entry.buffer = [];
    entry.handler.reload(latest).then(
      (seq) => {
        if (this.entries.get(entry.channel) !== entry) return;
        entry.seq = seq;
        entry.phase = "live";
        entry.isRecovering = false;
        entry.replayedFrom = null;
        this.tell(entry.channel, null);
        const buffered = entry.buffer.sort((a, b) => a.seq - b.seq);
        entry.buffer = [];
        for (const item of buffered) this.take(entry, item.seq, item.event);
      },
      () => {
        if (this.entries.get(entry.channel) !== entry) return;
        // The snapshot could not be loaded (offline?): ask again later; the server answers resync again.
        entry.phase = "subscribing";
        entry.buffer = [];
        setTimeout(() => {
          if (this.entries.get(entry.channel) === entry) this.sendSubscribe(entry);
        }, this.retryMs);
      },
    );
  }
}
