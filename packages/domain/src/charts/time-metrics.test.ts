import { describe, expect, it } from "vitest";
import { DAY_MS } from "./calendar.js";
import { cardHistories } from "./history.js";
import { at, card, input } from "./test-data.js";
import { cardTimePoint, coveredTime, timeChart, timeInStatus } from "./time-metrics.js";

const h = (hours: number) => hours / 24;

// A: to do → doing → review → done.
const a = card("a", [
  ["2026-03-02T09:00", "todo"],
  ["2026-03-04T10:00", "doing"],
  ["2026-03-06T10:00", "review"],
  ["2026-03-09T15:00", "done"],
]);
// B: done, reopened, done again: keeps its first start, completes at the final entry into done.
const b = card("b", [
  ["2026-03-01T08:00", "todo"],
  ["2026-03-02T08:00", "doing"],
  ["2026-03-03T08:00", "done"],
  ["2026-03-05T08:00", "doing"],
  ["2026-03-10T20:00", "done"],
]);
// C: created and finished the same day without ever being in progress.
const c = card("c", [
  ["2026-03-04T08:00", "todo"],
  ["2026-03-04T17:00", "done"],
]);
// D: still in progress.
const d = card("d", [
  ["2026-03-20T00:00", "todo"],
  ["2026-03-21T00:00", "doing"],
]);
// E: was done, then cancelled: left out.
const e = card("e", [
  ["2026-03-01T08:00", "todo"],
  ["2026-03-02T08:00", "done"],
  ["2026-03-03T08:00", "dropped"],
]);
// F: an information card: left out.
const f = card("f", [["2026-03-01T08:00", "ideas"]]);

