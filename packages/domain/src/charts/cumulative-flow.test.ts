import { describe, expect, it } from "vitest";
import { cumulativeFlow } from "./cumulative-flow.js";
import { card, input } from "./test-data.js";

const data = input(
  card("a", [
    ["2026-03-02T09:00", "todo"],
    ["2026-03-04T10:00", "doing"],
    ["2026-03-06T10:00", "review"],
    ["2026-03-09T15:00", "done"],
  ]),
  card("c", [
    ["2026-03-04T08:00", "todo"],
    ["2026-03-04T17:00", "done"],
  ]),
  card("d", [
    ["2026-03-03T08:00", "todo"],
    ["2026-03-05T08:00", "doing"],
  ]),
);

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

  it("reads WIP, throughput and an approximate cycle time (Little's law) off the period", () => {
    const flow = cumulativeFlow({ ...data, from: "2026-03-02", to: "2026-03-06" });
    expect(flow.currentWip).toBe(1); // d; a is done now
    expect(flow.averageWip).toBe(1); // in progress per day: 0, 0, 1, 2, 2
    expect(flow.completions).toBe(1); // c on the 4th (a completes after the period)
    expect(flow.throughputPerDay).toBe(0.2);
    expect(flow.approximateCycleDays).toBe(5);
  });

  it("has no cycle-time estimate when nothing was completed", () => {
    const flow = cumulativeFlow({ ...data, from: "2026-03-02", to: "2026-03-03" });
    expect(flow.throughputPerDay).toBe(0);
    expect(flow.approximateCycleDays).toBeNull();
  });
});
