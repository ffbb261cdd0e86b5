/**
 * Resolving the caller's effective role for a resource, keyed by the resource id (the roles come
 * from `roles.ts`). `null` means the caller may not know the resource exists (the route answers 404).
 */
import type { WorkspaceRole } from "@lattice/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "./client.js";
import { spaceRoles, spacesWithRoles, workspacesWithRoles } from "./roles.js";
import { cards, folders, type spaces, statuses, type workspaces } from "./schema/index.js";

export interface WorkspaceAccess {
  workspace: typeof workspaces.$inferSelect;
  role: WorkspaceRole;
}

export const workspaceAccess = async (
  db: Executor,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceAccess | null> => (await workspacesWithRoles(db, userId, { workspaceId }))[0] ?? null;

export interface SpaceAccess {
  space: typeof spaces.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
  workspaceRole: WorkspaceRole;
  role: WorkspaceRole;
}

export const spaceAccess = async (
  db: Executor,
  userId: string,
  spaceId: string,
): Promise<SpaceAccess | null> => (await spacesWithRoles(db, userId, { spaceId }))[0] ?? null;
export const folderAccess = async (
  db: Executor,
  userId: string,
  folderId: string,
): Promise<(WorkspaceAccess & { folder: typeof folders.$inferSelect }) | null> => {
  const [folder] = await db.select().from(folders).where(eq(folders.id, folderId));
  if (!folder) return null;
  const access = await workspaceAccess(db, userId, folder.workspaceId);
  return access ? { ...access, folder } : null;
};

export const statusAccess = async (
  db: Executor,
  userId: string,
  statusId: string,
): Promise<(SpaceAccess & { status: typeof statuses.$inferSelect }) | null> => {
  const [status] = await db.select().from(statuses).where(eq(statuses.id, statusId));
  if (!status) return null;
  const access = await spaceAccess(db, userId, status.spaceId);
  return access ? { ...access, status } : null;
};

export const cardAccess = async (
  db: Executor,
  userId: string,
  cardId: string,
): Promise<(SpaceAccess & { card: typeof cards.$inferSelect }) | null> => {
  const [card] = await db.select().from(cards).where(eq(cards.id, cardId));
  if (!card) return null;
  const access = await spaceAccess(db, userId, card.spaceId);
  return access ? { ...access, card } : null;
};

/**
 * Ids of every live (unarchived) space the user may read, in any workspace. Search, activity,
 * "my work" and personal feeds restrict to these.
 */
export const readableSpaceIds = async (db: Executor, userId: string): Promise<string[]> =>
  (await spaceRoles(db, { userIds: [userId], liveOnly: true })).map((r) => r.spaceId);
