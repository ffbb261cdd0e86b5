/**
 * The one answer to "what may this person do here": a person's effective role in a workspace and
 * in each space, read by one query shape (person × space, joined to both memberships) and decided by
 * one function over the domain's rules (`effectiveWorkspaceRole`, `effectiveSpaceRole`). Access
 * checks, readable-space lists, the readers a notification may reach and the card contexts of the
 * write path all ask here, so a rule changed once holds everywhere.
 */
import {
  effectiveSpaceRole,
  effectiveWorkspaceRole,
  type Visibility,
  type WorkspaceRole,
} from "@lattice/domain";
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";
import { spaceMembers, spaces, users, workspaceMembers, workspaces } from "./schema/index.js";

/** What the rules read: the workspace's visibility, the space's privacy and both memberships. */
export interface MembershipFacts {
  visibility: Visibility;
  memberRole: WorkspaceRole | null;
  isPrivate: boolean;
  spaceRole: WorkspaceRole | null;
}

export interface EffectiveRoles {
  /** Null: the person may not know the workspace exists. */
  workspaceRole: WorkspaceRole | null;
  /** Null: the person may not know the space exists. */
  role: WorkspaceRole | null;
}

export const rolesOf = (facts: MembershipFacts): EffectiveRoles => {
  const workspaceRole = effectiveWorkspaceRole(facts.visibility, facts.memberRole);
  return { workspaceRole, role: effectiveSpaceRole(workspaceRole, facts.isPrivate, facts.spaceRole) };
};

const roleFields = {
  userId: users.id,
  spaceId: spaces.id,
  workspaceId: spaces.workspaceId,
  folderId: spaces.folderId,
  visibility: workspaces.visibility,
  isPrivate: spaces.isPrivate,
  memberRole: workspaceMembers.role,
  spaceRole: spaceMembers.role,
};

/**
 * Person × space with both memberships, plus `extra` columns, narrowed by `where`. Pairs with no
 * membership in a private workspace are left out in SQL (the rules give them no role anyway).
 * `rolesOf` decides each row's roles.
 */
export const selectSpaceRoles = <Extra extends SelectedFields>(
  db: Executor,
  extra: Extra,
  where: SQL | undefined,
) =>
  db
    .select({ ...roleFields, ...extra })
    .from(users)
    .innerJoin(spaces, sql`true`)
    .innerJoin(workspaces, eq(workspaces.id, spaces.workspaceId))
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, users.id)),
    )
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.userId, users.id)))
    .where(
      and(
        where,
        or(
          sql`${workspaceMembers.userId} IS NOT NULL`,
          inArray(workspaces.visibility, ["public", "org_wide"]),
        ),
      ),
    );

export interface SpaceRole {
  userId: string;
  spaceId: string;
  workspaceId: string;
  folderId: string | null;
  workspaceRole: WorkspaceRole;
  role: WorkspaceRole;
}

export interface SpaceRoleFilter {
  /** Whose roles. */
  userIds: readonly string[];
  /** Only these spaces. */
  spaceIds?: readonly string[];
  /** Only the spaces of this workspace. */
  workspaceId?: string;
  /** Leave out archived spaces and spaces of archived workspaces. */
  liveOnly?: boolean;
}

/** Every (person, space) pair the filter selects in which the person has a role, with that role. */
export const spaceRoles = async (db: Executor, filter: SpaceRoleFilter): Promise<SpaceRole[]> => {
  if (filter.userIds.length === 0 || filter.spaceIds?.length === 0) return [];
  const rows = await selectSpaceRoles(
    db,
    {},
    and(
      inArray(users.id, [...filter.userIds]),
      filter.spaceIds ? inArray(spaces.id, [...filter.spaceIds]) : undefined,
      filter.workspaceId ? eq(spaces.workspaceId, filter.workspaceId) : undefined,
      filter.liveOnly ? and(isNull(spaces.archivedAt), isNull(workspaces.archivedAt)) : undefined,
    ),
  ).orderBy(asc(spaces.position));
  return rows.flatMap((row) => {
    const { workspaceRole, role } = rolesOf(row);
    return workspaceRole && role
      ? [
          {
            userId: row.userId,
            spaceId: row.spaceId,
            workspaceId: row.workspaceId,
            folderId: row.folderId,
            workspaceRole,
            role,
          },
        ]
      : [];
  });
};

export interface SpaceWithRoles {
  space: typeof spaces.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
  workspaceRole: WorkspaceRole;
  role: WorkspaceRole;
}

/** One person's roles in a set of spaces, with the space and workspace rows (a space's access check). */
export const spacesWithRoles = async (
  db: Executor,
  userId: string,
  where: { spaceId: string } | { workspaceId: string },
): Promise<SpaceWithRoles[]> => {
  const rows = await selectSpaceRoles(
    db,
    { space: spaces, workspace: workspaces },
    and(
      eq(users.id, userId),
      "spaceId" in where ? eq(spaces.id, where.spaceId) : eq(spaces.workspaceId, where.workspaceId),
    ),
  ).orderBy(asc(spaces.position));
  return rows.flatMap((row) => {
    const { workspaceRole, role } = rolesOf(row);
    return workspaceRole && role ? [{ space: row.space, workspace: row.workspace, workspaceRole, role }] : [];
  });
};

export interface WorkspaceWithRole {
  workspace: typeof workspaces.$inferSelect;
  role: WorkspaceRole;
}

/** One person's role in each workspace they may see (all of them, or one), in the workspaces' order. */
export const workspacesWithRoles = async (
  db: Executor,
  userId: string,
  filter: { workspaceId?: string; liveOnly?: boolean } = {},
): Promise<WorkspaceWithRole[]> => {
  const rows = await db
    .select({ workspace: workspaces, memberRole: workspaceMembers.role })
    .from(workspaces)
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)),
    )
    .where(
      and(
        filter.workspaceId ? eq(workspaces.id, filter.workspaceId) : undefined,
        filter.liveOnly ? isNull(workspaces.archivedAt) : undefined,
        or(eq(workspaceMembers.userId, userId), inArray(workspaces.visibility, ["public", "org_wide"])),
      ),
    )
    .orderBy(asc(workspaces.position));
  return rows.flatMap((row) => {
    const role = effectiveWorkspaceRole(row.workspace.visibility, row.memberRole);
    return role ? [{ workspace: row.workspace, role }] : [];
  });
};
