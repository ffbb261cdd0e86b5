/**
 * The one role query against the domain's rules, on every combination the rules distinguish:
 * workspace visibility × workspace membership × space privacy × space membership (96 pairs), and
 * archived spaces left out when asked. Run on both drivers (projects "server" and "pg").
 */
import {
  effectiveSpaceRole,
  effectiveWorkspaceRole,
  type Visibility,
  visibilities,
  type WorkspaceRole,
  workspaceRoles,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spaceRoles, spacesWithRoles, workspacesWithRoles } from "./roles.js";
import { spaceMembers, spaces, users, workspaceMembers, workspaces } from "./schema/index.js";
import { createTestDatabase, type TestDatabase, type TestDriver, testDriver } from "./testing.js";

const memberships = [null, ...workspaceRoles] as const;

interface Person {
  id: string;
  workspaceRole: WorkspaceRole | null;
  spaceRole: WorkspaceRole | null;
}
interface PlacedSpace {
  id: string;
  workspaceId: string;
  visibility: Visibility;
  isPrivate: boolean;
}

const rolesSuite = (driver: TestDriver): void => {
  describe(`effective roles (${driver})`, () => {
    let t: TestDatabase;
    const people: Person[] = [];
    const placed: PlacedSpace[] = [];
    let archivedSpaceId = "";

    beforeAll(async () => {
      t = await createTestDatabase(driver);
      const db = t.handle.db;
      for (const workspaceRole of memberships)
        for (const spaceRole of memberships) {
          const [row] = await db
            .insert(users)
            .values({
              email: `${workspaceRole ?? "none"}-${spaceRole ?? "none"}@example.com`,
              name: `${workspaceRole ?? "none"} / ${spaceRole ?? "none"}`,
              passwordHash: "not-a-login",
            })
            .returning({ id: users.id });
          if (row) people.push({ id: row.id, workspaceRole, spaceRole });
        }
      for (const [w, visibility] of visibilities.entries()) {
        const [workspace] = await db
          .insert(workspaces)
          .values({ name: visibility, visibility, position: `a${w}` })
          .returning({ id: workspaces.id });
        if (!workspace) throw new Error("no workspace");
        for (const person of people)
          if (person.workspaceRole)
            await db
              .insert(workspaceMembers)
              .values({ workspaceId: workspace.id, userId: person.id, role: person.workspaceRole });
        for (const [s, isPrivate] of [false, true, false].entries()) {
          const [space] = await db
            .insert(spaces)
            .values({
              workspaceId: workspace.id,
              name: `${visibility} ${isPrivate ? "private" : "open"}`,
              position: `a${s}`,
              isPrivate,
              archivedAt: s === 2 ? new Date() : null,
            })
            .returning({ id: spaces.id });
          if (!space) throw new Error("no space");
          for (const person of people)
            if (person.spaceRole)
              await db.insert(spaceMembers).values({
                spaceId: space.id,
                workspaceId: workspace.id,
                userId: person.id,
                role: person.spaceRole,
              });
          if (s === 2) archivedSpaceId ||= space.id;
          else placed.push({ id: space.id, workspaceId: workspace.id, visibility, isPrivate });
        }
      }
    });
    afterAll(async () => t?.drop());

    const expectedRole = (person: Person, space: PlacedSpace): WorkspaceRole | null =>
      effectiveSpaceRole(
        effectiveWorkspaceRole(space.visibility, person.workspaceRole),
        space.isPrivate,
        person.spaceRole,
      );

    it("answers every person's role in every space as the domain's rules decide (96 pairs)", async () => {
      const answered = await spaceRoles(t.handle.db, {
        userIds: people.map((p) => p.id),
        spaceIds: placed.map((s) => s.id),
      });
      const byPair = new Map(answered.map((r) => [`${r.userId} ${r.spaceId}`, r.role]));
      let pairs = 0;
      for (const person of people)
        for (const space of placed) {
          pairs++;
          expect(
            byPair.get(`${person.id} ${space.id}`) ?? null,
            `${person.workspaceRole}/${person.spaceRole} in ${space.visibility} ${space.isPrivate}`,
          ).toBe(expectedRole(person, space));
        }
      expect(pairs).toBe(96);
    });

    it("hides a private space from a workspace member without a space role, and shows it to an owner", async () => {
      const privateSpace = placed.find((s) => s.visibility === "private" && s.isPrivate);
      const member = people.find((p) => p.workspaceRole === "member" && p.spaceRole === null);
      const owner = people.find((p) => p.workspaceRole === "owner" && p.spaceRole === null);
      if (!privateSpace || !member || !owner) throw new Error("fixture");
      expect(await spacesWithRoles(t.handle.db, member.id, { spaceId: privateSpace.id })).toEqual([]);
      const [ownerAccess] = await spacesWithRoles(t.handle.db, owner.id, { spaceId: privateSpace.id });
      expect(ownerAccess?.role).toBe("owner");
      expect(ownerAccess?.space.id).toBe(privateSpace.id);
    });

    it("gives the same answer for one space with its rows as for the pair list", async () => {
      for (const person of people)
        for (const space of placed) {
          const [access] = await spacesWithRoles(t.handle.db, person.id, { spaceId: space.id });
          expect(access?.role ?? null).toBe(expectedRole(person, space));
        }
    });

    it("answers workspace roles by visibility and membership, and leaves archived spaces out when asked", async () => {
      for (const person of people) {
        const seen = await workspacesWithRoles(t.handle.db, person.id);
        for (const visibility of visibilities) {
          const role = seen.find((w) => w.workspace.visibility === visibility)?.role ?? null;
          expect(role).toBe(effectiveWorkspaceRole(visibility, person.workspaceRole));
        }
        const all = await spaceRoles(t.handle.db, { userIds: [person.id] });
        const live = await spaceRoles(t.handle.db, { userIds: [person.id], liveOnly: true });
        expect(live.some((r) => r.spaceId === archivedSpaceId)).toBe(false);
        expect(all.length - live.length).toBe(
          all.filter((r) => !placed.some((s) => s.id === r.spaceId)).length,
        );
      }
    });
  });
};

rolesSuite(testDriver());
