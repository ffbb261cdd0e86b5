import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Member, Status, WorkloadReply } from "@lattice/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const window = "from=2030-03-04&to=2030-03-31";

const workloadSuite = (driver: TestDriver): void => {
  describe(`workload (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let bo: Client;
    let cy: Client;
    let outsider: Client;
    let workspaceId: string;
    let outerId: string;
    const spaces = { front: "", signs: "", secret: "", loose: "" };
    /** Card ids by the name the test gave them. */
    const ids: Record<string, string> = {};

    const makeCard = async (
      spaceId: string,
      name: string,
      patch: Record<string, unknown>,
      status?: "Done",
    ): Promise<string> => {
      const statuses = await f.statuses(ana, spaceId);
      const done = statuses.find((s: Status) => s.name === "Done");
      const card = await f.card(ana, spaceId, { name, ...(status && done ? { statusId: done.id } : {}) });
      if (Object.keys(patch).length > 0) {
        const res = await ana.patch(`/api/cards/${card.id}`, patch);
        expect(res.statusCode, res.body).toBe(200);
      }
      ids[name] = card.id;
      return card.id;
    };

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      cy = await f.user("Cy");
      outsider = await f.user("Olga");
      workspaceId = (await f.workspace(ana, { name: "Ward rota 2030" })).id;
      await f.member(ana, workspaceId, bo, "member");
      await f.member(ana, workspaceId, cy, "member");
      outerId = (await f.folder(ana, workspaceId, { name: "Wards" })).id;
      const innerId = (await f.folder(ana, workspaceId, { name: "North", parentFolderId: outerId })).id;
      spaces.front = (await f.space(ana, workspaceId, { name: "Front desk", folderId: outerId })).id;
      spaces.signs = (await f.space(ana, workspaceId, { name: "Signage", folderId: innerId })).id;
      spaces.secret = (
        await f.space(ana, workspaceId, { name: "Salaries", isPrivate: true, folderId: innerId })
      ).id;
      spaces.loose = (await f.space(ana, workspaceId, { name: "Loose ends" })).id;

      await makeCard(spaces.front, "Rota", {
        startDate: "2030-03-05",
        dueDate: "2030-03-07",
        responsibleId: bo.user.id,
        coworkerIds: [ana.user.id],
      });
      await makeCard(spaces.front, "Due only", { dueDate: "2030-03-31", responsibleId: ana.user.id });
      await makeCard(spaces.front, "Started before", { startDate: "2030-02-20", dueDate: "2030-03-04" });
      await makeCard(spaces.front, "Undated", {});
      await makeCard(spaces.front, "Finished", { dueDate: "2030-03-06" }, "Done");
      await makeCard(spaces.front, "Too late", { startDate: "2030-04-01", dueDate: "2030-04-03" });
      const archived = await makeCard(spaces.front, "Archived", { dueDate: "2030-03-06" });
      expect((await ana.patch(`/api/cards/${archived}`, { archived: true })).statusCode).toBe(200);
      const blocked = await makeCard(spaces.signs, "Blocked sign", {
        dueDate: "2030-03-10",
        responsibleId: cy.user.id,
      });
      const type = (await ana.post(`/api/spaces/${spaces.signs}/blocker-types`, { name: "Supplier" })).json<{
        id: string;
      }>();
      const block = await ana.post(`/api/cards/${blocked}/blockings`, {
        blockerTypeId: type.id,
        reason: "Waiting for the printer",
      });
      expect(block.statusCode, block.body).toBe(201);
      await makeCard(spaces.secret, "Secret raise", { dueDate: "2030-03-12", responsibleId: ana.user.id });
      await makeCard(spaces.secret, "Secret undated", {});
      await makeCard(spaces.loose, "Loose", { dueDate: "2030-03-15" });
    });
    afterAll(async () => h?.close());

    const get = async (client: Client, path: string): Promise<WorkloadReply> => {
      const res = await client.get(`${path}?${window}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<WorkloadReply>();
    };
    const names = (list: { id: string }[]) =>
      list.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0] ?? c.id).sort();

    it("lists a space's open cards that meet the window, its open undated cards and its people", async () => {
      const w = await get(bo, `/api/spaces/${spaces.front}/workload`);
      expect(names(w.cards)).toEqual(["Due only", "Rota", "Started before"]);
      expect(names(w.undated)).toEqual(["Undated"]);
      expect(w.undatedTotal).toBe(1);
      const rota = w.cards.find((c) => c.id === ids.Rota);
      expect(rota).toEqual({
        id: ids.Rota,
        space: 0,
        name: "Rota",
        startDate: "2030-03-05",
        dueDate: "2030-03-07",
        responsibleId: bo.user.id,
        coworkerIds: [ana.user.id],
      });
      // Absent, not null, empty or false: the reply carries only what the view draws.
      expect(w.cards.find((c) => c.id === ids["Due only"])).toEqual({
        id: ids["Due only"],
        space: 0,
        name: "Due only",
        dueDate: "2030-03-31",
        responsibleId: ana.user.id,
      });
      expect(w.undated[0]).toEqual({ id: ids.Undated, space: 0, name: "Undated" });
      expect(w.people.map((p) => p.name).sort()).toEqual(["Ana", "Bo", "Cy"]);
      expect(w.people.every((p) => Object.keys(p).sort().join() === "name,userId")).toBe(true);
      expect(w.spaces).toEqual([{ id: spaces.front, seq: expect.any(Number) }]);
      expect(w.spaces[0]?.seq).toBeGreaterThan(0);
    });

    it("rolls a folder up over its subfolders and leaves out a private space the caller is not in", async () => {
      const forCy = await get(cy, `/api/folders/${outerId}/workload`);
      expect(names(forCy.cards)).toEqual(["Blocked sign", "Due only", "Rota", "Started before"]);
      expect(forCy.cards.find((c) => c.id === ids["Blocked sign"])?.isBlocked).toBe(true);
      expect(names(forCy.undated)).toEqual(["Undated"]);
      expect(forCy.spaces.map((s) => s.id).sort()).toEqual([spaces.front, spaces.signs].sort());
      // A card names its space by its place in `spaces`.
      const sign = forCy.cards.find((c) => c.id === ids["Blocked sign"]);
      expect(forCy.spaces[sign?.space ?? -1]?.id).toBe(spaces.signs);
      expect(JSON.stringify(forCy)).not.toContain("Secret");

      const forAna = await get(ana, `/api/folders/${outerId}/workload`);
      expect(names(forAna.cards)).toEqual([
        "Blocked sign",
        "Due only",
        "Rota",
        "Secret raise",
        "Started before",
      ]);
      expect(names(forAna.undated)).toEqual(["Secret undated", "Undated"]);
    });

    it("covers every readable space of a workspace, private ones only for those in them", async () => {
      const forCy = await get(cy, `/api/workspaces/${workspaceId}/workload`);
      expect(names(forCy.cards)).toEqual(["Blocked sign", "Due only", "Loose", "Rota", "Started before"]);
      expect(JSON.stringify(forCy)).not.toContain("Secret");
      const forAna = await get(ana, `/api/workspaces/${workspaceId}/workload`);
      expect(names(forAna.cards)).toContain("Secret raise");
      expectProblem(await cy.get(`/api/spaces/${spaces.secret}/workload?${window}`), 404, "not_found");
    });

    it("answers 404 to a non-member for a space, a folder and a workspace", async () => {
      for (const path of [
        `/api/spaces/${spaces.front}/workload`,
        `/api/folders/${outerId}/workload`,
        `/api/workspaces/${workspaceId}/workload`,
      ]) {
        expectProblem(await outsider.get(`${path}?${window}`), 404, "not_found");
      }
    });

    it("refuses a missing, reversed, malformed or too long window", async () => {
      const base = `/api/spaces/${spaces.front}/workload`;
      expectProblem(await ana.get(`${base}?from=2030-03-04`), 400, "validation_failed", ["querystring.to"]);
      expectProblem(await ana.get(`${base}?from=2030-03-05&to=2030-03-04`), 400, "validation_failed", [
        "querystring.from",
      ]);
      expectProblem(await ana.get(`${base}?from=2030-02-30&to=2030-03-04`), 400, "validation_failed", [
        "querystring.from",
      ]);
      expectProblem(await ana.get(`${base}?from=2029-01-01&to=2030-03-04`), 400, "validation_failed", [
        "querystring.from",
      ]);
      expectProblem(
        await ana.get("/api/spaces/not-an-id/workload?from=2030-03-04&to=2030-03-05"),
        400,
        "validation_failed",
      );
    });

    it("lets an owner set and clear a member's capacity, announced on the workspace channel", async () => {
      const path = `/api/workspaces/${workspaceId}/members/${bo.user.id}`;
      const res = await ana.patch(path, { capacityPerWeek: 8 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Member>()).toMatchObject({ userId: bo.user.id, role: "member", capacityPerWeek: 8 });
      const listed = (await ana.get(`/api/workspaces/${workspaceId}/members`)).json<Member[]>();
      expect(listed.find((m) => m.userId === bo.user.id)?.capacityPerWeek).toBe(8);
      const w = await get(cy, `/api/workspaces/${workspaceId}/workload`);
      expect(w.people.find((p) => p.userId === bo.user.id)?.capacityPerWeek).toBe(8);

      const events = await h.db.handle.db
        .select({ payload: tables.events.payload })
        .from(tables.events)
        .where(
          and(
            eq(tables.events.channel, `workspace:${workspaceId}`),
            eq(tables.events.type, "member.updated"),
          ),
        );
      expect(events.map((e) => (e.payload as { member: Member }).member.capacityPerWeek)).toContain(8);

      const cleared = await ana.patch(path, { capacityPerWeek: null });
      expect(cleared.json<Member>().capacityPerWeek).toBeNull();
      // Changing the role keeps the capacity as it is.
      await ana.patch(path, { capacityPerWeek: 5 });
      const promoted = await ana.patch(path, { role: "owner" });
      expect(promoted.json<Member>()).toMatchObject({ role: "owner", capacityPerWeek: 5 });
      await ana.patch(path, { role: "member" });
    });

    it("refuses a capacity out of bounds or not whole, and a change from a non-owner, changing nothing", async () => {
      const path = `/api/workspaces/${workspaceId}/members/${cy.user.id}`;
      for (const bad of [0, 501, 2.5, "8"]) {
        expectProblem(await ana.patch(path, { capacityPerWeek: bad }), 400, "validation_failed", [
          "body.capacityPerWeek",
        ]);
      }
      expectProblem(await ana.patch(path, {}), 400, "validation_failed");
      expectProblem(await bo.patch(path, { capacityPerWeek: 3 }), 403, "forbidden");
      expectProblem(await outsider.patch(path, { capacityPerWeek: 3 }), 404, "not_found");
      const listed = (await ana.get(`/api/workspaces/${workspaceId}/members`)).json<Member[]>();
      expect(listed.find((m) => m.userId === cy.user.id)?.capacityPerWeek).toBeNull();
    });
  });
};

workloadSuite(testDriver());
