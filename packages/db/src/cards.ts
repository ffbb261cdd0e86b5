/**
 * Loading whole cards: the row plus co-workers, labels, to-do counts, open blockings and documents, in a fixed
 * number of queries however many cards are asked for (one per table, keyed by the card ids or the
 * space), so a board of thousands of cards costs the same six round trips as one card.
 */
import type { Card } from "@lattice/domain";
import { and, asc, count, eq, getTableColumns, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { type CardExtras, noExtras, toCard } from "./mappers.js";
import { attachments, cardBlockings, cardCoworkers, cardLabels, cards, todoItems } from "./schema/index.js";
import { repeatFrom, repeatOf } from "./write-sql.js";

export type CardFilter = { spaceId: string; includeArchived?: boolean } | { ids: readonly string[] };

const rowsWhere = (filter: CardFilter): SQL | undefined =>
  "ids" in filter
    ? inArray(cards.id, [...filter.ids])
    : and(eq(cards.spaceId, filter.spaceId), filter.includeArchived ? undefined : isNull(cards.archivedAt));

export const loadCards = async (db: Executor, filter: CardFilter): Promise<Card[]> => {
  if ("ids" in filter && filter.ids.length === 0) return [];
  const rows = await db
    .select({ ...getTableColumns(cards), repeat: repeatOf(sql`${cards.id}`) })
    .from(cards)
    .where(rowsWhere(filter))
    .orderBy(asc(cards.statusId), asc(cards.position));
  if (rows.length === 0) return [];
  // The side tables are filtered by the same card set, as a subquery: no id list of unbounded length.
  const cardIds = db.select({ id: cards.id }).from(cards).where(rowsWhere(filter));
  // One after another: inside a transaction they share one connection anyway.
  const coworkers = await db
    .select({ cardId: cardCoworkers.cardId, userId: cardCoworkers.userId })
    .from(cardCoworkers)
    .where(inArray(cardCoworkers.cardId, cardIds));
  const labels = await db
    .select({ cardId: cardLabels.cardId, labelId: cardLabels.labelId })
    .from(cardLabels)
    .where(inArray(cardLabels.cardId, cardIds));
  const todos = await db
    .select({
      cardId: todoItems.cardId,
      total: count(),
      done: sql<number>`count(*) filter (where ${todoItems.isDone})`.mapWith(Number),
    })
    .from(todoItems)
    .where(inArray(todoItems.cardId, cardIds))
    .groupBy(todoItems.cardId);
  const blockings = await db
    .selectDistinct({ cardId: cardBlockings.cardId })
    .from(cardBlockings)
    .where(and(inArray(cardBlockings.cardId, cardIds), isNull(cardBlockings.clearedAt)));
  // Staged uploads (no uploaded_at yet) are not the card's documents until they are published.
  const documents = await db
    .select({
      cardId: attachments.cardId,
      total: count(),
      coverId: sql<string | null>`(array_agg(${attachments.id}) filter (where ${attachments.isCover}))[1]`,
    })
    .from(attachments)
    .where(and(inArray(attachments.cardId, cardIds), isNotNull(attachments.uploadedAt)))
    .groupBy(attachments.cardId);
  const extras = new Map<string, CardExtras>();
  const extra = (cardId: string): CardExtras => {
    let e = extras.get(cardId);
    if (!e) {
      e = { ...noExtras, coworkerIds: [], labelIds: [] };
      extras.set(cardId, e);
    }
    return e;
  };
  for (const c of coworkers) extra(c.cardId).coworkerIds.push(c.userId);
  for (const l of labels) extra(l.cardId).labelIds.push(l.labelId);
  for (const t of todos) {
    const e = extra(t.cardId);
    e.todoTotal = t.total;
    e.todoDone = t.done;
  }
  for (const b of blockings) extra(b.cardId).isBlocked = true;
  for (const d of documents) {
    const e = extra(d.cardId);
    e.attachmentCount = d.total;
    e.coverAttachmentId = d.coverId;
  }
  return rows.map((row) => {
    const repeat = repeatFrom(row.repeat);
    const e = extras.get(row.id);
    return toCard(row, e ? { ...e, repeat } : { ...noExtras, repeat });
  });
};

export const loadCard = async (db: Executor, id: string): Promise<Card | null> =>
  (await loadCards(db, { ids: [id] }))[0] ?? null;
