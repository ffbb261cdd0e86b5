import { describe, expect, it } from "vitest";
import { Action, can, effectiveSpaceRole, effectiveWorkspaceRole } from "./permissions.js";
import { type Visibility, visibilities, type WorkspaceRole, workspaceRoles } from "./roles.js";

const actions = Object.values(Action);
const changes: Action[] = actions.filter((a) => a !== "read" && a !== "comment");

describe("can", () => {
  it("gives owners every action", () => {
    for (const action of actions) expect(can("owner", action), action).toBe(true);
  });

  it("lets members work on cards and build the hierarchy but not manage members, statuses, settings or removals", () => {
    const allowed = actions.filter((a) => can("member", a));
    expect(allowed.sort()).toEqual(
      ["read", "comment", "write_cards", "create_hierarchy", "rename_hierarchy"].sort(),
    );
    for (const action of [
      "manage_members",
      "manage_statuses",
      "manage_settings",
      "remove_hierarchy",
    ] as const)
      expect(can("member", action), action).toBe(false);
  });

  it("lets visitors read and comment only", () => {
    expect(can("visitor", "read")).toBe(true);
    expect(can("visitor", "comment")).toBe(true);
    for (const action of changes) expect(can("visitor", action), action).toBe(false);
  });

  it("refuses everything to a caller with no role", () => {
    for (const action of actions) expect(can(null, action), action).toBe(false);
  });
});

describe("effectiveWorkspaceRole", () => {
  it("uses explicit membership whatever the visibility", () => {
    for (const visibility of visibilities)
      for (const role of workspaceRoles) expect(effectiveWorkspaceRole(visibility, role)).toBe(role);
  });

  it.each<[Visibility, WorkspaceRole | null]>([
    ["private", null],
    ["public", "visitor"],
    ["org_wide", "member"],
  ])("gives a non-member of a %s workspace the role %s", (visibility, expected) => {
    expect(effectiveWorkspaceRole(visibility, null)).toBe(expected);
  });
});

describe("effectiveSpaceRole", () => {
  it("gives nobody a role in a space of a workspace they cannot see", () => {
    for (const isPrivate of [false, true])
      for (const spaceRole of [null, ...workspaceRoles])
        expect(effectiveSpaceRole(null, isPrivate, spaceRole)).toBeNull();
  });

  it("inherits the workspace role in a non-private space without a space role", () => {
    for (const role of workspaceRoles) expect(effectiveSpaceRole(role, false, null)).toBe(role);
  });

  it("lets a space role override the workspace role in a non-private space", () => {
    for (const workspaceRole of workspaceRoles)
      for (const spaceRole of workspaceRoles)
        expect(effectiveSpaceRole(workspaceRole, false, spaceRole)).toBe(spaceRole);
  });

  it("hides a private space from members and visitors who are not in it", () => {
    expect(effectiveSpaceRole("member", true, null)).toBeNull();
    expect(effectiveSpaceRole("visitor", true, null)).toBeNull();
  });

  it("keeps a private space visible to workspace owners so they can manage it", () => {
    expect(effectiveSpaceRole("owner", true, null)).toBe("owner");
  });

  it("gives the people of a private space their space role", () => {
    for (const workspaceRole of workspaceRoles)
      for (const spaceRole of workspaceRoles)
        expect(effectiveSpaceRole(workspaceRole, true, spaceRole)).toBe(spaceRole);
  });
});
