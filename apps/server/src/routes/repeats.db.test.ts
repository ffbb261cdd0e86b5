/**
 * Repeating cards through the API: the next occurrence on completion and before its start, to-dos
 * reset, people and labels kept, the previous → next relation, the series' time zone across a
 * daylight-saving change, the end after N, stopping, bad input and authorization; on PostgreSQL,
 * two instances racing (with one restarted midway) make exactly one occurrence per period.
 */
import { createDb, tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type {
  Card,
  CardRelation,
  Label,
  Space,
  SpaceBoard,
  Status,
  TodoItem as Todo,
  Workspace,
} from "@lattice/domain";
import { addDays, isoDay } from "@lattice/domain";
import { and, eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDueOccurrences } from "../recurrence/scheduler.js";
import { createMemoryBus } from "../sync/bus.js";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";

const repeatsSuite = (driver: TestDriver): void => {
  describe(`repeating cards (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let owner: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let workspace: Workspace;
    let space: Space;
    let statuses: Status[];

    const board = async (spaceId = space.id): Promise<SpaceBoard> => {
      const res = await owner.get(`/api/spaces/${spaceId}/board`);
      expect(res.statusCode).toBe(200);
      return boardFromReply(res.json());
    };
    const done = () => statuses.find((s) => s.role === "completed") as Status;
    const complete = async (card: Card) => {
      const res = await owner.post(`/api/cards/${card.id}/move`, { statusId: done().id });
      expect(res.statusCode).toBe(200);
    };
    const repeat = (card: Card, body: Record<string, unknown>, who: Client = owner) =>
      who.put(`/api/cards/${card.id}/repeat`, body);
    const datedCard = async (body: Record<string, unknown>, name = "Weekly ward round") => {
      const card = await f.card(owner, space.id, { name });
      const res = await owner.patch(`/api/cards/${card.id}`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Card>();
    };
    const nextOf = (rels: CardRelation[], cardId: string) =>
      rels.filter((r) => r.kind === "next" && r.fromCardId === cardId).map((r) => r.toCardId);

    beforeAll(async () => {
      // The scheduler is driven by the tests (a clock of their own); completion still goes through it.
      h = await startHarness(driver, undefined, { recurrenceIntervalMs: 0 });
      f = factories(h.app);
      owner = await f.user("Olga");
      member = await f.user("Mia");
      visitor = await f.user("Vera");
      outsider = await f.user("Otto");
      workspace = await f.workspace(owner);
      await f.member(owner, workspace.id, member, "member");
      await f.member(owner, workspace.id, visitor, "visitor");
      space = await f.space(owner, workspace.id);
      statuses = await f.statuses(owner, space.id);
    });
    afterAll(async () => h?.close());

    it("makes the next occurrence when the card is completed: dates moved, to-dos unchecked, people and labels kept, linked as next", async () => {
      const label = (
        await owner.post(`/api/spaces/${space.id}/labels`, { name: "Rounds", color: "#2f855a" })
      ).json<Label>();
      const card = await datedCard({
        startDate: "2027-01-05",
        dueDate: "2027-01-07",
        responsibleId: member.user.id,
        coworkerIds: [owner.user.id],
        labelIds: [label.id],
      });
      const first = (await owner.post(`/api/cards/${card.id}/todos`, { text: "Check charts" })).json<Todo>();
      await owner.post(`/api/cards/${card.id}/todos`, { text: "Sign off" });
      expect((await owner.patch(`/api/todos/${first.id}`, { isDone: true })).statusCode).toBe(200);

      const set = await repeat(card, { rule: "FREQ=WEEKLY;BYDAY=TU" });
      expect(set.statusCode).toBe(200);
      expect(set.json<Card>().repeat).toMatchObject({
        rule: "FREQ=WEEKLY;BYDAY=TU",
        occurrenceDate: "2027-01-05",
        occurrenceCount: 1,
        nextDate: "2027-01-12",
        createWhen: "completed",
      });
      // Not completed yet: nothing is due.
      expect(await h.app.recurrence.runOnce()).toBe(0);

      await complete(card);
      await h.app.recurrence.runOnce();
      const after = await board();
      const [nextId] = nextOf(after.relations, card.id);
      const next = after.cards.find((c) => c.id === nextId);
      expect(next).toMatchObject({
        name: "Weekly ward round",
        startDate: "2027-01-12",
        dueDate: "2027-01-14",
        statusId: statuses[0]?.id,
        responsibleId: member.user.id,
        coworkerIds: [owner.user.id],
        labelIds: [label.id],
        todoTotal: 2,
        todoDone: 0,
        completedAt: null,
      });
      expect(next?.repeat).toMatchObject({
        occurrenceDate: "2027-01-12",
        occurrenceCount: 2,
        nextDate: "2027-01-19",
      });
      expect(after.cards.find((c) => c.id === card.id)?.repeat).toBeNull();
      const todos = (await owner.get(`/api/cards/${nextId}/todos`)).json<Todo[]>();
      expect(todos.map((t) => [t.text, t.isDone])).toEqual([
        ["Check charts", false],
        ["Sign off", false],
      ]);
      // The same live events as a card create, on the space's channel.
      const events = await h.app.db.db
        .select({ type: tables.events.type })
        .from(tables.events)
        .where(
          and(
            eq(tables.events.channel, `space:${space.id}`),
            sql`${tables.events.payload}::jsonb #>> '{card,id}' = ${nextId ?? ""}`,
          ),
        );
      expect(events.map((e) => e.type)).toContain("card.created");

      // Completed again, reopened, completed: still one occurrence for the period.
      expect(await h.app.recurrence.runOnce()).toBe(0);
      expect(nextOf((await board()).relations, card.id)).toHaveLength(1);
    });

    it("makes the next occurrence N days before its date, in the series' time zone across a daylight-saving change", async () => {
      // Second Tuesdays in Berlin: 10 March 2026 is winter time (UTC+1), 14 April summer time (UTC+2).
      const card = await datedCard({ startDate: "2026-03-10", dueDate: "2026-03-10" }, "Board meeting");
      const set = await repeat(card, {
        rule: "FREQ=MONTHLY;BYDAY=+2TU",
        createWhen: "before_start",
        daysBefore: 2,
        timeZone: "Europe/Berlin",
      });
      expect(set.statusCode).toBe(200);
      expect(set.json<Card>().repeat?.nextDate).toBe("2026-04-14");
      const bus = h.app.bus;
      // Due from local midnight of 12 April (two days before) = 11 April 22:00 UTC in summer time.
      expect(await createDueOccurrences(h.app.db, bus, new Date("2026-04-11T21:59:59Z"))).toBe(0);
      expect(await createDueOccurrences(h.app.db, bus, new Date("2026-04-11T22:00:00Z"))).toBe(1);
      const after = await board();
      const [nextId] = nextOf(after.relations, card.id);
      const next = after.cards.find((c) => c.id === nextId);
      expect(next).toMatchObject({ startDate: "2026-04-14", dueDate: "2026-04-14" });
      expect(next?.repeat).toMatchObject({ nextDate: "2026-05-12", occurrenceCount: 2 });
      // Completing early makes nothing in this mode; May's is due on 9 May 22:00 UTC.
      await complete(next as Card);
      expect(await createDueOccurrences(h.app.db, bus, new Date("2026-05-09T21:59:00Z"))).toBe(0);
      expect(await createDueOccurrences(h.app.db, bus, new Date("2026-05-09T22:00:00Z"))).toBe(1);
      // Stopped, so the later tests' rounds (on the real clock) find nothing of this series due.
      const [mayId] = nextOf((await board()).relations, nextId ?? "");
      expect((await owner.delete(`/api/cards/${mayId}/repeat`)).statusCode).toBe(200);
    });

    it("ends after N occurrences", async () => {
      const card = await datedCard({ dueDate: "2027-02-01" }, "Inventory");
      const set = await repeat(card, { rule: "FREQ=DAILY", ends: { kind: "after", count: 2 } });
      expect(set.json<Card>().repeat).toMatchObject({ endsAfter: 2, nextDate: "2027-02-02" });
      await complete(card);
      await h.app.recurrence.runOnce();
      const [secondId] = nextOf((await board()).relations, card.id);
      const second = (await board()).cards.find((c) => c.id === secondId) as Card;
      expect(second).toMatchObject({ dueDate: "2027-02-02", startDate: null });
      expect(second.repeat).toMatchObject({ occurrenceCount: 2, nextDate: null });
      await complete(second);
      expect(await h.app.recurrence.runOnce()).toBe(0);
      expect(nextOf((await board()).relations, second.id)).toEqual([]);
    });

    it("stops repeating: the card stays and completing it makes nothing", async () => {
      const card = await datedCard({ startDate: "2027-03-01" }, "Audit");
      await repeat(card, { rule: "FREQ=MONTHLY;BYMONTHDAY=1" });
      const stopped = await owner.delete(`/api/cards/${card.id}/repeat`);
      expect(stopped.statusCode).toBe(200);
      expect(stopped.json<Card>().repeat).toBeNull();
      await complete(card);
      expect(await h.app.recurrence.runOnce()).toBe(0);
      expect(nextOf((await board()).relations, card.id)).toEqual([]);
    });

    it("refuses a rule that does not read with a 422 in rrule's words, and changes nothing", async () => {
      const card = await datedCard({ startDate: "2027-04-01" }, "Refused");
      const unknown = await repeat(card, { rule: "FREQ=WEEKLY;FOO=1" });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.headers["content-type"]).toContain("application/problem+json");
      expect(unknown.json<{ detail: string }>().detail).toBe("Unknown RRULE property 'FOO'");
      for (const rule of [
        "FREQ=SOMETIMES",
        "FREQ=WEEKLY;INTERVAL=abc",
        "FREQ=WEEKLY;BYDAY=XX",
        "BYDAY=MO",
        "FREQ=HOURLY",
      ]) {
        expect((await repeat(card, { rule })).statusCode, rule).toBe(422);
      }
      const beforeStart = await repeat(card, {
        rule: "FREQ=DAILY",
        ends: { kind: "on", date: "2027-03-31" },
      });
      expect(beforeStart.statusCode).toBe(422);
      expect(beforeStart.json<{ detail: string }>().detail).toContain("before the card's date");
      expect((await repeat(card, { rule: "FREQ=DAILY;UNTIL=20270301" })).statusCode).toBe(422);
      expect((await repeat(card, { rule: "FREQ=DAILY", daysBefore: -1 })).statusCode).toBe(400);
      expect((await repeat(card, { rule: "FREQ=DAILY", timeZone: "Mars/Olympus" })).statusCode).toBe(400);
      const undated = await f.card(owner, space.id, { name: "No date" });
      const noDate = await repeat(undated, { rule: "FREQ=DAILY" });
      expect(noDate.statusCode).toBe(422);
      expect(noDate.json<{ detail: string }>().detail).toContain("give the card a date first");
      expect((await board()).cards.find((c) => c.id === card.id)?.repeat).toBeNull();
    });

    it("lets members repeat a card, refuses visitors (403) and hides it from outsiders (404)", async () => {
      const card = await datedCard({ startDate: "2027-05-03" }, "Roles");
      expect((await repeat(card, { rule: "FREQ=WEEKLY" }, visitor)).statusCode).toBe(403);
      expect((await repeat(card, { rule: "FREQ=WEEKLY" }, outsider)).statusCode).toBe(404);
      expect((await outsider.delete(`/api/cards/${card.id}/repeat`)).statusCode).toBe(404);
      expect((await repeat(card, { rule: "FREQ=WEEKLY" }, member)).statusCode).toBe(200);
      expect((await visitor.delete(`/api/cards/${card.id}/repeat`)).statusCode).toBe(403);
    });

    it("refuses a second series on a past occurrence: the series goes on with its next card", async () => {
      const card = await datedCard({ startDate: "2027-06-01" }, "Past");
      await repeat(card, { rule: "FREQ=WEEKLY" });
      await complete(card);
      await h.app.recurrence.runOnce();
      expect((await repeat(card, { rule: "FREQ=DAILY" })).statusCode).toBe(409);
    });

    it("lists the upcoming occurrences in the space's calendar feed as their own all-day entries", async () => {
      // A week from today (the feed lists a year ahead of today), weekly, three times in all.
      const start = addDays(isoDay(new Date()), 7);
      const card = await datedCard({ startDate: start, dueDate: addDays(start, 1) }, "Feed round");
      await repeat(card, { rule: "FREQ=WEEKLY", ends: { kind: "after", count: 3 } });
      const created = await owner.post(`/api/spaces/${space.id}/calendar-feed`);
      const feed = await h.app.inject({
        method: "GET",
        url: new URL(created.json<{ url: string }>().url).pathname,
      });
      const events = new ICAL.Component(ICAL.parse(feed.body))
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .filter((e) => e.summary.startsWith("Feed round"));
      expect(events.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString()])).toEqual([
        ["Feed round", start, addDays(start, 2)],
        ["Feed round (repeats)", addDays(start, 7), addDays(start, 9)],
        ["Feed round (repeats)", addDays(start, 14), addDays(start, 16)],
      ]);
      expect((await owner.delete(`/api/cards/${card.id}/repeat`)).statusCode).toBe(200);
    });

    if (driver === "pg")
      it("makes exactly one occurrence per period with two instances racing and one restarted midway", async () => {
        const result = await raceTwoInstances(h, owner, space, f, done());
        // The figure for the note: cards made by each instance and duplicates (must be 0).
        console.log(
          `recurrence race: ${result.created} occurrences made (${result.expected} expected), ${result.duplicates} duplicates`,
        );
        expect(result.duplicates).toBe(0);
        expect(result.created).toBe(result.expected);
      });
  });
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Series due many times over, made by two pools at once; the second is closed and reopened midway. */
const raceTwoInstances = async (
  h: Harness,
  owner: Client,
  space: Space,
  f: ReturnType<typeof factories>,
  done: Status,
): Promise<{ created: number; expected: number; duplicates: number }> => {
  const url = h.db.url ?? "";
  const seriesCount = 8;
  // Daily from 1 January, made on the day: at noon on 10 January, 2..10 January are due (9 each).
  for (let i = 0; i < seriesCount; i += 1) {
    const card = await f.card(owner, space.id, { name: `Race ${i}` });
    await owner.patch(`/api/cards/${card.id}`, { startDate: "2030-01-01" });
    await owner.put(`/api/cards/${card.id}/repeat`, { rule: "FREQ=DAILY", createWhen: "before_start" });
    await owner.post(`/api/cards/${card.id}/move`, { statusId: done.id });
  }
  const now = new Date("2030-01-10T12:00:00Z");
  const bus = createMemoryBus();
  const instanceA = h.app.db;
  let instanceB = await createDb({ databaseUrl: url, poolSize: 4 });
  const rounds = (handle: typeof instanceA, n: number) =>
    Promise.all(Array.from({ length: n }, () => createDueOccurrences(handle, bus, now, 3)));
  // Small batches so that the restart falls in the middle of the work.
  await Promise.all([rounds(instanceA, 3), rounds(instanceB, 3)]);
  await instanceB.close();
  instanceB = await createDb({ databaseUrl: url, poolSize: 4 });
  await Promise.all([rounds(instanceA, 4), rounds(instanceB, 4)]);
  while ((await createDueOccurrences(instanceB, bus, now, 50)) > 0) {}
  await instanceB.close();
  const [dup] = rowsOf<{ duplicates: number }>(
    await h.app.db.db.execute(sql`
      SELECT count(*)::int AS duplicates FROM (
        SELECT c.name, c.start_date FROM cards c WHERE c.space_id = ${space.id}::uuid AND c.name LIKE 'Race %'
        GROUP BY c.name, c.start_date HAVING count(*) > 1) d`),
  );
  const [total] = rowsOf<{ n: number }>(
    await h.app.db.db.execute(sql`
      SELECT count(*)::int AS n FROM cards WHERE space_id = ${space.id}::uuid AND name LIKE 'Race %'
        AND start_date > '2030-01-01'`),
  );
  return { created: total?.n ?? 0, expected: seriesCount * 9, duplicates: dup?.duplicates ?? -1 };
};

repeatsSuite(testDriver());
