/**
 * Who may do what. One function, `can`, answers every authorization question from the caller's
 * effective role; routes resolve the role (one indexed lookup by workspace_id) and ask here.
 *
 * Roles come from the workspace (explicit membership, or implied by visibility) and may be
 * overridden per space. A caller with no effective role must get 404, never 403, so that private
 * workspaces and spaces do not leak their existence.
 */
import type { Visibility, WorkspaceRole } from "./roles.js";

export const Action = {
  read: "read",
  comment: "comment",
  writeCards: "write_cards",
  createHierarchy: "create_hierarchy",
  renameHierarchy: "rename_hierarchy",
  removeHierarchy: "remove_hierarchy",
  manageMembers: "manage_members",
  manageStatuses: "manage_statuses",
  manageSettings: "manage_settings",
} as const;
export type Action = (typeof Action)[keyof typeof Action];

const allowed: Record<WorkspaceRole, ReadonlySet<Action>> = {
  owner: new Set<Action>(Object.values(Action)),
  member: new Set<Action>(["read", "comment", "write_cards", "create_hierarchy", "rename_hierarchy"]),
  visitor: new Set<Action>(["read", "comment"]),
};

export const can = (role: WorkspaceRole | null, action: Action): boolean =>
  role !== null && allowed[role].has(action);

/** The role a user holds in a workspace: explicit membership first, else what visibility implies. */
export const effectiveWorkspaceRole = (
  visibility: Visibility,
  memberRole: WorkspaceRole | null,
): WorkspaceRole | null => {
  if (memberRole) return memberRole;
  if (visibility === "org_wide") return "member";
  if (visibility === "public") return "visitor";
  return null;
};

/**
 * The role a user holds in a space. A space role, when set, overrides the workspace role. A private
 * space is visible only to its own members and to the workspace's owners (who must be able to manage it).
 */
export const effectiveSpaceRole = (
  workspaceRole: WorkspaceRole | null,
  isSpacePrivate: boolean,
  spaceMemberRole: WorkspaceRole | null,
): WorkspaceRole | null => {
  if (workspaceRole === null) return null;
  if (isSpacePrivate) {
    if (spaceMemberRole) return spaceMemberRole;
    return workspaceRole === "owner" ? "owner" : null;
  }
  return spaceMemberRole ?? workspaceRole;
};
