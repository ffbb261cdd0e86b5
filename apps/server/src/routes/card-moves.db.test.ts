/**
 * Moving a card to another space of its workspace, and copying a card. A move keeps what the card
 * owns and its history, re-labels by name, takes off people who cannot read the target (saying so in
 * the activity), and tells both spaces' channels in one transaction. A refused move changes nothing.
 */
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type ActivityPage,
  type Card,
  type Folder,
  type Label,
  type Space as SpaceReply,
  spaceChannel,
  type TodoItem,
  type Workspace,
  workspaceChannel,
} from "@lattice/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, fingerprinter } from "../test/fingerprint.js";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const cardMoveSuite = (driver: TestDriver) => {
  describe(`moving and copying cards (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace; Bo is a member; Vic a visitor; Out belongs to another workspace only.
    let ana: Client;
    let bo: Client;
    let vic: Client;
    let out: Client;
    let workspace: Workspace;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      vic = await f.user("Vic");
      out = await f.user("Out");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, bo, "member");
      await f.member(ana, workspace.id, vic, "visitor");
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    const ok = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status = 200): T => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json<T>();
    };
    const label = (client: Client, spaceId: string, name: string) =>
      client.post(`/api/spaces/${spaceId}/labels`, { name, color: "#d94f4f" }).then((r) => ok<Label>(r, 201));
    const boardOf = (client: Client, spaceId: string) =>
      client.get(`/api/spaces/${spaceId}/board`).then((r) => boardFromReply(ok<unknown>(r)));
    const activity = (client: Client, cardId: string) =>
      client.get(`/api/cards/${cardId}/activity?limit=200`).then((r) => ok<ActivityPage>(r).items);

    it("moves a card with its comments, to-dos, relations and history; labels by name; both boards hear it", async () => {
      const from = await f.space(ana, workspace.id, { name: "Ward A" });
      const to = await f.space(ana, workspace.id, { name: "Ward B" });
      const [urgent, quiet] = [await label(ana, from.id, "Urgent"), await label(ana, from.id, "Quiet")];
      const targetUrgent = await label(ana, to.id, "urgent");
      const already = await f.card(ana, to.id, { name: "Already there" });
      const card = await f.card(ana, from.id, { name: "Beds for winter" });
      const other = await f.card(ana, from.id, { name: "Staff rota" });
      ok(
        await ana.patch(`/api/cards/${card.id}`, {
          labelIds: [urgent.id, quiet.id],
          responsibleId: bo.user.id,
        }),
      );
      ok(await ana.post(`/api/cards/${card.id}/comments`, { body: "Ask the bed manager" }), 201);
      ok(await ana.post(`/api/cards/${card.id}/todos`, { text: "Count beds" }), 201);
      ok(await ana.post(`/api/cards/${card.id}/relations`, { type: "next", cardId: other.id }), 201);

      const watchFrom = await TestSocket.open(baseUrl, ana.session?.cookie ?? null);
      const watchTo = await TestSocket.open(baseUrl, bo.session?.cookie ?? null);
      sockets.push(watchFrom, watchTo);
      await watchFrom.subscribe(spaceChannel(from.id));
      await watchTo.subscribe(spaceChannel(to.id));

      const moved = ok<Card>(await ana.post(`/api/cards/${card.id}/move-to-space`, { spaceId: to.id }));
      const [todoStatus] = (await boardOf(ana, to.id)).statuses;
      expect(moved).toMatchObject({ spaceId: to.id, statusId: todoStatus?.id, labelIds: [targetUrgent.id] });
      expect(moved.responsibleId).toBe(bo.user.id);
      expect(moved.position > already.position).toBe(true);

      const left = await watchFrom.next((fr) => fr.type === "event" && fr.event.type === "card.moved_out");
      const arrived = await watchTo.next((fr) => fr.type === "event" && fr.event.type === "card.moved_in");
      expect(left.type === "event" && left.event.payload).toMatchObject({
        cardId: card.id,
        toSpaceId: to.id,
      });
      expect(arrived.type === "event" && arrived.event.payload).toMatchObject({
        card: { id: card.id, spaceId: to.id },
        droppedLabelNames: ["Quiet"],
        removedUserIds: [],
      });

      expect((await boardOf(ana, from.id)).cards.map((c) => c.id)).toEqual([other.id]);
      expect((await boardOf(bo, to.id)).cards.map((c) => c.id)).toEqual([already.id, card.id]);
      const comments = ok<Array<{ body: string }>>(await bo.get(`/api/cards/${card.id}/comments`));
      expect(comments.map((c) => c.body)).toEqual(["Ask the bed manager"]);
      const todos = ok<TodoItem[]>(await bo.get(`/api/cards/${card.id}/todos`));
      expect(todos.map((t) => [t.text, t.spaceId])).toEqual([["Count beds", to.id]]);
      const relations = ok<{ next: Array<{ id: string }> }>(await bo.get(`/api/cards/${card.id}/relations`));
      expect(relations.next.map((r) => r.id)).toEqual([other.id]);

      const texts = (await activity(ana, card.id)).map((i) => i.text);
      expect(texts[0]).toBe(
        "Ana moved 'Beds for winter' from Ward A to Ward B; dropped the label 'Quiet' (none of that name there)",
      );
      expect(texts).toContain("Ana commented on 'Beds for winter'");
      expect(texts.at(-1)).toBe("Ana created 'Beds for winter' in To Do");
    });

    it("lands in the target's first status of the card's role, or the one chosen", async () => {
      const from = await f.space(ana, workspace.id, { name: "Pharmacy" });
      const to = await f.space(ana, workspace.id, { name: "Theatres" });
      const [, doing] = (await boardOf(ana, from.id)).statuses;
      const [, targetDoing, targetDone] = (await boardOf(ana, to.id)).statuses;
      const card = await f.card(ana, from.id, { name: "Stock check" });
      ok(await ana.post(`/api/cards/${card.id}/move`, { statusId: doing?.id }));
      const moved = ok<Card>(await ana.post(`/api/cards/${card.id}/move-to-space`, { spaceId: to.id }));
      expect(moved.statusId).toBe(targetDoing?.id);
      const back = ok<Card>(
        await ana.post(`/api/cards/${card.id}/move-to-space`, { spaceId: from.id, statusId: undefined }),
      );
      expect(back.statusId).toBe(doing?.id);
      const done = ok<Card>(
        await ana.post(`/api/cards/${card.id}/move-to-space`, { spaceId: to.id, statusId: targetDone?.id }),
      );
      expect(done.statusId).toBe(targetDone?.id);
      expect(done.completedAt).not.toBeNull();
    });

    it("takes people who cannot read a private target off the card, and says so in its activity", async () => {
      const from = await f.space(ana, workspace.id, { name: "Open ward" });
      const secret = await f.space(ana, workspace.id, { name: "Board papers", isPrivate: true });
      const card = await f.card(ana, from.id, { name: "Budget line" });
      ok(await ana.patch(`/api/cards/${card.id}`, { responsibleId: bo.user.id, coworkerIds: [bo.user.id] }));
      const followerIds = async () =>
        (
          await h.app.db.db
            .select()
            .from(tables.cardFollowers)
            .where(eq(tables.cardFollowers.cardId, card.id))
        ).map((row) => row.userId);
      expect(await followerIds()).toEqual([bo.user.id]);
      const moved = ok<Card>(await ana.post(`/api/cards/${card.id}/move-to-space`, { spaceId: secret.id }));
      expect(moved).toMatchObject({ responsibleId: null, coworkerIds: [] });
      expectProblem(await bo.get(`/api/cards/${card.id}`), 404, "not_found");
      const [latest] = await activity(ana, card.id);
      expect(latest?.text).toBe(
        "Ana moved 'Budget line' from Open ward to Board papers; took Bo off it (they cannot read Board papers)",
      );
      // Nor does Bo follow it any more (so no notification about it reaches him).
      expect(await followerIds()).toEqual([]);
    });

    it("refuses another workspace, a target the caller cannot write, a foreign status, its own space; nothing changes", async () => {
      const from = await f.space(ana, workspace.id, { name: "Outpatients" });
      const readOnly = await f.space(ana, workspace.id, { name: "Read only" });
      ok(await ana.post(`/api/spaces/${readOnly.id}/members`, { userId: bo.user.id, role: "visitor" }), 201);
      const elsewhere = await f.space(ana, (await f.workspace(ana, { name: "Other trust" })).id);
      const [foreignStatus] = (await boardOf(ana, elsewhere.id)).statuses;
      const card = await f.card(bo, from.id, { name: "Clinic letters" });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      const move = (client: Client, body: unknown) =>
        client.post(`/api/cards/${card.id}/move-to-space`, body);
      expectProblem(await move(ana, { spaceId: elsewhere.id }), 400, "validation_failed", ["body.spaceId"]);
      expectProblem(await move(bo, { spaceId: readOnly.id }), 403, "forbidden");
      expectProblem(await move(vic, { spaceId: readOnly.id }), 403, "forbidden");
      expectProblem(
        await move(ana, { spaceId: readOnly.id, statusId: foreignStatus?.id }),
        400,
        "validation_failed",
        ["body.statusId"],
      );
      expectProblem(await move(ana, { spaceId: from.id }), 400, "validation_failed", ["body.spaceId"]);
      expectProblem(
        await move(ana, { spaceId: "00000000-0000-4000-8000-000000000000" }),
        400,
        "validation_failed",
        ["body.spaceId"],
      );
      expectProblem(await move(ana, { spaceId: "not-an-id" }), 400, "validation_failed", ["body.spaceId"]);
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });

    it("answers 404 to a non-member for a move or a copy, the same as for a card that does not exist", async () => {
      const space = await f.space(ana, workspace.id);
      const target = await f.space(ana, workspace.id);
      const card = await f.card(ana, space.id);
      for (const path of ["move-to-space", "copy"]) {
        const hidden = await out.post(`/api/cards/${card.id}/${path}`, { spaceId: target.id });
        const missing = await out.post(`/api/cards/00000000-0000-4000-8000-000000000000/${path}`, {
          spaceId: target.id,
        });
        expectProblem(hidden, 404, "not_found");
        expect(hidden.json()).toEqual(missing.json());
      }
    });

    it("copies a card right after the original, with or without its to-dos and relations", async () => {
      const space = await f.space(ana, workspace.id, { name: "Discharge" });
      const other = await f.space(ana, workspace.id, { name: "Transport" });
      const original = await f.card(ana, space.id, { name: "Discharge lounge" });
      const next = await f.card(ana, space.id, { name: "Pharmacy runs" });
      const linked = await f.card(ana, other.id, { name: "Ambulance slots" });
      ok(await ana.post(`/api/cards/${original.id}/todos`, { text: "Book porters" }), 201);
      ok(await ana.post(`/api/cards/${original.id}/comments`, { body: "Stays with the original" }), 201);
      ok(await ana.post(`/api/cards/${original.id}/relations`, { type: "parent", cardId: linked.id }), 201);

      const full = ok<Card>(
        await ana.post(`/api/cards/${original.id}/copy`, { include: { todos: true, relations: true } }),
        201,
      );
      expect(full).toMatchObject({ name: "Discharge lounge (copy)", spaceId: space.id, todoTotal: 1 });
      expect((await boardOf(ana, space.id)).cards.map((c) => c.id)).toEqual([original.id, full.id, next.id]);
      expect(ok<TodoItem[]>(await ana.get(`/api/cards/${full.id}/todos`)).map((t) => t.text)).toEqual([
        "Book porters",
      ]);
      expect(ok<unknown[]>(await ana.get(`/api/cards/${full.id}/comments`))).toEqual([]);
      const rel = ok<{ parents: Array<{ id: string }> }>(await ana.get(`/api/cards/${full.id}/relations`));
      expect(rel.parents.map((r) => r.id)).toEqual([linked.id]);

      const bare = ok<Card>(
        await ana.post(`/api/cards/${original.id}/copy`, {
          spaceId: other.id,
          include: { todos: false, relations: false },
        }),
        201,
      );
      expect(bare).toMatchObject({ spaceId: other.id, todoTotal: 0 });
      expect(ok<TodoItem[]>(await ana.get(`/api/cards/${bare.id}/todos`))).toEqual([]);
      const none = ok<{ parents: unknown[] }>(await ana.get(`/api/cards/${bare.id}/relations`));
      expect(none.parents).toEqual([]);
      expect((await boardOf(ana, other.id)).cards.map((c) => c.id)).toEqual([linked.id, bare.id]);
      expectProblem(await vic.post(`/api/cards/${original.id}/copy`, {}), 403, "forbidden");
    });

    it("moves a space into a folder and a folder into another, live on the workspace channel; never a folder into itself", async () => {
      const watcher = await TestSocket.open(baseUrl, bo.session?.cookie ?? null);
      sockets.push(watcher);
      await watcher.subscribe(workspaceChannel(workspace.id));
      const wards = ok<Folder>(
        await ana.post(`/api/workspaces/${workspace.id}/folders`, { name: "Wards" }),
        201,
      );
      const north = ok<Folder>(
        await ana.post(`/api/workspaces/${workspace.id}/folders`, {
          name: "North",
          parentFolderId: wards.id,
        }),
        201,
      );
      const space = await f.space(ana, workspace.id, { name: "Ward 9" });
      const moved = ok<SpaceReply>(await ana.patch(`/api/spaces/${space.id}`, { folderId: north.id }));
      expect(moved.folderId).toBe(north.id);
      const heard = await watcher.next(
        (fr) =>
          fr.type === "event" &&
          fr.event.type === "space.updated" &&
          JSON.stringify(fr.event.payload).includes(space.id),
      );
      expect(heard.type === "event" && heard.event.payload).toMatchObject({ space: { folderId: north.id } });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      expectProblem(
        await ana.patch(`/api/folders/${wards.id}`, { parentFolderId: north.id }),
        400,
        "validation_failed",
        ["body.parentFolderId"],
      );
      expect(changedTables(before, await fingerprint())).toEqual([]);
      const top = ok<Folder>(await ana.patch(`/api/folders/${north.id}`, { parentFolderId: null }));
      expect(top.parentFolderId).toBeNull();
      await watcher.next(
        (fr) =>
          fr.type === "event" &&
          fr.event.type === "folder.updated" &&
          JSON.stringify(fr.event.payload).includes(north.id),
      );
    });
  });
};

cardMoveSuite(testDriver());
