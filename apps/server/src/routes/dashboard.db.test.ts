import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  addDays,
  DAY_MS,
  dayOf,
  isoDateOfDay,
  type Status,
  type StatusRole,
  type WorkspaceDashboard,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

/** A card as the test planned it: its moves as [days ago, status name], its dates, archiving, blocking. */
interface Plan {
  steps: Array<readonly [daysAgo: number, status: string]>;
  startDate?: string;
  dueDate?: string;
  archivedDaysAgo?: number;
  isBlocked?: boolean;
}

interface Built {
  spaceId: string;
  plans: Plan[];
  roleOf: (name: string) => StatusRole;
}

const isWork = (role: StatusRole) => role === "not_started" || role === "in_progress" || role === "completed";

const dashboardSuite = (driver: TestDriver): void => {
  describe(`workspace dashboard (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let bo: Client;
    let workspaceId: string;
    let outerId: string;
    let innerId: string;
    const built: Built[] = [];
    const spaces: Record<"front" | "signs" | "loose" | "secret", string> = {
      front: "",
      signs: "",
      loose: "",
      secret: "",
    };
    const todayDay = dayOf(Date.now());
    const today = isoDateOfDay(todayDay);
    // Noon, so a step "n days ago" falls on that UTC date whatever the hour the test runs.
    const at = (daysAgo: number) => new Date((todayDay - daysAgo) * DAY_MS + 12 * 3_600_000);

    /** Creates the cards through the API, then dates their history as planned. */
    const build = async (spaceId: string, plans: Plan[]) => {
      const statuses = await f.statuses(ana, spaceId);
      const status = (name: string): Status => {
        const s = statuses.find((x) => x.name === name);
        if (!s) throw new Error(`no status ${name}`);
        return s;
      };
      const type = (await ana.post(`/api/spaces/${spaceId}/blocker-types`, { name: "Supplier" })).json<{
        id: string;
      }>();
      const db = h.db.handle.db;
      for (const [i, plan] of plans.entries()) {
        const [first, ...moves] = plan.steps;
        if (!first) throw new Error("a plan needs a first step");
        const card = await f.card(ana, spaceId, { name: `Card ${i}`, statusId: status(first[1]).id });
        for (const [, name] of moves) {
          const res = await ana.post(`/api/cards/${card.id}/move`, { statusId: status(name).id });
          expect(res.statusCode, res.body).toBe(200);
        }
        if (plan.startDate || plan.dueDate) {
          const res = await ana.patch(`/api/cards/${card.id}`, {
            startDate: plan.startDate ?? null,
            dueDate: plan.dueDate ?? null,
          });
          expect(res.statusCode, res.body).toBe(200);
        }
        if (plan.isBlocked) {
          const res = await ana.post(`/api/cards/${card.id}/blockings`, {
            blockerTypeId: type.id,
            reason: "Waiting for quotes",
          });
          expect(res.statusCode, res.body).toBe(201);
        }
        const rows = await db
          .select({ id: tables.cardStatusChanges.id })
          .from(tables.cardStatusChanges)
          .where(eq(tables.cardStatusChanges.cardId, card.id))
          .orderBy(asc(tables.cardStatusChanges.id));
        expect(rows).toHaveLength(plan.steps.length);
        for (const [j, row] of rows.entries()) {
          await db
            .update(tables.cardStatusChanges)
            .set({ at: at(plan.steps[j]?.[0] ?? first[0]) })
            .where(eq(tables.cardStatusChanges.id, row.id));
        }
        await db
          .update(tables.cards)
          .set({
            createdAt: at(first[0]),
            archivedAt: plan.archivedDaysAgo === undefined ? null : at(plan.archivedDaysAgo),
          })
          .where(eq(tables.cards.id, card.id));
      }
      built.push({ spaceId, plans, roleOf: (name) => status(name).role });
    };

    /** Expected figures of one space, computed here from the plans (not with the domain's code). */
    const expectedOf = (b: Built) => {
      const live = b.plans.filter((p) => p.archivedDaysAgo === undefined);
      const role = (p: Plan) => b.roleOf(p.steps.at(-1)?.[1] ?? "");
      const work = live.filter((p) => isWork(role(p)));
      const dated = work.flatMap((p) => [p.startDate ?? p.dueDate, p.dueDate ?? p.startDate]);
      const days = dated.filter((d): d is string => d !== undefined).sort();
      const burnup = Array.from({ length: 13 }, (_, i) => {
        const daysAgo = (12 - i) * 7;
        let scope = 0;
        let completed = 0;
        for (const p of b.plans) {
          const [first] = p.steps;
          if (!first || first[0] < daysAgo) continue; // created later than that day
          if (p.archivedDaysAgo !== undefined && p.archivedDaysAgo >= daysAgo) continue;
          const last = [...p.steps].reverse().find(([ago]) => ago >= daysAgo) ?? first;
          const r = b.roleOf(last[1]);
          if (isWork(r)) scope += 1;
          if (r === "completed") completed += 1;
        }
        return { date: isoDateOfDay(todayDay - daysAgo), scope, completed };
      });
      return {
        spaceId: b.spaceId,
        total: work.length,
        notStarted: work.filter((p) => role(p) === "not_started").length,
        inProgress: work.filter((p) => role(p) === "in_progress").length,
        completed: work.filter((p) => role(p) === "completed").length,
        late: work.filter(
          (p) =>
            role(p) !== "completed" &&
            ((p.dueDate !== undefined && p.dueDate < today) ||
              (role(p) === "not_started" && p.startDate !== undefined && p.startDate < today)),
        ).length,
        blocked: work.filter((p) => p.isBlocked && role(p) !== "completed").length,
        startDate: days[0] ?? null,
        dueDate: days.at(-1) ?? null,
        burnup,
      };
    };

    const sumOf = (list: Array<ReturnType<typeof expectedOf>>) => ({
      total: list.reduce((n, s) => n + s.total, 0),
      completed: list.reduce((n, s) => n + s.completed, 0),
      notStarted: list.reduce((n, s) => n + s.notStarted, 0),
      inProgress: list.reduce((n, s) => n + s.inProgress, 0),
      late: list.reduce((n, s) => n + s.late, 0),
      blocked: list.reduce((n, s) => n + s.blocked, 0),
    });

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      workspaceId = (await f.workspace(ana, { name: "Customer Service Strategy 2027" })).id;
      await f.member(ana, workspaceId, bo, "member");
      outerId = (await f.folder(ana, workspaceId, { name: "Patient experience" })).id;
      innerId = (await f.folder(ana, workspaceId, { name: "Wayfinding", parentFolderId: outerId })).id;
      spaces.front = (await f.space(ana, workspaceId, { name: "Front desk", folderId: outerId })).id;
      spaces.signs = (await f.space(ana, workspaceId, { name: "Signage", folderId: innerId })).id;
      spaces.loose = (await f.space(ana, workspaceId, { name: "Loose ends" })).id;
      spaces.secret = (
        await f.space(ana, workspaceId, { name: "Budget", isPrivate: true, folderId: innerId })
      ).id;
      await build(spaces.front, [
        {
          steps: [
            [80, "To Do"],
            [60, "Doing"],
            [40, "Done"],
          ],
          dueDate: addDays(today, -30),
        },
        {
          steps: [
            [70, "To Do"],
            [20, "Doing"],
          ],
          startDate: addDays(today, -10),
          dueDate: addDays(today, -1),
        },
        { steps: [[50, "To Do"]], startDate: addDays(today, -3), isBlocked: true },
        { steps: [[45, "To Do"]], dueDate: addDays(today, 40), isBlocked: true },
        { steps: [[90, "To Do"]], archivedDaysAgo: 30 },
        {
          steps: [
            [10, "To Do"],
            [5, "Doing"],
            [2, "Done"],
          ],
          isBlocked: true,
        },
      ]);
      await build(spaces.signs, [
        {
          steps: [
            [30, "To Do"],
            [25, "Done"],
          ],
          startDate: addDays(today, -28),
        },
        { steps: [[3, "Doing"]], dueDate: addDays(today, 90) },
      ]);
      await build(spaces.secret, [{ steps: [[15, "To Do"]], dueDate: addDays(today, -5), isBlocked: true }]);
    });
    afterAll(async () => h?.close());

    const dashboardOf = async (client: Client) => {
      const res = await client.get(`/api/workspaces/${workspaceId}/dashboard?today=${today}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<WorkspaceDashboard>();
    };

    it("gives each readable space its figures and weekly burn-up, matching the cards it holds", async () => {
      const dashboard = await dashboardOf(ana);
      const expected = built.map(expectedOf);
      const front = expected.find((e) => e.spaceId === spaces.front);
      // The plans make every figure non-trivial, so an all-zero answer cannot pass.
      expect(front).toMatchObject({ notStarted: 2, inProgress: 1, completed: 2, late: 2, blocked: 2 });
      expect(dashboard.today).toBe(today);
      expect(dashboard.spaces.map((s) => s.spaceId)).toEqual([
        spaces.front,
        spaces.signs,
        spaces.loose,
        spaces.secret,
      ]);
      for (const e of expected) expect(dashboard.spaces.find((s) => s.spaceId === e.spaceId)).toEqual(e);
      expect(dashboard.spaces.find((s) => s.spaceId === spaces.loose)).toMatchObject({
        total: 0,
        startDate: null,
        burnup: expect.arrayContaining([{ date: today, scope: 0, completed: 0 }]),
      });
    });

    it("rolls spaces up into their folders and the folders above them", async () => {
      const dashboard = await dashboardOf(ana);
      const expected = new Map(built.map((b) => [b.spaceId, expectedOf(b)]));
      const pick = (...ids: string[]) => ids.flatMap((id) => expected.get(id) ?? []);
      const outer = dashboard.folders.find((x) => x.folderId === outerId);
      const inner = dashboard.folders.find((x) => x.folderId === innerId);
      expect(inner?.spaceIds.sort()).toEqual([spaces.signs, spaces.secret].sort());
      expect(inner).toMatchObject(sumOf(pick(spaces.signs, spaces.secret)));
      expect(outer?.spaceIds.sort()).toEqual([spaces.front, spaces.signs, spaces.secret].sort());
      expect(outer).toMatchObject(sumOf(pick(spaces.front, spaces.signs, spaces.secret)));
      const parts = pick(spaces.front, spaces.signs, spaces.secret);
      expect(outer?.burnup).toEqual(
        parts[0]?.burnup.map((p, i) => ({
          date: p.date,
          scope: parts.reduce((n, s) => n + (s.burnup[i]?.scope ?? 0), 0),
          completed: parts.reduce((n, s) => n + (s.burnup[i]?.completed ?? 0), 0),
        })),
      );
    });

    it("leaves a private space out of the figures of a member not in it, and folders roll up without it", async () => {
      const dashboard = await dashboardOf(bo);
      expect(dashboard.spaces.map((s) => s.spaceId)).toEqual([spaces.front, spaces.signs, spaces.loose]);
      const expected = new Map(built.map((b) => [b.spaceId, expectedOf(b)]));
      const inner = dashboard.folders.find((x) => x.folderId === innerId);
      expect(inner?.spaceIds).toEqual([spaces.signs]);
      expect(inner).toMatchObject(sumOf([expected.get(spaces.signs)].flatMap((e) => e ?? [])));
      expect(JSON.stringify(dashboard)).not.toContain(spaces.secret);
    });

    it("answers 404 to a non-member and 400 to a bad date, changing nothing", async () => {
      const outsider = await f.user("Oz");
      expectProblem(await outsider.get(`/api/workspaces/${workspaceId}/dashboard`), 404, "not_found");
      expectProblem(
        await ana.get(`/api/workspaces/${workspaceId}/dashboard?today=2027-02-30`),
        400,
        "validation_failed",
      );
      expectProblem(await ana.get("/api/workspaces/not-an-id/dashboard"), 400, "validation_failed");
      expect((await f.anonymous.get(`/api/workspaces/${workspaceId}/dashboard`)).statusCode).toBe(401);
    });

    it("reflects a change at once (the history cache is keyed by the spaces' sequence)", async () => {
      const before = (await dashboardOf(ana)).spaces.find((s) => s.spaceId === spaces.loose);
      expect(before?.total).toBe(0);
      const [todo] = await f.statuses(ana, spaces.loose);
      await f.card(ana, spaces.loose, { statusId: todo?.id });
      const after = (await dashboardOf(ana)).spaces.find((s) => s.spaceId === spaces.loose);
      expect(after).toMatchObject({ total: 1, notStarted: 1 });
      expect(after?.burnup.at(-1)).toEqual({ date: today, scope: 1, completed: 0 });
    });
  });
};

dashboardSuite(testDriver());
