import { describe, expect, it } from "vitest";
import { cumulativeFlow } from "./cumulative-flow.js";
import { at, card, input } from "./test-data.js";

type Steps = ReadonlyArray<readonly [string, string]>;

const lives: Record<string, Steps> = {
  a: [
    ["2026-03-02T09:00", "todo"],
    ["2026-03-04T10:00", "doing"],
    ["2026-03-06T10:00", "review"],
    ["2026-03-09T15:00", "done"],
  ],
  c: [
    ["2026-03-04T08:00", "todo"],
    ["2026-03-04T17:00", "done"],
  ],
  d: [
    ["2026-03-03T08:00", "todo"],
    ["2026-03-05T08:00", "doing"],
  ],
};

const data = input(...Object.entries(lives).map(([id, steps]) => card(id, steps)));

const MINUTE_MS = 60_000;

/**
 * Card-days in progress over [fromIso 00:00, day after toIso 00:00), counted minute by minute from the
 * raw steps: an independent check of the time-weighted WIP.
 */
const sampledWipDays = (steps: Steps[], fromIso: string, toIso: string): number => {
  const start = Date.parse(`${fromIso}T00:00:00Z`);
  const end = Date.parse(`${toIso}T00:00:00Z`) + 86_400_000;
  let minutes = 0;
  for (let t = start + MINUTE_MS / 2; t < end; t += MINUTE_MS) {
    for (const life of steps) {
      const current = life.filter(([time]) => at(time) <= t).at(-1);
      if (current && (current[1] === "doing" || current[1] === "review")) minutes++;
    }
  }
  return minutes / (24 * 60);
};

describe("cumulative flow", () => {
  it("stacks the cards per status in board order at the end of each day", () => {
    const flow = cumulativeFlow({ ...data, from: "2026-03-02", to: "2026-03-06" });
    expect(flow.statuses.map((s) => s.id)).toEqual(["ideas", "todo", "doing", "review", "done", "dropped"]);
    expect(flow.days).toEqual([
      { date: "2026-03-02", counts: [0, 1, 0, 0, 0, 0] },
      { date: "2026-03-03", counts: [0, 2, 0, 0, 0, 0] },
      { date: "2026-03-04", counts: [0, 1, 1, 0, 1, 0] },
      { date: "2026-03-05", counts: [0, 0, 2, 0, 1, 0] },
      { date: "2026-03-06", counts: [0, 0, 1, 1, 1, 0] },
    ]);
  });

  it("reads time-weighted WIP, throughput and an approximate cycle time (Little's law) off the period", () => {
    const flow = cumulativeFlow({ ...data, from: "2026-03-02", to: "2026-03-06" });
    const wipDays = sampledWipDays(Object.values(lives), "2026-03-02", "2026-03-06");
    expect(flow.currentWip).toBe(1); // d; a is done now
    expect(flow.measuredFrom).toBe("2026-03-02");
    expect(flow.measuredDays).toBe(5);
    expect(flow.averageWip).toBeCloseTo(wipDays / 5, 6);
    expect(flow.completions).toBe(1); // c on the 4th (a completes after the period)
    expect(flow.throughputPerDay).toBe(1 / 5);
    expect(flow.approximateCycleDays).toBeCloseTo(wipDays / 1, 6);
  });

  it("averages only over the days since the first card, so a new space's figures agree with each other", () => {
    // A space made on March 10: one card went Doing → Done that afternoon, one is still in Doing.
    const fresh: Record<string, Steps> = {
      n1: [
        ["2026-03-10T09:00", "todo"],
        ["2026-03-10T11:00", "doing"],
        ["2026-03-10T15:00", "done"],
      ],
      n2: [
        ["2026-03-10T09:30", "todo"],
        ["2026-03-10T12:00", "doing"],
      ],
    };
    const flow = cumulativeFlow({
      ...input(...Object.entries(fresh).map(([id, steps]) => card(id, steps))),
      from: "2025-12-11",
      to: "2026-03-10",
    });
    const wipDays = sampledWipDays(Object.values(fresh), "2026-03-10", "2026-03-10");
    expect(flow.days).toHaveLength(90);
    expect(flow.measuredFrom).toBe("2026-03-10");
    expect(flow.measuredDays).toBe(1);
    expect(flow.averageWip).toBeCloseTo(wipDays, 6);
    expect(flow.throughputPerDay).toBe(1);
    expect(flow.approximateCycleDays).toBeCloseTo(wipDays, 6);
    // Little's law holds between the three figures as reported.
    expect(flow.averageWip / flow.throughputPerDay).toBeCloseTo(flow.approximateCycleDays ?? Number.NaN, 12);
  });

  it("counts work started and finished on one day as work in progress", () => {
    const sameDay = card("s", [
      ["2026-03-04T08:00", "todo"],
      ["2026-03-04T10:00", "doing"],
      ["2026-03-04T16:00", "done"],
    ]);
    const flow = cumulativeFlow({ ...input(sameDay), from: "2026-03-04", to: "2026-03-04" });
    expect(flow.days[0]?.counts[2]).toBe(0); // not in progress at the end of the day
    expect(flow.averageWip).toBeCloseTo(6 / 24, 12);
    expect(flow.approximateCycleDays).toBeCloseTo(6 / 24, 12);
  });

  it("has no cycle-time estimate when nothing was completed, and no averages before the first card", () => {
    const flow = cumulativeFlow({ ...data, from: "2026-03-02", to: "2026-03-03" });
    expect(flow.throughputPerDay).toBe(0);
    expect(flow.approximateCycleDays).toBeNull();
    const before = cumulativeFlow({ ...data, from: "2026-02-01", to: "2026-02-28" });
    expect(before).toMatchObject({
      measuredFrom: null,
      measuredDays: 0,
      averageWip: 0,
      completions: 0,
      throughputPerDay: 0,
      approximateCycleDays: null,
    });
  });
});
