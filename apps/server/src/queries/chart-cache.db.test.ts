import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { createChartCache, defaultChartCacheLimits } from "./chart-cache.js";

describe("chart cache", () => {
  let h: Harness;
  let ana: Client;
  /** Three spaces of one card each (two rows: the card and its creation). */
  const spaceIds: string[] = [];
  const cardIds: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    const f = factories(h.app);
    ana = await f.user("Ana");
    const workspace = await f.workspace(ana);
    for (const name of ["Triage", "Wards", "Pharmacy"]) {
      const space = await f.space(ana, workspace.id, { name });
      spaceIds.push(space.id);
      cardIds.push((await f.card(ana, space.id, { name: `${name} rota` })).id);
    }
  });
  afterAll(async () => h?.close());

  const db = () => h.db.handle.db;
  const space = (i: number) => () => [spaceIds[i] ?? ""];
  const a = space(0);
  const b = space(1);
  const c = space(2);

  it("answers a second load of unchanged spaces from memory, with the same history", async () => {
    const cache = createChartCache();
    const first = await cache.load(db(), a(), {});
    const second = await cache.load(db(), a(), {});
    expect(second).toBe(first);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, entries: 1, rows: 2 });
  });

  it("brings an entry up to date once its space has changed, and keeps each filter apart", async () => {
    const cache = createChartCache();
    const before = await cache.load(db(), a(), {});
    await cache.load(db(), a(), { responsibleId: ana.user.id });
    expect(cache.stats).toMatchObject({ hits: 0, misses: 2, entries: 2 });
    const renamed = await ana.patch(`/api/cards/${cardIds[0]}`, { name: "Triage rota (nights)" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await cache.load(db(), a(), {});
    expect(cache.stats).toMatchObject({ followed: 1, misses: 2 });
    expect(before.histories[0]?.card.name).toBe("Triage rota");
    expect(after.histories[0]?.card.name).toBe("Triage rota (nights)");
  });

  it("keys a set of spaces by every space's seq", async () => {
    const cache = createChartCache();
    const both = () => [...a(), ...b()];
    await cache.load(db(), both(), {});
    await cache.load(db(), both(), {});
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
    const res = await ana.patch(`/api/cards/${cardIds[1]}`, { name: "Ward rounds" });
    expect(res.statusCode, res.body).toBe(200);
    const after = await cache.load(db(), both(), {});
    expect(cache.stats).toMatchObject({ followed: 1, misses: 1 });
    expect(after.histories.map((x) => x.card.name)).toContain("Ward rounds");
  });

  it("drops the least recently used entry beyond its entry limit", async () => {
    const cache = createChartCache({ ...defaultChartCacheLimits, maxEntries: 2, maxRows: 1000 });
    await cache.load(db(), a(), {});
    await cache.load(db(), b(), {});
    await cache.load(db(), a(), {}); // a is now the most recently used
    await cache.load(db(), c(), {}); // so b goes
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3, entries: 2, rows: 4 });
    await cache.load(db(), a(), {});
    expect(cache.stats.hits).toBe(2);
    await cache.load(db(), b(), {});
    expect(cache.stats.misses).toBe(4);
  });

  it("bounds the rows it holds, and keeps nothing bigger than the bound", async () => {
    const cache = createChartCache({ ...defaultChartCacheLimits, maxEntries: 10, maxRows: 4 });
    await cache.load(db(), a(), {});
    await cache.load(db(), b(), {});
    await cache.load(db(), c(), {});
    expect(cache.stats).toMatchObject({ entries: 2, rows: 4 });
    const tooBig = createChartCache({ ...defaultChartCacheLimits, maxEntries: 10, maxRows: 1 });
    await tooBig.load(db(), a(), {});
    await tooBig.load(db(), a(), {});
    expect(tooBig.stats).toMatchObject({ hits: 0, misses: 2, entries: 0, rows: 0 });
  });
});
