import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { ActivityPage, Status } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const activityRouteSuite = (driver: TestDriver): void => {
  describe(`activity stream (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let workspaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      member = await f.user("Mo");
      visitor = await f.user("Vi");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(ana)).id;
      await f.member(ana, workspaceId, member, "member");
      await f.member(ana, workspaceId, visitor, "visitor");
    });
    afterAll(async () => h?.close());

    const page = async (client: Client, url: string) => {
      const res = await client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ActivityPage>();
    };

    it("tells a card's story in words, newest first, leaving out the to-do count updates", async () => {
      const space = await f.space(ana, workspaceId);
      const [, doing, done] = (await f.statuses(ana, space.id)) as [Status, Status, Status];
      const card = await f.card(ana, space.id, { name: "X" });
      const other = await f.card(ana, space.id, { name: "Other" });
      await ana.patch(`/api/cards/${card.id}`, { name: "Triage rota" });
      await ana.post(`/api/cards/${card.id}/move`, { statusId: doing.id });
      await ana.post(`/api/cards/${card.id}/move`, { statusId: done.id });
      await member.post(`/api/cards/${card.id}/todos`, { text: "Call the ward" });
      await visitor.post(`/api/cards/${card.id}/comments`, { body: "Thanks!" });
      await ana.post(`/api/cards/${other.id}/comments`, { body: "Elsewhere" });
      const { items, nextBefore } = await page(visitor, `/api/cards/${card.id}/activity`);
      expect(items.map((i) => i.text)).toEqual([
        "Vi commented on 'Triage rota'",
        "Mo added a to-do to 'Triage rota'",
        "Ana moved 'Triage rota' from Doing to Done",
        "Ana moved 'Triage rota' from To Do to Doing",
        "Ana renamed 'X' to 'Triage rota'",
        "Ana created 'X' in To Do",
      ]);
      expect(nextBefore).toBeNull();
      expect(items[0]).toMatchObject({
        actorId: visitor.user.id,
        actorName: "Vi",
        cardId: card.id,
        channel: `space:${space.id}`,
        type: "comment.created",
      });
    });

    it("pages backwards with nextBefore until nothing is older", async () => {
      const space = await f.space(ana, workspaceId);
      for (const name of ["A", "B", "C", "D", "E"]) await f.card(member, space.id, { name });
      const first = await page(ana, `/api/spaces/${space.id}/activity?limit=2`);
      expect(first.items.map((i) => i.text)).toEqual(["Mo created 'E' in To Do", "Mo created 'D' in To Do"]);
      expect(first.nextBefore).not.toBeNull();
      const second = await page(ana, `/api/spaces/${space.id}/activity?limit=2&before=${first.nextBefore}`);
      expect(second.items.map((i) => i.text)).toEqual(["Mo created 'C' in To Do", "Mo created 'B' in To Do"]);
      const third = await page(ana, `/api/spaces/${space.id}/activity?limit=2&before=${second.nextBefore}`);
      expect(third.items.map((i) => i.text)).toEqual(["Mo created 'A' in To Do"]);
      expect(third.nextBefore).toBeNull();
    });

    it("lists my own actions across spaces I can still read, paged by cursor", async () => {
      const me = await f.user("Me");
      const otherWorkspace = (await f.workspace(ana, { name: "Other" })).id;
      await f.member(ana, workspaceId, me, "member");
      await f.member(ana, otherWorkspace, me, "member");
      const s1 = await f.space(ana, workspaceId);
      const s2 = await f.space(ana, otherWorkspace);
      await f.card(me, s1.id, { name: "One" });
      await f.card(me, s2.id, { name: "Two" });
      await f.card(ana, s2.id, { name: "Not mine" });
      await f.card(me, s2.id, { name: "Three" });
      const first = await page(me, "/api/me/activity?limit=2");
      expect(first.items.map((i) => i.text)).toEqual([
        "Me created 'Three' in To Do",
        "Me created 'Two' in To Do",
      ]);
      const rest = await page(
        me,
        `/api/me/activity?limit=2&before=${encodeURIComponent(first.nextBefore ?? "")}`,
      );
      expect(rest.items.map((i) => i.text)).toEqual(["Me created 'One' in To Do"]);
      // Removed from the other workspace: its history is no longer theirs to see.
      expect((await ana.delete(`/api/workspaces/${otherWorkspace}/members/${me.user.id}`)).statusCode).toBe(
        204,
      );
      const after = await page(me, "/api/me/activity");
      expect(after.items.map((i) => i.text)).toEqual(["Me created 'One' in To Do"]);
    });

    it("answers 404 to a non-member and 400 to a cursor it did not give out", async () => {
      const space = await f.space(ana, workspaceId);
      const card = await f.card(ana, space.id);
      expectProblem(await outsider.get(`/api/cards/${card.id}/activity`), 404, "not_found");
      expectProblem(await outsider.get(`/api/spaces/${space.id}/activity`), 404, "not_found");
      expectProblem(await ana.get(`/api/spaces/${space.id}/activity?before=abc`), 400, "validation_failed", [
        "querystring.before",
      ]);
      expectProblem(await ana.get("/api/me/activity?before=not-a-cursor"), 400, "validation_failed", [
        "querystring.before",
      ]);
      expectProblem(await ana.get(`/api/spaces/${space.id}/activity?limit=1000`), 400, "validation_failed", [
        "querystring.limit",
      ]);
      expect((await page(outsider, "/api/me/activity")).items).toEqual([]);
    });
  });
};

activityRouteSuite(testDriver());
