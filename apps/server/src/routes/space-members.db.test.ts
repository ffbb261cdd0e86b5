/**
 * A private space shared with chosen people: its own members with their own role, managed by its
 * owners and the workspace's owners. Everyone else, workspace members too, gets 404 for it and none
 * of its events; a removed member's live socket loses the space's channel at that point.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type Card,
  type Space,
  type SpaceMember,
  spaceChannel,
  type Tree,
  type Workspace,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, fingerprinter } from "../test/fingerprint.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { TestSocket } from "../test/ws-client.js";

const spaceMemberSuite = (driver: TestDriver) => {
  describe(`space members (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace; Mia, a member, makes the private space; Bo is a member and Vic a
    // visitor of the workspace who are not in it; Out is in another workspace only.
    let ana: Client;
    let mia: Client;
    let bo: Client;
    let vic: Client;
    let out: Client;
    let workspace: Workspace;
    const sockets: TestSocket[] = [];

    const members = (space: Space) => `/api/spaces/${space.id}/members`;
    const spaceIdsInTree = async (client: Client) =>
      (await client.get(`/api/workspaces/${workspace.id}/tree`)).json<Tree>().spaces.map((s) => s.id);
    const privateSpace = (name: string) => f.space(mia, workspace.id, { name, isPrivate: true });

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      mia = await f.user("Mia");
      bo = await f.user("Bo");
      vic = await f.user("Vic");
      out = await f.user("Out");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, mia, "member");
      await f.member(ana, workspace.id, bo, "member");
      await f.member(ana, workspace.id, vic, "visitor");
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    it("answers 404 to workspace members who are not in a private space, and lists its creator as owner", async () => {
      const space = await privateSpace("Staff rota");
      const card = await f.card(mia, space.id, { name: "Night shifts" });
      for (const client of [bo, vic]) {
        expect((await client.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(404);
        expect((await client.get(`/api/cards/${card.id}`)).statusCode).toBe(404);
        expect((await client.get(members(space))).statusCode).toBe(404);
        expect(await spaceIdsInTree(client)).not.toContain(space.id);
      }
      expect((await out.get(members(space))).statusCode).toBe(404);
      // The workspace's owner sees it, to manage it.
      expect((await ana.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(200);
      const list = (await mia.get(members(space))).json<SpaceMember[]>();
      expect(list.map((m) => [m.name, m.role])).toEqual([["Mia", "owner"]]);
    });

    it("lets a chosen person in with their own role, and changing it changes what they may do", async () => {
      const space = await privateSpace("Budget");
      const added = await mia.post(members(space), { userId: bo.user.id, role: "visitor" });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json<SpaceMember>()).toMatchObject({ userId: bo.user.id, role: "visitor", name: "Bo" });
      expect(await spaceIdsInTree(bo)).toContain(space.id);
      expect((await bo.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(200);
      expect((await bo.post(`/api/spaces/${space.id}/cards`, { name: "Mine" })).statusCode).toBe(403);
      const promoted = await mia.patch(`${members(space)}/${bo.user.id}`, { role: "member" });
      expect(promoted.json<SpaceMember>().role).toBe("member");
      expect((await bo.post(`/api/spaces/${space.id}/cards`, { name: "Mine" })).statusCode).toBe(201);
      // A space member who is not its owner cannot share it further.
      expect((await bo.post(members(space), { userId: vic.user.id })).statusCode).toBe(403);
      // Vic, still outside, is answered as if it did not exist.
      expect((await vic.post(members(space), { userId: vic.user.id })).statusCode).toBe(404);
    });

    it("lets the workspace's owners manage a private space they are not a member of", async () => {
      const space = await privateSpace("Appraisals");
      const res = await ana.post(members(space), { userId: vic.user.id, role: "member" });
      expect(res.statusCode, res.body).toBe(201);
      expect((await ana.delete(`${members(space)}/${vic.user.id}`)).statusCode).toBe(204);
      expect((await vic.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(404);
    });

    it("ends a removed member's live view of the space: revoked on the socket, nothing after it", async () => {
      const space = await privateSpace("Ward moves");
      expect((await mia.post(members(space), { userId: bo.user.id, role: "member" })).statusCode).toBe(201);
      const socket = await TestSocket.open(baseUrl, bo.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      expect((await socket.subscribe(spaceChannel(space.id))).type).toBe("subscribed");
      await f.card(mia, space.id, { name: "Before removal" });
      await socket.next((fr) => fr.type === "event" && fr.event.type === "card.created");
      expect((await mia.delete(`${members(space)}/${bo.user.id}`)).statusCode).toBe(204);
      await socket.next(
        (fr) => fr.type === "error" && fr.code === "access_revoked" && fr.channel === spaceChannel(space.id),
      );
      await f.card(mia, space.id, { name: "After removal" });
      // Mia's own socket sees the later card: once it has, Bo's would have too, were it sent.
      const onMia = await TestSocket.open(baseUrl, mia.session?.cookie ?? null);
      sockets.push(onMia);
      await onMia.next((fr) => fr.type === "hello");
      expect((await onMia.subscribe(spaceChannel(space.id), 0)).type).toBe("subscribed");
      await onMia.until(() => JSON.stringify(onMia.frames).includes("After removal"));
      await socket.flush();
      expect(JSON.stringify(socket.frames)).not.toContain("After removal");
      const again = await socket.subscribe(spaceChannel(space.id), 0);
      expect(again).toMatchObject({ type: "error", code: "not_found" });
      expect(await spaceIdsInTree(bo)).not.toContain(space.id);
    });

    it("lets a member leave a space by themself", async () => {
      const space = await privateSpace("Leaving");
      await mia.post(members(space), { userId: bo.user.id, role: "visitor" });
      expect((await bo.delete(`${members(space)}/${bo.user.id}`)).statusCode).toBe(204);
      expect((await bo.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(404);
    });

    it("refuses someone outside the workspace, a second add and an unknown role, changing nothing", async () => {
      const space = await privateSpace("Refusals");
      await mia.post(members(space), { userId: bo.user.id, role: "member" });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      const outsider = await mia.post(members(space), { userId: out.user.id });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json()).toMatchObject({ errors: [{ field: "body.userId" }] });
      const twice = await mia.post(members(space), { userId: bo.user.id, role: "visitor" });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().detail).toMatch(/already a member/);
      expect((await mia.post(members(space), { userId: vic.user.id, role: "admin" })).statusCode).toBe(400);
      expect((await mia.patch(`${members(space)}/${vic.user.id}`, { role: "member" })).statusCode).toBe(404);
      expect((await mia.delete(`${members(space)}/${vic.user.id}`)).statusCode).toBe(404);
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });

    it("keeps a private space's cards out of search and activity for those outside it", async () => {
      const space = await privateSpace("Hidden search");
      const card: Card = await f.card(mia, space.id, { name: "Quarantine protocol" });
      const found = (await bo.get("/api/search?q=Quarantine")).body;
      expect(found).not.toContain(card.id);
      await mia.post(members(space), { userId: bo.user.id, role: "visitor" });
      expect((await bo.get("/api/search?q=Quarantine")).body).toContain(card.id);
    });
  });
};

spaceMemberSuite(testDriver());
