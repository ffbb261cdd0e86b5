import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Card } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const archiveRouteSuite = (driver: TestDriver): void => {
  describe(`archived cards (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let visitor: Client;
    let outsider: Client;
    let workspaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      visitor = await f.user("Vi");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(ana)).id;
      await f.member(ana, workspaceId, visitor, "visitor");
    });
    afterAll(async () => h?.close());

    const archivedIn = async (client: Client, spaceId: string) => {
      const res = await client.get(`/api/spaces/${spaceId}/archived-cards`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Card[] }>().items;
    };
    const boardIds = async (spaceId: string) =>
      boardFromReply((await ana.get(`/api/spaces/${spaceId}/board`)).json()).cards.map((c) => c.id);

    it("lists a space's archived cards, the most recently archived first, and leaves live ones out", async () => {
      const spaceId = (await f.space(ana, workspaceId)).id;
      const live = await f.card(ana, spaceId, { name: "Still on the board" });
      const first = await f.card(ana, spaceId, { name: "Archived first" });
      const second = await f.card(ana, spaceId, { name: "Archived second" });
      const archived: Card[] = [];
      for (const card of [first, second]) {
        archived.push((await ana.patch(`/api/cards/${card.id}`, { archived: true })).json<Card>());
      }
      const expected = [...archived]
        .sort((a, b) => (b.archivedAt ?? "").localeCompare(a.archivedAt ?? "") || a.id.localeCompare(b.id))
        .map((c) => c.id);
      const items = await archivedIn(visitor, spaceId);
      expect(items.map((c) => c.id)).toEqual(expected);
      expect(items.every((c) => c.archivedAt !== null)).toBe(true);
      expect(items.map((c) => c.id)).not.toContain(live.id);
      expect(await boardIds(spaceId)).toEqual([live.id]);
    });

    it("restores an archived card onto the board and out of the archive", async () => {
      const spaceId = (await f.space(ana, workspaceId)).id;
      const card = await f.card(ana, spaceId, { name: "Bring me back" });
      await ana.patch(`/api/cards/${card.id}`, { archived: true });
      expectProblem(await visitor.patch(`/api/cards/${card.id}`, { archived: false }), 403, "forbidden");
      const restored = await ana.patch(`/api/cards/${card.id}`, { archived: false });
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json<Card>().archivedAt).toBeNull();
      expect(await archivedIn(ana, spaceId)).toEqual([]);
      expect(await boardIds(spaceId)).toEqual([card.id]);
    });

    it("answers 404 to a non-member, the same as for a space that does not exist", async () => {
      const spaceId = (await f.space(ana, workspaceId)).id;
      const card = await f.card(ana, spaceId);
      await ana.patch(`/api/cards/${card.id}`, { archived: true });
      const hidden = await outsider.get(`/api/spaces/${spaceId}/archived-cards`);
      const missing = await outsider.get(`/api/spaces/00000000-0000-4000-8000-000000000000/archived-cards`);
      expectProblem(hidden, 404, "not_found");
      expectProblem(missing, 404, "not_found");
      expect(hidden.json()).toEqual(missing.json());
      expectProblem(
        await ana.get(`/api/spaces/${spaceId}/archived-cards?limit=0`),
        400,
        "validation_failed",
        ["querystring.limit"],
      );
    });
  });
};

archiveRouteSuite(testDriver());
