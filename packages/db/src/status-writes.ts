/**
 * The SQL of a space's columns: the context (the actor's role, the space, its statuses in order,
 * and for a removal how many cards the status holds) in one statement after the space's lock.
 */
import type { Status, WorkspaceRole } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { statuses } from "./schema/index.js";
import { json, roleFactsOf, roleFromFacts, rowsOf, statusesOf } from "./write-sql.js";

export interface LoadedStatusContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  statuses: Status[];
  /** The status named by id, when loading by status. */
  status: Status | null;
  /** Cards in that status, archived ones included. */
  cardCount: number;
}

export const loadStatusContext = async (
  db: Executor,
  actorId: string,
  of: { spaceId: string } | { statusId: string },
): Promise<LoadedStatusContext> => {
  const spaceId =
    "spaceId" in of
      ? sql`${of.spaceId}::uuid`
      : sql`(SELECT space_id FROM statuses WHERE id = ${of.statusId}::uuid)`;
  const cardCount =
    "statusId" in of ? sql`(SELECT count(*)::int FROM cards WHERE status_id = ${of.statusId}::uuid)` : sql`0`;
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.workspace_id, ${roleFactsOf(sql`s.id`, sql`${actorId}::uuid`)} AS role_facts,
        ${statusesOf(sql`s.id`)} AS statuses, ${cardCount} AS card_count
      FROM spaces s WHERE s.id = ${spaceId}`),
  );
  if (!row) return { role: null, space: null, statuses: [], status: null, cardCount: 0 };
  const list = json<Status[]>(row.statuses);
  return {
    role: roleFromFacts(json(row.role_facts)),
    space: { id: row.id as string, workspaceId: row.workspace_id as string },
    statuses: list,
    status: "statusId" in of ? (list.find((s) => s.id === of.statusId) ?? null) : null,
    cardCount: Number(row.card_count),
  };
};

export const persistStatus = async (
  db: Executor,
  status: Status,
  kind: "created" | "updated" | "deleted",
): Promise<void> => {
  const values = {
    name: status.name,
    role: status.role,
    wipLimit: status.wipLimit,
    position: status.position,
  };
  if (kind === "created") {
    await db
      .insert(statuses)
      .values({ id: status.id, workspaceId: status.workspaceId, spaceId: status.spaceId, ...values });
  } else if (kind === "updated") {
    await db.update(statuses).set(values).where(eq(statuses.id, status.id));
  } else {
    await db.delete(statuses).where(eq(statuses.id, status.id));
  }
};
