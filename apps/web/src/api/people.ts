/**
 * Typed calls about people: a space's own members, the administrator's list of accounts, public
 * workspaces to join, the person's own settings and the ways the login page offers to sign in.
 */
import {
  type AddSpaceMemberBody,
  adminUserListSchema,
  adminUserSchema,
  publicWorkspaceListSchema,
  spaceMemberListSchema,
  spaceMemberSchema,
  type UpdateSettingsBody,
  userSchema,
  workspaceSchema,
} from "@lattice/domain";
import { request, requestEmpty } from "./client";

export const peopleApi = {
  listSpaceMembers: (spaceId: string) =>
    request("GET", `/api/spaces/${spaceId}/members`, spaceMemberListSchema),
  addSpaceMember: (spaceId: string, body: AddSpaceMemberBody) =>
    request("POST", `/api/spaces/${spaceId}/members`, spaceMemberSchema, { body }),
  updateSpaceMember: (spaceId: string, userId: string, role: AddSpaceMemberBody["role"]) =>
    request("PATCH", `/api/spaces/${spaceId}/members/${userId}`, spaceMemberSchema, { body: { role } }),
  removeSpaceMember: (spaceId: string, userId: string) =>
    requestEmpty("DELETE", `/api/spaces/${spaceId}/members/${userId}`),

  listUsers: () => request("GET", "/api/admin/users", adminUserListSchema),
  setUserActive: (userId: string, active: boolean) =>
    request("PATCH", `/api/admin/users/${userId}`, adminUserSchema, { body: { active } }),

  listPublicWorkspaces: () => request("GET", "/api/public-workspaces", publicWorkspaceListSchema),
  joinWorkspace: (workspaceId: string) =>
    request("POST", `/api/workspaces/${workspaceId}/join`, workspaceSchema, { body: {} }),

  updateSettings: (body: UpdateSettingsBody) => request("PATCH", "/api/me/settings", userSchema, { body }),
};
