/**
 * The pieces the write paths' one-statement context queries share: the actor's role on a space
 * (and whether named people may read it) read as facts and decided by the domain's role rules,
 * a whole card with its people, labels, to-do counts and blocked flag, and the lock of a space's
 * channel taken in the statement that finds the space.
 */
import type { Card, Status, StatusRole, Visibility, WorkspaceRole } from "@lattice/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { executePrepared, type Row, runsOneTransactionAtATime } from "./prepared.js";
import { type MembershipFacts, rolesOf } from "./roles.js";

export type { Row };

export const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

export const iso = (value: unknown): string => new Date(value as string | Date).toISOString();
export const isoOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : iso(value);
export const ids = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
/** A json column: the pg driver parses it, PGlite may hand over the text. */
export const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
export const uuids = (values: readonly string[]): SQL => sql`${sql.param([...values])}::uuid[]`;

/** The role the facts give, by the one rule of roles.ts (null facts: no such space). */
export const roleFromFacts = (facts: MembershipFacts | null | undefined): WorkspaceRole | null =>
  facts
    ? rolesOf({
        visibility: facts.visibility,
        memberRole: facts.memberRole ?? null,
        isPrivate: facts.isPrivate === true,
        spaceRole: facts.spaceRole ?? null,
      }).role
    : null;

/** The flat role columns (`visibility`, `is_private`, `member_role`, `space_role`) of the row. */
export const roleFrom = (row: Row): WorkspaceRole | null =>
  roleFromFacts({
    visibility: row.visibility as Visibility,
    isPrivate: row.is_private === true,
    memberRole: (row.member_role as WorkspaceRole | null) ?? null,
    spaceRole: (row.space_role as WorkspaceRole | null) ?? null,
  });

/** A json object of what decides `userId`'s role on the space `spaceId` (null when no such space). */
export const roleFactsOf = (spaceId: SQL, userId: SQL): SQL => sql`(
  SELECT json_build_object('visibility', rw.visibility, 'isPrivate', rs.is_private,
    'memberRole', rwm.role, 'spaceRole', rsm.role)
  FROM spaces rs JOIN workspaces rw ON rw.id = rs.workspace_id
  LEFT JOIN workspace_members rwm ON rwm.workspace_id = rw.id AND rwm.user_id = ${userId}
  LEFT JOIN space_members rsm ON rsm.space_id = rs.id AND rsm.user_id = ${userId}
  WHERE rs.id = ${spaceId})`;

/** A json array of the people among `userIds`, each with the facts of their role on the space. */
export const peopleFactsOf = (spaceId: SQL, userIds: readonly string[]): SQL =>
  userIds.length === 0
    ? sql`'[]'::json`
    : sql`(SELECT coalesce(json_agg(json_build_object('userId', pu.id, 'visibility', pw.visibility,
        'isPrivate', ps.is_private, 'memberRole', pwm.role, 'spaceRole', psm.role)), '[]')
      FROM users pu JOIN spaces ps ON ps.id = ${spaceId} JOIN workspaces pw ON pw.id = ps.workspace_id
      LEFT JOIN workspace_members pwm ON pwm.workspace_id = pw.id AND pwm.user_id = pu.id
      LEFT JOIN space_members psm ON psm.space_id = ps.id AND psm.user_id = pu.id
      WHERE pu.id = ANY(${uuids(userIds)}))`;

/** Of the people the facts describe, those who may read the space. */
export const readersFrom = (value: unknown): string[] =>
  json<Array<MembershipFacts & { userId: string }>>(value ?? "[]")
    .filter((person) => roleFromFacts(person) !== null)
    .map((person) => person.userId);

/** The columns of a whole card `c` (with the card row's own columns as `c.*`). */
/**
 * A card's `repeat` as JSON, from the series whose current occurrence it is (null: it does not
 * repeat). `card` is the SQL naming the card's id column.
 */
export const repeatOf = (card: SQL): SQL => sql`(SELECT json_build_object('seriesId', rs.id, 'rule', rs.rule,
    'endsAfter', rs.ends_after, 'endsOn', rs.ends_on, 'timeZone', rs.time_zone, 'createWhen', rs.create_when,
    'daysBefore', rs.days_before, 'anchorDate', rs.anchor_date, 'occurrenceDate', rs.occurrence_date,
    'occurrenceCount', rs.occurrence_count, 'nextDate', rs.next_date)
  FROM card_series rs WHERE rs.current_card_id = ${card})`;

/** The `repeat` column read back (PGlite and pg may hand JSON over as text or parsed). */
export const repeatFrom = (value: unknown): Card["repeat"] =>
  value === null || value === undefined ? null : json<Card["repeat"]>(value);

