/** What the hub's parts share: its options, a socket's connection, a subscription, a channel's state. */
import type { Channel, User } from "@lattice/domain";
import type { WebSocket } from "ws";

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

export type ResolvedHubOptions = Required<HubOptions>;

export interface Connection {
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

export interface Subscription {
  connection: Connection;
  channel: Channel;
  cursor: number;
  cardId: string | null;
  isPresent: boolean;
}

export interface ChannelState {
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
