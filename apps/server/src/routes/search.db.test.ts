import { type TestDriver, testDriver } from "@lattice/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

interface Hit {
  cardId: string;
  spaceId: string;
  workspaceId: string;
  name: string;
  snippet: string;
  matchedIn: "card" | "comment";
  isArchived: boolean;
}

const searchRouteSuite = (driver: TestDriver): void => {
  describe(`search (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let member: Client;
    let outsider: Client;
    let workspaceId: string;
    let spaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      member = await f.user("Mo");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(ana)).id;
      await f.member(ana, workspaceId, member, "member");
      spaceId = (await f.space(ana, workspaceId)).id;
    });
    afterAll(async () => h?.close());

    const find = async (client: Client, q: string) => {
      const res = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Hit[] }>().items;
    };

    it("finds a card by a word of its name or description, with a snippet", async () => {
      const card = await f.card(ana, spaceId, {
        name: "Triage rota",
        description: "Who covers the night shift in the emergency ward",
      });
      const byName = await find(member, "rota");
      expect(byName.map((x) => x.cardId)).toContain(card.id);
      // The snippet never repeats the name the result already shows.
      expect(byName.find((x) => x.cardId === card.id)?.snippet).toMatch(/^Who covers the night shift/);
      const byDescription = await find(member, "emergency");
      expect(byDescription[0]).toMatchObject({ cardId: card.id, spaceId, workspaceId, matchedIn: "card" });
      expect(byDescription[0]?.snippet).toContain("**emergency**");
      expect(byDescription[0]?.snippet).not.toContain("Triage");
    });

    it("finds by the prefix of the last word", async () => {
      const card = await f.card(ana, spaceId, { name: "Quarterly budget review" });
      expect((await find(member, "quarterly bud")).map((x) => x.cardId)).toContain(card.id);
      expect((await find(member, "quart")).map((x) => x.cardId)).toContain(card.id);
    });

    it("finds a card by the text of its comments", async () => {
      const card = await f.card(ana, spaceId, { name: "Plain name" });
      await member.post(`/api/cards/${card.id}/comments`, { body: "The defibrillator needs servicing" });
      const hits = await find(ana, "defibrillator");
      expect(hits).toEqual([
        expect.objectContaining({ cardId: card.id, name: "Plain name", matchedIn: "comment" }),
      ]);
    });

    it("never returns a card from a private workspace or private space the caller is not in", async () => {
      const secret = await f.user("Secret");
      const hidden = (await f.workspace(secret, { name: "Hidden" })).id;
      const hiddenSpace = (await f.space(secret, hidden)).id;
      await f.card(secret, hiddenSpace, { name: "Zebracorn merger plan" });
      const privateSpace = (
        await ana.post(`/api/workspaces/${workspaceId}/spaces`, { name: "HR", isPrivate: true })
      ).json<{
        id: string;
      }>().id;
      const hr = await f.card(ana, privateSpace, { name: "Zebracorn salaries" });
      expect(await find(member, "zebracorn")).toEqual([]);
      expect(await find(outsider, "zebracorn")).toEqual([]);
      expect((await find(ana, "zebracorn")).map((x) => x.cardId)).toEqual([hr.id]);
      expect((await find(secret, "zebracorn merger")).map((x) => x.name)).toEqual(["Zebracorn merger plan"]);
    });

    it("finds cards of public workspaces for any user, archived ones marked and after the live ones", async () => {
      const open = (await f.workspace(ana, { name: "Open", visibility: "public" })).id;
      const openSpace = (await f.space(ana, open)).id;
      // The archived card matches twice (name and description), so it would rank first if it could.
      const archived = await f.card(ana, openSpace, { name: "Kumquat kumquat archive" });
      const card = await f.card(ana, openSpace, { name: "Kumquat festival" });
      await ana.patch(`/api/cards/${archived.id}`, { archived: true, description: "kumquat kumquat" });
      expect((await find(outsider, "kumquat")).map((x) => [x.cardId, x.isArchived])).toEqual([
        [card.id, false],
        [archived.id, true],
      ]);
    });

    it("treats punctuation and operators as plain text, never as an error", async () => {
      for (const q of ["'", "a & b | !c", "(:*", '"unclosed', "-", "<b>x</b>", "tri:*"]) {
        const res = await ana.get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      }
      expectProblem(await ana.get("/api/search?q=%20"), 400, "validation_failed", ["querystring.q"]);
    });
  });
};

searchRouteSuite(testDriver());