export const cardColumns = sql`c.*, ${repeatOf(sql`c.id`)} AS repeat,
  (SELECT coalesce(array_agg(user_id), '{}') FROM card_coworkers WHERE card_id = c.id) AS coworker_ids,
  (SELECT coalesce(array_agg(label_id), '{}') FROM card_labels WHERE card_id = c.id) AS label_ids,
  (SELECT count(*)::int FROM todo_items WHERE card_id = c.id) AS todo_total,
  (SELECT (count(*) FILTER (WHERE is_done))::int FROM todo_items WHERE card_id = c.id) AS todo_done,
  EXISTS (SELECT 1 FROM card_blockings WHERE card_id = c.id AND cleared_at IS NULL) AS is_blocked,
  (SELECT count(*)::int FROM attachments WHERE card_id = c.id AND uploaded_at IS NOT NULL) AS attachment_count,
  (SELECT id FROM attachments WHERE card_id = c.id AND is_cover AND uploaded_at IS NOT NULL) AS cover_attachment_id`;

export const cardFrom = (row: Row): Card => ({
  id: row.id as string,
  workspaceId: row.workspace_id as string,
  spaceId: row.space_id as string,
  statusId: row.status_id as string,
  name: row.name as string,
  description: row.description as string,
  position: row.position as string,
  createdBy: (row.created_by as string | null) ?? null,
  responsibleId: (row.responsible_id as string | null) ?? null,
  coworkerIds: ids(row.coworker_ids),
  labelIds: ids(row.label_ids),
  startDate: (row.start_date as string | null) ?? null,
  dueDate: (row.due_date as string | null) ?? null,
  todoTotal: Number(row.todo_total),
  todoDone: Number(row.todo_done),
  isBlocked: row.is_blocked === true,
  attachmentCount: Number(row.attachment_count ?? 0),
  coverAttachmentId: (row.cover_attachment_id as string | null) ?? null,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  completedAt: isoOrNull(row.completed_at),
  archivedAt: isoOrNull(row.archived_at),
  version: Number(row.version),
  repeat: repeatFrom(row.repeat),
});

export const statusFrom = (row: Row, prefix: string): Status | null =>
  row[`${prefix}_id`] === null || row[`${prefix}_id`] === undefined
    ? null
    : {
        id: row[`${prefix}_id`] as string,
        workspaceId: row[`${prefix}_workspace_id`] as string,
        spaceId: row[`${prefix}_space_id`] as string,
        name: row[`${prefix}_name`] as string,
        position: row[`${prefix}_position`] as string,
        role: row[`${prefix}_role`] as StatusRole,
        wipLimit: (row[`${prefix}_wip_limit`] as number | null) ?? null,
      };

export const statusColumns = (alias: string): SQL =>
  sql.raw(
    ["id", "workspace_id", "space_id", "name", "position", "role", "wip_limit"]
      .map((c) => `${alias}.${c} AS ${alias}_${c}`)
      .join(", "),
  );

/** A json array of a space's statuses in board order, as the domain's `Status`. */
export const statusesOf = (spaceId: SQL): SQL => sql`(
  SELECT coalesce(json_agg(json_build_object('id', st.id, 'workspaceId', st.workspace_id,
    'spaceId', st.space_id, 'name', st.name, 'position', st.position, 'role', st.role,
    'wipLimit', st.wip_limit) ORDER BY st.position COLLATE "C", st.id), '[]')
  FROM statuses st WHERE st.space_id = ${spaceId})`;

/** The tables whose rows carry the space they belong to, for `lockSpaceOf`. */
const spaceHolders = {
  card: sql`cards`,
  status: sql`statuses`,
  todo: sql`todo_items`,
  blocking: sql`card_blockings`,
  label: sql`labels`,
  field: sql`custom_fields`,
  space: sql`(SELECT id AS space_id, id FROM spaces)`,
} as const;

/**
 * Takes the lock of the space channel of the row `id` of `kind` (see `MutationContext.lock`) in the
 * statement that finds the space, so what is read next is what committed before. (A missing row
 * takes no lock; the context read next finds nothing and the mutator answers 404.)
 */
export const lockSpaceOf = async (
  db: Executor,
  kind: keyof typeof spaceHolders,
  id: string,
): Promise<void> => {
  if (runsOneTransactionAtATime(db)) return;
  // A handful of shapes, one per kind, on every write path: prepared once per connection.
  await executePrepared(
    db,
    sql`
      INSERT INTO channels (channel, seq)
      SELECT 'space:' || space_id, 0 FROM ${spaceHolders[kind]} holder WHERE holder.id = ${id}::uuid
      ON CONFLICT (channel) DO UPDATE SET seq = channels.seq`,
  );
};
