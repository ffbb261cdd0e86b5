/**
 * Reads behind the board snapshot that the server keeps per space: what changed on a space's channel
 * between two seqs, and the relations touching the space's live cards.
 */
import type { CardRelation } from "@lattice/domain";
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { toRelation } from "./relation-writes.js";
import { cardRelations, cards, events } from "./schema/index.js";

/** One event of a space channel, reduced to what a board needs: its type and the card it names. */
export interface BoardChange {
  seq: number;
  type: string;
  /** The card the event names, whichever field of its payload holds it; null when none does. */
  cardId: string | null;
}

/** The events of `channel` with `after < seq <= upTo`, in seq order. */
export const boardChangesBetween = async (
  db: Executor,
  channel: string,
  after: number,
  upTo: number,
): Promise<BoardChange[]> =>
  db
    .select({
      seq: events.seq,
      type: events.type,
      cardId: sql<string | null>`coalesce(
        ${events.payload}->'card'->>'id',
        ${events.payload}->>'cardId',
        ${events.payload}->'todo'->>'cardId',
        ${events.payload}->'blocking'->>'cardId'
      )`,
    })
    .from(events)
    .where(and(eq(events.channel, channel), gt(events.seq, after), lte(events.seq, upTo)))
    .orderBy(events.seq);

/**
 * Relations with at least one end among the space's live cards (the other end may be anywhere in
 * the workspace), oldest first. Read with the card set as a subquery: no id list of unbounded length.
 */
export const relationsOfSpace = async (db: Executor, spaceId: string): Promise<CardRelation[]> => {
  const liveCards = db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.spaceId, spaceId), isNull(cards.archivedAt)));
  const rows = await db
    .select()
    .from(cardRelations)
    .where(or(inArray(cardRelations.fromCardId, liveCards), inArray(cardRelations.toCardId, liveCards)))
    .orderBy(cardRelations.createdAt, cardRelations.id);
  return rows.map(toRelation);
};
