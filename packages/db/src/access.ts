/**
 * Resolving the caller's effective role for a resource: one query each, keyed by the resource id
 * and joined to the caller's memberships. `null` means the caller may not know the resource exists
 * (the route answers 404). The role rules themselves live in the domain (`effective*Role`).
 */
import {
  effectiveSpaceRole,
  effectiveWorkspaceRole,
  type Visibility,
  type WorkspaceRole,
} from "@lattice/domain";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "./client.js";
import {
  cards,
  folders,
  spaceMembers,
  spaces,
  statuses,
  workspaceMembers,
  workspaces,
} from "./schema/index.js";

export interface WorkspaceAccess {
  workspace: typeof workspaces.$inferSelect;
  role: WorkspaceRole;
}

export const workspaceAccess = async (
  db: Executor,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceAccess | null> => {
  const [row] = await db
    .select({ workspace: workspaces, memberRole: workspaceMembers.role })
    .from(workspaces)
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)),
    )
    .where(eq(workspaces.id, workspaceId));
  if (!row) return null;
  const role = effectiveWorkspaceRole(
    row.workspace.visibility as Visibility,
    (row.memberRole as WorkspaceRole | null) ?? null,
  );
  return role ? { workspace: row.workspace, role } : null;
};

export interface SpaceAccess {
  space: typeof spaces.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
  workspaceRole: WorkspaceRole;
  role: WorkspaceRole;
}

const spaceAccessWhere = async (
  db: Executor,
  userId: string,
  spaceId: string,
): Promise<SpaceAccess | null> => {
  const [row] = await db
    .select({
      space: spaces,
      workspace: workspaces,
      memberRole: workspaceMembers.role,
      spaceRole: spaceMembers.role,
    })
    .from(spaces)
    .innerJoin(workspaces, eq(workspaces.id, spaces.workspaceId))
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, spaces.workspaceId), eq(workspaceMembers.userId, userId)),
    )
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.userId, userId)))
    .where(eq(spaces.id, spaceId));
  if (!row) return null;
  const workspaceRole = effectiveWorkspaceRole(
    row.workspace.visibility as Visibility,
    (row.memberRole as WorkspaceRole | null) ?? null,
  );
  const role = effectiveSpaceRole(
    workspaceRole,
    row.space.isPrivate,
    (row.spaceRole as WorkspaceRole | null) ?? null,
  );
  if (!role || !workspaceRole) return null;
  return { space: row.space, workspace: row.workspace, workspaceRole, role };
};

export const spaceAccess = spaceAccessWhere;

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
 * Ids of every live (unarchived) space the user may read, in any workspace: one query, filtered by
 * the domain's role rules. Search, activity, "my work" and personal feeds restrict to these.
 */
export const readableSpaceIds = async (db: Executor, userId: string): Promise<string[]> => {
  const rows = await db
    .select({
      id: spaces.id,
      isPrivate: spaces.isPrivate,
      visibility: workspaces.visibility,
      memberRole: workspaceMembers.role,
      spaceRole: spaceMembers.role,
    })
    .from(spaces)
    .innerJoin(workspaces, eq(workspaces.id, spaces.workspaceId))
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)),
    )
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.userId, userId)))
    .where(
      and(
        isNull(spaces.archivedAt),
        isNull(workspaces.archivedAt),
        or(eq(workspaceMembers.userId, userId), inArray(workspaces.visibility, ["public", "org_wide"])),
      ),
    );
  return rows
    .filter(
      (r) =>
        effectiveSpaceRole(
          effectiveWorkspaceRole(r.visibility as Visibility, (r.memberRole as WorkspaceRole | null) ?? null),
          r.isPrivate,
          (r.spaceRole as WorkspaceRole | null) ?? null,
        ) !== null,
    )
    .map((r) => r.id);
};
