/**
 * Presence: who has a space open, and which card they look at. Ephemeral: it is never stored, only
 * held here and passed between instances on the bus.
 *
 * - This instance's entries are its present subscriptions; other instances' arrive on the bus and
 *   are forgotten when not refreshed within `REMOTE_PRESENCE_TTL_MS` (an instance that stopped
 *   cannot say so), so each instance republishes its own every `PRESENCE_REFRESH_MS`.
 * - A person appears once per card, however many tabs they have open.
 */
import { type Channel, type PresenceEntry, type ServerMessage, WireErrorCode } from "@lattice/domain";
import type { EventBus, PresenceBroadcast } from "./bus.js";
import type { Connections } from "./connections.js";
import type { ChannelState, Connection } from "./hub-types.js";

const REMOTE_PRESENCE_TTL_MS = 45_000;
export const PRESENCE_REFRESH_MS = 15_000;

export class Presence {
  private readonly remotePresence = new Map<Channel, Map<string, { entries: PresenceEntry[]; at: number }>>();

  constructor(
    private readonly bus: EventBus,
    private readonly connections: Connections,
    /** The channel pumps' channels, read here for their present subscribers. */
    private readonly channels: ReadonlyMap<Channel, ChannelState>,
  ) {}

  /** A socket says it is present in a space it subscribed to (looking at `cardId`, if any). */
  announce(connection: Connection, channel: string, cardId: string | null): void {
    const sub = connection.subscriptions.get(channel.toLowerCase() as Channel);
    if (!sub || !channel.startsWith("space:")) {
      this.connections.sendMessage(connection, {
        type: "error",
        code: WireErrorCode.notFound,
        message: "Subscribe to a space before announcing presence in it",
        channel: channel as Channel,
      });
      return;
    }
    sub.isPresent = true;
    sub.cardId = cardId;
    this.changed(sub.channel);
  }

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

  /** Who is present in a space, to a socket that just joined it. */
  send(connection: Connection, channel: Channel): void {
    if (!channel.startsWith("space:")) return;
    this.connections.sendMessage(connection, {
      type: "presence",
      channel,
      users: this.presenceList(channel),
    });
  }

  /** This instance's presence in `channel` changed: tell the other instances and the subscribers. */
  changed(channel: Channel): void {
    this.bus.publishPresence({
      instanceId: this.bus.instanceId,
      channel,
      entries: this.localPresence(channel),
    });
    this.broadcast(channel);
  }

  private broadcast(channel: Channel): void {
    const state = this.channels.get(channel);
    if (!state) return;
    const frame = Buffer.from(
      JSON.stringify({
        type: "presence",
        channel,
        users: this.presenceList(channel),
      } satisfies ServerMessage),
    );
    for (const sub of state.subscribers) this.connections.sendFrame(sub.connection, frame);
  }

  handleRemote(message: PresenceBroadcast): void {
    let byInstance = this.remotePresence.get(message.channel);
    if (!byInstance) {
      byInstance = new Map();
      this.remotePresence.set(message.channel, byInstance);
    }
    if (message.entries.length === 0) byInstance.delete(message.instanceId);
    else byInstance.set(message.instanceId, { entries: message.entries, at: Date.now() });
    this.broadcast(message.channel);
  }

  /** Republishes this instance's entries, so other instances do not forget them. */
  refresh(): void {
    for (const channel of this.channels.keys()) {
      const entries = this.localPresence(channel);
      if (entries.length > 0) this.bus.publishPresence({ instanceId: this.bus.instanceId, channel, entries });
    }
  }
}
