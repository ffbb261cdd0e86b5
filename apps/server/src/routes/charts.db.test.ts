import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type ChartCard,
  type ChartStatus,
  cumulativeFlow,
  DAY_MS,
  dayOf,
  forecastChart,
  isoDateOfDay,
  type Status,
  type StatusChange,
  timeChart,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import {
  Client,
  factories,
  type Harness,
  startHarness,
  testConfig,
  timeChartFromJson,
} from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

/** A card's life: the status it was created in, then each move, as [days after the base day, hour, status name]. */
type Step = readonly [day: number, hour: number, status: string];
interface Plan {
  name: string;
  steps: Step[];
  archivedDay?: number;
}

/** Lives of different shapes, repeated over 12 weeks so every week has completions. */
const lives: Array<(d: number) => Step[]> = [
  (d) => [
    [d, 9, "To Do"],
    [d + 2, 10, "Doing"],
    [d + 5, 11, "Review"],
    [d + 7, 15, "Done"],
  ],
  (d) => [
    [d, 8, "To Do"],
    [d + 1, 9, "Doing"],
    [d + 3, 16, "Done"],
  ],
  (d) => [
    [d, 8, "To Do"],
    [d, 14, "Done"], // same day, never in progress
  ],
  (d) => [
    [d, 10, "To Do"],
    [d + 4, 10, "Doing"], // still open
  ],
  (d) => [
    [d, 9, "To Do"],
    [d + 2, 9, "Dropped"], // cancelled
  ],
  (d) => [
    [d, 9, "To Do"],
    [d + 1, 9, "Doing"],
    [d + 2, 9, "Done"],
    [d + 3, 9, "Doing"], // reopened
    [d + 6, 12, "Done"],
  ],
];

