/**
 * The SQL of moving a card to another space and of copying a card. What a card owns is listed once,
 * in `cardOwnedRows`: every table whose rows belong to one card and carry its space. A move re-homes
 * those rows; a table added later (attachments, custom field values) joins the list and moves too.
 */
import type {
  Card,
  CardRelation,
  CopyCardChanges,
  MoveCardToSpaceChanges,
  MoveCardToSpaceContext,
  NamedLabel,
  OpenBlocking,
  Status,
  TargetSpace,
} from "@lattice/domain";
import { type SQL, sql } from "drizzle-orm";
import { loadCardWithRole } from "./card-writes.js";
import type { Executor } from "./client.js";
import {
  ids,
  iso,
  json,
  peopleFactsOf,
  readersFrom,
  roleFactsOf,
  roleFromFacts,
  rowsOf,
  statusesOf,
  uuids,
} from "./write-sql.js";

/**
 * The tables whose rows belong to one card (by `card_id`) and carry its `space_id`. Rows keyed by the
 * card alone (people, labels, relations, reminders, notifications) need no re-homing: the card's
 * own row says where they are.
 */
export const cardOwnedRows = [
  "todo_items",
  "comments",
  "card_blockings",
  "card_status_changes",
  "attachments",
] as const;

/** The space a card is in right now, or null for no card (read before the two spaces' locks). */
export const spaceOfCard = async (db: Executor, cardId: string): Promise<string | null> => {
  const [row] = rowsOf(await db.execute(sql`SELECT space_id FROM cards WHERE id = ${cardId}::uuid`));
  return (row?.space_id as string | undefined) ?? null;
};

