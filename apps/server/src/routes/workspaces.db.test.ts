import { randomUUID } from "node:crypto";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Folder, Member, Space, Status, Tree, Workspace } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const workspaceRouteSuite = (driver: TestDriver): void => {
  describe(`workspaces and members (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
    });
    afterAll(async () => h?.close());

    const listed = async (client: Client) => (await client.get("/api/workspaces")).json<Workspace[]>();
    const members = async (client: Client, workspaceId: string) =>
      (await client.get(`/api/workspaces/${workspaceId}/members`)).json<Member[]>();

    it("creates a workspace with 201, an id, and the creator as owner", async () => {
      const ana = await f.user("Ana");
      const res = await ana.post("/api/workspaces", {
        name: "  Patient experience  ",
        description: "2027 plan",
      });
      expect(res.statusCode, res.body).toBe(201);
      const ws = res.json<Workspace>();
      expect(ws).toMatchObject({
        name: "Patient experience",
        visibility: "private",
        role: "owner",
        archivedAt: null,
      });
      expect(ws.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await ana.get(`/api/workspaces/${ws.id}`)).json<Workspace>()).toMatchObject({
        id: ws.id,
        role: "owner",
      });
      expect((await members(ana, ws.id)).map((m) => [m.userId, m.role])).toEqual([[ana.user.id, "owner"]]);
    });

    it("lists own, public and org-wide workspaces, with the role visibility implies, but not others' private ones", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const own = await f.workspace(bo, { name: "Bo's own" });
      const anaPrivate = await f.workspace(ana, { name: "Ana private" });
      const anaPublic = await f.workspace(ana, { name: "Ana public", visibility: "public" });
      const anaOrg = await f.workspace(ana, { name: "Ana org", visibility: "org_wide" });
      const seen = new Map((await listed(bo)).map((w) => [w.id, w.role]));
      expect(seen.get(own.id)).toBe("owner");
      expect(seen.get(anaPublic.id)).toBe("visitor");
      expect(seen.get(anaOrg.id)).toBe("member");
      expect(seen.has(anaPrivate.id)).toBe(false);
      expectProblem(await bo.get(`/api/workspaces/${anaPrivate.id}`), 404, "not_found");
      expect((await bo.get(`/api/workspaces/${anaPublic.id}`)).json<Workspace>().role).toBe("visitor");
      expect((await bo.get(`/api/workspaces/${anaOrg.id}`)).json<Workspace>().role).toBe("member");
    });

    it("adds someone the owner already works with by email (any case) with a role, and refuses duplicates", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      await f.member(ana, (await f.workspace(ana)).id, bo, "member");
      const ws = await f.workspace(ana);
      const res = await ana.post(`/api/workspaces/${ws.id}/members`, {
        email: bo.user.email.toUpperCase(),
        role: "visitor",
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Member>()).toMatchObject({ userId: bo.user.id, role: "visitor", workspaceId: ws.id });
      expect((await listed(bo)).find((w) => w.id === ws.id)?.role).toBe("visitor");

      expectProblem(
        await ana.post(`/api/workspaces/${ws.id}/members`, { email: bo.user.email, role: "owner" }),
        409,
        "conflict",
        ["body.email"],
      );
      expect((await members(ana, ws.id)).find((m) => m.userId === bo.user.id)?.role).toBe("visitor");
    });

    it("answers the same for an unknown address and for an account the owner shares no workspace with", async () => {
      const ana = await f.user("Ana");
      const stranger = await f.user("Stranger");
      const ws = await f.workspace(ana);
      const unknown = await ana.post(`/api/workspaces/${ws.id}/members`, {
        email: `nobody.${randomUUID()}@example.test`,
      });
      const existing = await ana.post(`/api/workspaces/${ws.id}/members`, { email: stranger.user.email });
      const a = expectProblem(unknown, 400, "validation_failed", ["body.email"]);
      const b = expectProblem(existing, 400, "validation_failed", ["body.email"]);
      expect(a.errors).toEqual(b.errors);
      expect(a.detail).toBe(b.detail);
      expect((await members(ana, ws.id)).map((m) => m.userId)).toEqual([ana.user.id]);
    });

    it("keeps refusing a duplicate member", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "visitor");
      expectProblem(
        await ana.post(`/api/workspaces/${ws.id}/members`, { email: bo.user.email, role: "owner" }),
        409,
        "conflict",
        ["body.email"],
      );
      expect((await members(ana, ws.id)).find((m) => m.userId === bo.user.id)?.role).toBe("visitor");
    });

    it("changes a member's role and removes a member", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "visitor");
      const changed = await ana.patch(`/api/workspaces/${ws.id}/members/${bo.user.id}`, { role: "member" });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<Member>().role).toBe("member");
      expect((await bo.get(`/api/workspaces/${ws.id}`)).json<Workspace>().role).toBe("member");

      expect((await ana.delete(`/api/workspaces/${ws.id}/members/${bo.user.id}`)).statusCode).toBe(204);
      expectProblem(await bo.get(`/api/workspaces/${ws.id}`), 404, "not_found");
      expect((await members(ana, ws.id)).map((m) => m.userId)).toEqual([ana.user.id]);
      expectProblem(await ana.delete(`/api/workspaces/${ws.id}/members/${bo.user.id}`), 404, "not_found");
    });

    it("never lets the last owner be demoted or removed (409 last_owner), but allows it once another owner exists", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "member");
      expectProblem(
        await ana.patch(`/api/workspaces/${ws.id}/members/${ana.user.id}`, { role: "member" }),
        409,
        "last_owner",
      );
      expectProblem(await ana.delete(`/api/workspaces/${ws.id}/members/${ana.user.id}`), 409, "last_owner");
      expect((await members(ana, ws.id)).find((m) => m.userId === ana.user.id)?.role).toBe("owner");

      await ana.patch(`/api/workspaces/${ws.id}/members/${bo.user.id}`, { role: "owner" });
      const demoted = await ana.patch(`/api/workspaces/${ws.id}/members/${ana.user.id}`, { role: "member" });
      expect(demoted.statusCode, demoted.body).toBe(200);
      expectProblem(await bo.delete(`/api/workspaces/${ws.id}/members/${bo.user.id}`), 409, "last_owner");
    });

    it("lets a member leave on their own, but not remove someone else", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const cy = await f.user("Cy");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "member");
      await f.member(ana, ws.id, cy, "visitor");
      expectProblem(await bo.delete(`/api/workspaces/${ws.id}/members/${cy.user.id}`), 403, "forbidden");
      expect((await cy.delete(`/api/workspaces/${ws.id}/members/${cy.user.id}`)).statusCode).toBe(204);
      expect((await bo.delete(`/api/workspaces/${ws.id}/members/${bo.user.id}`)).statusCode).toBe(204);
      expect((await members(ana, ws.id)).map((m) => m.userId)).toEqual([ana.user.id]);
      expect((await listed(bo)).some((w) => w.id === ws.id)).toBe(false);
    });

    it("serves a tree that nests folders and spaces and hides a private space from members not in it", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "member");
      const outer = await f.folder(ana, ws.id, { name: "Outer" });
      const inner = await f.folder(ana, ws.id, { name: "Inner", parentFolderId: outer.id });
      const rootSpace = await f.space(ana, ws.id, { name: "Root space" });
      const innerSpace = await f.space(ana, ws.id, { name: "Inner space", folderId: inner.id });
      const secret = await f.space(bo, ws.id, { name: "Bo's secret", isPrivate: true, folderId: outer.id });

      const boTree = (await bo.get(`/api/workspaces/${ws.id}/tree`)).json<Tree>();
      expect(boTree.folders.map((x) => [x.name, x.parentFolderId])).toEqual([
        ["Outer", null],
        ["Inner", outer.id],
      ]);
      const boSpaces = new Map(boTree.spaces.map((s) => [s.id, s]));
      expect(boSpaces.get(rootSpace.id)).toMatchObject({ folderId: null, role: "member" });
      expect(boSpaces.get(innerSpace.id)).toMatchObject({ folderId: inner.id, role: "member" });
      expect(boSpaces.get(secret.id)).toMatchObject({ isPrivate: true, role: "owner" });

      const cy = await f.user("Cy");
      await f.member(ana, ws.id, cy, "member");
      const cyTree = (await cy.get(`/api/workspaces/${ws.id}/tree`)).json<Tree>();
      expect(cyTree.spaces.map((s) => s.id).sort()).toEqual([rootSpace.id, innerSpace.id].sort());
      expectProblem(await cy.get(`/api/spaces/${secret.id}`), 404, "not_found");
      expectProblem(await cy.get(`/api/spaces/${secret.id}/board`), 404, "not_found");
      // Workspace owners still see it, so they can manage it.
      const anaTree = (await ana.get(`/api/workspaces/${ws.id}/tree`)).json<Tree>();
      expect(anaTree.spaces.some((s) => s.id === secret.id)).toBe(true);
    });

    it("sums up each visible space's progress, dates, late and blocked cards, leaving out private spaces of others", async () => {
      const ana = await f.user("Ana");
      const bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "member");
      const plan = await f.space(ana, ws.id, { name: "Plan" });
      const empty = await f.space(ana, ws.id, { name: "Empty" });
      const secret = await f.space(ana, ws.id, { name: "Secret", isPrivate: true });
      const statuses = await f.statuses(ana, plan.id);
      const role = (r: string) => statuses.find((s) => s.role === r)?.id as string;
      await f.card(ana, plan.id, { statusId: role("completed"), dueDate: "2027-03-01" });
      const late = await f.card(ana, plan.id, { statusId: role("in_progress") });
      await ana.patch(`/api/cards/${late.id}`, { startDate: "2027-02-20", dueDate: "2027-03-09" });
      const blocked = await f.card(ana, plan.id, { statusId: role("not_started") });
      await ana.patch(`/api/cards/${blocked.id}`, { dueDate: "2027-04-30" });
      const type = (await ana.post(`/api/spaces/${plan.id}/blocker-types`, { name: "Supplier" })).json<{
        id: string;
      }>();
      const blocking = await ana.post(`/api/cards/${blocked.id}/blockings`, {
        blockerTypeId: type.id,
        reason: "Waiting for quotes",
      });
      expect(blocking.statusCode, blocking.body).toBe(201);
      await f.card(ana, secret.id);

      const res = await bo.get(`/api/workspaces/${ws.id}/overview?today=2027-03-10`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([
        {
          spaceId: plan.id,
          total: 3,
          completed: 1,
          late: 1,
          blocked: 1,
          startDate: "2027-02-20",
          dueDate: "2027-04-30",
        },
        { spaceId: empty.id, total: 0, completed: 0, late: 0, blocked: 0, startDate: null, dueDate: null },
      ]);
      const anaIds = (await ana.get(`/api/workspaces/${ws.id}/overview`)).json<Array<{ spaceId: string }>>();
      expect(anaIds.map((s) => s.spaceId)).toContain(secret.id);
      expectProblem(
        await bo.get(`/api/workspaces/${ws.id}/overview?today=tomorrow`),
        400,
        "validation_failed",
      );
      const outsider = await f.user("Cy");
      expectProblem(await outsider.get(`/api/workspaces/${ws.id}/overview`), 404, "not_found");
    });
  });

  describe(`folders and spaces (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
    });
    afterAll(async () => h?.close());

    const tree = async (workspaceId: string) =>
      (await ana.get(`/api/workspaces/${workspaceId}/tree`)).json<Tree>();

    it("creates folders at the root and nested, in creation order", async () => {
      const ws = await f.workspace(ana);
      const a = await f.folder(ana, ws.id, { name: "A" });
      const b = await f.folder(ana, ws.id, { name: "B" });
      const child = await f.folder(ana, ws.id, { name: "A.1", parentFolderId: a.id });
      expect(a.parentFolderId).toBeNull();
      expect(child.parentFolderId).toBe(a.id);
      const t = await tree(ws.id);
      expect(t.folders.filter((x) => x.parentFolderId === null).map((x) => x.id)).toEqual([a.id, b.id]);
      expect(t.folders.filter((x) => x.parentFolderId === a.id).map((x) => x.id)).toEqual([child.id]);
    });

    it("refuses a parent folder or space folder from another workspace with 400 naming the field", async () => {
      const ws = await f.workspace(ana);
      const other = await f.workspace(ana, { name: "Other" });
      const foreign = await f.folder(ana, other.id);
      expectProblem(
        await ana.post(`/api/workspaces/${ws.id}/folders`, { name: "X", parentFolderId: foreign.id }),
        400,
        "validation_failed",
        ["body.parentFolderId"],
      );
      expectProblem(
        await ana.post(`/api/workspaces/${ws.id}/spaces`, { name: "X", folderId: foreign.id }),
        400,
        "validation_failed",
        ["body.folderId"],
      );
      const local = await f.folder(ana, ws.id);
      expectProblem(
        await ana.patch(`/api/folders/${local.id}`, { parentFolderId: foreign.id }),
        400,
        "validation_failed",
        ["body.parentFolderId"],
      );
      const t = await tree(ws.id);
      expect(t.folders.map((x) => [x.id, x.parentFolderId])).toEqual([[local.id, null]]);
      expect(t.spaces).toEqual([]);
    });

    it("refuses to move a folder into itself or one of its descendants", async () => {
      const ws = await f.workspace(ana);
      const top = await f.folder(ana, ws.id, { name: "Top" });
      const mid = await f.folder(ana, ws.id, { name: "Mid", parentFolderId: top.id });
      const leaf = await f.folder(ana, ws.id, { name: "Leaf", parentFolderId: mid.id });
      for (const target of [top, mid, leaf]) {
        expectProblem(
          await ana.patch(`/api/folders/${top.id}`, { parentFolderId: target.id }),
          400,
          "validation_failed",
          ["body.parentFolderId"],
        );
      }
      expect((await tree(ws.id)).folders.find((x) => x.id === top.id)?.parentFolderId).toBeNull();
      const moved = await ana.patch(`/api/folders/${leaf.id}`, { parentFolderId: null });
      expect(moved.json<Folder>().parentFolderId).toBeNull();
    });

    it("reorders folders and spaces with afterId / beforeId", async () => {
      const ws = await f.workspace(ana);
      const [a, b, c] = [
        await f.folder(ana, ws.id, { name: "A" }),
        await f.folder(ana, ws.id, { name: "B" }),
        await f.folder(ana, ws.id, { name: "C" }),
      ];
      await ana.patch(`/api/folders/${c?.id}`, { beforeId: a?.id });
      expect((await tree(ws.id)).folders.map((x) => x.name)).toEqual(["C", "A", "B"]);
      await ana.patch(`/api/folders/${c?.id}`, { afterId: b?.id });
      expect((await tree(ws.id)).folders.map((x) => x.name)).toEqual(["A", "B", "C"]);
      await ana.patch(`/api/folders/${b?.id}`, { afterId: null });
      expect((await tree(ws.id)).folders.map((x) => x.name)).toEqual(["B", "A", "C"]);
      expectProblem(
        await ana.patch(`/api/folders/${b?.id}`, { afterId: randomUUID() }),
        400,
        "validation_failed",
        ["body.afterId"],
      );

      const s1 = await f.space(ana, ws.id, { name: "S1" });
      const s2 = await f.space(ana, ws.id, { name: "S2" });
      await ana.patch(`/api/spaces/${s2.id}`, { beforeId: s1.id });
      expect((await tree(ws.id)).spaces.map((s) => s.name)).toEqual(["S2", "S1"]);
    });

    it("archives a folder or space by setting archivedAt, keeping it in the tree", async () => {
      const ws = await f.workspace(ana);
      const folder = await f.folder(ana, ws.id);
      const space = await f.space(ana, ws.id, { folderId: folder.id });
      const archivedFolder = (
        await ana.patch(`/api/folders/${folder.id}`, { archived: true })
      ).json<Folder>();
      const archivedSpace = (await ana.patch(`/api/spaces/${space.id}`, { archived: true })).json<Space>();
      expect(Date.parse(archivedFolder.archivedAt ?? "")).not.toBeNaN();
      expect(Date.parse(archivedSpace.archivedAt ?? "")).not.toBeNaN();
      const t = await tree(ws.id);
      expect(t.folders.find((x) => x.id === folder.id)?.archivedAt).toBe(archivedFolder.archivedAt);
      expect(t.spaces.find((s) => s.id === space.id)?.archivedAt).toBe(archivedSpace.archivedAt);
      expect((await ana.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(200);
      const back = (await ana.patch(`/api/spaces/${space.id}`, { archived: false })).json<Space>();
      expect(back.archivedAt).toBeNull();
    });

    it("deletes a folder with its subfolders, spaces and cards", async () => {
      const ws = await f.workspace(ana);
      const keep = await f.space(ana, ws.id, { name: "Keep" });
      const folder = await f.folder(ana, ws.id);
      const sub = await f.folder(ana, ws.id, { parentFolderId: folder.id });
      const direct = await f.space(ana, ws.id, { folderId: folder.id });
      const nested = await f.space(ana, ws.id, { folderId: sub.id });
      const card = await f.card(ana, nested.id);
      expect((await ana.delete(`/api/folders/${folder.id}`)).statusCode).toBe(204);
      for (const space of [direct, nested])
        expectProblem(await ana.get(`/api/spaces/${space.id}`), 404, "not_found");
      expectProblem(await ana.get(`/api/cards/${card.id}`), 404, "not_found");
      expectProblem(await ana.patch(`/api/folders/${sub.id}`, { name: "x" }), 404, "not_found");
      const t = await tree(ws.id);
      expect(t.folders).toEqual([]);
      expect(t.spaces.map((s) => s.id)).toEqual([keep.id]);
    });

    it("deletes a space and a workspace", async () => {
      const ws = await f.workspace(ana);
      const space = await f.space(ana, ws.id);
      expect((await ana.delete(`/api/spaces/${space.id}`)).statusCode).toBe(204);
      expectProblem(await ana.get(`/api/spaces/${space.id}`), 404, "not_found");
      expect((await ana.delete(`/api/workspaces/${ws.id}`)).statusCode).toBe(204);
      expectProblem(await ana.get(`/api/workspaces/${ws.id}`), 404, "not_found");
    });

    it("starts a new space with To Do / Doing / Done as not_started / in_progress / completed, in that order", async () => {
      const ws = await f.workspace(ana);
      const folder = await f.folder(ana, ws.id);
      for (const space of [await f.space(ana, ws.id), await f.space(ana, ws.id, { folderId: folder.id })]) {
        const statuses = await f.statuses(ana, space.id);
        expect(statuses.map((s: Status) => [s.name, s.role, s.wipLimit])).toEqual([
          ["To Do", "not_started", null],
          ["Doing", "in_progress", null],
          ["Done", "completed", null],
        ]);
        expect(statuses.every((s) => s.spaceId === space.id && s.workspaceId === ws.id)).toBe(true);
      }
    });
  });
};

workspaceRouteSuite(testDriver());
