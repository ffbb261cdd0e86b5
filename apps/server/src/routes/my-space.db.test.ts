/**
 * My space on both drivers: a person's own columns and placements of cards from their spaces, private
 * to them; mirrors read as the card is now and only while the person may read it.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  defaultMySpaceColumns,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  type Space,
  spaceChannel,
  userChannel,
  type Workspace,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, fingerprinter } from "../test/fingerprint.js";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { TestSocket } from "../test/ws-client.js";

const mySpaceSuite = (driver: TestDriver) => {
  describe(`my space (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace; Bo is a member who keeps his own My space; Cy is a member who loses access.
    let ana: Client;
    let bo: Client;
    let cy: Client;
    let workspace: Workspace;
    let ward: Space;
    const sockets: TestSocket[] = [];

    const mySpace = async (client: Client): Promise<MySpace> => {
      const res = await client.get("/api/me/space");
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MySpace>();
    };
    const column = async (client: Client, name: string): Promise<MySpaceColumn> => {
      const found = (await mySpace(client)).columns.find((c) => c.name === name);
      if (!found) throw new Error(`no column ${name}`);
      return found;
    };
    const place = (client: Client, cardId: string, body: Record<string, unknown>) =>
      client.request("PUT", `/api/cards/${cardId}/my-space`, body);
    /** Card ids of a column, in the order My space shows them. */
    const cardsIn = (space: MySpace, columnId: string): string[] =>
      space.placements.filter((p) => p.columnId === columnId).map((p) => p.cardId);
    const open = async (client: Client): Promise<TestSocket> => {
      const socket = await TestSocket.open(baseUrl, client.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      return socket;
    };

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      cy = await f.user("Cy");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, bo, "member");
      await f.member(ana, workspace.id, cy, "member");
      ward = await f.space(ana, workspace.id, { name: "General ward" });
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h?.close();
    });

    it("starts with the default columns on first open, made once", async () => {
      const first = await mySpace(bo);
      expect(first.columns.map((c) => c.name)).toEqual([...defaultMySpaceColumns]);
      const again = await mySpace(bo);
      expect(again.columns).toEqual(first.columns);
      expect(again.placements).toEqual([]);
    });

    it("puts a card on My space as a mirror of the card in its space, seen only by its owner", async () => {
      const card = await f.card(ana, ward.id, { name: "Discharge checklist" });
      const toDo = await column(bo, "To do");
      const res = await place(bo, card.id, { columnId: toDo.id });
      expect(res.statusCode, res.body).toBe(200);
      const space = await mySpace(bo);
      expect(cardsIn(space, toDo.id)).toEqual([card.id]);
      const mirror = space.cards.find((c) => c.id === card.id);
      expect(mirror).toMatchObject({
        name: "Discharge checklist",
        spaceName: "General ward",
        spaceId: ward.id,
      });
      expect(mirror?.statusName).toBe((await f.statuses(ana, ward.id))[0]?.name);
      expect(space.spaces.map((s) => s.id)).toEqual([ward.id]);
      expect((await bo.get(`/api/cards/${card.id}/my-space`)).json<MySpacePlacement>()).toMatchObject({
        columnId: toDo.id,
      });

      // Ana reads the same card and sees nothing of Bo's placement, in her My space or on the card.
      expect((await mySpace(ana)).placements).toEqual([]);
      expect((await ana.get(`/api/cards/${card.id}/my-space`)).json()).toBeNull();
      // The card is untouched in its space.
      const board = boardFromReply((await ana.get(`/api/spaces/${ward.id}/board`)).json());
      expect(board.cards.find((c) => c.id === card.id)?.version).toBe(card.version);
    });

    it("keeps columns and placements private: another person's column is unknown to them", async () => {
      const boColumn = await column(bo, "Doing");
      const card = await f.card(ana, ward.id, { name: "Bed plan" });
      const renamed = await ana.patch(`/api/me/space/columns/${boColumn.id}`, { name: "Mine now" });
      expect(renamed.statusCode).toBe(404);
      expect((await ana.delete(`/api/me/space/columns/${boColumn.id}`)).statusCode).toBe(404);
      const into = await place(ana, card.id, { columnId: boColumn.id });
      expect(into.statusCode).toBe(400);
      expect(into.json().errors?.[0]?.field ?? into.body).toContain("columnId");
      expect((await column(bo, "Doing")).name).toBe("Doing");
    });

    it("sends My space events only on the person's own channel, which nobody else may follow", async () => {
      const mine = await open(bo);
      expect((await mine.subscribe(userChannel(bo.user.id))).type).toBe("subscribed");
      const theirs = await open(ana);
      const refused = await theirs.subscribe(userChannel(bo.user.id));
      expect(refused).toMatchObject({ type: "error", code: "not_found" });
      const card = await f.card(ana, ward.id, { name: "Night shift rota" });
      const doing = await column(bo, "Doing");
      await place(bo, card.id, { columnId: doing.id });
      const frame = await mine.next((fr) => fr.type === "event" && fr.event.type === "my_space.card_placed");
      expect(frame).toMatchObject({
        channel: userChannel(bo.user.id),
        event: { payload: { placement: { cardId: card.id, columnId: doing.id } } },
      });
      // Nothing about it went to the space's channel.
      const ward1 = await open(ana);
      expect((await ward1.subscribe(spaceChannel(ward.id), 0)).type).toBe("subscribed");
      await ward1.flush();
      expect(ward1.events(spaceChannel(ward.id)).some((e) => e.event.type.startsWith("my_space."))).toBe(
        false,
      );
    });

    it("orders cards by the neighbours named and moves them between personal columns", async () => {
      const [one, two, three] = [
        await f.card(ana, ward.id, { name: "One" }),
        await f.card(ana, ward.id, { name: "Two" }),
        await f.card(ana, ward.id, { name: "Three" }),
      ];
      const thisWeek = await column(bo, "This week");
      const done = await column(bo, "Done");
      await place(bo, one.id, { columnId: thisWeek.id });
      await place(bo, three.id, { columnId: thisWeek.id, afterId: one.id });
      await place(bo, two.id, { columnId: thisWeek.id, beforeId: three.id });
      expect(cardsIn(await mySpace(bo), thisWeek.id)).toEqual([one.id, two.id, three.id]);
      await place(bo, three.id, { columnId: thisWeek.id, afterId: null });
      expect(cardsIn(await mySpace(bo), thisWeek.id)).toEqual([three.id, one.id, two.id]);
      const moved = await place(bo, one.id, { columnId: done.id });
      expect(moved.statusCode).toBe(200);
      const after = await mySpace(bo);
      expect(cardsIn(after, thisWeek.id)).toEqual([three.id, two.id]);
      expect(cardsIn(after, done.id)).toEqual([one.id]);
      // The card's own status is not touched by moving it on My space.
      expect(after.cards.find((c) => c.id === one.id)?.statusId).toBe(one.statusId);
    });

    it("creates, renames, reorders and deletes columns; a deleted column's cards go to the one before it", async () => {
      const made = await bo.post("/api/me/space/columns", { name: "  Waiting  " });
      expect(made.statusCode, made.body).toBe(201);
      const waiting = made.json<MySpaceColumn>();
      expect(waiting.name).toBe("Waiting");
      const toDo = await column(bo, "To do");
      const moved = await bo.patch(`/api/me/space/columns/${waiting.id}`, {
        name: "Blocked on others",
        afterId: toDo.id,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const names = (await mySpace(bo)).columns.map((c) => c.name);
      expect(names.slice(0, 2)).toEqual(["To do", "Blocked on others"]);

      const card = await f.card(ana, ward.id, { name: "Waiting for pharmacy" });
      await place(bo, card.id, { columnId: waiting.id });
      const before = cardsIn(await mySpace(bo), toDo.id);
      expect((await bo.delete(`/api/me/space/columns/${waiting.id}`)).statusCode).toBe(204);
      const after = await mySpace(bo);
      expect(after.columns.some((c) => c.id === waiting.id)).toBe(false);
      expect(cardsIn(after, toDo.id)).toEqual([...before, card.id]);
    });

    it("hides the mirror when the person loses read access, and shows it again where it was when access returns", async () => {
      const card = await f.card(ana, ward.id, { name: "Infection control audit" });
      const toDo = await column(cy, "To do");
      expect((await place(cy, card.id, { columnId: toDo.id })).statusCode).toBe(200);
      expect((await mySpace(cy)).cards.map((c) => c.name)).toContain("Infection control audit");

      const removed = await ana.delete(`/api/workspaces/${workspace.id}/members/${cy.user.id}`);
      expect(removed.statusCode, removed.body).toBe(204);
      const hidden = await mySpace(cy);
      expect(JSON.stringify(hidden)).not.toContain("Infection control audit");
      expect(JSON.stringify(hidden)).not.toContain(card.id);
      expect(JSON.stringify(hidden)).not.toContain(ward.id);
      expect((await cy.get(`/api/cards/${card.id}/my-space`)).statusCode).toBe(404);
      expect((await place(cy, card.id, { columnId: toDo.id })).statusCode).toBe(404);
      expect((await cy.delete(`/api/cards/${card.id}/my-space`)).statusCode).toBe(404);

      await f.member(ana, workspace.id, cy, "member");
      expect(cardsIn(await mySpace(cy), toDo.id)).toEqual([card.id]);
    });

    it("hides the mirror of a card made private to others", async () => {
      const secret = await f.space(ana, workspace.id, { name: "Board minutes" });
      const card = await f.card(ana, secret.id, { name: "Merger talks" });
      const toDo = await column(bo, "To do");
      expect((await place(bo, card.id, { columnId: toDo.id })).statusCode).toBe(200);
      const made = await ana.patch(`/api/spaces/${secret.id}`, { isPrivate: true });
      expect(made.statusCode, made.body).toBe(200);
      expect(JSON.stringify(await mySpace(bo))).not.toContain("Merger talks");
    });

    it("takes archived cards off My space while archived and drops deleted ones for good", async () => {
      const archived = await f.card(ana, ward.id, { name: "Old audit" });
      const deleted = await f.card(ana, ward.id, { name: "Typo card" });
      const toDo = await column(bo, "To do");
      await place(bo, archived.id, { columnId: toDo.id });
      await place(bo, deleted.id, { columnId: toDo.id });
      expect((await ana.patch(`/api/cards/${archived.id}`, { archived: true })).statusCode).toBe(200);
      expect((await ana.delete(`/api/cards/${deleted.id}`)).statusCode).toBe(204);
      const space = await mySpace(bo);
      expect(space.cards.map((c) => c.id)).not.toContain(archived.id);
      expect(space.cards.map((c) => c.id)).not.toContain(deleted.id);
      expect((await place(bo, archived.id, { columnId: toDo.id })).statusCode).toBe(409);
      expect((await ana.patch(`/api/cards/${archived.id}`, { archived: false })).statusCode).toBe(200);
      expect(cardsIn(await mySpace(bo), toDo.id)).toContain(archived.id);
      expect(cardsIn(await mySpace(bo), toDo.id)).not.toContain(deleted.id);
    });

    it("offers open cards where the person is responsible or a co-worker until they are placed", async () => {
      const card = await f.card(ana, ward.id, { name: "Handover notes" });
      const other = await f.card(ana, ward.id, { name: "Not mine" });
      expect((await ana.patch(`/api/cards/${card.id}`, { responsibleId: bo.user.id })).statusCode).toBe(200);
      const offered = await mySpace(bo);
      expect(offered.suggestions).toContain(card.id);
      expect(offered.suggestions).not.toContain(other.id);
      expect(offered.cards.find((c) => c.id === card.id)?.name).toBe("Handover notes");
      expect(offered.people.find((p) => p.id === bo.user.id)?.name).toBe("Bo");
      await place(bo, card.id, { columnId: (await column(bo, "Doing")).id });
      expect((await mySpace(bo)).suggestions).not.toContain(card.id);
    });

    it("brings a rename in the card's space to the person live, on the space channel the snapshot names", async () => {
      const card = await f.card(ana, ward.id, { name: "Wound care" });
      await place(bo, card.id, { columnId: (await column(bo, "Doing")).id });
      const snapshot = await mySpace(bo);
      const wardSeq = snapshot.spaces.find((s) => s.id === ward.id)?.seq;
      expect(wardSeq).toBeGreaterThan(0);
      const socket = await open(bo);
      expect((await socket.subscribe(spaceChannel(ward.id), wardSeq)).type).toBe("subscribed");
      const mark = socket.mark;
      expect((await ana.patch(`/api/cards/${card.id}`, { name: "Wound care plan" })).statusCode).toBe(200);
      const frame = await socket.next(
        (fr) => fr.type === "event" && fr.event.type === "card.updated",
        5000,
        "card.updated",
        mark,
      );
      expect(frame).toMatchObject({ event: { payload: { card: { id: card.id, name: "Wound care plan" } } } });
      expect((await mySpace(bo)).cards.find((c) => c.id === card.id)?.name).toBe("Wound care plan");
    });

    it("refuses bad input with a problem naming the field, and changes nothing", async () => {
      const fingerprint = await fingerprinter(h.db.handle.db);
      const card = await f.card(ana, ward.id, { name: "Bad input target" });
      const toDo = await column(bo, "To do");
      const before = await fingerprint();
      const cases: Array<[string, Promise<{ statusCode: number; headers: Record<string, unknown> }>]> = [
        ["empty name", bo.post("/api/me/space/columns", { name: "   " })],
        ["long name", bo.post("/api/me/space/columns", { name: "x".repeat(61) })],
        ["NUL", bo.post("/api/me/space/columns", { name: "a\u0000b" })],
        ["unknown field", bo.post("/api/me/space/columns", { name: "Ok", colour: "red" })],
        ["after a stranger", bo.post("/api/me/space/columns", { name: "Ok", afterId: card.id })],
        ["column not an id", bo.patch("/api/me/space/columns/not-a-uuid", { name: "Ok" })],
        ["nobody's column", place(bo, card.id, { columnId: crypto.randomUUID() })],
        ["column not a uuid", place(bo, card.id, { columnId: "x" })],
        ["anchor not in column", place(bo, card.id, { columnId: toDo.id, afterId: crypto.randomUUID() })],
        ["card not a uuid", bo.request("PUT", "/api/cards/nope/my-space", { columnId: toDo.id })],
      ];
      for (const [what, pending] of cases) {
        const res = await pending;
        expect(res.statusCode, what).toBe(400);
        expect(String(res.headers["content-type"]), what).toMatch(/problem\+json/);
      }
      const unknownCard = await place(bo, crypto.randomUUID(), { columnId: toDo.id });
      expect(unknownCard.statusCode).toBe(404);
      expect((await f.anonymous.get("/api/me/space")).statusCode).toBe(401);
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });

    it("adds a card to the end of the first column when none is named, even before My space was ever opened", async () => {
      const eve = await f.user("Eve");
      await f.member(ana, workspace.id, eve, "visitor");
      const card = await f.card(ana, ward.id, { name: "Visitor's pick" });
      const res = await place(eve, card.id, {});
      expect(res.statusCode, res.body).toBe(200);
      const space = await mySpace(eve);
      expect(space.columns.map((c) => c.name)).toEqual([...defaultMySpaceColumns]);
      expect(cardsIn(space, space.columns[0]?.id ?? "")).toEqual([card.id]);
      expect((await eve.get(`/api/cards/${card.id}/my-space`)).json()).toMatchObject({ columnName: "To do" });
      expect((await eve.delete(`/api/cards/${card.id}/my-space`)).statusCode).toBe(204);
      expect((await mySpace(eve)).placements).toEqual([]);
    });

    it("keeps the last column", async () => {
      const dee = await f.user("Dee");
      const { columns } = await mySpace(dee);
      for (const c of columns.slice(1))
        expect((await dee.delete(`/api/me/space/columns/${c.id}`)).statusCode).toBe(204);
      const last = columns[0] as MySpaceColumn;
      const res = await dee.delete(`/api/me/space/columns/${last.id}`);
      expect(res.statusCode).toBe(409);
      expect((await mySpace(dee)).columns.map((c) => c.id)).toEqual([last.id]);
    });
  });
};

mySpaceSuite(testDriver());