/** A space as a card's destination, with the actor's role on it (null target: no such space). */
export const loadTargetSpace = async (
  db: Executor,
  actorId: string,
  spaceId: string,
): Promise<{ targetRole: MoveCardToSpaceContext["targetRole"]; target: TargetSpace | null }> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.workspace_id, s.name, ${roleFactsOf(sql`s.id`, sql`${actorId}::uuid`)} AS role_facts,
        ${statusesOf(sql`s.id`)} AS statuses,
        (SELECT coalesce(json_object_agg(st.id, (SELECT c.position FROM cards c WHERE c.status_id = st.id
          ORDER BY c.position COLLATE "C" DESC LIMIT 1)), '{}') FROM statuses st WHERE st.space_id = s.id) AS last_keys,
        (SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name)), '[]')
          FROM labels l WHERE l.space_id = s.id) AS labels
      FROM spaces s WHERE s.id = ${spaceId}::uuid`),
  );
  if (!row) return { targetRole: null, target: null };
  return {
    targetRole: roleFromFacts(json(row.role_facts)),
    target: {
      id: row.id as string,
      workspaceId: row.workspace_id as string,
      name: row.name as string,
      statuses: json<Status[]>(row.statuses),
      lastKeyByStatus: json<Record<string, string | null>>(row.last_keys),
      labels: json<NamedLabel[]>(row.labels),
    },
  };
};

export interface LoadedMoveToSpaceContext extends MoveCardToSpaceContext {
  /** Who set a reminder on the card and may not read the target: their reminders go. */
  reminderOwnerIdsLosingAccess: string[];
}

/** Everything a move to another space needs. Run it after both spaces' locks. */
export const loadMoveCardToSpaceContext = async (
  db: Executor,
  actorId: string,
  cardId: string,
  targetSpaceId: string,
): Promise<LoadedMoveToSpaceContext> => {
  const { role, card, row } = await loadCardWithRole(
    db,
    actorId,
    cardId,
    sql`, (SELECT name FROM spaces WHERE id = c.space_id) AS space_name,
      (SELECT json_build_object('id', st.id, 'workspaceId', st.workspace_id, 'spaceId', st.space_id,
        'name', st.name, 'position', st.position, 'role', st.role, 'wipLimit', st.wip_limit)
        FROM statuses st WHERE st.id = c.status_id) AS source_status,
      (SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name)), '[]')
        FROM card_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.card_id = c.id) AS card_labels,
      (SELECT coalesce(array_agg(user_id), '{}') FROM card_followers WHERE card_id = c.id) AS follower_ids,
      (SELECT coalesce(array_agg(user_id), '{}') FROM card_reminders WHERE card_id = c.id) AS reminder_owner_ids,
      (SELECT coalesce(json_agg(json_build_object('blockerName', bt.name, 'reason', b.reason)), '[]')
        FROM card_blockings b JOIN blocker_types bt ON bt.id = b.blocker_type_id
        WHERE b.card_id = c.id AND b.cleared_at IS NULL) AS open_blockings,
      (SELECT count(*)::int FROM card_relations r
        JOIN cards other ON other.id = CASE WHEN r.from_card_id = c.id THEN r.to_card_id ELSE r.from_card_id END
        WHERE (r.from_card_id = c.id OR r.to_card_id = c.id)
          AND other.workspace_id <> (SELECT workspace_id FROM spaces WHERE id = ${targetSpaceId}::uuid)
      ) AS foreign_relations`,
  );
  const { targetRole, target } = await loadTargetSpace(db, actorId, targetSpaceId);
  if (!card || !row) {
    return {
      role: null,
      card: null,
      source: null,
      sourceStatus: null,
      targetRole,
      target,
      cardLabels: [],
      followerIds: [],
      targetReaderIds: [],
      openBlockings: [],
      foreignRelationCount: 0,
      reminderOwnerIdsLosingAccess: [],
    };
  }
  const followerIds = ids(row.follower_ids);
  const reminderOwnerIds = ids(row.reminder_owner_ids);
  const people = [
    ...new Set([
      ...(card.responsibleId ? [card.responsibleId] : []),
      ...card.coworkerIds,
      ...followerIds,
      ...reminderOwnerIds,
    ]),
  ];
  const readers = new Set(
    target
      ? readersFrom(
          rowsOf(await db.execute(sql`SELECT ${peopleFactsOf(sql`${target.id}::uuid`, people)} AS people`))[0]
            ?.people,
        )
      : [],
  );
  return {
    role,
    card,
    source: { id: card.spaceId, name: row.space_name as string },
    sourceStatus: json<Status | null>(row.source_status),
    targetRole,
    target,
    cardLabels: json<NamedLabel[]>(row.card_labels),
    followerIds,
    targetReaderIds: people.filter((userId) => readers.has(userId)),
    openBlockings: json<OpenBlocking[]>(row.open_blockings),
    foreignRelationCount: Number(row.foreign_relations),
    reminderOwnerIdsLosingAccess: reminderOwnerIds.filter((userId) => !readers.has(userId)),
  };
};

/** Re-homes what the card owns (`cardOwnedRows`) to the card's new space. */
const rehomeOwnedRows = (card: Card): SQL[] =>
  cardOwnedRows.map(
    (table) =>
      sql`UPDATE ${sql.raw(table)} SET space_id = ${card.spaceId}::uuid WHERE card_id = ${card.id}::uuid`,
  );

/** The writes of a move to another space, in order. */
export const moveToSpaceWrites = (
  changes: MoveCardToSpaceChanges,
  actorId: string,
  reminderOwnerIdsLosingAccess: readonly string[],
): SQL[] => {
  const { card, statusChange, removedUserIds } = changes;
  const writes: SQL[] = [
    sql`
    UPDATE cards SET space_id = ${card.spaceId}::uuid, status_id = ${card.statusId}::uuid,
      position = ${card.position}, responsible_id = ${card.responsibleId}::uuid,
      completed_at = ${card.completedAt}::timestamptz, updated_at = ${card.updatedAt}::timestamptz,
      version = ${card.version}
    WHERE id = ${card.id}::uuid`,
    ...rehomeOwnedRows(card),
    sql`DELETE FROM card_labels WHERE card_id = ${card.id}::uuid`,
  ];
  if (card.labelIds.length > 0) {
    writes.push(sql`
      INSERT INTO card_labels (card_id, label_id, workspace_id)
      SELECT ${card.id}::uuid, label_id, ${card.workspaceId}::uuid FROM unnest(${uuids(card.labelIds)}) AS label_id`);
  }
  if (removedUserIds.length > 0) {
    writes.push(
      sql`DELETE FROM card_coworkers WHERE card_id = ${card.id}::uuid AND user_id = ANY(${uuids(removedUserIds)})`,
      sql`DELETE FROM card_followers WHERE card_id = ${card.id}::uuid AND user_id = ANY(${uuids(removedUserIds)})`,
    );
  }
  if (reminderOwnerIdsLosingAccess.length > 0) {
    writes.push(
      sql`DELETE FROM card_reminders WHERE card_id = ${card.id}::uuid AND user_id = ANY(${uuids(reminderOwnerIdsLosingAccess)})`,
    );
  }
  if (statusChange) {
    writes.push(sql`
      INSERT INTO card_status_changes
        (workspace_id, space_id, card_id, from_status_id, to_status_id, from_role, to_role, actor_id, at)
      VALUES (${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.id}::uuid,
        ${statusChange.fromStatusId}::uuid, ${statusChange.toStatusId}::uuid, ${statusChange.fromRole},
        ${statusChange.toRole}, ${actorId}::uuid, ${card.updatedAt}::timestamptz)`);
  }
  return writes;
};

/** Runs writes one after another. */
export const runWrites = async (db: Executor, writes: readonly SQL[]): Promise<void> => {
  for (const write of writes) await db.execute(write);
};

/** The key of the card right after `card` in its status, or null when it is the last. */
export const keyAfter = async (db: Executor, card: Card): Promise<string | null> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT position FROM cards WHERE status_id = ${card.statusId}::uuid
        AND position COLLATE "C" > ${card.position} COLLATE "C"
      ORDER BY position COLLATE "C" LIMIT 1`),
  );
  return (row?.position as string | undefined) ?? null;
};

