/**
 * The SQL of repeating cards (docs/RECURRING.md). Lock order, everywhere: a series row first, then
 * the space's channel. The scheduler claims due series with `FOR UPDATE SKIP LOCKED`, so several
 * instances share the work and each series is handled by one of them at a time; the primary key of
 * `card_occurrences` (series, date) is the last guard against a second card for one period.
 */
import type { Card, CardRelation, CreateOccurrenceChanges, SetRepeatChanges } from "@lattice/domain";
import { type SQL, sql } from "drizzle-orm";
import { copyWrites, runWrites } from "./card-move-writes.js";
import type { Executor } from "./client.js";
import { rowsOf } from "./write-sql.js";

/** Locks the series the card carries, if any (before the space's lock); its id or null. */
export const lockSeriesOfCard = async (db: Executor, cardId: string): Promise<string | null> => {
  const [row] = rowsOf(
    await db.execute(sql`SELECT id FROM card_series WHERE current_card_id = ${cardId}::uuid FOR UPDATE`),
  );
  return (row?.id as string | undefined) ?? null;
};

/** True when the card was an occurrence of a series that has moved on to a later card. */
export const isPastOccurrence = async (db: Executor, cardId: string): Promise<boolean> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT 1 FROM card_occurrences o JOIN card_series s ON s.id = o.series_id
      WHERE o.card_id = ${cardId}::uuid AND s.current_card_id IS NOT NULL
        AND s.current_card_id <> ${cardId}::uuid LIMIT 1`),
  );
  return row !== undefined;
};

/** Writes a card's new or changed series, and records the card as the series' occurrence of its date. */
export const persistRepeat = async (
  db: Executor,
  changes: SetRepeatChanges,
  actorId: string,
): Promise<void> => {
  const { card, repeat, dueAt } = changes;
  if (changes.isNew) {
    await db.execute(sql`
      INSERT INTO card_series (id, workspace_id, current_card_id, rule, ends_after, ends_on, time_zone,
        create_when, days_before, anchor_date, occurrence_date, occurrence_count, next_date, due_at, created_by)
      VALUES (${repeat.seriesId}::uuid, ${card.workspaceId}::uuid, ${card.id}::uuid, ${repeat.rule},
        ${repeat.endsAfter}, ${repeat.endsOn}::date, ${repeat.timeZone}, ${repeat.createWhen}, ${repeat.daysBefore},
        ${repeat.anchorDate}::date, ${repeat.occurrenceDate}::date, ${repeat.occurrenceCount},
        ${repeat.nextDate}::date, ${dueAt?.toISOString() ?? null}::timestamptz, ${actorId}::uuid)`);
    await db.execute(sql`
      INSERT INTO card_occurrences (series_id, occurrence_date, workspace_id, card_id)
      VALUES (${repeat.seriesId}::uuid, ${repeat.occurrenceDate}::date, ${card.workspaceId}::uuid, ${card.id}::uuid)
      ON CONFLICT DO NOTHING`);
  } else {
    await db.execute(sql`
      UPDATE card_series SET rule = ${repeat.rule}, ends_after = ${repeat.endsAfter}, ends_on = ${repeat.endsOn}::date,
        time_zone = ${repeat.timeZone}, create_when = ${repeat.createWhen}, days_before = ${repeat.daysBefore},
        next_date = ${repeat.nextDate}::date, due_at = ${dueAt?.toISOString() ?? null}::timestamptz,
        updated_at = now()
      WHERE id = ${repeat.seriesId}::uuid`);
  }
  await touchCard(db, card);
};

/** Stops a series: it no longer has a current occurrence. */
export const persistStopRepeat = async (db: Executor, seriesId: string, card: Card): Promise<void> => {
  await db.execute(sql`
    UPDATE card_series SET current_card_id = NULL, stopped_at = now(), updated_at = now()
    WHERE id = ${seriesId}::uuid`);
  await touchCard(db, card);
};

const touchCard = (db: Executor, card: Card) =>
  db.execute(sql`
    UPDATE cards SET updated_at = ${card.updatedAt}::timestamptz, version = ${card.version}
    WHERE id = ${card.id}::uuid`);

export interface DueSeries {
  id: string;
  currentCardId: string;
  createdBy: string | null;
}

/**
 * Claims up to `limit` series whose next occurrence is due at `now`: made "when completed" and the
 * current card is completed, or made "N days before" and the due instant has come. Locked for this
 * transaction; rows another instance holds are skipped (it is handling them).
 */
export const claimDueSeries = async (db: Executor, now: Date, limit: number): Promise<DueSeries[]> => {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.current_card_id, s.created_by FROM card_series s
      JOIN cards c ON c.id = s.current_card_id
      WHERE s.next_date IS NOT NULL AND c.archived_at IS NULL
        AND ((s.create_when = 'completed' AND c.completed_at IS NOT NULL)
          OR (s.create_when = 'before_start' AND s.due_at <= ${now.toISOString()}::timestamptz))
      ORDER BY s.next_date, s.id
      LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED`),
  );
  return rows.map((row) => ({
    id: row.id as string,
    currentCardId: row.current_card_id as string,
    createdBy: (row.created_by as string | null) ?? null,
  }));
};

