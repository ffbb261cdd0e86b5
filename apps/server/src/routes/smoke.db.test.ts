import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, factories, type Harness, startHarness } from "../test/harness.js";

describe("smoke", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it("builds a board and moves a card", async () => {
    const f = factories(h.app);
    const ana = await f.user("Ana");
    const ws = await f.workspace(ana);
    const space = await f.space(ana, ws.id);
    const [todo, doing] = await f.statuses(ana, space.id);
    const a = await f.card(ana, space.id);
    const b = await f.card(ana, space.id, { name: "B" });
    const moved = await ana.post(`/api/cards/${b.id}/move`, { statusId: doing?.id });
    expect(moved.statusCode).toBe(200);
    const back = await ana.post(`/api/cards/${b.id}/move`, { statusId: todo?.id, beforeId: a.id });
    expect(back.statusCode, back.body).toBe(200);
    const board = boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json());
    expect(board.cards.map((c: { name: string }) => c.name)).toEqual(["B", "Triage rota"]);
    const tree = await ana.get(`/api/workspaces/${ws.id}/tree`);
    expect(tree.statusCode, tree.body).toBe(200);
  });
});
