import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  (t) => [primaryKey({ columns: [t.channel, t.seq] }), index("events_workspace_idx").on(t.workspaceId, t.at)],
);
