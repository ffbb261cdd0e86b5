/**
 * The SQL of blocking a card and clearing a blocking: each context in one statement after the
 * space's lock, the rules in the domain's `blockCard` and `clearBlocking`.
 */
import type {
  BlockCardArgs,
  BlockCardChanges,
  BlockCardContext,
  BlockerTypeFacts,
  Blocking,
  ClearBlockingChanges,
  ClearBlockingContext,
} from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import { loadCardWithRole, persistCardTouches } from "./card-writes.js";
import type { Executor } from "./client.js";
import { cardBlockings } from "./schema/index.js";
import {
  cardColumns,
  cardFrom,
  iso,
  isoOrNull,
  json,
  peopleFactsOf,
  readersFrom,
  roleFactsOf,
  roleFromFacts,
  rowsOf,
} from "./write-sql.js";

export const loadBlockCardContext = async (
  db: Executor,
  actorId: string,
  cardId: string,
  args: BlockCardArgs,
  blockingId: string,
): Promise<BlockCardContext> => {
  const responsibleId = args.responsibleId ?? null;
  const { role, card, row } = await loadCardWithRole(
    db,
    actorId,
    cardId,
    sql`, ${peopleFactsOf(sql`c.space_id`, responsibleId ? [responsibleId] : [])} AS people,
      (SELECT json_build_object('id', bt.id, 'name', bt.name, 'kind', bt.kind, 'spaceId', bt.space_id,
          'isArchived', bt.archived_at IS NOT NULL,
          'isEnabledInSpace', EXISTS (SELECT 1 FROM space_blocker_types sbt
            WHERE sbt.space_id = c.space_id AND sbt.blocker_type_id = bt.id))
        FROM blocker_types bt WHERE bt.id = ${args.blockerTypeId}::uuid) AS blocker_type`,
  );
  const type = row?.blocker_type ? json<BlockerTypeFacts>(row.blocker_type) : null;
  return {
    role,
    card,
    blockerType: type,
    isResponsibleReader:
      responsibleId === null || (row ? readersFrom(row.people) : []).includes(responsibleId),
    blockingId,
  };
};

export const persistBlock = async (db: Executor, changes: BlockCardChanges): Promise<void> => {
  const { blocking } = changes;
  await db.insert(cardBlockings).values({
    id: blocking.id,
    workspaceId: blocking.workspaceId,
    spaceId: blocking.spaceId,
    cardId: blocking.cardId,
    blockerTypeId: blocking.blockerTypeId,
    reason: blocking.reason,
    blockedBy: blocking.blockedBy,
    blockedAt: new Date(blocking.blockedAt),
    responsibleId: blocking.responsibleId,
  });
  await persistCardTouches(db, [changes.card]);
};

/** The blocking, its card and the actor's role on the card's space, and how many others stay open. */
export const loadClearBlockingContext = async (
  db: Executor,
  actorId: string,
  blockingId: string,
): Promise<ClearBlockingContext> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT ${cardColumns}, ${roleFactsOf(sql`c.space_id`, sql`${actorId}::uuid`)} AS role_facts,
        json_build_object('id', b.id, 'workspaceId', b.workspace_id, 'spaceId', b.space_id,
          'cardId', b.card_id, 'blockerTypeId', b.blocker_type_id, 'blockerName', bt.name,
          'reason', b.reason, 'blockedBy', b.blocked_by, 'blockedAt', b.blocked_at,
          'responsibleId', b.responsible_id, 'clearedBy', b.cleared_by, 'clearedAt', b.cleared_at) AS blocking,
        (SELECT count(*)::int FROM card_blockings o
          WHERE o.card_id = b.card_id AND o.cleared_at IS NULL AND o.id <> b.id) AS other_open
      FROM card_blockings b
      JOIN blocker_types bt ON bt.id = b.blocker_type_id
      JOIN cards c ON c.id = b.card_id
      WHERE b.id = ${blockingId}::uuid`),
  );
  if (!row) return { role: null, blocking: null, card: null, otherOpenCount: 0 };
  const blocking = json<Blocking>(row.blocking);
  return {
    role: roleFromFacts(json(row.role_facts)),
    blocking: { ...blocking, blockedAt: iso(blocking.blockedAt), clearedAt: isoOrNull(blocking.clearedAt) },
    card: cardFrom(row),
    otherOpenCount: Number(row.other_open),
  };
};

export const persistClearBlocking = async (db: Executor, changes: ClearBlockingChanges): Promise<void> => {
  const { blocking } = changes;
  await db
    .update(cardBlockings)
    .set({
      clearedAt: blocking.clearedAt ? new Date(blocking.clearedAt) : null,
      clearedBy: blocking.clearedBy,
    })
    .where(eq(cardBlockings.id, blocking.id));
  await persistCardTouches(db, [changes.card]);
};
