/**
 * The Workload view's data for a set of spaces the caller may read (the route picks them): the open
 * cards whose dates meet the window (compact, with co-workers and whether they are blocked), the open
 * undated cards (most recently changed first, capped), the people who can hold them with their
 * capacities, and the spaces' channel seqs to follow. Four statements after the space list, whatever
 * the number of cards: people, spaces, dated cards, undated cards (+ their count). The reply is the
 * compact shape of `workloadReplySchema`: nothing null, empty or false, each space once.
 */
import { type Executor, spaceRoles, tables } from "@lattice/db";
import { type StatusRole, type WorkloadReply, type WorkloadReplyCard, workloadLimits } from "@lattice/domain";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { loadChannelSeqs } from "./chart-data.js";

const openRoles: StatusRole[] = ["not_started", "in_progress"];

export const loadWorkload = async (
  db: Executor,
  workspaceId: string,
  spaceIds: readonly string[],
  window: { from: string; to: string },
): Promise<WorkloadReply> => {
  const { cards, statuses, spaces, workspaceMembers, users, cardCoworkers, cardBlockings } = tables;
  const empty: WorkloadReply = { ...window, people: [], spaces: [], cards: [], undated: [], undatedTotal: 0 };
  const members = await db
    .select({
      userId: workspaceMembers.userId,
      role: workspaceMembers.role,
      capacityPerWeek: workspaceMembers.capacityPerWeek,
      name: users.name,
      color: users.color,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(users.id));
  if (spaceIds.length === 0) return empty;
  const ids = [...spaceIds];
  const spaceRows = await db
    .select({ id: spaces.id })
    .from(spaces)
    .where(inArray(spaces.id, ids))
    .orderBy(asc(spaces.position));
  const seqs = await loadChannelSeqs(
    db,
    spaceRows.map((s) => s.id),
  );

  const columns = {
    id: cards.id,
    spaceId: cards.spaceId,
    name: cards.name,
    startDate: cards.startDate,
    dueDate: cards.dueDate,
    responsibleId: cards.responsibleId,
    coworkerIds: sql<
      string[] | null
    >`(SELECT array_agg(${cardCoworkers.userId}::text ORDER BY ${cardCoworkers.userId})
      FROM ${cardCoworkers} WHERE ${cardCoworkers.cardId} = ${cards.id})`,
    isBlocked: sql<boolean>`EXISTS (SELECT 1 FROM ${cardBlockings}
      WHERE ${cardBlockings.cardId} = ${cards.id} AND ${cardBlockings.clearedAt} IS NULL)`,
  };
  const open = and(inArray(cards.spaceId, ids), isNull(cards.archivedAt), inArray(statuses.role, openRoles));
  // A card occupies [coalesce(start, due), coalesce(due, start)]; it is shown when that meets the window.
  const dated = await db
    .select(columns)
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .where(
      and(
        open,
        sql`coalesce(${cards.startDate}, ${cards.dueDate}) <= ${window.to}::date`,
        sql`coalesce(${cards.dueDate}, ${cards.startDate}) >= ${window.from}::date`,
      ),
    )
    .orderBy(asc(cards.id));
  const undatedWhere = and(open, isNull(cards.startDate), isNull(cards.dueDate));
  const undated = await db
    .select(columns)
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .where(undatedWhere)
    .orderBy(desc(cards.updatedAt), asc(cards.id))
    .limit(workloadLimits.maxUndated);
  const [undatedCount] =
    undated.length < workloadLimits.maxUndated
      ? [{ value: undated.length }]
      : await db
          .select({ value: count() })
          .from(cards)
          .innerJoin(statuses, eq(statuses.id, cards.statusId))
          .where(undatedWhere);

  const spaceIndex = new Map(spaceRows.map((s, i) => [s.id, i]));
  const toCard = (row: (typeof dated)[number]): WorkloadReplyCard => {
    const card: WorkloadReplyCard = { id: row.id, space: spaceIndex.get(row.spaceId) ?? 0, name: row.name };
    if (row.startDate !== null) card.startDate = row.startDate;
    if (row.dueDate !== null) card.dueDate = row.dueDate;
    if (row.responsibleId !== null) card.responsibleId = row.responsibleId;
    if (row.coworkerIds && row.coworkerIds.length > 0) card.coworkerIds = row.coworkerIds;
    if (row.isBlocked) card.isBlocked = true;
    return card;
  };
  const datedCards = dated.map(toCard);

  // People: owners and members who may read one of these spaces, and anyone holding a listed card.
  const readers = new Set(
    (
      await spaceRoles(db, {
        userIds: members.map((m) => m.userId),
        spaceIds: ids,
        workspaceId,
      })
    ).map((r) => r.userId),
  );
  const holders = new Set<string>();
  for (const card of datedCards) {
    if (card.responsibleId) holders.add(card.responsibleId);
    for (const c of card.coworkerIds ?? []) holders.add(c);
  }
  const people = members
    .filter((m) => readers.has(m.userId) && (m.role !== "visitor" || holders.has(m.userId)))
    .map((m) => ({
      userId: m.userId,
      name: m.name,
      ...(m.color !== null ? { color: m.color } : {}),
      ...(m.capacityPerWeek !== null ? { capacityPerWeek: m.capacityPerWeek } : {}),
    }));

  return {
    ...window,
    people,
    spaces: spaceRows.map((s, i) => ({ id: s.id, seq: seqs[i] ?? 0 })),
    cards: datedCards,
    undated: undated.map(toCard),
    undatedTotal: undatedCount?.value ?? 0,
  };
};