/**
 * Records the occurrence (series, date); false when that period already has one, the last guard
 * of exactly one occurrence per period.
 */
export const claimOccurrence = async (
  db: Executor,
  seriesId: string,
  date: string,
  workspaceId: string,
  cardId: string | null,
): Promise<boolean> => {
  const rows = rowsOf(
    await db.execute(sql`
      INSERT INTO card_occurrences (series_id, occurrence_date, workspace_id, card_id)
      VALUES (${seriesId}::uuid, ${date}::date, ${workspaceId}::uuid, ${cardId}::uuid)
      ON CONFLICT DO NOTHING RETURNING series_id`),
  );
  return rows.length > 0;
};

/**
 * The writes of a next occurrence after its `card_occurrences` row: the card (people, followers,
 * labels), its history row, the previous card's to-dos unchecked, the previous → next relation, the
 * previous card's version, and the series moved on to the new card.
 */
export const persistOccurrence = async (db: Executor, changes: CreateOccurrenceChanges): Promise<void> => {
  const { card, previous, relation, dueAt } = changes;
  const repeat = card.repeat;
  if (!repeat) throw new Error("an occurrence carries its series");
  const writes: SQL[] = [
    ...copyWrites(changes, previous.id, { todos: false }),
    sql`
      INSERT INTO todo_items (workspace_id, space_id, card_id, text, is_done, position, created_at)
      SELECT workspace_id, ${card.spaceId}::uuid, ${card.id}::uuid, text, false, position, ${card.createdAt}::timestamptz
      FROM todo_items WHERE card_id = ${previous.id}::uuid`,
    relationInsert(relation),
    sql`
      UPDATE cards SET updated_at = ${previous.updatedAt}::timestamptz, version = ${previous.version}
      WHERE id = ${previous.id}::uuid`,
    sql`
      UPDATE card_series SET current_card_id = ${card.id}::uuid, occurrence_date = ${repeat.occurrenceDate}::date,
        occurrence_count = ${repeat.occurrenceCount}, next_date = ${repeat.nextDate}::date,
        due_at = ${dueAt?.toISOString() ?? null}::timestamptz, updated_at = now()
      WHERE id = ${repeat.seriesId}::uuid`,
  ];
  await runWrites(db, writes);
};

const relationInsert = (relation: CardRelation): SQL => sql`
  INSERT INTO card_relations (id, workspace_id, kind, from_card_id, to_card_id, created_by, created_at)
  VALUES (${relation.id}::uuid, ${relation.workspaceId}::uuid, ${relation.kind}, ${relation.fromCardId}::uuid,
    ${relation.toCardId}::uuid, NULL, ${relation.createdAt}::timestamptz)
  ON CONFLICT DO NOTHING`;

/** Moves a series past a period that already has its occurrence (without making a card). */
export const skipOccurrence = async (
  db: Executor,
  seriesId: string,
  occurrenceDate: string,
  occurrenceCount: number,
  nextDate: string | null,
  dueAt: Date | null,
): Promise<void> => {
  await db.execute(sql`
    UPDATE card_series SET occurrence_date = ${occurrenceDate}::date, occurrence_count = ${occurrenceCount},
      next_date = ${nextDate}::date, due_at = ${dueAt?.toISOString() ?? null}::timestamptz, updated_at = now()
    WHERE id = ${seriesId}::uuid`);
};