/** The writes of a copy: the card, its history row, people (who follow it) and labels, its to-dos. */
export const copyWrites = (
  changes: CopyCardChanges,
  originalId: string,
  include: { todos: boolean },
): SQL[] => {
  const { card, statusChange } = changes;
  const writes: SQL[] = [
    sql`
    INSERT INTO cards (id, workspace_id, space_id, status_id, name, description, position, created_by,
      responsible_id, start_date, due_date, created_at, updated_at, completed_at, version)
    VALUES (${card.id}::uuid, ${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.statusId}::uuid,
      ${card.name}, ${card.description}, ${card.position}, ${card.createdBy}::uuid,
      ${card.responsibleId}::uuid, ${card.startDate}::date, ${card.dueDate}::date,
      ${card.createdAt}::timestamptz, ${card.updatedAt}::timestamptz, ${card.completedAt}::timestamptz, 1)`,
    sql`
    INSERT INTO card_status_changes
      (workspace_id, space_id, card_id, from_status_id, to_status_id, from_role, to_role, actor_id, at)
    VALUES (${card.workspaceId}::uuid, ${card.spaceId}::uuid, ${card.id}::uuid, NULL,
      ${statusChange.toStatusId}::uuid, NULL, ${statusChange.toRole}, ${card.createdBy}::uuid,
      ${card.createdAt}::timestamptz)`,
  ];
  const people = [...new Set([...(card.responsibleId ? [card.responsibleId] : []), ...card.coworkerIds])];
  if (card.coworkerIds.length > 0) {
    writes.push(sql`
      INSERT INTO card_coworkers (card_id, user_id, workspace_id)
      SELECT ${card.id}::uuid, user_id, ${card.workspaceId}::uuid FROM unnest(${uuids(card.coworkerIds)}) AS user_id`);
  }
  if (people.length > 0) {
    writes.push(sql`
      INSERT INTO card_followers (card_id, user_id, workspace_id)
      SELECT ${card.id}::uuid, user_id, ${card.workspaceId}::uuid FROM unnest(${uuids(people)}) AS user_id`);
  }
  if (card.labelIds.length > 0) {
    writes.push(sql`
      INSERT INTO card_labels (card_id, label_id, workspace_id)
      SELECT ${card.id}::uuid, label_id, ${card.workspaceId}::uuid FROM unnest(${uuids(card.labelIds)}) AS label_id`);
  }
  if (include.todos) {
    writes.push(sql`
      INSERT INTO todo_items (workspace_id, space_id, card_id, text, is_done, position, done_at, done_by, created_at)
      SELECT workspace_id, ${card.spaceId}::uuid, ${card.id}::uuid, text, is_done, position, done_at, done_by,
        ${card.createdAt}::timestamptz
      FROM todo_items WHERE card_id = ${originalId}::uuid`);
  }
  return writes;
};

/**
 * Gives the copy the original's relations (same kind, same other card; a copy of a cycle-free graph's
 * node adds no cycle) and returns them with the space of the other card, for their events.
 */
export const copyRelations = async (
  db: Executor,
  originalId: string,
  copy: Card,
  actorId: string,
): Promise<Array<{ relation: CardRelation; otherSpaceId: string }>> => {
  const rows = rowsOf(
    await db.execute(sql`
      WITH copied AS (
        INSERT INTO card_relations (workspace_id, kind, from_card_id, to_card_id, created_by, created_at)
        SELECT workspace_id, kind,
          CASE WHEN from_card_id = ${originalId}::uuid THEN ${copy.id}::uuid ELSE from_card_id END,
          CASE WHEN to_card_id = ${originalId}::uuid THEN ${copy.id}::uuid ELSE to_card_id END,
          ${actorId}::uuid, ${copy.createdAt}::timestamptz
        FROM card_relations WHERE from_card_id = ${originalId}::uuid OR to_card_id = ${originalId}::uuid
        ON CONFLICT DO NOTHING
        RETURNING *
      )
      SELECT copied.*, other.space_id AS other_space_id FROM copied
      JOIN cards other ON other.id = CASE WHEN copied.from_card_id = ${copy.id}::uuid
        THEN copied.to_card_id ELSE copied.from_card_id END`),
  );
  return rows.map((row) => ({
    relation: {
      id: row.id as string,
      workspaceId: row.workspace_id as string,
      kind: row.kind as CardRelation["kind"],
      fromCardId: row.from_card_id as string,
      toCardId: row.to_card_id as string,
      createdAt: iso(row.created_at),
    },
    otherSpaceId: row.other_space_id as string,
  }));
};
