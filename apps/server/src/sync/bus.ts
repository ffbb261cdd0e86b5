/**
 * The wake-up bus between the code that commits events and the hubs that push them. The event
 * rows are the truth; the bus only says "channel X has reached seq n" after the commit, and carries
 * ephemeral presence between instances. With PGlite (one process) it is in memory; with PostgreSQL
 * every instance hears every other through LISTEN/NOTIFY (`pg-bus.ts`). Same interface, two
 * implementations.
 */
import { randomUUID } from "node:crypto";
import type { Channel, DomainEvent, PresenceEntry } from "@lattice/domain";

export type WakeListener = (channel: Channel, seq: number) => void;

/** One instance's view of who is looking at a channel. */
export interface PresenceBroadcast {
  instanceId: string;
  channel: Channel;
  entries: PresenceEntry[];
}

export interface EventBus {
  readonly instanceId: string;
  /** Announce events that have been committed. Never call inside a transaction. */
  published(events: readonly DomainEvent[]): void;
  onWake(listener: WakeListener): () => void;
  /** The bus lost and regained its connection: wake-ups may have been missed, catch up. */
  onReconnect(listener: () => void): () => void;
  publishPresence(message: PresenceBroadcast): void;
  onPresence(listener: (message: PresenceBroadcast) => void): () => void;
  close(): Promise<void>;
}

/** Highest seq per channel among committed events: one wake-up per channel is enough. */
export const latestByChannel = (events: readonly DomainEvent[]): Map<Channel, number> => {
  const latest = new Map<Channel, number>();
  for (const e of events) latest.set(e.channel, Math.max(latest.get(e.channel) ?? 0, e.seq));
  return latest;
};

export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();
  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: T): void {
    for (const l of this.set) l(...args);
  }
  clear(): void {
    this.set.clear();
  }
}

export const createMemoryBus = (): EventBus => {
  const wakes = new Listeners<[Channel, number]>();
  const presence = new Listeners<[PresenceBroadcast]>();
  return {
    instanceId: randomUUID(),
    published(events) {
      for (const [channel, seq] of latestByChannel(events)) wakes.emit(channel, seq);
    },
    onWake: (listener) => wakes.add(listener),
    onReconnect: () => () => {},
    // One process: the local hub already knows its own presence.
    publishPresence: () => {},
    onPresence: (listener) => presence.add(listener),
    close: async () => {
      wakes.clear();
      presence.clear();
    },
  };
};
