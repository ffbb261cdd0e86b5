/**
 * The trash and the archive view: deleting moves to the trash with everything, the trashed thing is
 * gone from every other view, restore brings back the same rows, purge and the sweeper delete for
 * good, and only the right people see or act.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { ArchiveList, Card, Restored, TrashList } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { multipartBody } from "../test/multipart.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const missing = "00000000-0000-4000-8000-000000000000";

const trashSuite = (driver: TestDriver): void => {
  describe(`trash and archive (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let max: Client;
    let vi: Client;
    let oz: Client;
    let workspaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      max = await f.user("Max");
      vi = await f.user("Vi");
      oz = await f.user("Oz");
      workspaceId = (await f.workspace(ana)).id;
      await f.member(ana, workspaceId, max, "member");
      await f.member(ana, workspaceId, vi, "visitor");
    });
    afterAll(async () => h?.close());

    const ok = async (res: Awaited<ReturnType<Client["get"]>>, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      return res;
    };
    const boardCardIds = async (client: Client, spaceId: string) =>
      boardFromReply((await ok(await client.get(`/api/spaces/${spaceId}/board`))).json())
        .cards.map((c) => c.id)
        .sort();
    const trashOf = async (client: Client, url: string) =>
      (await ok(await client.get(url))).json<TrashList>();

    it("moves a deleted card with its to-dos, comments, documents and relations to the trash and back", async () => {
      const space = await f.space(ana, workspaceId, { name: "Ward rounds" });
      const other = await f.space(ana, workspaceId, { name: "Pharmacy" });
      const card = await f.card(max, space.id, { name: "Night shift handover", dueDate: "2027-03-04" });
      const neighbour = await f.card(max, other.id, { name: "Stock check" });
      await ok(await max.post(`/api/cards/${card.id}/todos`, { text: "Print the rota" }), 201);
      await ok(await max.post(`/api/cards/${card.id}/comments`, { body: "See the attached plan" }), 201);
      await ok(
        await max.post(`/api/cards/${card.id}/relations`, { type: "next", cardId: neighbour.id }),
        201,
      );
      const { payload, headers } = multipartBody([{ filename: "plan.txt", data: "bed 4 first" }]);
      await ok(await max.request("POST", `/api/cards/${card.id}/attachments`, payload, headers), 201);
      const before = (await ok(await max.get(`/api/cards/${card.id}`))).json<Card>();

      await ok(await max.delete(`/api/cards/${card.id}`), 204);

      expect(await boardCardIds(ana, space.id)).toEqual([]);
      expectProblem(await ana.get(`/api/cards/${card.id}`), 404, "not_found");
      const search = (await ok(await ana.get("/api/search?q=handover"))).json<{
        items: Array<{ id: string }>;
      }>();
      expect(search.items.map((i) => i.id)).not.toContain(card.id);
      const relationsOf = async (cardId: string) =>
        (await ok(await ana.get(`/api/cards/${cardId}/relations`))).json<{ previous: unknown[] }>().previous;
      expect(await relationsOf(neighbour.id)).toEqual([]);

      const trash = await trashOf(ana, `/api/workspaces/${workspaceId}/trash`);
      expect(trash.retentionDays).toBe(30);
      const entry = trash.items.find((i) => i.id === card.id);
      expect(entry).toMatchObject({
        kind: "card",
        name: "Night shift handover",
        placeName: "Ward rounds › To Do",
        trashedBy: max.user.id,
        trashedByName: "Max",
        canRestore: true,
        canPurge: true,
      });
      const spaceTrash = await trashOf(max, `/api/spaces/${space.id}/trash`);
      expect(spaceTrash.items.map((i) => i.id)).toEqual([card.id]);
      // A member who deleted it may take it back (their Undo), but not delete it for good.
      expect(spaceTrash.items[0]).toMatchObject({ canRestore: true, canPurge: false });

      const restored = await ok(await max.post(`/api/trash/${card.id}/restore`));
      expect(restored.json<Restored>()).toMatchObject({ kind: "card", id: card.id, note: null });
      const after = (await ok(await max.get(`/api/cards/${card.id}`))).json<Card>();
      expect(after).toEqual(before);
      expect(await boardCardIds(ana, space.id)).toEqual([card.id]);
      const todos = (await ok(await max.get(`/api/cards/${card.id}/todos`))).json<Array<{ text: string }>>();
      expect(todos.map((t) => t.text)).toEqual(["Print the rota"]);
      const comments = (await ok(await max.get(`/api/cards/${card.id}/comments`))).json<
        Array<{ body: string }>
      >();
      expect(comments.map((c) => c.body)).toEqual(["See the attached plan"]);
      const documents = (await ok(await max.get(`/api/cards/${card.id}/attachments`))).json<
        Array<{ id: string }>
      >();
      expect(documents).toHaveLength(1);
      const file = await ok(await max.get(`/api/attachments/${documents[0]?.id}`));
      expect(file.body).toBe("bed 4 first");
      expect(await relationsOf(neighbour.id)).toHaveLength(1);
      expect(
        (await trashOf(ana, `/api/workspaces/${workspaceId}/trash`)).items.map((i) => i.id),
      ).not.toContain(card.id);

      const activity = (await ok(await ana.get(`/api/spaces/${space.id}/activity`))).json<{
        items: Array<{ text: string }>;
      }>();
      const texts = activity.items.map((i) => i.text);
      expect(texts).toContain("Max deleted 'Night shift handover'");
      expect(texts).toContain("Max restored 'Night shift handover'");
    });

    it("tells an open board and the workspace's trash lists at once when a card goes and comes back", async () => {
      const space = await f.space(ana, workspaceId, { name: "Live" });
      const card = await f.card(ana, space.id, { name: "Watched" });
      const base = await h.app.listen({ port: 0, host: "127.0.0.1" });
      const socket = await TestSocket.open(base, max.session?.cookie ?? null);
      try {
        expect((await socket.subscribe(`space:${space.id}`)).type).toBe("subscribed");
        expect((await socket.subscribe(`workspace:${workspaceId}`)).type).toBe("subscribed");
        // Two channels: their events may arrive in either order, so each is looked for from the action on.
        const eventOf = (type: string, after: number) =>
          socket.next((m) => m.type === "event" && m.event.type === type, 5000, type, after);
        const beforeDelete = socket.mark;
        await ok(await ana.delete(`/api/cards/${card.id}`), 204);
        expect(await eventOf("card.deleted", beforeDelete)).toMatchObject({
          event: { payload: { cardId: card.id, name: "Watched" } },
        });
        expect(await eventOf("trash.changed", beforeDelete)).toMatchObject({
          event: { payload: { workspaceId } },
        });
        const beforeRestore = socket.mark;
        await ok(await ana.post(`/api/trash/${card.id}/restore`));
        expect(await eventOf("card.restored", beforeRestore)).toMatchObject({
          event: { payload: { card: { id: card.id } } },
        });
        expect(await eventOf("trash.changed", beforeRestore)).toMatchObject({
          event: { payload: { workspaceId } },
        });
      } finally {
        socket.ws.close();
      }
    });

    it("answers 409 to restoring what is not in the trash, 404 to unknown ids and non-members", async () => {
      const space = await f.space(ana, workspaceId);
      const card = await f.card(ana, space.id, { name: "Live one" });
      expectProblem(await ana.post(`/api/trash/${card.id}/restore`), 409, "conflict");
      expectProblem(await ana.post(`/api/trash/${missing}/restore`), 404, "not_found");
      expectProblem(await ana.delete(`/api/trash/${missing}`), 404, "not_found");
      expectProblem(await ana.post(`/api/trash/not-a-uuid/restore`), 400, "validation_failed", ["params.id"]);
      await ok(await ana.delete(`/api/cards/${card.id}`), 204);
      const hidden = await oz.post(`/api/trash/${card.id}/restore`);
      expectProblem(hidden, 404, "not_found");
      expect(hidden.json()).toEqual((await oz.post(`/api/trash/${missing}/restore`)).json());
      expectProblem(await oz.delete(`/api/trash/${card.id}`), 404, "not_found");
      expectProblem(await oz.get(`/api/workspaces/${workspaceId}/trash`), 404, "not_found");
      expectProblem(await oz.get(`/api/spaces/${space.id}/trash`), 404, "not_found");
      // Visitors and members who did not delete it see it but may neither restore nor purge it.
      expectProblem(await vi.post(`/api/trash/${card.id}/restore`), 403, "forbidden");
      expectProblem(await max.post(`/api/trash/${card.id}/restore`), 403, "forbidden");
      expectProblem(await max.delete(`/api/trash/${card.id}`), 403, "forbidden");
      expectProblem(await ana.get(`/api/workspaces/${workspaceId}/trash?limit=0`), 400, "validation_failed", [
        "querystring.limit",
      ]);
      await ok(await ana.delete(`/api/trash/${card.id}`), 204);
      expectProblem(await ana.post(`/api/trash/${card.id}/restore`), 404, "not_found");
      expect(await boardCardIds(ana, space.id)).toEqual([]);
    });

    it("trashes a space with its cards as one entry, blocks its card's own restore, and restores them together", async () => {
      const folder = await f.folder(ana, workspaceId, { name: "Clinics" });
      const space = await f.space(ana, workspaceId, { name: "Outpatients", folderId: folder.id });
      const early = await f.card(ana, space.id, { name: "Deleted before the space" });
      const kept = await f.card(ana, space.id, { name: "Went with the space" });
      await ok(await ana.delete(`/api/cards/${early.id}`), 204);
      expectProblem(await max.delete(`/api/spaces/${space.id}`), 403, "forbidden");
      await ok(await ana.delete(`/api/spaces/${space.id}`), 204);
      expectProblem(await ana.get(`/api/spaces/${space.id}/board`), 404, "not_found");
      expectProblem(await ana.get(`/api/cards/${kept.id}`), 404, "not_found");

      const trash = await trashOf(ana, `/api/workspaces/${workspaceId}/trash?q=outpat`);
      expect(trash.items.map((i) => [i.kind, i.id])).toEqual([["space", space.id]]);
      expect(trash.items[0]).toMatchObject({
        placeName: "Clinics",
        contents: { cards: 1, spaces: 0, folders: 0 },
      });
      const cardEntry = (await trashOf(ana, `/api/workspaces/${workspaceId}/trash?q=before the`)).items[0];
      expect(cardEntry).toMatchObject({
        id: early.id,
        canRestore: false,
        trashedParent: { kind: "space", id: space.id, name: "Outpatients", canRestore: true },
      });
      const blocked = expectProblem(await ana.post(`/api/trash/${early.id}/restore`), 409, "conflict");
      expect(blocked.detail).toContain("Outpatients");

      // Its folder went meanwhile: the space comes back at the top level and says so.
      await ok(await ana.delete(`/api/folders/${folder.id}`), 204);
      const restored = (await ok(await ana.post(`/api/trash/${space.id}/restore`))).json<Restored>();
      expect(restored).toMatchObject({ kind: "space", placeName: "Top level" });
      expect(restored.note).toContain("Clinics");
      expect(await boardCardIds(ana, space.id)).toEqual([kept.id]);
      await ok(await ana.post(`/api/trash/${early.id}/restore`));
      expect(await boardCardIds(ana, space.id)).toEqual([early.id, kept.id].sort());
    });

    it("trashes a folder with its folders, spaces and cards and restores the whole tree", async () => {
      const outer = await f.folder(ana, workspaceId, { name: "Estates" });
      const inner = await f.folder(ana, workspaceId, { name: "Wards", parentFolderId: outer.id });
      const space = await f.space(ana, workspaceId, { name: "Ward 9", folderId: inner.id });
      const card = await f.card(ana, space.id, { name: "Fix the lift" });
      await ok(await ana.delete(`/api/folders/${outer.id}`), 204);
      const tree = (await ok(await ana.get(`/api/workspaces/${workspaceId}/tree`))).body;
      expect(tree).not.toContain("Ward 9");
      const entry = (await trashOf(ana, `/api/workspaces/${workspaceId}/trash?q=Estates`)).items[0];
      expect(entry).toMatchObject({ kind: "folder", contents: { cards: 1, spaces: 1, folders: 1 } });
      expectProblem(await max.post(`/api/trash/${outer.id}/restore`), 403, "forbidden");
      await ok(await ana.post(`/api/trash/${outer.id}/restore`));
      expect(await boardCardIds(ana, space.id)).toEqual([card.id]);
      const again = (await ok(await ana.get(`/api/workspaces/${workspaceId}/tree`))).body;
      expect(again).toContain("Ward 9");
      expect(again).toContain("Wards");
    });

    it("keeps a private space's trash entry from those who could not read it", async () => {
      const space = await f.space(ana, workspaceId, { name: "Board minutes", isPrivate: true });
      const card = await f.card(ana, space.id, { name: "Salary review" });
      await ok(await ana.delete(`/api/cards/${card.id}`), 204);
      expect(
        (await trashOf(max, `/api/workspaces/${workspaceId}/trash`)).items.map((i) => i.id),
      ).not.toContain(card.id);
      expectProblem(await max.post(`/api/trash/${card.id}/restore`), 404, "not_found");
      await ok(await ana.delete(`/api/spaces/${space.id}`), 204);
      expect(
        (await trashOf(max, `/api/workspaces/${workspaceId}/trash`)).items.map((i) => i.id),
      ).not.toContain(space.id);
      expect((await trashOf(ana, `/api/workspaces/${workspaceId}/trash`)).items.map((i) => i.id)).toContain(
        space.id,
      );
    });

    it("lists archived folders, spaces and cards with where they are and who archived them, searchable", async () => {
      const folder = await f.folder(ana, workspaceId, { name: "Old projects" });
      const space = await f.space(ana, workspaceId, { name: "Flu campaign", folderId: folder.id });
      const card = await f.card(max, space.id, { name: "Order vaccines" });
      await ok(await max.patch(`/api/cards/${card.id}`, { archived: true }));
      await ok(await ana.patch(`/api/spaces/${space.id}`, { archived: true }));
      await ok(await ana.patch(`/api/folders/${folder.id}`, { archived: true }));
      const all = (await ok(await vi.get(`/api/workspaces/${workspaceId}/archive`))).json<ArchiveList>();
      const byId = new Map(all.items.map((i) => [i.id, i]));
      expect(byId.get(card.id)).toMatchObject({
        kind: "card",
        placeName: "Flu campaign › To Do",
        archivedByName: "Max",
        archivedParent: { kind: "space", id: space.id },
        canRestore: false,
      });
      expect(byId.get(space.id)).toMatchObject({
        kind: "space",
        placeName: "Old projects",
        archivedByName: "Ana",
        archivedParent: { kind: "folder", id: folder.id },
      });
      expect(byId.get(folder.id)).toMatchObject({
        kind: "folder",
        placeName: "Top level",
        archivedParent: null,
      });
      const found = (
        await ok(await ana.get(`/api/workspaces/${workspaceId}/archive?q=VACC`))
      ).json<ArchiveList>();
      expect(found.items.map((i) => i.id)).toEqual([card.id]);
      const inSpace = (await ok(await max.get(`/api/spaces/${space.id}/archive`))).json<ArchiveList>();
      expect(inSpace.items.map((i) => i.id)).toEqual([card.id]);
      expect(inSpace.items[0]?.canRestore).toBe(true);
      expectProblem(await oz.get(`/api/workspaces/${workspaceId}/archive`), 404, "not_found");
      expectProblem(await oz.get(`/api/spaces/${space.id}/archive`), 404, "not_found");

      const hidden = await f.space(ana, workspaceId, { name: "Private archive", isPrivate: true });
      await ok(await ana.patch(`/api/spaces/${hidden.id}`, { archived: true }));
      const maxSees = (await ok(await max.get(`/api/workspaces/${workspaceId}/archive`))).json<ArchiveList>();
      expect(maxSees.items.map((i) => i.id)).not.toContain(hidden.id);
    });

    it("the sweeper deletes for good what is older than the retention, once, and leaves the rest", async () => {
      const space = await f.space(ana, workspaceId, { name: "Sweep" });
      const old = await f.card(ana, space.id, { name: "Old news" });
      const fresh = await f.card(ana, space.id, { name: "Fresh news" });
      await ok(await ana.delete(`/api/cards/${old.id}`), 204);
      await ok(await ana.delete(`/api/cards/${fresh.id}`), 204);
      const { tables } = await import("@lattice/db");
      const { eq } = await import("drizzle-orm");
      await h.app.db.db
        .update(tables.trashEntries)
        .set({ trashedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) })
        .where(eq(tables.trashEntries.itemId, old.id));
      const { runMutation } = await import("@lattice/db");
      const { sweepTrash } = await import("../commands/trash.js");
      const cutoff = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
      const sweep = () =>
        runMutation(h.app.db.db, { actorId: null, mutationId: null }, (ctx) => sweepTrash(ctx, cutoff, 100));
      const [first, second] = await Promise.all([sweep(), sweep()]);
      expect((first?.result.purged ?? 0) + (second?.result.purged ?? 0)).toBe(1);
      const left = (await trashOf(ana, `/api/spaces/${space.id}/trash`)).items.map((i) => i.id);
      expect(left).toEqual([fresh.id]);
      expectProblem(await ana.post(`/api/trash/${old.id}/restore`), 404, "not_found");
    });
  });
};

trashSuite(testDriver());
