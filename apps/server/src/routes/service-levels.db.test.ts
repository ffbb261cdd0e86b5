import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type AgingChartReply, DAY_MS, dayOf, type Label, type Space, type Status } from "@lattice/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

/** As [days before today, status name]; the first step is the card's creation. */
type Step = readonly [daysAgo: number, status: string];

const serviceLevelSuite = (driver: TestDriver): void => {
  describe(`service levels and the aging chart (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let mo: Client;
    let vi: Client;
    let oz: Client;
    let spaceId: string;
    let statuses: Status[];
    const today = dayOf(Date.now());
    const at = (daysAgo: number) => (today - daysAgo) * DAY_MS + 10 * 3_600_000;
    const ids: Record<string, string> = {};

    const status = (name: string): Status => {
      const s = statuses.find((x) => x.name === name);
      if (!s) throw new Error(`no status ${name}`);
      return s;
    };

    /** Creates and moves a card through the API, then dates its history as planned. */
    const build = async (name: string, steps: Step[]) => {
      const [first, ...moves] = steps;
      if (!first) throw new Error("a card needs a first step");
      const card = await f.card(ana, spaceId, { name, statusId: status(first[1]).id });
      for (const [, to] of moves) {
        const res = await ana.post(`/api/cards/${card.id}/move`, { statusId: status(to).id });
        expect(res.statusCode, res.body).toBe(200);
      }
      const db = h.db.handle.db;
      const rows = await db
        .select({ id: tables.cardStatusChanges.id })
        .from(tables.cardStatusChanges)
        .where(eq(tables.cardStatusChanges.cardId, card.id))
        .orderBy(asc(tables.cardStatusChanges.id));
      for (const [i, row] of rows.entries()) {
        const [daysAgo] = steps[i] ?? first;
        await db
          .update(tables.cardStatusChanges)
          .set({ at: new Date(at(daysAgo)) })
          .where(eq(tables.cardStatusChanges.id, row.id));
      }
      await db
        .update(tables.cards)
        .set({ createdAt: new Date(at(first[0])) })
        .where(eq(tables.cards.id, card.id));
      ids[name] = card.id;
    };

    const aging = async (client: Client, query = "") => {
      const res = await client.get(`/api/spaces/${spaceId}/charts/aging${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AgingChartReply>();
    };
    const dotOf = (chart: AgingChartReply, name: string) => chart.dots.find((d) => d.cardId === ids[name]);

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      mo = await f.user("Mo");
      vi = await f.user("Vi");
      oz = await f.user("Oz");
      const workspaceId = (await f.workspace(ana, { name: "Patient complaints" })).id;
      await f.member(ana, workspaceId, mo, "member");
      await f.member(ana, workspaceId, vi, "visitor");
      spaceId = (await f.space(ana, workspaceId, { name: "Complaints desk" })).id;
      const doing = (await f.statuses(ana, spaceId))[1];
      const res = await ana.post(`/api/spaces/${spaceId}/statuses`, {
        name: "Review",
        role: "in_progress",
        afterId: doing?.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      statuses = await f.statuses(ana, spaceId);
      // Six completed complaints with cycle times 2, 3, 4, 5, 8 and 10 days (both ends counted).
      const cycles = [2, 3, 4, 5, 8, 10];
      for (const [i, days] of cycles.entries()) {
        const doneAgo = 20 + i;
        await build(`Answered ${i + 1}`, [
          [doneAgo + days + 1, "To Do"],
          [doneAgo + days - 1, "Doing"],
          [doneAgo + 1, "Review"],
          [doneAgo, "Done"],
        ]);
      }
      // Open complaints: started 1, 6 and 12 days ago (ages 2, 7 and 13), and one not started.
      await build("Fresh", [
        [3, "To Do"],
        [1, "Doing"],
      ]);
      await build("Waiting on records", [
        [9, "To Do"],
        [6, "Doing"],
        [5, "Review"],
      ]);
      await build("Old dispute", [
        [14, "To Do"],
        [12, "Doing"],
      ]);
      await build("Not started", [[4, "To Do"]]);
    });
    afterAll(async () => h?.close());

    it("agrees with the Time chart's cycle times and puts one dot per open in-progress card", async () => {
      const chart = await aging(ana);
      const time = (await ana.get(`/api/spaces/${spaceId}/charts/time`)).json<{
        cycle: { count: number; median: number; p85: number };
      }>();
      // Sorted 2, 3, 4, 5, 8, 10: median (4 + 5) / 2, 85th percentile at rank ceil(5.1) = 6.
      expect(chart.expectation).toEqual({ sampleSize: 6, isEnough: true, p50: 4.5, p85: 10 });
      expect([time.cycle.count, time.cycle.median, time.cycle.p85]).toEqual([6, 4.5, 10]);
      expect(chart.bands.map((b) => [b.statusId, b.count])).toEqual([
        [status("Doing").id, 6],
        [status("Review").id, 6],
      ]);
      expect(chart.dots.map((d) => [d.name, d.statusId, d.ageDays, d.isBlocked, d.risk])).toEqual([
        ["Old dispute", status("Doing").id, 13, false, "breached"],
        ["Waiting on records", status("Review").id, 7, false, "at_risk"],
        ["Fresh", status("Doing").id, 2, false, "on_track"],
      ]);
      expect(dotOf(chart, "Old dispute")?.target).toEqual({ days: 10, source: "history" });
    });

    it("marks a blocked card", async () => {
      const [type] = await h.db.handle.db
        .insert(tables.blockerTypes)
        .values({ kind: "global", name: "Waiting for the patient" })
        .returning();
      if (!type) throw new Error("no blocker type");
      const res = await mo.post(`/api/cards/${ids["Waiting on records"]}/blockings`, {
        blockerTypeId: type.id,
        reason: "Consent form not signed",
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(dotOf(await aging(ana), "Waiting on records")?.isBlocked).toBe(true);
    });

    it("lets an owner set the space's target, announces it, and the risks follow it", async () => {
      const res = await ana.patch(`/api/spaces/${spaceId}`, { serviceLevelDays: 5 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Space>().serviceLevelDays).toBe(5);
      const [event] = await h.db.handle.db
        .select({ type: tables.events.type, payload: tables.events.payload })
        .from(tables.events)
        .where(eq(tables.events.channel, `space:${spaceId}`))
        .orderBy(desc(tables.events.seq))
        .limit(1);
      expect(event?.type).toBe("space.updated");
      expect((event?.payload as { space?: Space } | undefined)?.space?.serviceLevelDays).toBe(5);
      const chart = await aging(vi);
      expect(chart.spaceTargetDays).toBe(5);
      expect(chart.dots.map((d) => [d.name, d.risk, d.target?.source])).toEqual([
        ["Old dispute", "breached", "space"],
        ["Waiting on records", "breached", "space"],
        ["Fresh", "on_track", "space"],
      ]);
    });

    it("lets an owner set a label's target, the strictest label winning, and filters by label", async () => {
      const make = async (name: string) => {
        const res = await mo.post(`/api/spaces/${spaceId}/labels`, { name, color: "#aa0000" });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Label>();
      };
      const urgent = await make("Urgent");
      const written = await make("Written complaint");
      for (const [label, days] of [
        [urgent, 1],
        [written, 20],
      ] as const) {
        const res = await ana.patch(`/api/labels/${label.id}`, { serviceLevelDays: days });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<Label>().serviceLevelDays).toBe(days);
      }
      const res = await mo.patch(`/api/cards/${ids.Fresh}`, { labelIds: [urgent.id, written.id] });
      expect(res.statusCode, res.body).toBe(200);
      const chart = await aging(mo);
      expect(dotOf(chart, "Fresh")).toMatchObject({ target: { days: 1, source: "label" }, risk: "breached" });
      const filtered = await aging(mo, `?labelId=${urgent.id}`);
      expect(filtered.dots.map((d) => d.name)).toEqual(["Fresh"]);
      // Clearing the target gives the card back to the space's.
      expect((await ana.patch(`/api/labels/${urgent.id}`, { serviceLevelDays: null })).statusCode).toBe(200);
      expect(dotOf(await aging(mo), "Fresh")?.target).toEqual({ days: 20, source: "label" });
    });

    it("refuses targets from members and visitors, and bad values, changing nothing", async () => {
      const [label] = await h.db.handle.db
        .select()
        .from(tables.labels)
        .where(and(eq(tables.labels.spaceId, spaceId), eq(tables.labels.name, "Written complaint")));
      if (!label) throw new Error("no label");
      expectProblem(await mo.patch(`/api/spaces/${spaceId}`, { serviceLevelDays: 9 }), 403, "forbidden");
      expectProblem(await vi.patch(`/api/spaces/${spaceId}`, { serviceLevelDays: 9 }), 403, "forbidden");
      expectProblem(await mo.patch(`/api/labels/${label.id}`, { serviceLevelDays: 9 }), 403, "forbidden");
      for (const bad of [0, 3651, 2.5, "7", -1]) {
        expectProblem(
          await ana.patch(`/api/spaces/${spaceId}`, { serviceLevelDays: bad }),
          400,
          "validation_failed",
          ["body.serviceLevelDays"],
        );
        expectProblem(
          await ana.patch(`/api/labels/${label.id}`, { serviceLevelDays: bad }),
          400,
          "validation_failed",
          ["body.serviceLevelDays"],
        );
      }
      const space = (await ana.get(`/api/spaces/${spaceId}`)).json<Space>();
      expect(space.serviceLevelDays).toBe(5);
      const [after] = await h.db.handle.db.select().from(tables.labels).where(eq(tables.labels.id, label.id));
      expect(after?.serviceLevelDays).toBe(20);
    });

    it("answers 404 to a non-member and 400 to a bad filter", async () => {
      expectProblem(await oz.get(`/api/spaces/${spaceId}/charts/aging`), 404, "not_found");
      expectProblem(await oz.patch(`/api/spaces/${spaceId}`, { serviceLevelDays: 3 }), 404, "not_found");
      expectProblem(
        await ana.get(`/api/spaces/${spaceId}/charts/aging?fields=nonsense`),
        400,
        "validation_failed",
      );
      expectProblem(
        await ana.get(`/api/spaces/${spaceId}/charts/aging?from=2026-05-02&to=2026-05-01`),
        400,
        "validation_failed",
      );
    });
  });
};

serviceLevelSuite(testDriver());
