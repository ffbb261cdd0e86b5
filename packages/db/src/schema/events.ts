import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * One counter row per channel. A mutation increments it first thing in its transaction, which
 * takes the row lock until commit: mutations on one channel serialize, so seq order is commit order
 * and a reader that has seen seq n never later finds a smaller uncommitted one (gapless log).
 */
export const channels = pgTable("channels", {
  channel: text("channel").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
});

export const events = pgTable(
  "events",
  {
    channel: text("channel").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    workspaceId: uuid("workspace_id"),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    actorId: uuid("actor_id"),
    mutationId: text("mutation_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.seq] }),
    index("events_workspace_idx").on(t.workspaceId, t.at),
    // "My activity" reads a person's own events across channels.
    index("events_actor_idx").on(t.actorId, t.at),
  ],
);

/**
 * The first answer to each mutation sent with an Idempotency-Key, kept so that a retry returns it
 * instead of applying the change twice. Written in the mutation's own transaction.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    /** Method and path of the first request: reusing a key for another request is refused. */
    request: text("request").notNull(),
    status: integer("status"),
    body: jsonb("body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
