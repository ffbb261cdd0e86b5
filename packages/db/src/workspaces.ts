/**
 * The SQL of workspaces themselves: their order (under one advisory lock, as workspaces have no
 * parent channel), making one with its creator as owner, changing and deleting one. Who may do so
 * is decided by the caller.
 */
import type { Visibility } from "@lattice/domain";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "./client.js";
import { workspaceMembers, workspaces } from "./schema/index.js";

type WorkspaceRow = typeof workspaces.$inferSelect;
export type WorkspaceChanges = Partial<typeof workspaces.$inferInsert>;

/** Serializes placements among workspaces to the end of the transaction. */
export const lockWorkspaceOrder = async (tx: Transaction): Promise<void> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lattice:workspace-order'))`);
};

/** Every workspace's id and key, in order. */
export const workspaceKeys = (db: Executor): Promise<{ id: string; position: string }[]> =>
  db
    .select({ id: workspaces.id, position: workspaces.position })
    .from(workspaces)
    .orderBy(asc(workspaces.position));

/** Makes a workspace and its creator's owner membership. */
export const insertWorkspace = async (
  db: Executor,
  values: { name: string; description: string; visibility: Visibility; position: string; createdBy: string },
): Promise<{ workspace: WorkspaceRow; owner: typeof workspaceMembers.$inferSelect }> => {
  const [row] = await db.insert(workspaces).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  const [owner] = await db
    .insert(workspaceMembers)
    .values({ workspaceId: row.id, userId: values.createdBy, role: "owner" })
    .returning();
  if (!owner) throw new Error("insert returned no row");
  return { workspace: row, owner };
};

export const updateWorkspaceRow = async (
  db: Executor,
  workspaceId: string,
  changes: WorkspaceChanges,
): Promise<WorkspaceRow | null> => {
  const [row] = await db.update(workspaces).set(changes).where(eq(workspaces.id, workspaceId)).returning();
  return row ?? null;
};

export const deleteWorkspaceRow = async (db: Executor, workspaceId: string): Promise<void> => {
  await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
};
