import { describe, expect, it } from "vitest";
import { cumulativeFlow, cumulativeFlowOf } from "./cumulative-flow.js";
import { forecastChart, forecastChartOf } from "./forecast.js";
import { type ChartHistory, chartHistory } from "./history.js";
import { card, input } from "./test-data.js";
import { timeChart, timeChartOf } from "./time-metrics.js";

const data = input(
  card("a", [
    ["2026-03-02T09:00", "todo"],
    ["2026-03-04T10:00", "doing"],
    ["2026-03-09T15:00", "done"],
  ]),
  card("b", [
    ["2026-03-03T08:00", "todo"],
    ["2026-03-05T08:00", "doing"],
  ]),
  card("c", [
    ["2026-03-04T08:00", "todo"],
    ["2026-03-04T17:00", "done"],
  ]),
  card("d", [["2026-03-05T08:00", "removed-status"]]),
);
const blockings = [{ cardId: "a", from: Date.parse("2026-03-05T00:00Z"), to: null }];
const period = { from: "2026-03-01", to: "2026-03-31", now: Date.parse("2026-03-20T12:00Z") };
const options = { today: "2026-03-20", windowWeeks: 4, trials: 500, seed: 5, minWeeksWithCompletions: 1 };

describe("chart history", () => {
  it("gives each chart the same answer as its raw input, however many charts read it", () => {
    const history = chartHistory({ ...data, blockings });
    for (let i = 0; i < 2; i++) {
      expect(timeChartOf(history, period)).toEqual(timeChart({ ...data, blockings, ...period }));
      expect(cumulativeFlowOf(history, period.from, period.to)).toEqual(
        cumulativeFlow({ ...data, from: period.from, to: period.to }),
      );
      expect(forecastChartOf(history, options)).toEqual(forecastChart({ ...data, ...options }));
    }
  });

  it("is left as it was by every chart (the server shares one copy between requests)", () => {
    const history = chartHistory({ ...data, blockings });
    const before: ChartHistory = {
      statuses: history.statuses.map((s) => ({ ...s })),
      histories: history.histories.map((h) => ({
        card: { ...h.card },
        role: h.role,
        timeline: h.timeline.map((e) => ({ ...e })),
      })),
      blockingsByCard: new Map(
        [...history.blockingsByCard].map(([id, list]) => [id, list.map((b) => ({ ...b }))]),
      ),
    };
    timeChartOf(history, period);
    cumulativeFlowOf(history, period.from, period.to);
    forecastChartOf(history, options);
    expect(history).toEqual(before);
  });

  it("sorts each card's timeline and keeps the recorded role of a status that no longer exists", () => {
    const shuffled = { ...data, changes: [...data.changes].reverse() };
    const history = chartHistory(shuffled);
    const a = history.histories.find((h) => h.card.id === "a");
    expect(a?.timeline.map((e) => e.statusId)).toEqual(["todo", "doing", "done"]);
    const d = history.histories.find((h) => h.card.id === "d");
    expect(d?.timeline).toEqual([
      { at: Date.parse("2026-03-05T08:00Z"), statusId: "removed-status", role: "not_started" },
    ]);
    expect(history.blockingsByCard.size).toBe(0);
  });
});
