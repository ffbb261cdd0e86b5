/**
 * Saved views: personal ones stay their owner's (invisible and unchangeable to anyone else, their
 * events on the owner's channel only), shared ones belong to the space (members change them, owners
 * choose the one default), and they travel with the space through the trash.
 */
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type SavedView,
  type SavedViewList,
  spaceChannel,
  userChannel,
  type Workspace,
} from "@lattice/domain";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const savedViewSuite = (driver: TestDriver): void => {
  describe(`saved views (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    let ana: Client; // owner
    let mo: Client; // member
    let vi: Client; // visitor
    let oz: Client; // not in the workspace
    let workspace: Workspace;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      mo = await f.user("Mo");
      vi = await f.user("Vi");
      oz = await f.user("Oz");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, mo, "member");
      await f.member(ana, workspace.id, vi, "visitor");
    });
    afterAll(async () => {
      for (const s of sockets) s.ws.close();
      await h?.close();
    });

    const save = async (
      client: Client,
      spaceId: string,
      body: Record<string, unknown>,
    ): Promise<SavedView> => {
      const res = await client.post(`/api/spaces/${spaceId}/saved-views`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<SavedView>();
    };
    const names = async (client: Client, spaceId: string): Promise<string[]> => {
      const res = await client.get(`/api/spaces/${spaceId}/saved-views`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: SavedView[] }>().items.map((v) => v.name);
    };
    const rows = async () => (await h.db.handle.db.select({ n: count() }).from(tables.savedViews))[0]?.n ?? 0;

    it("keeps a personal view for its owner alone and shares a shared one with every reader", async () => {
      const space = await f.space(ana, workspace.id);
      const mine = await save(vi, space.id, {
        name: "  My late cards ",
        kind: "list",
        query: "?due=overdue",
      });
      expect(mine).toMatchObject({
        name: "My late cards",
        kind: "list",
        query: "due=overdue",
        ownerId: vi.user.id,
      });
      const shared = await save(mo, space.id, {
        name: "Ward A",
        kind: "board",
        query: "label=x",
        isShared: true,
      });
      expect(shared.ownerId).toBeNull();

      expect(await names(vi, space.id)).toEqual(["My late cards", "Ward A"]);
      expect(await names(mo, space.id)).toEqual(["Ward A"]);
      expect(await names(ana, space.id)).toEqual(["Ward A"]);
      const rights = async (client: Client) => {
        const { canShare, canChooseDefault } = (
          await client.get(`/api/spaces/${space.id}/saved-views`)
        ).json<SavedViewList>();
        return { canShare, canChooseDefault };
      };
      expect(await rights(ana)).toEqual({ canShare: true, canChooseDefault: true });
      expect(await rights(mo)).toEqual({ canShare: true, canChooseDefault: false });
      expect(await rights(vi)).toEqual({ canShare: false, canChooseDefault: false });

      // Another person's personal view is unknown: not found, and nothing changes.
      for (const client of [ana, mo]) {
        expectProblem(await client.patch(`/api/saved-views/${mine.id}`, { name: "Taken" }), 404, "not_found");
        expectProblem(await client.delete(`/api/saved-views/${mine.id}`), 404, "not_found");
      }
      expectProblem(
        await ana.request("PUT", `/api/spaces/${space.id}/default-view`, { viewId: mine.id }),
        400,
        "validation_failed",
        ["body.viewId"],
      );
      expect(await names(vi, space.id)).toEqual(["My late cards", "Ward A"]);
    });

    it("lets a visitor keep personal views but not change shared ones, and answers 404 to an outsider", async () => {
      const space = await f.space(ana, workspace.id);
      const shared = await save(ana, space.id, { name: "Team", kind: "gantt", isShared: true });
      expectProblem(
        await vi.post(`/api/spaces/${space.id}/saved-views`, { name: "X", kind: "board", isShared: true }),
        403,
        "forbidden",
      );
      expectProblem(await vi.patch(`/api/saved-views/${shared.id}`, { name: "Mine" }), 403, "forbidden");
      expectProblem(await vi.delete(`/api/saved-views/${shared.id}`), 403, "forbidden");
      const own = await save(vi, space.id, { name: "Mine", kind: "calendar" });
      const renamed = await vi.patch(`/api/saved-views/${own.id}`, {
        name: "Still mine",
        query: "month=2026-12",
      });
      expect(renamed.json<SavedView>()).toMatchObject({ name: "Still mine", query: "month=2026-12" });
      expect((await vi.delete(`/api/saved-views/${own.id}`)).statusCode).toBe(204);

      expectProblem(await oz.get(`/api/spaces/${space.id}/saved-views`), 404, "not_found");
      expectProblem(
        await oz.post(`/api/spaces/${space.id}/saved-views`, { name: "X", kind: "board" }),
        404,
        "not_found",
      );
      expectProblem(await oz.patch(`/api/saved-views/${shared.id}`, { name: "X" }), 404, "not_found");
      expectProblem(await oz.delete(`/api/saved-views/${shared.id}`), 404, "not_found");
      expectProblem(
        await oz.request("PUT", `/api/spaces/${space.id}/default-view`, { viewId: shared.id }),
        404,
        "not_found",
      );
    });

    it("refuses bad input with the field named and changes nothing", async () => {
      const space = await f.space(ana, workspace.id);
      const url = `/api/spaces/${space.id}/saved-views`;
      const before = await rows();
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ name: "   ", kind: "board" }, ["body.name"]],
        [{ name: "x".repeat(81), kind: "board" }, ["body.name"]],
        [{ name: "X", kind: "kanban" }, ["body.kind"]],
        [{ name: "X", kind: "board", query: "a=1".padEnd(2001, "b") }, ["body.query"]],
        [{ name: "X", kind: "board", query: "a=1#top" }, ["body.query"]],
        [{ name: "X", kind: "board", query: "a=1\nb=2" }, ["body.query"]],
        [{ name: "X", kind: "board", colour: "red" }, ["body.colour"]],
        [{ name: "X", kind: "board", isDefault: true }, ["body.isDefault"]],
      ];
      for (const [body, fields] of cases)
        expectProblem(await ana.post(url, body), 400, "validation_failed", fields);
      const view = await save(ana, space.id, { name: "Fine", kind: "board", query: "a".repeat(2000) });
      expect(view.query.length).toBe(2000);
      expectProblem(
        await ana.patch(`/api/saved-views/${view.id}`, { afterId: "8f0e2c4a-1b2c-4d5e-8f90-123456789abc" }),
        400,
        "validation_failed",
        ["body.afterId"],
      );
      expectProblem(await ana.patch("/api/saved-views/not-an-id", { name: "X" }), 400, "validation_failed");
      expect(await rows()).toBe(before + 1);
    });

    it("orders views by their keys and moves one after or before another", async () => {
      const space = await f.space(ana, workspace.id);
      const [a, b, c] = [
        await save(mo, space.id, { name: "A", kind: "board", isShared: true }),
        await save(mo, space.id, { name: "B", kind: "list", isShared: true }),
        await save(mo, space.id, { name: "C", kind: "time", isShared: true }),
      ] as [SavedView, SavedView, SavedView];
      expect((await mo.patch(`/api/saved-views/${c.id}`, { afterId: null })).statusCode).toBe(200);
      expect(await names(ana, space.id)).toEqual(["C", "A", "B"]);
      expect((await mo.patch(`/api/saved-views/${c.id}`, { afterId: a.id })).statusCode).toBe(200);
      expect(await names(ana, space.id)).toEqual(["A", "C", "B"]);
      expect((await mo.patch(`/api/saved-views/${a.id}`, { beforeId: b.id })).statusCode).toBe(200);
      expect(await names(ana, space.id)).toEqual(["C", "A", "B"]);
    });

    it("lets owners alone choose one shared default, which moves from view to view", async () => {
      const space = await f.space(ana, workspace.id);
      const first = await save(mo, space.id, { name: "First", kind: "list", isShared: true });
      const second = await save(ana, space.id, {
        name: "Second",
        kind: "board",
        isShared: true,
        isDefault: true,
      });
      expect(second.isDefault).toBe(true);
      const put = (client: Client, viewId: string | null) =>
        client.request("PUT", `/api/spaces/${space.id}/default-view`, { viewId });
      expectProblem(await put(mo, first.id), 403, "forbidden");
      expectProblem(
        await mo.post(`/api/spaces/${space.id}/saved-views`, {
          name: "Mine",
          kind: "board",
          isShared: true,
          isDefault: true,
        }),
        403,
        "forbidden",
      );
      const own = await save(ana, space.id, { name: "Own", kind: "board" });
      expectProblem(await put(ana, own.id), 400, "validation_failed", ["body.viewId"]);

      const moved = await put(ana, first.id);
      expect(moved.statusCode, moved.body).toBe(200);
      const defaults = async () =>
        (await mo.get(`/api/spaces/${space.id}/saved-views`))
          .json<{ items: SavedView[] }>()
          .items.filter((v) => v.isDefault)
          .map((v) => v.name);
      expect(await defaults()).toEqual(["First"]);
      expect((await put(ana, null)).statusCode).toBe(200);
      expect(await defaults()).toEqual([]);
    });

    it("sends shared views to the space channel and personal ones only to their owner", async () => {
      const space = await f.space(ana, workspace.id);
      const moSocket = await TestSocket.open(baseUrl, mo.session?.cookie ?? null);
      const viSocket = await TestSocket.open(baseUrl, vi.session?.cookie ?? null);
      sockets.push(moSocket, viSocket);
      for (const s of [moSocket, viSocket]) await s.next((fr) => fr.type === "hello");
      expect((await moSocket.subscribe(spaceChannel(space.id))).type).toBe("subscribed");
      expect((await moSocket.subscribe(userChannel(mo.user.id))).type).toBe("subscribed");
      expect((await viSocket.subscribe(userChannel(vi.user.id))).type).toBe("subscribed");
      expect((await viSocket.subscribe(spaceChannel(space.id))).type).toBe("subscribed");

      const secret = await save(vi, space.id, { name: "Vi's secret filter", kind: "list" });
      const ownFrame = await viSocket.next(
        (fr) => fr.type === "event" && fr.event.type === "saved_view.created",
      );
      expect(ownFrame.type === "event" && ownFrame.channel).toBe(userChannel(vi.user.id));

      const shared = await save(ana, space.id, { name: "Night shift", kind: "board", isShared: true });
      const frame = await moSocket.next(
        (fr) => fr.type === "event" && fr.event.type === "saved_view.created",
      );
      expect(frame.type === "event" && frame.channel).toBe(spaceChannel(space.id));
      expect(frame.type === "event" && frame.event.payload).toMatchObject({ view: { id: shared.id } });
      // Everything Mo received so far: the personal view's name is in none of it.
      expect(JSON.stringify(moSocket.frames)).not.toContain("secret");
      expect(JSON.stringify(moSocket.frames)).not.toContain(secret.id);
    });

    it("keeps a space's saved views through the trash and back", async () => {
      const space = await f.space(ana, workspace.id);
      await save(ana, space.id, { name: "Shared default", kind: "list", isShared: true, isDefault: true });
      await save(mo, space.id, { name: "Mo's own", kind: "gantt", query: "zoom=week" });
      expect((await ana.delete(`/api/spaces/${space.id}`)).statusCode).toBe(204);
      expectProblem(await mo.get(`/api/spaces/${space.id}/saved-views`), 404, "not_found");
      const restored = await ana.post(`/api/trash/${space.id}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      const items = (await mo.get(`/api/spaces/${space.id}/saved-views`)).json<{ items: SavedView[] }>()
        .items;
      expect(items.map((v) => [v.name, v.isDefault, v.query])).toEqual([
        ["Shared default", true, ""],
        ["Mo's own", false, "zoom=week"],
      ]);
    });
  });
};

savedViewSuite(testDriver());
