/**
 * The SQL of moving and creating a card, shaped for the write path: each step is one statement, so
 * a move is lock → context → write (then the event append), four round trips inside its
 * transaction however big the space is. The contexts are exactly what the domain's mutators need;
 * the rules themselves live there.
 */
import {
  type Card,
  type CardPlacementAim,
  type CreateCardChanges,
  type CreateCardContext,
  type MoveCardChanges,
  type MoveCardContext,
  type OpenBlocking,
  peopleNamedIn,
  type UpdateCardBody,
  type UpdateCardChanges,
  type UpdateCardContext,
  type WorkspaceRole,
} from "@lattice/domain";
import { and, eq, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { executePrepared, type Row } from "./prepared.js";
import { cardCoworkers, cardFollowers, cardLabels, cards } from "./schema/index.js";
import {
  cardColumns,
  cardFrom,
  ids,
  json,
  lockSpaceOf,
  peopleFactsOf,
  readersFrom,
  repeatOf,
  roleFactsOf,
  roleFrom,
  roleFromFacts,
  rowsOf,
  statusColumns,
  statusFrom,
  uuids,
} from "./write-sql.js";

/**
 * The neighbours of a placement in `statusId`, as two lateral joins named `anchor` and `beside`
 * (the same reading as the domain's `neighboursIn`, done by the (status_id, position) index).
 */
const neighbourJoins = (statusId: SQL, aim: CardPlacementAim, movingId: SQL): SQL => {
  const others = sql`status_id = ${statusId} AND id IS DISTINCT FROM ${movingId}`;
  if (aim.kind === "top" || aim.kind === "bottom") {
    return sql`
      LEFT JOIN LATERAL (SELECT NULL::uuid AS id, NULL::text AS position) anchor ON true
      LEFT JOIN LATERAL (
        SELECT position FROM cards WHERE ${others}
        ORDER BY position ${aim.kind === "top" ? sql`ASC` : sql`DESC`} LIMIT 1
      ) beside ON true`;
  }
  return sql`
    LEFT JOIN LATERAL (
      SELECT id, position FROM cards WHERE id = ${aim.anchorId}::uuid AND ${others}
    ) anchor ON true
    LEFT JOIN LATERAL (
      SELECT position FROM cards WHERE ${others} AND position ${aim.kind === "after" ? sql`>` : sql`<`} anchor.position
      ORDER BY position ${aim.kind === "after" ? sql`ASC` : sql`DESC`} LIMIT 1
    ) beside ON true`;
};

const neighboursFrom = (row: Row) => ({
  anchor:
    row.anchor_id === null || row.anchor_id === undefined
      ? null
      : { id: row.anchor_id as string, position: row.anchor_position as string },
  beside: (row.beside_position as string | null) ?? null,
});

/** Takes the lock of the card's space channel (see `lockSpaceOf`); the space id, or null for no card. */
export const lockSpaceOfCard = (db: Executor, cardId: string): Promise<void> =>
  lockSpaceOf(db, "card", cardId);

export interface LoadedMoveContext extends MoveCardContext {
  /** Who hears about a status change: followers, co-workers and the responsible, without the actor. */
  followerIds: string[];
}

/** Everything a move needs, in one statement. Run it after the space's lock. */
export const loadMoveCardContext = async (
  db: Executor,
  actorId: string,
  cardId: string,
  targetStatusId: string,
  aim: CardPlacementAim,
): Promise<LoadedMoveContext> => {
  const rows = await executePrepared(
    db,
    sql`
      SELECT c.*, ${repeatOf(sql`c.id`)} AS repeat, w.visibility, s.is_private, wm.role AS member_role, sm.role AS space_role,
        ${statusColumns("target")}, ${statusColumns("source")},
        anchor.id AS anchor_id, anchor.position AS anchor_position, beside.position AS beside_position,
        (SELECT coalesce(array_agg(user_id), '{}') FROM card_coworkers WHERE card_id = c.id) AS coworker_ids,
        (SELECT coalesce(array_agg(label_id), '{}') FROM card_labels WHERE card_id = c.id) AS label_ids,
        (SELECT count(*)::int FROM todo_items WHERE card_id = c.id) AS todo_total,
        (SELECT (count(*) FILTER (WHERE is_done))::int FROM todo_items WHERE card_id = c.id) AS todo_done,
        (SELECT coalesce(json_agg(json_build_object('blockerName', bt.name, 'reason', b.reason)), '[]')
          FROM card_blockings b JOIN blocker_types bt ON bt.id = b.blocker_type_id
          WHERE b.card_id = c.id AND b.cleared_at IS NULL) AS open_blockings,
        (SELECT coalesce(array_agg(f.user_id), '{}') FROM (
          SELECT user_id FROM card_followers WHERE card_id = c.id
          UNION SELECT user_id FROM card_coworkers WHERE card_id = c.id
          UNION SELECT c.responsible_id WHERE c.responsible_id IS NOT NULL
        ) f WHERE f.user_id <> ${actorId}::uuid) AS follower_ids
      FROM cards c
      JOIN spaces s ON s.id = c.space_id
      JOIN workspaces w ON w.id = s.workspace_id
      JOIN statuses source ON source.id = c.status_id
      LEFT JOIN statuses target ON target.id = ${targetStatusId}::uuid AND target.space_id = c.space_id
      LEFT JOIN workspace_members wm ON wm.workspace_id = w.id AND wm.user_id = ${actorId}::uuid
      LEFT JOIN space_members sm ON sm.space_id = s.id AND sm.user_id = ${actorId}::uuid
      ${neighbourJoins(sql`${targetStatusId}::uuid`, aim, sql`c.id`)}
      WHERE c.id = ${cardId}::uuid`,
  );
  const row = rows[0];
  if (!row) {
    return {
      role: null,
      card: null,
      target: null,
      source: null,
      openBlockings: [],
      neighbours: { anchor: null, beside: null },
      followerIds: [],
    };
  }
  const blockings = json<OpenBlocking[]>(row.open_blockings);
  const card: Card = { ...cardFrom(row), isBlocked: blockings.length > 0 };
  return {
    role: roleFrom(row),
    card,
    target: statusFrom(row, "target"),
    source: statusFrom(row, "source"),
    openBlockings: blockings,
    neighbours: neighboursFrom(row),
    followerIds: ids(row.follower_ids),
  };
};

/**
 * The writes of a move: the card row and, on a status change, its history row (sent with the
 * event append as one statement, see `MutationContext.writeWithEvents`).
 */
export const moveWrites = (changes: MoveCardChanges, actorId: string): SQL[] => {
  const { card, statusChange } = changes;
  const update = sql`
    UPDATE cards SET status_id = ${card.statusId}::uuid, position = ${card.position},
      updated_at = ${card.updatedAt}::timestamptz, completed_at = ${card.completedAt}::timestamptz,
      version = ${card.version}
    WHERE id = ${card.id}::uuid`;
  if (!statusChange) return [update];
  return [
    update,
    sql`
    INSERT INTO card_status_changes
      (workspace_id, space_id, card_id, from_status_id, to_status_id, from_role, to_role, actor_id, at)
    VALUES (${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.id}::uuid,
      ${statusChange.fromStatusId}::uuid, ${statusChange.toStatusId}::uuid, ${statusChange.fromRole},
      ${statusChange.toRole}, ${actorId}::uuid, ${card.updatedAt}::timestamptz)`,
  ];
};

/**
 * Everything a create needs, in one statement: the caller's role on the space, the requested
 * status (or the space's first) and the key at the edge the card goes to.
 */
export const loadCreateCardContext = async (
  db: Executor,
  actorId: string,
  spaceId: string,
  statusId: string | undefined,
  aim: CardPlacementAim,
  cardId: string,
): Promise<CreateCardContext> => {
  const chosenStatus = statusId
    ? sql`SELECT * FROM statuses WHERE id = ${statusId}::uuid AND space_id = s.id`
    : sql`SELECT * FROM statuses WHERE space_id = s.id ORDER BY position LIMIT 1`;
  const rows = await executePrepared(
    db,
    sql`
      SELECT s.id AS space_id, s.workspace_id, s.is_private, w.visibility,
        wm.role AS member_role, sm.role AS space_role, ${statusColumns("status")},
        anchor.id AS anchor_id, anchor.position AS anchor_position, beside.position AS beside_position
      FROM spaces s
      JOIN workspaces w ON w.id = s.workspace_id
      LEFT JOIN workspace_members wm ON wm.workspace_id = w.id AND wm.user_id = ${actorId}::uuid
      LEFT JOIN space_members sm ON sm.space_id = s.id AND sm.user_id = ${actorId}::uuid
      LEFT JOIN LATERAL (${chosenStatus}) status ON true
      ${neighbourJoins(sql`status.id`, aim, sql`NULL::uuid`)}
      WHERE s.id = ${spaceId}::uuid`,
  );
  const row = rows[0];
  if (!row)
    return { role: null, space: null, status: null, neighbours: { anchor: null, beside: null }, cardId };
  return {
    role: roleFrom(row),
    space: { id: row.space_id as string, workspaceId: row.workspace_id as string },
    status: statusFrom(row, "status"),
    neighbours: neighboursFrom(row),
    cardId,
  };
};

/** The writes of a new card and its first status history row (see `moveWrites`). */
export const createWrites = (changes: CreateCardChanges): SQL[] => {
  const { card, statusChange } = changes;
  return [
    sql`
    INSERT INTO cards (id, workspace_id, space_id, status_id, name, description, position, created_by,
      created_at, updated_at, completed_at, version)
    VALUES (${card.id}::uuid, ${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.statusId}::uuid,
      ${card.name}, ${card.description}, ${card.position}, ${card.createdBy}::uuid,
      ${card.createdAt}::timestamptz, ${card.updatedAt}::timestamptz, ${card.completedAt}::timestamptz,
      ${card.version})`,
    // Foreign keys are checked at the end of the whole statement, when the card row exists.
    sql`
    INSERT INTO card_status_changes
      (workspace_id, space_id, card_id, from_status_id, to_status_id, from_role, to_role, actor_id, at)
    VALUES (${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.id}::uuid, NULL,
      ${statusChange.toStatusId}::uuid, NULL, ${statusChange.toRole}, ${card.createdBy}::uuid,
      ${card.createdAt}::timestamptz)`,
  ];
};

/** The whole card `cardId` and the actor's role on its space, in one statement (null card: none). */
export const loadCardWithRole = async (
  db: Executor,
  actorId: string,
  cardId: string,
  extra: SQL = sql``,
): Promise<{ role: WorkspaceRole | null; card: Card | null; row: Row | null }> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT ${cardColumns}, ${roleFactsOf(sql`c.space_id`, sql`${actorId}::uuid`)} AS role_facts ${extra}
      FROM cards c WHERE c.id = ${cardId}::uuid`),
  );
  if (!row) return { role: null, card: null, row: null };
  return { role: roleFromFacts(json(row.role_facts)), card: cardFrom(row), row };
};

/** Everything a card's PATCH needs, in one statement: the card, the role, the named people and labels. */
export const loadUpdateCardContext = async (
  db: Executor,
  actorId: string,
  cardId: string,
  args: UpdateCardBody,
): Promise<UpdateCardContext> => {
  const people = peopleNamedIn(args);
  const labelIds = args.labelIds ?? [];
  const { role, card, row } = await loadCardWithRole(
    db,
    actorId,
    cardId,
    sql`, ${peopleFactsOf(sql`c.space_id`, people)} AS people,
      ${
        labelIds.length === 0
          ? sql`'{}'::uuid[]`
          : sql`(SELECT coalesce(array_agg(id), '{}') FROM labels
              WHERE space_id = c.space_id AND id = ANY(${uuids(labelIds)}))`
      } AS space_label_ids`,
  );
  return {
    role,
    card,
    readerIds: row ? readersFrom(row.people) : [],
    spaceLabelIds: row ? ids(row.space_label_ids) : [],
  };
};

/** Writes a card's PATCH: the row, then its co-workers, followers and labels when they changed. */
export const persistUpdate = async (db: Executor, changes: UpdateCardChanges): Promise<void> => {
  const { card, coworkers, labelIds } = changes;
  const cardId = card.id;
  const workspaceId = card.workspaceId;
  await db
    .update(cards)
    .set({
      name: card.name,
      description: card.description,
      archivedAt: card.archivedAt ? new Date(card.archivedAt) : null,
      startDate: card.startDate,
      dueDate: card.dueDate,
      responsibleId: card.responsibleId,
      updatedAt: new Date(card.updatedAt),
      version: card.version,
    })
    .where(eq(cards.id, cardId));
  if (coworkers && coworkers.removed.length > 0) {
    await db
      .delete(cardCoworkers)
      .where(and(eq(cardCoworkers.cardId, cardId), inArray(cardCoworkers.userId, coworkers.removed)));
  }
  if (coworkers && coworkers.added.length > 0) {
    await db
      .insert(cardCoworkers)
      .values(coworkers.added.map((userId) => ({ cardId, userId, workspaceId })))
      .onConflictDoNothing();
  }
  // People on a card follow it automatically.
  const newPeople = [
    ...new Set([...(changes.newResponsibleId ? [changes.newResponsibleId] : []), ...changes.newCoworkerIds]),
  ];
  if (newPeople.length > 0) {
    await db
      .insert(cardFollowers)
      .values(newPeople.map((userId) => ({ cardId, userId, workspaceId })))
      .onConflictDoNothing();
  }
  if (labelIds) {
    await db
      .delete(cardLabels)
      .where(
        and(
          eq(cardLabels.cardId, cardId),
          labelIds.length > 0 ? notInArray(cardLabels.labelId, labelIds) : undefined,
        ),
      );
    if (labelIds.length > 0) {
      await db
        .insert(cardLabels)
        .values(labelIds.map((labelId) => ({ cardId, labelId, workspaceId })))
        .onConflictDoNothing();
    }
  }
};

/** Bumps the version of cards whose derived content changed (blocked flag, to-do counts, labels). */
export const persistCardTouches = async (db: Executor, touched: readonly Card[]): Promise<void> => {
  for (const card of touched) {
    await db
      .update(cards)
      .set({ updatedAt: new Date(card.updatedAt), version: card.version })
      .where(eq(cards.id, card.id));
  }
};

/** Deletes a card; its to-dos, blockings, relations and people go with it (the foreign keys cascade). */
export const persistDeleteCard = async (db: Executor, cardId: string): Promise<void> => {
  await db.delete(cards).where(eq(cards.id, cardId));
};
