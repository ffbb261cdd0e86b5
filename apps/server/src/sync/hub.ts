/**
 * The WebSocket hub: rooms are channels, and the server decides who is in them. It composes three
 * parts, each with the invariants it keeps in its own header:
 * - `connections.ts`: the sockets (attach and detach, bounds, heartbeats, messages in and out);
 *   one socket cannot stall the server.
 * - `channel-pumps.ts`: one serialized pump per channel (subscribe and replay, wake, dispatch, the
 *   periodic check); every subscriber gets every event once, in seq order, redacted where private.
 * - `presence.ts`: who has a space open, never stored, shared between instances on the bus.
 */
import type { DbHandle } from "@lattice/db";
import type { Channel, User } from "@lattice/domain";
import type { WebSocket } from "ws";
import type { EventBus } from "./bus.js";
import { ChannelPumps } from "./channel-pumps.js";
import { Connections } from "./connections.js";
import type { ChannelState, HubOptions, ResolvedHubOptions } from "./hub-types.js";
import { PRESENCE_REFRESH_MS, Presence } from "./presence.js";

export type { HubOptions } from "./hub-types.js";

export class Hub {
  private readonly channels = new Map<Channel, ChannelState>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribeBus: Array<() => void> = [];
  private readonly options: ResolvedHubOptions;
  private readonly connections: Connections;
  private readonly presence: Presence;
  private readonly pumps: ChannelPumps;

  constructor(handle: DbHandle, bus: EventBus, options: HubOptions = {}) {
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
    // The parts call one another; each call goes through the hub's field, set below before any
    // socket can be attached.
    this.connections = new Connections(this.options, {
      subscribe: (connection, channel, since) => this.pumps.subscribe(connection, channel, since),
      removeSubscription: (sub) => this.pumps.removeSubscription(sub),
      announcePresence: (connection, channel, cardId) => this.presence.announce(connection, channel, cardId),
    });
    this.presence = new Presence(bus, this.connections, this.channels);
    this.pumps = new ChannelPumps(handle, this.options, this.channels, this.connections, this.presence);
    this.unsubscribeBus.push(
      bus.onWake((channel, seq) => this.wake(channel, seq)),
      bus.onReconnect(() => void this.checkAllChannels()),
      bus.onPresence((message) => this.presence.handleRemote(message)),
    );
    this.timers.push(
      setInterval(() => this.connections.heartbeat(), this.options.heartbeatMs),
      setInterval(() => void this.checkAllChannels(), this.options.pollMs),
      setInterval(() => this.presence.refresh(), PRESENCE_REFRESH_MS),
    );
    for (const t of this.timers) t.unref();
  }

  get stats() {
    return {
      connections: this.connections.size,
      channels: this.channels.size,
      subscriptions: this.connections.subscriptionCount,
    };
  }

  attach(socket: WebSocket, user: User): void {
    this.connections.attach(socket, user);
  }

  /** A hint that `channel` has reached `seq`; reads and pushes what this instance has not pushed. */
  wake(channel: Channel, seq: number): void {
    this.pumps.wake(channel, seq);
  }

  /** The periodic check (and the catch-up after the bus reconnects): one query for all channels. */
  checkAllChannels(): Promise<void> {
    return this.pumps.checkAllChannels();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const u of this.unsubscribeBus) u();
    this.connections.closeAll();
    await this.pumps.drain();
  }
}