const all = input(a, b, c, d, e, f);
const now = at("2026-03-23T12:00");
const history = (id: string) => {
  const found = cardHistories(all).find((x) => x.card.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("time metrics per card", () => {
  it("measures lead, reaction and cycle time in calendar days counting both ends", () => {
    expect(cardTimePoint(history("a"), [], now)).toMatchObject({
      completedAt: "2026-03-09T15:00:00.000Z",
      leadDays: 8, // 2 → 9 March
      reactionDays: 3, // 2 → 4 March
      cycleDays: 6, // 4 → 9 March
      blockedDays: 0,
    });
  });

  it("keeps a reopened card's first start and completes it at its final entry into a completed status", () => {
    expect(cardTimePoint(history("b"), [], now)).toMatchObject({
      completedAt: "2026-03-10T20:00:00.000Z",
      leadDays: 10,
      reactionDays: 2,
      cycleDays: 9, // from the first start on 2 March, not the restart on 5 March
    });
  });

  it("gives a same-day card 1 day and no reaction or cycle time when it was never in progress", () => {
    expect(cardTimePoint(history("c"), [], now)).toMatchObject({
      leadDays: 1,
      reactionDays: null,
      cycleDays: null,
    });
  });

  it("has no value for open, cancelled and information cards", () => {
    expect(cardTimePoint(history("d"), [], now)).toBeNull();
    expect(cardTimePoint(history("e"), [], now)).toBeNull();
    expect(cardTimePoint(history("f"), [], now)).toBeNull();
  });

  it("sums the time in each status, leaving out a completed card's final stay", () => {
    const point = cardTimePoint(history("b"), [], now);
    expect(point?.timeInStatus).toEqual([
      { statusId: "todo", days: 1 },
      { statusId: "doing", days: 1 + 5.5 },
      { statusId: "done", days: 2 }, // the first stay in done counts; the final one does not
    ]);
    const stays = cardTimePoint(history("a"), [], now)?.timeInStatus.map((s) => [s.statusId, s.days]);
    expect(stays?.[0]?.[1]).toBeCloseTo(2 + h(1), 10);
    expect(stays?.[2]?.[1]).toBeCloseTo(3 + h(5), 10);
  });

  it("runs an open card's current stay up to now", () => {
    const totals = timeInStatus(history("d").timeline, now, true);
    expect([...totals].map(([id, ms]) => [id, ms / DAY_MS])).toEqual([
      ["todo", 1],
      ["doing", 2.5],
    ]);
  });

  it("counts overlapping blockings once, runs an open one to the completion and ignores other cards'", () => {
    const blockings = [
      { cardId: "a", from: at("2026-03-04T12:00"), to: at("2026-03-05T12:00") },
      { cardId: "a", from: at("2026-03-05T00:00"), to: at("2026-03-06T00:00") }, // overlaps the first
      { cardId: "a", from: at("2026-03-09T12:00"), to: null }, // never cleared: counts until done at 15:00
    ];
    expect(cardTimePoint(history("a"), blockings, now)?.blockedDays).toBeCloseTo(1.5 + h(3), 10);
    const chart = timeChart({ ...all, blockings, from: "2026-03-01", to: "2026-03-31", now });
    expect(chart.blocked.cards).toBe(1);
    expect(chart.blocked.days).toBeCloseTo(1.5 + h(3), 10);
  });
});

describe("covered time", () => {
  it("merges overlapping and touching intervals and clips them to the window", () => {
    const day = (n: number) => n * DAY_MS;
    expect(
      coveredTime(
        [
          { from: day(1), to: day(3) },
          { from: day(2), to: day(4) },
          { from: day(4), to: day(5) },
          { from: day(7), to: null },
          { from: day(-5), to: day(0.5) },
        ],
        day(0),
        day(8),
      ),
    ).toBe(day(0.5) + day(4) + day(1));
    expect(coveredTime([], 0, day(1))).toBe(0);
  });
});

describe("time chart over a period", () => {
  it("summarizes the cards completed in the period: ordinary median, nearest-rank 85th and 95th", () => {
    const chart = timeChart({ ...all, blockings: [], from: "2026-03-01", to: "2026-03-31", now });
    expect(chart.points.map((p) => p.cardId)).toEqual(["c", "a", "b"]); // by completion
    // lead [1, 8, 10]: the middle value; p85 rank ceil(2.55) = 3
    expect(chart.lead).toEqual({ count: 3, average: 19 / 3, median: 8, p85: 10, p95: 10 });
    // reaction [2, 3] and cycle [6, 9]: an even count, so the median is the mean of the two
    expect(chart.reaction).toEqual({ count: 2, average: 2.5, median: (2 + 3) / 2, p85: 3, p95: 3 });
    expect(chart.cycle).toEqual({ count: 2, average: 7.5, median: (6 + 9) / 2, p85: 9, p95: 9 });
    expect(chart.histograms.lead).toHaveLength(10);
    expect(chart.histograms.lead.filter((bin) => bin.count > 0).map((bin) => bin.days)).toEqual([1, 8, 10]);
    const perStatus = Object.fromEntries(chart.timeInStatus.map((s) => [s.statusId, s.days]));
    expect(Object.keys(perStatus)).toEqual(["ideas", "todo", "doing", "review", "done", "dropped"]);
    expect(perStatus.todo).toBeCloseTo(2 + h(1) + 1 + h(9), 10);
    expect(perStatus.doing).toBeCloseTo(2 + 6.5, 10);
    expect(perStatus.review).toBeCloseTo(3 + h(5), 10);
    expect(perStatus.done).toBeCloseTo(2, 10);
  });

  it("keeps only the cards whose final completion falls within the period (inclusive UTC dates)", () => {
    const chart = timeChart({ ...all, blockings: [], from: "2026-03-05", to: "2026-03-09", now });
    expect(chart.points.map((p) => p.cardId)).toEqual(["a"]);
    const empty = timeChart({ ...all, blockings: [], from: "2026-04-01", to: "2026-04-30", now });
    expect(empty.points).toEqual([]);
    expect(empty.lead).toEqual({ count: 0, average: null, median: null, p85: null, p95: null });
    expect(empty.histograms.lead).toEqual([]);
  });

  it("reads the role a status has now, not the one recorded with the move", () => {
    // The move into "review" was recorded while review was a completed status; it is in progress now.
    const recorded = card("r", [
      ["2026-03-02T09:00", "todo"],
      ["2026-03-03T09:00", "review"],
      ["2026-03-05T09:00", "done"],
    ]);
    const changes = recorded.changes.map((x) =>
      x.statusId === "review" ? { ...x, role: "completed" as const } : x,
    );
    const chart = timeChart({
      ...input(recorded),
      changes,
      blockings: [],
      from: "2026-03-01",
      to: "2026-03-31",
      now,
    });
    expect(chart.points[0]).toMatchObject({ leadDays: 4, reactionDays: 2, cycleDays: 3 });
  });
});