const chartRouteSuite = (driver: TestDriver): void => {
  describe(`charts (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let visitor: Client;
    let member: Client;
    let outsider: Client;
    let workspaceId: string;
    let folderId: string;
    const today = dayOf(Date.now());
    const base = today - 84;
    const at = (day: number, hour: number) => (base + day) * DAY_MS + hour * 3_600_000;

    /** What each space's chart should be computed from, built from the plans (not read back). */
    const expected = new Map<
      string,
      { statuses: ChartStatus[]; cards: ChartCard[]; changes: StatusChange[] }
    >();
    const spaces: Record<"main" | "nested" | "secret", string> = { main: "", nested: "", secret: "" };
    let blockedCardId = "";

    /** Creates the cards through the API, moves them, then dates their history as planned. */
    const build = async (spaceId: string, plans: Plan[]) => {
      const board = await f.statuses(ana, spaceId);
      const byName = new Map(board.map((s) => [s.name, s]));
      const status = (name: string): Status => {
        const s = byName.get(name);
        if (!s) throw new Error(`no status ${name}`);
        return s;
      };
      const data = {
        statuses: board.map((s) => ({ id: s.id, name: s.name, role: s.role })),
        cards: [] as ChartCard[],
        changes: [] as StatusChange[],
      };
      for (const plan of plans) {
        const [first, ...moves] = plan.steps;
        if (!first) throw new Error("a plan needs a first step");
        const created = await f.card(ana, spaceId, { name: plan.name, statusId: status(first[2]).id });
        for (const [, , name] of moves) {
          const res = await ana.post(`/api/cards/${created.id}/move`, { statusId: status(name).id });
          expect(res.statusCode, res.body).toBe(200);
        }
        const db = h.db.handle.db;
        const rows = await db
          .select({ id: tables.cardStatusChanges.id })
          .from(tables.cardStatusChanges)
          .where(eq(tables.cardStatusChanges.cardId, created.id))
          .orderBy(asc(tables.cardStatusChanges.id));
        expect(rows).toHaveLength(plan.steps.length);
        for (const [i, row] of rows.entries()) {
          const [day, hour] = plan.steps[i] ?? first;
          await db
            .update(tables.cardStatusChanges)
            .set({ at: new Date(at(day, hour)) })
            .where(eq(tables.cardStatusChanges.id, row.id));
        }
        const archivedAt = plan.archivedDay === undefined ? null : at(plan.archivedDay, 12);
        await db
          .update(tables.cards)
          .set({
            createdAt: new Date(at(first[0], first[1])),
            archivedAt: archivedAt ? new Date(archivedAt) : null,
          })
          .where(eq(tables.cards.id, created.id));
        const last = plan.steps.at(-1) ?? first;
        data.cards.push({
          id: created.id,
          name: plan.name,
          createdAt: at(first[0], first[1]),
          archivedAt,
          statusId: status(last[2]).id,
        });
        for (const [day, hour, name] of plan.steps) {
          data.changes.push({
            cardId: created.id,
            at: at(day, hour),
            statusId: status(name).id,
            role: status(name).role,
          });
        }
      }
      expected.set(spaceId, data);
      return data;
    };

    const addStatuses = async (spaceId: string) => {
      const [, doing] = await f.statuses(ana, spaceId);
      for (const body of [
        { name: "Review", role: "in_progress", afterId: doing?.id },
        { name: "Dropped", role: "cancelled" },
        { name: "Ideas", role: "information", afterId: null },
      ]) {
        const res = await ana.post(`/api/spaces/${spaceId}/statuses`, body);
        expect(res.statusCode, res.body).toBe(201);
      }
    };

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      visitor = await f.user("Vi");
      member = await f.user("Mo");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(ana, { name: "Customer Service Strategy 2027" })).id;
      await f.member(ana, workspaceId, visitor, "visitor");
      await f.member(ana, workspaceId, member, "member");
      folderId = (await f.folder(ana, workspaceId, { name: "Patient experience" })).id;
      const subfolder = await f.folder(ana, workspaceId, { name: "Wayfinding", parentFolderId: folderId });
      spaces.main = (await f.space(ana, workspaceId, { name: "Front desk", folderId })).id;
      spaces.nested = (await f.space(ana, workspaceId, { name: "Signage", folderId: subfolder.id })).id;
      spaces.secret = (await f.space(ana, workspaceId, { name: "Budget", isPrivate: true })).id;
      await addStatuses(spaces.main);

      const plans: Plan[] = [];
      for (let i = 0; i < 24; i++) {
        const life = lives[i % lives.length];
        if (life) plans.push({ name: `Front desk task ${i + 1}`, steps: life(i * 3) });
      }
      plans.push({ name: "Idea: volunteer greeters", steps: [[10, 9, "Ideas"]] });
      plans.push({ name: "Archived request", steps: [[5, 9, "To Do"]], archivedDay: 30 });
      const main = await build(spaces.main, plans);
      await build(spaces.nested, [
        {
          name: "Map kiosk",
          steps: [
            [40, 9, "To Do"],
            [41, 9, "Doing"],
            [44, 9, "Done"],
          ],
        },
        {
          name: "Lift signs",
          steps: [
            [60, 9, "To Do"],
            [70, 9, "Done"],
          ],
        },
        { name: "Colour lines", steps: [[75, 9, "To Do"]] },
      ]);
      await build(spaces.secret, [{ name: "Overtime budget", steps: [[50, 9, "To Do"]] }]);

      // Two overlapping blockings and an open one on the first card (done on day 7 at 15:00).
      const card = main.cards[0];
      if (!card) throw new Error("no card");
      blockedCardId = card.id;
      const [type] = await h.db.handle.db
        .insert(tables.blockerTypes)
        .values({ kind: "local", workspaceId, spaceId: spaces.main, name: "Waiting for IT" })
        .returning();
      if (!type) throw new Error("no blocker type");
      const blockings = [
        { from: at(3, 0), to: at(4, 0) },
        { from: at(3, 12), to: at(5, 0) },
        { from: at(7, 12), to: null },
      ];
      await h.db.handle.db.insert(tables.cardBlockings).values(
        blockings.map((b) => ({
          workspaceId,
          spaceId: spaces.main,
          cardId: card.id,
          blockerTypeId: type.id,
          reason: "Printer driver",
          blockedAt: new Date(b.from),
          clearedAt: b.to === null ? null : new Date(b.to),
        })),
      );
    });
    afterAll(async () => h?.close());

    const input = (...ids: string[]) => {
      const parts = ids.map((id) => expected.get(id));
      return {
        statuses: parts.flatMap((p) => p?.statuses ?? []),
        cards: parts.flatMap((p) => p?.cards ?? []),
        changes: parts.flatMap((p) => p?.changes ?? []),
      };
    };
    const blockingsOfMain = () => [
      { cardId: blockedCardId, from: at(3, 0), to: at(4, 0) },
      { cardId: blockedCardId, from: at(3, 12), to: at(5, 0) },
      { cardId: blockedCardId, from: at(7, 12), to: null },
    ];
    const get = async (client: Client, url: string) => {
      const res = await client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    /** The Time chart read through its reply schema, as the chart the domain computes. */
    const getTime = async (client: Client, url: string) => timeChartFromJson(await get(client, url));

    describe("time chart", () => {
      it("equals the domain's time chart of the same history, for the last 90 days by default", async () => {
        const body = await getTime(ana, `/api/spaces/${spaces.main}/charts/time`);
        const from = isoDateOfDay(today - 89);
        const to = isoDateOfDay(today);
        const data = input(spaces.main);
        expect(body).toEqual({
          ...timeChart({ ...data, blockings: blockingsOfMain(), from, to, now: Date.now() }),
          statuses: data.statuses,
        });
        // 16 completed cards (4 lives of 6 complete), each shape as planned.
        expect(body.lead.count).toBe(16);
        const first = body.points.find((p: { cardId: string }) => p.cardId === blockedCardId);
        expect(first).toMatchObject({ leadDays: 8, reactionDays: 3, cycleDays: 6 });
        // Blocked 3 → 5 (merged: 2 days) and 7 12:00 → done at 15:00 (an open blocking counts to completion).
        expect(first?.blockedDays).toBeCloseTo(2 + 3 / 24, 10);
        expect(body.statuses.map((s: { name: string }) => s.name)).toEqual([
          "Ideas",
          "To Do",
          "Doing",
          "Review",
          "Done",
          "Dropped",
        ]);
      });

      it("takes a period, inclusive of both dates", async () => {
        const from = isoDateOfDay(base + 20);
        const to = isoDateOfDay(base + 40);
        const body = await getTime(ana, `/api/spaces/${spaces.main}/charts/time?from=${from}&to=${to}`);
        const data = input(spaces.main);
        expect(body).toEqual({
          ...timeChart({ ...data, blockings: blockingsOfMain(), from, to, now: Date.now() }),
          statuses: data.statuses,
        });
        expect(body.points.length).toBeGreaterThan(0);
        expect(body.points.length).toBeLessThan(16);
      });

      it("lets a visitor read it (charts are reading)", async () => {
        await getTime(visitor, `/api/spaces/${spaces.main}/charts/time`);
      });

      it("is the same chart compressed for a client that accepts gzip or brotli, asked again or not", async () => {
        const url = `/api/spaces/${spaces.main}/charts/time?from=${isoDateOfDay(base)}`;
        const plain = await ana.get(url);
        expect(plain.headers["content-encoding"]).toBeUndefined();
        for (const [encoding, unpack] of [
          ["gzip", gunzipSync],
          ["br", brotliDecompressSync],
        ] as const) {
          for (let i = 0; i < 2; i++) {
            const packed = await ana.request("GET", url, undefined, { "accept-encoding": encoding });
            expect(packed.statusCode).toBe(200);
            expect(packed.headers["content-encoding"]).toBe(encoding);
            expect(packed.headers.vary).toMatch(/accept-encoding/i);
            expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length);
            expect(unpack(packed.rawPayload).toString("utf8")).toBe(plain.body);
          }
        }
      });
    });

    describe("cumulative flow", () => {
      it("equals the domain's cumulative flow of the same history", async () => {
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const body = await get(
          ana,
          `/api/spaces/${spaces.main}/charts/cumulative-flow?from=${from}&to=${to}`,
        );
        expect(body).toEqual(cumulativeFlow({ ...input(spaces.main), from, to }));
        expect(body.days).toHaveLength(85);
        expect(body.currentWip).toBe(4); // the four "still open" lives
        expect(body.approximateCycleDays).toBeGreaterThan(0);
      });
    });

    describe("forecast", () => {
      it("equals the domain's forecast for the same history, seed and options", async () => {
        const target = isoDateOfDay(today + 30);
        const body = await get(
          ana,
          `/api/spaces/${spaces.main}/charts/forecast?windowWeeks=8&confidence=10,50,90&trials=2000&seed=7&targetDate=${target}`,
        );
        const chart = forecastChart({
          ...input(spaces.main),
          today: isoDateOfDay(today),
          windowWeeks: 8,
          confidences: [10, 50, 90],
          trials: 2000,
          seed: 7,
          targetDate: target,
        });
        expect(body).toEqual({ spaceIds: [spaces.main], ...chart });
        expect(body.forecast).toMatchObject({ status: "forecast", remaining: 4, window: { weeks: 8 } });
        expect(body.burnup[0].date).toBe(isoDateOfDay(base));
        expect(body.burnup.at(-1)).toEqual({ date: isoDateOfDay(today), scope: 20, completed: 16 });
      });

      it("uses the defaults (12 weeks, 15/50/85 %, 10,000 trials, seed 1) and is deterministic", async () => {
        const one = await get(ana, `/api/spaces/${spaces.main}/charts/forecast`);
        expect(one.forecast).toMatchObject({
          status: "forecast",
          trials: 10_000,
          seed: 1,
          window: { weeks: 12 },
        });
        expect(one.forecast.dates.map((d: { label: string }) => d.label)).toEqual([
          "optimistic",
          "most_likely",
          "pessimistic",
        ]);
        expect(await get(ana, `/api/spaces/${spaces.main}/charts/forecast`)).toEqual(one);
      });

      it("says when the history is too short instead of inventing a date", async () => {
        const body = await get(ana, `/api/spaces/${spaces.nested}/charts/forecast`);
        expect(body.forecast).toMatchObject({
          status: "insufficient_history",
          reason: "too_few_weeks",
          remaining: 1,
        });
      });

      it("covers a folder's spaces, subfolders included", async () => {
        const body = await get(ana, `/api/folders/${folderId}/charts/forecast?seed=3`);
        expect(body.spaceIds).toEqual([spaces.main, spaces.nested]);
        expect(body).toEqual({
          spaceIds: [spaces.main, spaces.nested],
          ...forecastChart({ ...input(spaces.main, spaces.nested), today: isoDateOfDay(today), seed: 3 }),
        });
      });

      it("covers only the workspace's spaces the caller may read", async () => {
        const owner = await get(ana, `/api/workspaces/${workspaceId}/charts/forecast`);
        expect([...owner.spaceIds].sort()).toEqual([spaces.main, spaces.nested, spaces.secret].sort());
        const forMember = await get(member, `/api/workspaces/${workspaceId}/charts/forecast`);
        expect([...forMember.spaceIds].sort()).toEqual([spaces.main, spaces.nested].sort());
        expect(forMember.forecast.remaining).toBe(owner.forecast.remaining - 1);
        expect(forMember).toEqual({
          spaceIds: forMember.spaceIds,
          ...forecastChart({ ...input(...forMember.spaceIds), today: isoDateOfDay(today) }),
        });
      });
    });

    describe("card filter", () => {
      /** The chart input of the main space narrowed to some cards (the charts ignore others' history). */
      const inputOf = (keep: (card: ChartCard) => boolean) => {
        const data = input(spaces.main);
        const cards = data.cards.filter(keep);
        const kept = new Set(cards.map((c) => c.id));
        return {
          ...data,
          cards,
          changes: data.changes.filter((c) => kept.has(c.cardId)),
          blockings: blockingsOfMain().filter((b) => kept.has(b.cardId)),
        };
      };
      let mine: Set<string>;
      let labelled: Set<string>;
      let labelId: string;

      beforeAll(async () => {
        const cards = input(spaces.main).cards;
        // The blocked card and every fourth card are Mo's; every third carries the label.
        mine = new Set(cards.filter((_, i) => i % 4 === 0).map((c) => c.id));
        const label = await ana.post(`/api/spaces/${spaces.main}/labels`, {
          name: "Urgent",
          color: "#c0392b",
        });
        expect(label.statusCode, label.body).toBe(201);
        labelId = label.json().id;
        labelled = new Set(cards.filter((_, i) => i % 3 === 1).map((c) => c.id));
        for (const card of cards) {
          const body = {
            ...(mine.has(card.id) ? { responsibleId: member.user.id } : {}),
            ...(labelled.has(card.id) ? { labelIds: [labelId] } : {}),
          };
          if (Object.keys(body).length === 0) continue;
          const res = await ana.patch(`/api/cards/${card.id}`, body);
          expect(res.statusCode, res.body).toBe(200);
        }
      });

      it("narrows the time chart to a responsible person's cards, with their blockings", async () => {
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const body = await getTime(
          ana,
          `/api/spaces/${spaces.main}/charts/time?from=${from}&to=${to}&responsibleId=${member.user.id}`,
        );
        const data = inputOf((c) => mine.has(c.id));
        expect(body).toEqual({
          ...timeChart({ ...data, from, to, now: Date.now() }),
          statuses: data.statuses,
        });
        expect(body.points.length).toBeGreaterThan(0);
        expect(body.points.every((p: { cardId: string }) => mine.has(p.cardId))).toBe(true);
        expect(body.blocked.cards).toBe(1);
      });

      it("narrows the forecast and the cumulative flow to the cards carrying a label", async () => {
        const forecastBody = await get(ana, `/api/spaces/${spaces.main}/charts/forecast?labelId=${labelId}`);
        const data = inputOf((c) => labelled.has(c.id));
        expect(forecastBody).toEqual({
          spaceIds: [spaces.main],
          ...forecastChart({ ...data, today: isoDateOfDay(today) }),
        });
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const flow = await get(
          ana,
          `/api/spaces/${spaces.main}/charts/cumulative-flow?from=${from}&to=${to}&labelId=${labelId}`,
        );
        expect(flow).toEqual(cumulativeFlow({ ...data, from, to }));
        expect(flow.completions).toBeGreaterThan(0);
      });

      it("applies both filters together", async () => {
        const body = await get(
          ana,
          `/api/folders/${folderId}/charts/forecast?responsibleId=${member.user.id}&labelId=${labelId}`,
        );
        const data = inputOf((c) => mine.has(c.id) && labelled.has(c.id));
        expect(data.cards.length).toBeGreaterThan(0);
        // The nested space has no such cards: only its statuses join in.
        expect(body).toEqual({
          spaceIds: [spaces.main, spaces.nested],
          ...forecastChart({
            ...data,
            statuses: input(spaces.main, spaces.nested).statuses,
            today: isoDateOfDay(today),
          }),
        });
      });
    });

    describe("custom field filter", () => {
      let wardFieldId: string;
      let reviewerFieldId: string;
      let cardiology: string;
      let surgery: string;
      const wardOf = new Map<string, string>();
      const reviewed = new Set<string>();

      beforeAll(async () => {
        const cards = input(spaces.main).cards;
        const ward = await ana.post(`/api/spaces/${spaces.main}/fields`, {
          name: "Wards",
          kind: "multi_choice",
          options: [
            { name: "Cardiology", color: "#c0392b" },
            { name: "Surgery", color: "#2980b9" },
          ],
        });
        expect(ward.statusCode, ward.body).toBe(201);
        wardFieldId = ward.json().id;
        [cardiology, surgery] = ward.json().options.map((o: { id: string }) => o.id);
        const reviewer = await ana.post(`/api/spaces/${spaces.main}/fields`, {
          name: "Reviewer",
          kind: "person",
        });
        expect(reviewer.statusCode, reviewer.body).toBe(201);
        reviewerFieldId = reviewer.json().id;
        // Every other card is on a ward: Cardiology, or both wards for every sixth; every fifth is reviewed.
        for (const [i, card] of cards.entries()) {
          if (i % 2 === 0) {
            const value = i % 6 === 0 ? [cardiology, surgery] : [cardiology];
            wardOf.set(card.id, value.join(","));
            const res = await ana.request("PUT", `/api/cards/${card.id}/fields/${wardFieldId}`, { value });
            expect(res.statusCode, res.body).toBe(200);
          }
          if (i % 5 === 0) {
            reviewed.add(card.id);
            const res = await ana.request("PUT", `/api/cards/${card.id}/fields/${reviewerFieldId}`, {
              value: member.user.id,
            });
            expect(res.statusCode, res.body).toBe(200);
          }
        }
      });

      const inputOf = (keep: (card: ChartCard) => boolean) => {
        const data = input(spaces.main);
        const cards = data.cards.filter(keep);
        const kept = new Set(cards.map((c) => c.id));
        return {
          ...data,
          cards,
          changes: data.changes.filter((c) => kept.has(c.cardId)),
          blockings: blockingsOfMain().filter((b) => kept.has(b.cardId)),
        };
      };

      it("narrows the time chart to the cards whose multiple choice includes an option", async () => {
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const body = await getTime(
          ana,
          `/api/spaces/${spaces.main}/charts/time?from=${from}&to=${to}&fields=${wardFieldId}:${surgery}`,
        );
        const data = inputOf((c) => (wardOf.get(c.id) ?? "").includes(surgery as string));
        expect(data.cards.length).toBeGreaterThan(0);
        expect(data.cards.length).toBeLessThan(wardOf.size);
        expect(body).toEqual({
          ...timeChart({ ...data, from, to, now: Date.now() }),
          statuses: data.statuses,
        });
      });

      it("combines field filters (a person, and a field that has no value) in the cumulative flow and forecast", async () => {
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const fields = `${reviewerFieldId}:${member.user.id},${wardFieldId}:none`;
        const data = inputOf((c) => reviewed.has(c.id) && !wardOf.has(c.id));
        expect(data.cards.length).toBeGreaterThan(0);
        const flow = await get(
          ana,
          `/api/spaces/${spaces.main}/charts/cumulative-flow?from=${from}&to=${to}&fields=${fields}`,
        );
        expect(flow).toEqual(cumulativeFlow({ ...data, from, to }));
        const forecast = await get(
          ana,
          `/api/spaces/${spaces.main}/charts/forecast?fields=${wardFieldId}:set`,
        );
        expect(forecast).toEqual({
          spaceIds: [spaces.main],
          ...forecastChart({ ...inputOf((c) => wardOf.has(c.id)), today: isoDateOfDay(today) }),
        });
      });

      it("shows a value set after a filtered chart was read", async () => {
        const from = isoDateOfDay(base);
        const to = isoDateOfDay(today);
        const url = `/api/spaces/${spaces.main}/charts/cumulative-flow?from=${from}&to=${to}&fields=${wardFieldId}:${surgery}`;
        const before = await get(ana, url);
        const card = input(spaces.main).cards.find((c) => !wardOf.has(c.id) && c.statusId !== null);
        if (!card) throw new Error("no card without a ward");
        const res = await ana.request("PUT", `/api/cards/${card.id}/fields/${wardFieldId}`, {
          value: [surgery],
        });
        expect(res.statusCode, res.body).toBe(200);
        wardOf.set(card.id, surgery as string);
        const after = await get(ana, url);
        expect(after).not.toEqual(before);
        const data = inputOf((c) => (wardOf.get(c.id) ?? "").includes(surgery as string));
        expect(after).toEqual(cumulativeFlow({ ...data, from, to }));
      });
    });

    describe("after a change", () => {
      /** A fresh space with one card waiting in To Do, so these tests change nothing the others read. */
      const freshSpace = async () => {
        const workspace = await f.workspace(ana, { name: "Cache checks" });
        const space = await f.space(ana, workspace.id, { name: "Moves" });
        const [todo, doing, done] = await f.statuses(ana, space.id);
        if (!todo || !doing || !done) throw new Error("no default statuses");
        const card = await f.card(ana, space.id, { name: "Call the supplier", statusId: todo.id });
        return { workspaceId: workspace.id, spaceId: space.id, card, doing, done };
      };
      const move = async (cardId: string, statusId: string) => {
        const res = await ana.post(`/api/cards/${cardId}/move`, { statusId });
        expect(res.statusCode, res.body).toBe(200);
      };

      it("shows a move made after the charts were read (the space's seq changed)", async () => {
        const { workspaceId: wsId, spaceId, card, done } = await freshSpace();
        const timeUrl = `/api/spaces/${spaceId}/charts/time`;
        const forecastUrl = `/api/workspaces/${wsId}/charts/forecast`;
        const flowUrl = `/api/spaces/${spaceId}/charts/cumulative-flow`;
        expect((await getTime(ana, timeUrl)).points).toEqual([]);
        expect((await get(ana, forecastUrl)).burnup.at(-1)).toMatchObject({ scope: 1, completed: 0 });
        expect((await get(ana, flowUrl)).completions).toBe(0);
        // Read twice: the second answer comes from the cache and must still be the same.
        expect((await getTime(ana, timeUrl)).points).toEqual([]);

        await move(card.id, done.id);

        expect((await getTime(ana, timeUrl)).points.map((p: { cardId: string }) => p.cardId)).toEqual([
          card.id,
        ]);
        expect((await get(ana, forecastUrl)).burnup.at(-1)).toMatchObject({ scope: 1, completed: 1 });
        expect((await get(ana, flowUrl)).completions).toBe(1);
      });

      it("shows a label added after a filtered chart was read", async () => {
        const { spaceId, card, done } = await freshSpace();
        await move(card.id, done.id);
        const label = await ana.post(`/api/spaces/${spaceId}/labels`, { name: "Supplier", color: "#1f8a70" });
        expect(label.statusCode, label.body).toBe(201);
        const url = `/api/spaces/${spaceId}/charts/time?labelId=${label.json().id}`;
        expect((await getTime(ana, url)).points).toEqual([]);
        const res = await ana.patch(`/api/cards/${card.id}`, { labelIds: [label.json().id] });
        expect(res.statusCode, res.body).toBe(200);
        expect((await getTime(ana, url)).points.map((p: { cardId: string }) => p.cardId)).toEqual([card.id]);
      });

      it("shows a move made through another server instance on the same database", async () => {
        const { spaceId, card, doing } = await freshSpace();
        const other = await buildApp({ handle: h.db.handle, config: testConfig() });
        try {
          await other.ready();
          const url = `/api/spaces/${spaceId}/charts/cumulative-flow`;
          expect((await get(ana, url)).currentWip).toBe(0);
          const anaThere = new Client(other, ana.session);
          const res = await anaThere.post(`/api/cards/${card.id}/move`, { statusId: doing.id });
          expect(res.statusCode, res.body).toBe(200);
          expect((await get(ana, url)).currentWip).toBe(1);
        } finally {
          await other.close();
        }
      });
    });

    describe("access", () => {
      it("returns 404 to a non-member, as for a space that does not exist", async () => {
        for (const url of [
          `/api/spaces/${spaces.main}/charts/time`,
          `/api/spaces/${spaces.main}/charts/forecast`,
          `/api/spaces/${spaces.main}/charts/cumulative-flow`,
          `/api/folders/${folderId}/charts/forecast`,
          `/api/workspaces/${workspaceId}/charts/forecast`,
          `/api/spaces/00000000-0000-4000-8000-000000000000/charts/time`,
        ]) {
          expectProblem(await outsider.get(url), 404, "not_found");
        }
      });

      it("returns 404 for a private space to a workspace member who is not in it", async () => {
        expectProblem(await member.get(`/api/spaces/${spaces.secret}/charts/time`), 404, "not_found");
      });

      it("asks an anonymous caller to log in", async () => {
        expectProblem(
          await f.anonymous.get(`/api/spaces/${spaces.main}/charts/time`),
          401,
          "unauthenticated",
        );
      });
    });

    describe("bad query parameters", () => {
      const someFieldId = "00000000-0000-4000-8000-000000000001";
      const bad: Array<[string, string[]]> = [
        ["charts/time?from=2026-02-30", ["querystring.from"]],
        ["charts/time?from=yesterday", ["querystring.from"]],
        ["charts/time?from=2026-03-10&to=2026-03-01", ["querystring.to"]],
        ["charts/time?from=2000-01-01&to=2026-01-01", ["querystring.to"]],
        ["charts/time?responsibleId=nobody", ["querystring.responsibleId"]],
        ["charts/time?fields=ward:surgery", ["querystring.fields"]],
        [`charts/forecast?fields=${someFieldId}:set,${someFieldId}:none`, ["querystring.fields"]],
        ["charts/cumulative-flow?to=03/01/2026", ["querystring.to"]],
        ["charts/forecast?windowWeeks=0", ["querystring.windowWeeks"]],
        ["charts/forecast?windowWeeks=2.5", ["querystring.windowWeeks"]],
        ["charts/forecast?confidence=15,150", ["querystring.confidence"]],
        ["charts/forecast?confidence=high", ["querystring.confidence"]],
        ["charts/forecast?trials=5", ["querystring.trials"]],
        ["charts/forecast?seed=-1", ["querystring.seed"]],
        ["charts/forecast?targetDate=soon", ["querystring.targetDate"]],
        ["charts/forecast?windowWeek=4", ["querystring.windowWeek"]],
      ];
      for (const [path, fields] of bad) {
        it(`answers 400 problem+json naming the field for ${path}`, async () => {
          expectProblem(
            await ana.get(`/api/spaces/${spaces.main}/${path}`),
            400,
            "validation_failed",
            fields,
          );
        });
      }

      it("refuses a target date more than ten years ahead and a burn-up start in the future", async () => {
        const far = isoDateOfDay(today + 4000);
        expectProblem(
          await ana.get(`/api/spaces/${spaces.main}/charts/forecast?targetDate=${far}`),
          400,
          "validation_failed",
          ["querystring.targetDate"],
        );
        expectProblem(
          await ana.get(`/api/spaces/${spaces.main}/charts/forecast?from=${isoDateOfDay(today + 1)}`),
          400,
          "validation_failed",
          ["querystring.from"],
        );
      });

      it("answers 400 for an id that is not a UUID", async () => {
        expectProblem(await ana.get("/api/spaces/not-a-uuid/charts/time"), 400, "validation_failed", [
          "params.id",
        ]);
      });
    });

    it("documents the chart endpoints in the OpenAPI document", async () => {
      const res = await f.anonymous.get("/api/docs/json");
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          "/api/spaces/{id}/charts/time",
          "/api/spaces/{id}/charts/forecast",
          "/api/spaces/{id}/charts/cumulative-flow",
          "/api/folders/{id}/charts/forecast",
          "/api/workspaces/{id}/charts/forecast",
        ]),
      );
    });
  });
};

chartRouteSuite(testDriver());
