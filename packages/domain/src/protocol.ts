/**
 * The live-sync wire protocol (JSON text frames at /api/ws). Client messages are validated with
 * these schemas; anything else gets an `error` frame and changes nothing.
 */
import { z } from "zod";
import type { Channel, DomainEvent } from "./events.js";

export const PROTOCOL_VERSION = 1;

const channel = z
  .string()
  .regex(/^(space|workspace|user):[0-9a-f-]{36}$/i, "must be space:<id>, workspace:<id> or user:<id>");

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), channel, since: z.number().int().min(0).optional() }),
  z.object({ type: z.literal("unsubscribe"), channel }),
  z.object({ type: z.literal("presence"), channel, cardId: z.uuid().nullable() }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export interface PresenceEntry {
  userId: string;
  name: string;
  cardId: string | null;
}

export const WireErrorCode = {
  invalidMessage: "invalid_message",
  notFound: "not_found",
  accessRevoked: "access_revoked",
  tooManySubscriptions: "too_many_subscriptions",
  /** Messages beyond the socket's allowance are dropped; keeping on closes the socket. */
  rateLimited: "rate_limited",
  /** The person has too many sockets open on this server (one per tab). */
  tooManySockets: "too_many_sockets",
} as const;
export type WireErrorCode = (typeof WireErrorCode)[keyof typeof WireErrorCode];

/** Close codes (application range) the server ends a socket with when it will not serve it. */
export const WireCloseCode = {
  rateLimited: 4029,
  tooManySockets: 4030,
} as const;

export type ServerMessage =
  | { type: "hello"; protocol: number; userId: string }
  | { type: "subscribed"; channel: Channel; seq: number }
  | { type: "unsubscribed"; channel: Channel }
  | {
      type: "event";
      channel: Channel;
      seq: number;
      event: Omit<DomainEvent, "channel" | "seq">;
    }
  | { type: "resync"; channel: Channel; seq: number }
  | { type: "presence"; channel: Channel; users: PresenceEntry[] }
  | { type: "error"; code: WireErrorCode; message: string; channel?: Channel }
  | { type: "pong" };

/** The event frame, built once per event and sent as the same bytes to every subscriber. */
export const eventFrame = (event: DomainEvent): string => {
  const { channel: ch, seq, ...rest } = event;
  return JSON.stringify({ type: "event", channel: ch, seq, event: rest } satisfies ServerMessage);
};
