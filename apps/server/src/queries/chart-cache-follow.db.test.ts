import { tables } from "@lattice/db";
import { type ChartHistory, chartHistory, type Status, spaceChannel } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type ChartCache, createChartCache } from "./chart-cache.js";
import { type CardFilter, loadChartData } from "./chart-data.js";

/** A history in a comparable form: cards by id, each card's blockings in time order. */
const comparable = (history: ChartHistory) => ({
  statuses: history.statuses,
  histories: [...history.histories].sort((a, b) => (a.card.id < b.card.id ? -1 : 1)),
  blockings: [...history.blockingsByCard]
    .filter(([, list]) => list.length > 0)
    .map(([cardId, list]) => [cardId, [...list].sort((a, b) => a.from - b.from)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
});

const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res;
};

describe("chart cache following changes", () => {
  let h: Harness;
  let ana: Client;
  let ben: Client;
  let workspaceId: string;
  let wards: string;
  let pharmacy: string;
  let labelId: string;
  let blockerTypeId: string;
  let statuses: Status[];
  /** Every view of the charts kept up to date, each with its own cache (created with the data). */
  const views: Array<{
    name: string;
    spaceIds: () => string[];
    filter: () => CardFilter;
    cache: ChartCache;
  }> = [];
  const cards: string[] = [];

  const db = () => h.db.handle.db;
  const statusNamed = (name: string) => {
    const status = statuses.find((s) => s.name === name);
    if (!status) throw new Error(`no status ${name}`);
    return status;
  };
  const refreshStatuses = async () => {
    statuses = await factories(h.app).statuses(ana, wards);
  };

  beforeAll(async () => {
    h = await startHarness();
    const f = factories(h.app);
    ana = await f.user("Ana");
    ben = await f.user("Ben");
    const workspace = await f.workspace(ana);
    workspaceId = workspace.id;
    await f.member(ana, workspaceId, ben, "member");
    wards = (await f.space(ana, workspaceId, { name: "Wards" })).id;
    pharmacy = (await f.space(ana, workspaceId, { name: "Pharmacy" })).id;
    await refreshStatuses();
    labelId = ok(
      await ana.post(`/api/spaces/${wards}/labels`, { name: "Night shift", color: "#1f8a70" }),
      201,
    ).json<{
      id: string;
    }>().id;
    blockerTypeId = ok(await ana.post(`/api/spaces/${wards}/blocker-types`, { name: "Supplier" }), 201).json<{
      id: string;
    }>().id;
    for (const [i, name] of ["Rota", "Beds", "Linen", "Meals", "Visits", "Drills"].entries()) {
      const card = await f.card(ana, wards, { name, statusId: statuses[i % statuses.length]?.id });
      cards.push(card.id);
      if (i % 2 === 0)
        ok(await ana.patch(`/api/cards/${card.id}`, { responsibleId: ana.user.id, labelIds: [labelId] }));
    }
    await f.card(ana, pharmacy, { name: "Stock" });
    views.push(
      { name: "one space", spaceIds: () => [wards], filter: () => ({}), cache: createChartCache() },
      {
        name: "two spaces",
        spaceIds: () => [wards, pharmacy],
        filter: () => ({}),
        cache: createChartCache(),
      },
      {
        name: "by responsible",
        spaceIds: () => [wards],
        filter: () => ({ responsibleId: ana.user.id }),
        cache: createChartCache(),
      },
      { name: "by label", spaceIds: () => [wards], filter: () => ({ labelId }), cache: createChartCache() },
    );
    for (const view of views) await view.cache.load(db(), view.spaceIds(), view.filter());
  });
  afterAll(async () => h?.close());

  /** Each view follows the change (no whole load) and equals a history built afresh from the database. */
  const expectFollowedExactly = async () => {
    for (const view of views) {
      const { followed, misses } = view.cache.stats;
      const refreshed = await view.cache.load(db(), view.spaceIds(), view.filter());
      const fresh = chartHistory(await loadChartData(db(), view.spaceIds(), view.filter()));
      expect(comparable(refreshed), view.name).toEqual(comparable(fresh));
      expect(view.cache.stats, view.name).toMatchObject({ followed: followed + 1, misses });
    }
  };

  const card = (i: number) => cards[i] ?? "";

  it("follows a card created", async () => {
    const created = await factories(h.app).card(ana, wards, {
      name: "Transfers",
      statusId: statusNamed("Doing").id,
    });
    cards.push(created.id);
    await expectFollowedExactly();
  });

  it("follows a card moved between statuses, completed and reopened", async () => {
    ok(await ana.post(`/api/cards/${card(0)}/move`, { statusId: statusNamed("Doing").id }));
    await expectFollowedExactly();
    ok(await ana.post(`/api/cards/${card(0)}/move`, { statusId: statusNamed("Done").id }));
    await expectFollowedExactly();
    ok(await ana.post(`/api/cards/${card(0)}/move`, { statusId: statusNamed("Doing").id }));
    await expectFollowedExactly();
  });

  it("follows a card blocked and unblocked", async () => {
    const blocking = ok(
      await ana.post(`/api/cards/${card(2)}/blockings`, { blockerTypeId, reason: "Part on order" }),
      201,
    ).json<{ id: string }>();
    await expectFollowedExactly();
    ok(await ana.post(`/api/blockings/${blocking.id}/clear`, {}));
    await expectFollowedExactly();
  });

  it("follows a card's responsible and labels changing (what the filters read)", async () => {
    ok(await ana.patch(`/api/cards/${card(1)}`, { responsibleId: ana.user.id, labelIds: [labelId] }));
    await expectFollowedExactly();
    ok(await ana.patch(`/api/cards/${card(0)}`, { responsibleId: ben.user.id, labelIds: [] }));
    await expectFollowedExactly();
  });

  it("follows a card archived, deleted and restored", async () => {
    ok(await ana.patch(`/api/cards/${card(3)}`, { archived: true }));
    await expectFollowedExactly();
    ok(await ana.delete(`/api/cards/${card(4)}`), 204);
    await expectFollowedExactly();
    ok(await ana.post(`/api/trash/${card(4)}/restore`, {}));
    await expectFollowedExactly();
  });

  it("follows a card moved to another space and back", async () => {
    ok(await ana.post(`/api/cards/${card(2)}/move-to-space`, { spaceId: pharmacy }));
    await expectFollowedExactly();
    ok(await ana.post(`/api/cards/${card(2)}/move-to-space`, { spaceId: wards }));
    await expectFollowedExactly();
  });

  it("follows statuses renamed, reordered, re-classified and deleted", async () => {
    ok(await ana.patch(`/api/statuses/${statusNamed("Doing").id}`, { name: "In care" }));
    await refreshStatuses();
    await expectFollowedExactly();
    ok(await ana.patch(`/api/statuses/${statusNamed("Done").id}`, { beforeId: statusNamed("In care").id }));
    await refreshStatuses();
    await expectFollowedExactly();
    // A card passes through a new status, which is then re-classified and deleted: its entry there
    // takes the new role, then the role recorded when it entered.
    const checks = ok(
      await ana.post(`/api/spaces/${wards}/statuses`, { name: "Checks", role: "in_progress" }),
      201,
    ).json<Status>();
    await expectFollowedExactly();
    ok(await ana.post(`/api/cards/${card(5)}/move`, { statusId: checks.id }));
    ok(await ana.post(`/api/cards/${card(5)}/move`, { statusId: statusNamed("Done").id }));
    await expectFollowedExactly();
    ok(await ana.patch(`/api/statuses/${checks.id}`, { role: "completed" }));
    await expectFollowedExactly();
    const [fiveBefore] = views[0]?.cache ? [await views[0].cache.load(db(), [wards], {})] : [];
    expect(fiveBefore?.histories.find((x) => x.card.id === card(5))?.timeline.map((e) => e.role)).toContain(
      "completed",
    );
    ok(await ana.delete(`/api/statuses/${checks.id}`), 204);
    await refreshStatuses();
    await expectFollowedExactly();
  });

  it("reads only the cards the events name", async () => {
    const view = views[0];
    if (!view) throw new Error("no view");
    await view.cache.load(db(), [wards], {});
    const { rowsFollowed } = view.cache.stats;
    ok(await ana.post(`/api/cards/${card(1)}/move`, { statusId: statusNamed("Done").id }));
    await view.cache.load(db(), [wards], {});
    const { cardStatusChanges, cardBlockings } = tables;
    const changeRows = await db().$count(cardStatusChanges, eq(cardStatusChanges.cardId, card(1)));
    const blockingRows = await db().$count(cardBlockings, eq(cardBlockings.cardId, card(1)));
    const spaceRows = await db().$count(cardStatusChanges, eq(cardStatusChanges.spaceId, wards));
    expect(changeRows).toBeGreaterThan(1);
    expect(spaceRows).toBeGreaterThan(changeRows);
    // The card, its status changes and blockings: nothing of the other cards.
    expect(view.cache.stats.rowsFollowed - rowsFollowed).toBe(1 + changeRows + blockingRows);
  });

  it("loads everything again when the events since cannot be followed exactly", async () => {
    const cache = createChartCache();
    await cache.load(db(), [wards], {});
    // A gap (a pruned event): the change it stood for cannot be known.
    ok(await ana.patch(`/api/cards/${card(1)}`, { name: "Beds (east wing)" }));
    await db().execute(sql`
      delete from events where channel = ${spaceChannel(wards)}
        and seq = (select seq from channels where channel = ${spaceChannel(wards)})`);
    const afterGap = await cache.load(db(), [wards], {});
    expect(cache.stats).toMatchObject({ followed: 0, misses: 2 });
    expect(afterGap.histories.find((x) => x.card.id === card(1))?.card.name).toBe("Beds (east wing)");
    // An event of a type the cache does not know may change anything.
    await db().transaction(async (tx) => {
      const [channel] = await tx
        .update(tables.channels)
        .set({ seq: sql`${tables.channels.seq} + 1` })
        .where(eq(tables.channels.channel, spaceChannel(wards)))
        .returning();
      await tx.insert(tables.events).values({
        channel: spaceChannel(wards),
        seq: channel?.seq ?? 0,
        workspaceId,
        type: "space.unheard_of",
        payload: {},
      });
    });
    await cache.load(db(), [wards], {});
    expect(cache.stats).toMatchObject({ followed: 0, misses: 3 });
  });

  it("loads everything again past its limit of events to follow", async () => {
    const cache = createChartCache({ maxEntries: 4, maxRows: 1000, maxEventsToFollow: 1 });
    await cache.load(db(), [wards], {});
    ok(await ana.patch(`/api/cards/${card(1)}`, { name: "Beds" }));
    await cache.load(db(), [wards], {});
    expect(cache.stats).toMatchObject({ followed: 1, misses: 1 });
    ok(await ana.patch(`/api/cards/${card(1)}`, { name: "Beds (west)" }));
    ok(await ana.patch(`/api/cards/${card(1)}`, { name: "Beds (north)" }));
    const history = await cache.load(db(), [wards], {});
    expect(cache.stats).toMatchObject({ followed: 1, misses: 2 });
    expect(history.histories.find((x) => x.card.id === card(1))?.card.name).toBe("Beds (north)");
  });
});
