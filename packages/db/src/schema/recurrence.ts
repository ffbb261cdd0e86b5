/**
 * Repeating cards (docs/RECURRING.md). A series points at its current occurrence, the one card that
 * carries it; every occurrence made is recorded once per (series, date), the last guard of "exactly
 * one occurrence per period" however many instances race. `current_card_id` has no foreign key on
 * purpose: deleting a card then never takes the series row's lock (the scheduler takes that lock
 * before a space's channel lock; a delete holds the channel lock first), and a series whose current
 * card is gone is simply never due again.
 */
import { repeatCreateWhens } from "@lattice/domain";
import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cards } from "./board.js";
import { createdAt, oneOf, oneOfCheck, updatedAt } from "./columns.js";
import { workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const cardSeries = pgTable(
  "card_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The occurrence that carries the series; null once it stopped. */
    currentCardId: uuid("current_card_id"),
    /** RFC 5545 RRULE without DTSTART, COUNT and UNTIL. */
    rule: text("rule").notNull(),
    endsAfter: integer("ends_after"),
    endsOn: date("ends_on", { mode: "string" }),
    timeZone: text("time_zone").notNull(),
    createWhen: oneOf("create_when", repeatCreateWhens).notNull(),
    daysBefore: integer("days_before").notNull().default(0),
    /** The series' first date (the rule's DTSTART). */
    anchorDate: date("anchor_date", { mode: "string" }).notNull(),
    /** The current occurrence's scheduled date and its number in the series (the first is 1). */
    occurrenceDate: date("occurrence_date", { mode: "string" }).notNull(),
    occurrenceCount: integer("occurrence_count").notNull().default(1),
    /** The next occurrence's date; null: the series has ended. */
    nextDate: date("next_date", { mode: "string" }),
    /** For create_when = before_start: when the next occurrence is due (local midnight, days before). */
    dueAt: timestamp("due_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("card_series_current_card_key").on(t.currentCardId).where(sql`current_card_id IS NOT NULL`),
    index("card_series_due_idx")
      .on(t.dueAt)
      .where(sql`current_card_id IS NOT NULL AND next_date IS NOT NULL`),
    index("card_series_workspace_idx").on(t.workspaceId),
    oneOfCheck("card_series", t.createWhen, repeatCreateWhens),
  ],
);

/** Every occurrence a series made, once per date. */
export const cardOccurrences = pgTable(
  "card_occurrences",
  {
    seriesId: uuid("series_id")
      .notNull()
      .references(() => cardSeries.id, { onDelete: "cascade" }),
    occurrenceDate: date("occurrence_date", { mode: "string" }).notNull(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    cardId: uuid("card_id").references(() => cards.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.occurrenceDate] }),
    index("card_occurrences_card_idx").on(t.cardId),
  ],
);
