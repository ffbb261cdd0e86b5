/**
 * The wake-up bus between the code that commits events and the hub that pushes them. The event
 * rows are the truth; the bus only says "channel X has reached seq n" after the commit. With PGlite
 * (one process) it is in memory; with PostgreSQL every instance hears every other through
 * LISTEN/NOTIFY. Same interface, two implementations.
 */
import type { Channel, DomainEvent } from "@lattice/domain";

export type WakeListener = (channel: Channel, seq: number) => void;

export interface EventBus {
  /** Announce events that have been committed. Never call inside a transaction. */
  published(events: readonly DomainEvent[]): void;
  onWake(listener: WakeListener): () => void;
  close(): Promise<void>;
}

/** Highest seq per channel among committed events: one wake-up per channel is enough. */
export const latestByChannel = (events: readonly DomainEvent[]): Map<Channel, number> => {
  const latest = new Map<Channel, number>();
  for (const e of events) latest.set(e.channel, Math.max(latest.get(e.channel) ?? 0, e.seq));
  return latest;
};

export const createMemoryBus = (): EventBus => {
  const listeners = new Set<WakeListener>();
  return {
    published(events) {
      for (const [channel, seq] of latestByChannel(events)) for (const l of listeners) l(channel, seq);
    },
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
};
