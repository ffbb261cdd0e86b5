import { describe, expect, it } from "vitest";
import { ageDays, agingChartOf, agingRisk, isAtRisk, serviceLevelExpectation, targetOf } from "./aging.js";
import { chartHistory } from "./history.js";
import { at, card, input } from "./test-data.js";
import { timeChartOf } from "./time-metrics.js";

const enough = serviceLevelExpectation([2, 4, 6, 8, 10]);

describe("service-level expectation", () => {
  it("is the median and the nearest-rank 85th percentile of the cycle times", () => {
    // Sorted 1..10: median (5 + 6) / 2, 85th percentile the value at rank ceil(8.5) = 9.
    expect(serviceLevelExpectation([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({
      sampleSize: 10,
      isEnough: true,
      p50: 5.5,
      p85: 9,
    });
  });

  it("says there is not enough history below the minimum sample", () => {
    expect(serviceLevelExpectation([3, 4, 5, 6])).toEqual({
      sampleSize: 4,
      isEnough: false,
      p50: null,
      p85: null,
    });
    expect(serviceLevelExpectation([])).toEqual({ sampleSize: 0, isEnough: false, p50: null, p85: null });
    expect(serviceLevelExpectation([3], 1).p85).toBe(3);
  });
});

describe("a card's target and risk", () => {
  it("takes the strictest label target, else the space's, else the 85th percentile", () => {
    expect(targetOf([7, null, 3], 20, enough)).toEqual({ days: 3, source: "label" });
    expect(targetOf([null], 20, enough)).toEqual({ days: 20, source: "space" });
    expect(targetOf([], null, enough)).toEqual({ days: 10, source: "history" });
    expect(targetOf([], null, serviceLevelExpectation([1]))).toBeNull();
  });

  it("is green up to the median, amber past it, red past the target", () => {
    // enough: p50 = 6, p85 = 10.
    const history = targetOf([], null, enough);
    expect(agingRisk(6, history, enough)).toBe("on_track");
    expect(agingRisk(7, history, enough)).toBe("at_risk");
    expect(agingRisk(10, history, enough)).toBe("at_risk");
    expect(agingRisk(11, history, enough)).toBe("breached");
    // A stricter target turns red sooner; a looser one later than the 85th percentile.
    expect(agingRisk(5, { days: 4, source: "space" }, enough)).toBe("breached");
    expect(agingRisk(12, { days: 15, source: "label" }, enough)).toBe("at_risk");
  });

  it("has no risk with neither a target nor history, and a target alone gives green or red", () => {
    const none = serviceLevelExpectation([]);
    expect(agingRisk(40, null, none)).toBeNull();
    expect(agingRisk(3, { days: 3, source: "space" }, none)).toBe("on_track");
    expect(agingRisk(4, { days: 3, source: "space" }, none)).toBe("breached");
  });

  it("counts age in calendar days with both ends, a card started today being 1 day old", () => {
    expect(ageDays(at("2026-03-02T23:00"), at("2026-03-02T23:30"))).toBe(1);
    expect(ageDays(at("2026-03-02T23:00"), at("2026-03-03T00:30"))).toBe(2);
    expect(ageDays(at("2026-03-01"), at("2026-03-10"))).toBe(10);
  });

  it("calls amber and red at risk", () => {
    expect([isAtRisk("on_track"), isAtRisk("at_risk"), isAtRisk("breached"), isAtRisk(null)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

// Five completed cards: doing then review then done, with known days.
const done = (id: string, start: string, review: string, end: string) =>
  card(id, [
    ["2026-02-20T09:00", "todo"],
    [start, "doing"],
    [review, "review"],
    [end, "done"],
  ]);
const history = [
  done("c1", "2026-03-01T09:00", "2026-03-01T15:00", "2026-03-02T09:00"), // review exit age 2, cycle 2
  done("c2", "2026-03-01T09:00", "2026-03-03T09:00", "2026-03-04T09:00"), // doing exit 3, cycle 4
  done("c3", "2026-03-02T09:00", "2026-03-05T09:00", "2026-03-07T09:00"), // doing exit 4, cycle 6
  done("c4", "2026-03-02T09:00", "2026-03-08T09:00", "2026-03-09T09:00"), // doing exit 7, cycle 8
  done("c5", "2026-03-03T09:00", "2026-03-10T09:00", "2026-03-12T09:00"), // doing exit 8, cycle 10
  // Completed before the period: neither in the expectation nor in the bands.
  done("old", "2026-01-01T09:00", "2026-01-02T09:00", "2026-01-30T09:00"),
];
// Open cards.
const young = card("young", [
  ["2026-03-18T09:00", "todo"],
  ["2026-03-19T09:00", "doing"],
]); // age 2 on 20 March
const aging = card("aging", [
  ["2026-03-10T09:00", "todo"],
  ["2026-03-12T09:00", "doing"],
  ["2026-03-13T09:00", "review"],
]); // age 9
const reopened = card("reopened", [
  ["2026-03-01T09:00", "todo"],
  ["2026-03-13T09:00", "doing"],
  ["2026-03-14T09:00", "done"],
  ["2026-03-16T09:00", "doing"],
]); // keeps its first start: age 8
const waiting = card("waiting", [["2026-03-01T09:00", "todo"]]); // not started: no dot
const archived = card(
  "archived",
  [
    ["2026-03-01T09:00", "todo"],
    ["2026-03-02T09:00", "doing"],
  ],
  "2026-03-05T09:00",
);

const data = input(...history, young, aging, reopened, waiting, archived);
const now = at("2026-03-20T12:00");
const period = { from: "2026-02-21", to: "2026-03-20", now };

describe("aging chart", () => {
  const chart = agingChartOf(
    chartHistory({ ...data, blockings: [{ cardId: "aging", from: at("2026-03-15"), to: null }] }),
    { ...period, spaceTargetDays: null, labelTargetsByCard: new Map([["reopened", [5, 12]]]) },
  );

  it("agrees with the Time chart's cycle-time median and 85th percentile over the same period", () => {
    const time = timeChartOf(chartHistory(data), period);
    expect(chart.expectation).toEqual({
      sampleSize: time.cycle.count,
      isEnough: true,
      p50: time.cycle.median,
      p85: time.cycle.p85,
    });
    // Cycle times 2, 4, 6, 8, 10 (the completions of "reopened"'s first pass are not final).
    expect(chart.expectation).toMatchObject({ sampleSize: 5, p50: 6, p85: 10 });
  });

  it("bands each in-progress status by the age at which completed cards left it", () => {
    expect(chart.bands).toEqual([
      // Left doing at ages 1 (c1, same day), 3, 4, 7, 8.
      { statusId: "doing", count: 5, p50: 4, p70: 7, p85: 8, p95: 8 },
      // Left review at their cycle times 2, 4, 6, 8, 10.
      { statusId: "review", count: 5, p50: 6, p70: 8, p85: 10, p95: 10 },
    ]);
  });

  it("puts one dot per open in-progress card, oldest first, with its age, blocking and risk", () => {
    expect(chart.dots.map((d) => [d.cardId, d.statusId, d.ageDays, d.isBlocked, d.target, d.risk])).toEqual([
      ["aging", "review", 9, true, { days: 10, source: "history" }, "at_risk"],
      ["reopened", "doing", 8, false, { days: 5, source: "label" }, "breached"],
      ["young", "doing", 2, false, { days: 10, source: "history" }, "on_track"],
    ]);
    expect(chart.dots[1]?.startedAt).toBe("2026-03-13T09:00:00.000Z");
  });

  it("uses the space's target when a card's labels have none", () => {
    const withTarget = agingChartOf(chartHistory(data), {
      ...period,
      spaceTargetDays: 7,
      labelTargetsByCard: new Map(),
    });
    expect(withTarget.dots.map((d) => [d.cardId, d.risk])).toEqual([
      ["aging", "breached"],
      ["reopened", "breached"],
      ["young", "on_track"],
    ]);
  });

  it("has no expectation and no history risk for a space with too little history", () => {
    const small = agingChartOf(chartHistory(input(...history.slice(0, 2), young)), {
      ...period,
      spaceTargetDays: null,
      labelTargetsByCard: new Map(),
    });
    expect(small.expectation).toEqual({ sampleSize: 2, isEnough: false, p50: null, p85: null });
    expect(small.dots.map((d) => [d.cardId, d.ageDays, d.risk])).toEqual([["young", 2, null]]);
  });
});
