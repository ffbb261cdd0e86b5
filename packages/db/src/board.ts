/**
 * Reads behind the board snapshot that the server keeps per space: what changed on a space's channel
 * between two seqs, and the relations touching the space's live cards.
 */
import type { CardRelation } from "@lattice/domain";
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";
import { toRelation } from "./relation-writes.js";
import { spaceRoles } from "./roles.js";
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
 * Relations with at least one end among the space's live cards, oldest first, that `viewerId` may
 * see: the other end may be anywhere in the workspace, and a relation into a space the viewer may
 * not read is left out, so that card's id (and so its space's existence) does not reach them.
 * Read with the card set as a subquery: no id list of unbounded length.
 */
export const relationsOfSpace = async (
  db: Executor,
  spaceId: string,
  viewerId: string,
): Promise<CardRelation[]> => {
  const liveCards = db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.spaceId, spaceId), isNull(cards.archivedAt)));
  const fromCard = alias(cards, "from_card");
  const toCard = alias(cards, "to_card");
  const rows = await db
    .select({ relation: cardRelations, fromSpaceId: fromCard.spaceId, toSpaceId: toCard.spaceId })
    .from(cardRelations)
    .innerJoin(fromCard, eq(fromCard.id, cardRelations.fromCardId))
    .innerJoin(toCard, eq(toCard.id, cardRelations.toCardId))
    .where(or(inArray(cardRelations.fromCardId, liveCards), inArray(cardRelations.toCardId, liveCards)))
    .orderBy(cardRelations.createdAt, cardRelations.id);
  const elsewhere = new Set<string>();
  for (const row of rows)
    for (const end of [row.fromSpaceId, row.toSpaceId]) if (end !== spaceId) elsewhere.add(end);
  const readable = new Set(
    (await spaceRoles(db, { userIds: [viewerId], spaceIds: [...elsewhere] })).map((r) => r.spaceId),
  );
  readable.add(spaceId);
  return rows
    .filter((row) => readable.has(row.fromSpaceId) && readable.has(row.toSpaceId))
    .map((row) => toRelation(row.relation));
};
