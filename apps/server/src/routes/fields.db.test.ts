import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type ActivityPage, type CustomField, spaceChannel, type Workspace } from "@lattice/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const fieldSuite = (driver: TestDriver): void => {
  describe(`custom fields (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let mo: Client;
    let vi: Client;
    let oz: Client;
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

    const define = async (spaceId: string, body: Record<string, unknown>): Promise<CustomField> => {
      const res = await ana.post(`/api/spaces/${spaceId}/fields`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<CustomField>();
    };
    const ward = (spaceId: string) =>
      define(spaceId, {
        name: "Ward",
        kind: "single_choice",
        showOnCard: true,
        options: [
          { name: "Cardiology", color: "#C92A2A" },
          { name: "Oncology", color: "#2b8a3e" },
        ],
      });
    const set = (client: Client, cardId: string, fieldId: string, value: unknown) =>
      client.request("PUT", `/api/cards/${cardId}/fields/${fieldId}`, { value });
    const board = async (client: Client, spaceId: string) => {
      const res = await client.get(`/api/spaces/${spaceId}/board`);
      expect(res.statusCode, res.body).toBe(200);
      return boardFromReply(res.json());
    };
    const valueRows = async () =>
      (await h.db.handle.db.select({ n: count() }).from(tables.cardFieldValues))[0]?.n ?? 0;

    it("lets owners define, rename, reorder and delete fields, in order, for every reader", async () => {
      const space = await f.space(ana, workspace.id);
      const wardField = await ward(space.id);
      expect(wardField.options.map((o) => o.color)).toEqual(["#c92a2a", "#2b8a3e"]);
      const beds = await define(space.id, { name: "Beds", kind: "number" });
      const list = async () =>
        (await vi.get(`/api/spaces/${space.id}/fields`)).json<{ items: CustomField[] }>().items;
      expect((await list()).map((x) => x.name)).toEqual(["Ward", "Beds"]);

      const moved = await ana.patch(`/api/fields/${beds.id}`, { name: "Free beds", afterId: null });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await list()).map((x) => x.name)).toEqual(["Free beds", "Ward"]);
      expect((await ana.delete(`/api/fields/${beds.id}`)).statusCode).toBe(204);
      expect((await list()).map((x) => x.name)).toEqual(["Ward"]);
    });

    it("refuses members and visitors to define fields, and answers non-members 404", async () => {
      const space = await f.space(ana, workspace.id);
      const field = await ward(space.id);
      expectProblem(
        await mo.post(`/api/spaces/${space.id}/fields`, { name: "X", kind: "text" }),
        403,
        "forbidden",
      );
      expectProblem(await vi.patch(`/api/fields/${field.id}`, { name: "Y" }), 403, "forbidden");
      expectProblem(await oz.get(`/api/spaces/${space.id}/fields`), 404, "not_found");
      expectProblem(await oz.patch(`/api/fields/${field.id}`, { name: "Y" }), 404, "not_found");
      expectProblem(await oz.delete(`/api/fields/${field.id}`), 404, "not_found");
      const card = await f.card(ana, space.id);
      expectProblem(await set(oz, card.id, field.id, field.options[0]?.id), 404, "not_found");
      expectProblem(await set(vi, card.id, field.id, field.options[0]?.id), 403, "forbidden");
    });

    it("refuses bad definitions with a 400 naming the field, and changes nothing", async () => {
      const space = await f.space(ana, workspace.id);
      await ward(space.id);
      const url = `/api/spaces/${space.id}/fields`;
      expectProblem(await ana.post(url, { name: "ward", kind: "text" }), 400, "validation_failed", [
        "body.name",
      ]);
      expectProblem(await ana.post(url, { name: "X", kind: "colour" }), 400, "validation_failed", [
        "body.kind",
      ]);
      expectProblem(await ana.post(url, { name: "X", kind: "single_choice" }), 400, "validation_failed", [
        "body.options",
      ]);
      expectProblem(
        await ana.post(url, { name: "X", kind: "text", options: [{ name: "A", color: "#000000" }] }),
        400,
        "validation_failed",
        ["body.options"],
      );
      expectProblem(
        await ana.post(url, { name: "X", kind: "single_choice", options: [{ name: "A", color: "red" }] }),
        400,
        "validation_failed",
      );
      expect((await board(ana, space.id)).fields.map((x) => x.name)).toEqual(["Ward"]);
    });

    it("stores a value of every kind and the board carries values only for cards that have them", async () => {
      const space = await f.space(ana, workspace.id);
      const fields = {
        text: await define(space.id, { name: "Note", kind: "text" }),
        number: await define(space.id, { name: "Beds", kind: "number" }),
        date: await define(space.id, { name: "Audit", kind: "date" }),
        single: await ward(space.id),
        multi: await define(space.id, {
          name: "Shifts",
          kind: "multi_choice",
          options: [
            { name: "Day", color: "#ffaa00" },
            { name: "Night", color: "#000000" },
          ],
        }),
        person: await define(space.id, { name: "Nurse", kind: "person" }),
        link: await define(space.id, { name: "Protocol", kind: "link" }),
      };
      const card = await f.card(ana, space.id, { name: "Bed 4" });
      await f.card(ana, space.id, { name: "Nothing set" });
      const [day, night] = fields.multi.options.map((o) => o.id) as [string, string];
      const wanted = {
        [fields.text.id]: "Needs a hoist",
        [fields.number.id]: 12.5,
        [fields.date.id]: "2027-01-15",
        [fields.single.id]: fields.single.options[1]?.id,
        [fields.multi.id]: [night, day],
        [fields.person.id]: mo.user.id,
        [fields.link.id]: "https://example.org/protocol?v=2",
      };
      for (const [fieldId, value] of Object.entries(wanted)) {
        const res = await set(mo, card.id, fieldId, value);
        expect(res.statusCode, res.body).toBe(200);
      }
      const snapshot = await board(vi, space.id);
      // Multiple choices are kept in the field's order of options.
      expect(snapshot.fieldValues).toEqual([
        { cardId: card.id, values: { ...wanted, [fields.multi.id]: [day, night] } },
      ]);

      // Removing an option takes it off the values; clearing removes the value.
      const kept = fields.multi.options.filter((o) => o.id === night);
      expect((await ana.patch(`/api/fields/${fields.multi.id}`, { options: kept })).statusCode).toBe(200);
      expect((await set(mo, card.id, fields.text.id, null)).json()).toEqual({
        cardId: card.id,
        fieldId: fields.text.id,
        value: null,
      });
      const after = (await board(ana, space.id)).fieldValues[0]?.values ?? {};
      expect(after[fields.multi.id]).toEqual([night]);
      expect(fields.text.id in after).toBe(false);
    });

    it("refuses a value that does not suit its field with a 400, and changes nothing", async () => {
      const space = await f.space(ana, workspace.id);
      const other = await f.space(ana, workspace.id);
      const single = await ward(space.id);
      const foreign = await ward(other.id);
      const number = await define(space.id, { name: "Beds", kind: "number" });
      const date = await define(space.id, { name: "Audit", kind: "date" });
      const person = await define(space.id, { name: "Nurse", kind: "person" });
      const link = await define(space.id, { name: "Protocol", kind: "link" });
      const card = await f.card(ana, space.id);
      const before = await valueRows();
      const refused: Array<[string, unknown, string]> = [
        [foreign.id, foreign.options[0]?.id, "params.fieldId"],
        ["00000000-0000-4000-8000-000000000000", "x", "params.fieldId"],
        [single.id, foreign.options[0]?.id, "body.value"],
        [number.id, "12", "body.value"],
        [date.id, "2027-02-30", "body.value"],
        [person.id, oz.user.id, "body.value"],
        [link.id, "javascript:alert(1)", "body.value"],
        [link.id, "data:text/html,hi", "body.value"],
      ];
      for (const [fieldId, value, field] of refused) {
        expectProblem(await set(ana, card.id, fieldId, value), 400, "validation_failed", [field]);
      }
      expect(await valueRows()).toBe(before);
    });

    it("sends a value change live to a second socket and reads it as activity", async () => {
      const space = await f.space(ana, workspace.id);
      const field = await ward(space.id);
      const card = await f.card(ana, space.id, { name: "Bed 4" });
      const socket = await TestSocket.open(baseUrl, mo.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      expect((await socket.subscribe(spaceChannel(space.id))).type).toBe("subscribed");
      expect((await set(ana, card.id, field.id, field.options[0]?.id)).statusCode).toBe(200);
      const frame = await socket.next((fr) => fr.type === "event" && fr.event.type === "card.field_set");
      expect(frame.type === "event" && frame.event.payload).toMatchObject({
        cardId: card.id,
        value: field.options[0]?.id,
      });

      const activity = (await vi.get(`/api/cards/${card.id}/activity`)).json<ActivityPage>();
      expect(activity.items[0]?.text).toBe("Ana set Ward to 'Cardiology' on 'Bed 4'");
    });

    it("leaves archived cards' values out of the board, and gives them back on restore", async () => {
      const space = await f.space(ana, workspace.id);
      const field = await ward(space.id);
      const card = await f.card(ana, space.id);
      await set(ana, card.id, field.id, field.options[0]?.id);
      expect((await ana.patch(`/api/cards/${card.id}`, { archived: true })).statusCode).toBe(200);
      expect((await board(ana, space.id)).fieldValues).toEqual([]);
      expect((await ana.patch(`/api/cards/${card.id}`, { archived: false })).statusCode).toBe(200);
      expect((await board(ana, space.id)).fieldValues).toEqual([
        { cardId: card.id, values: { [field.id]: field.options[0]?.id } },
      ]);
    });

    it("deleting a field deletes its values", async () => {
      const space = await f.space(ana, workspace.id);
      const field = await ward(space.id);
      const card = await f.card(ana, space.id);
      await set(ana, card.id, field.id, field.options[0]?.id);
      expect((await ana.delete(`/api/fields/${field.id}`)).statusCode).toBe(204);
      const left = await h.db.handle.db
        .select()
        .from(tables.cardFieldValues)
        .where(eq(tables.cardFieldValues.fieldId, field.id));
      expect(left).toEqual([]);
      expect((await board(ana, space.id)).fieldValues).toEqual([]);
    });
  });
};

fieldSuite(testDriver());
