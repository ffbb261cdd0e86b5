import type { CumulativeFlowReply, ForecastChartReply, TimeChartView } from "@lattice/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "../../lib/i18n/runtime";
import { readChartColors, statusColors, withAlpha } from "./colors";
import {
  addDays,
  burnupSeries,
  type ChartWords,
  countIncrs,
  dayIncrs,
  flowSeries,
  flowSummary,
  forecastFan,
  forecastSummary,
  forecastXRange,
  histogramSeries,
  howManySentence,
  isoDateToSeconds,
  nearestPointIndex,
  parseConfidences,
  percentileLines,
  periodFromQuery,
  scatterSeries,
  spreadLabels,
  stackRows,
  statusTimeRows,
  throughputSentence,
  timeSummary,
} from "./shape";

const day = 86_400;

// The sentences in English, dates in UTC: what a person reading English sees.
let words: ChartWords;
beforeAll(async () => {
  words = await createTranslator("en", "en", "UTC");
});
const base = {
  today: "2027-03-01",
  remaining: 10,
  window: { weeks: 3, from: "2027-02-08", to: "2027-02-28" },
  throughput: [
    { from: "2027-02-08", to: "2027-02-14", completed: 3 },
    { from: "2027-02-15", to: "2027-02-21", completed: 0 },
    { from: "2027-02-22", to: "2027-02-28", completed: 5 },
  ],
};
const burnup = [
  { date: "2027-02-27", scope: 18, completed: 6 },
  { date: "2027-02-28", scope: 19, completed: 8 },
  { date: "2027-03-01", scope: 20, completed: 10 },
];
const forecastReply: ForecastChartReply = {
  spaceIds: ["s1"],
  burnup,
  forecast: {
    ...base,
    status: "forecast",
    trials: 10_000,
    seed: 1,
    dates: [
      { confidence: 15, label: "optimistic", weeks: 2, date: "2027-03-15" },
      { confidence: 50, label: "most_likely", weeks: 4, date: "2027-03-29" },
      { confidence: 85, label: "pessimistic", weeks: null, date: null },
    ],
    howMany: null,
  },
};

describe("forecast shaping", () => {
  it("turns the burn-up into uPlot columns in seconds", () => {
    const s = burnupSeries(forecastReply);
    expect(s.x).toEqual([
      isoDateToSeconds("2027-02-27"),
      isoDateToSeconds("2027-02-27") + day,
      isoDateToSeconds("2027-03-01"),
    ]);
    expect(s.scope).toEqual([18, 19, 20]);
    expect(s.completed).toEqual([6, 8, 10]);
    expect(isoDateToSeconds("1970-01-02")).toBe(day);
  });

  it("draws the fan from today at the completed count to each date at completed + remaining", () => {
    const fan = forecastFan(forecastReply);
    expect(fan).not.toBeNull();
    if (!fan) return;
    const today = isoDateToSeconds("2027-03-01");
    expect(fan.origin).toEqual({ x: today, y: 10 });
    expect(fan.target).toBe(20);
    expect(fan.rays.map((r) => [r.confidence, r.x, r.y])).toEqual([
      [15, today + 14 * day, 20],
      [50, today + 28 * day, 20],
    ]);
    expect(fan.beyond).toEqual([85]);
    expect(fan.polygon).toEqual([
      { x: today, y: 10 },
      { x: today + 14 * day, y: 20 },
      { x: today + 28 * day, y: 20 },
      { x: today, y: 10 },
    ]);
    const [min, max] = forecastXRange(forecastReply, fan);
    expect(min).toBe(isoDateToSeconds("2027-02-27"));
    expect(max).toBe(today + 31 * day);
  });

  it("draws no fan and invents no date when the history is insufficient or the work is done", () => {
    const insufficient: ForecastChartReply = {
      spaceIds: ["s1"],
      burnup,
      forecast: {
        ...base,
        status: "insufficient_history",
        reason: "no_completions",
        message: "No card was completed.",
      },
    };
    expect(forecastFan(insufficient)).toBeNull();
    // A space made today: one burn-up point and no fan still spans two weeks of dates.
    const young: ForecastChartReply = {
      ...insufficient,
      burnup: [{ date: "2027-03-01", scope: 2, completed: 0 }],
    };
    const [youngMin, youngMax] = forecastXRange(young, null);
    expect(youngMin).toBe(isoDateToSeconds("2027-03-01"));
    expect(youngMax - youngMin).toBeGreaterThanOrEqual(14 * day);
    expect(forecastSummary(words, insufficient)).toContain(
      "No card was completed in the last 3 weeks: throughput is zero, so no date can be forecast.",
    );
    const done: ForecastChartReply = {
      spaceIds: ["s1"],
      burnup,
      forecast: { ...base, remaining: 0, status: "done" },
    };
    expect(forecastFan(done)).toBeNull();
    expect(forecastSummary(words, done)).toContain("Everything in scope is completed");
  });

  it("states the window and the throughput samples in words", () => {
    expect(throughputSentence(words, forecastReply.forecast)).toBe(
      "Based on 3 weeks (Feb 8, 2027 – Feb 28, 2027), cards completed per week: 3, 0, 5.",
    );
    expect(throughputSentence(words, forecastReply.forecast, 2)).toContain("per week: …, 0, 5.");
    expect(forecastSummary(words, forecastReply)).toBe(
      "10 cards completed of 20 in scope on Mar 1, 2027; 10 remaining. Forecast from 10,000 simulated trials: 15 % (optimistic): done by Mar 15, 2027 (in 2 weeks); 50 % (most likely): done by Mar 29, 2027 (in 4 weeks); 85 % (pessimistic): beyond the simulation horizon.",
    );
  });

  it("never answers more cards than remain: it says all of them, and what the pace would allow", () => {
    const level = (pace: number, remaining: number) =>
      howManySentence(
        words,
        { confidence: 85, label: "pessimistic", cards: Math.min(pace, remaining), pace },
        remaining,
      );
    expect(level(5, 3)).toBe("85 % (pessimistic): all 3 remaining; the team's pace would allow about 5");
    expect(level(3, 3)).toBe("85 % (pessimistic): all 3 remaining");
    expect(level(2, 3)).toBe("85 % (pessimistic): at least 2 cards");
    expect(level(4, 1)).toBe("85 % (pessimistic): the 1 remaining card; the team's pace would allow about 4");
  });

  it("parses confidence levels leniently", () => {
    expect(parseConfidences(null)).toEqual([15, 50, 85]);
    expect(parseConfidences("85,15,50,50")).toEqual([15, 50, 85]);
    expect(parseConfidences("0,100,x")).toEqual([15, 50, 85]);
    expect(parseConfidences("30, 70")).toEqual([30, 70]);
  });
});

const summary = (count: number, median: number | null) => ({
  count,
  average: median,
  median,
  p85: median,
  p95: median,
});
const timeReply: TimeChartView = {
  from: "2027-01-01",
  to: "2027-01-31",
  statuses: [
    { id: "todo", name: "To do", role: "not_started" },
    { id: "doing", name: "Doing", role: "in_progress" },
    { id: "done", name: "Done", role: "completed" },
  ],
  points: [
    {
      cardId: "b",
      name: "B",
      completedAt: "2027-01-20T10:00:00.000Z",
      leadDays: 9,
      reactionDays: null,
      cycleDays: null,
      blockedDays: 0,
      timeInStatus: [],
    },
    {
      cardId: "a",
      name: "A",
      completedAt: "2027-01-10T10:00:00.000Z",
      leadDays: 4,
      reactionDays: 1,
      cycleDays: 3,
      blockedDays: 1,
      timeInStatus: [],
    },
  ],
  lead: { count: 2, average: 6.5, median: 4, p85: 9, p95: 9 },
  reaction: summary(1, 1),
  cycle: summary(1, 3),
  histograms: {
    lead: [
      { days: 9, count: 1 },
      { days: 4, count: 1 },
    ],
    reaction: [],
    cycle: [],
  },
  timeInStatus: [
    { statusId: "doing", days: 5 },
    { statusId: "gone", days: 2 },
  ],
  blocked: { cards: 1, days: 1 },
};

describe("time chart shaping", () => {
  it("sorts the points by completion and leaves out cards without a value for the metric", () => {
    const lead = scatterSeries(timeReply, "lead");
    expect(lead.cardIds).toEqual(["a", "b"]);
    expect(lead.y).toEqual([4, 9]);
    expect(lead.x[0]).toBe(Date.parse("2027-01-10T10:00:00.000Z") / 1000);
    const cycle = scatterSeries(timeReply, "cycle");
    expect(cycle.cardIds).toEqual(["a"]);
  });

  it("labels the percentile lines and sorts the histogram", () => {
    expect(percentileLines(words, timeReply.lead).map((l) => `${l.label}=${l.value}`)).toEqual([
      "Median=4",
      "85th percentile=9",
      "95th percentile=9",
    ]);
    expect(percentileLines(words, summary(0, null))).toEqual([]);
    expect(histogramSeries(timeReply.histograms.lead)).toEqual({ x: [4, 9], y: [1, 1] });
    expect(timeSummary(words, timeReply, "lead")).toBe(
      "2 completed cards in Jan 1, 2027 – Jan 31, 2027. Lead time: median 4 days, 85th percentile 9 days, 95th percentile 9 days, average 6.5 days.",
    );
  });

  it("lists time per status in board order, deleted statuses last", () => {
    expect(statusTimeRows(words, timeReply)).toEqual([
      { statusId: "todo", name: "To do", days: 0 },
      { statusId: "doing", name: "Doing", days: 5 },
      { statusId: "done", name: "Done", days: 0 },
      { statusId: "gone", name: "Deleted status", days: 2 },
    ]);
  });

  it("finds the clicked point within a radius", () => {
    expect(nearestPointIndex([10, 50, 52], [10, 50, 50], 51, 51, 5)).toBe(1);
    expect(nearestPointIndex([10, 50], [10, 50], 100, 100, 5)).toBe(-1);
  });
});

describe("period and flow", () => {
  it("reads the period from the URL", () => {
    expect(periodFromQuery(new URLSearchParams(""), "2027-03-31")).toEqual({
      preset: "90",
      from: "2027-01-01",
      to: "2027-03-31",
    });
    expect(periodFromQuery(new URLSearchParams("period=30"), "2027-03-31").from).toBe("2027-03-02");
    expect(
      periodFromQuery(new URLSearchParams("period=custom&from=2026-01-01&to=2026-02-01"), "2027-03-31"),
    ).toEqual({
      preset: "custom",
      from: "2026-01-01",
      to: "2026-02-01",
    });
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });

  it("stacks the statuses with the first one on top", () => {
    const reply: CumulativeFlowReply = {
      from: "2027-01-01",
      to: "2027-01-02",
      statuses: timeReply.statuses,
      days: [
        { date: "2027-01-01", counts: [3, 2, 1] },
        { date: "2027-01-02", counts: [1, 2, 4] },
      ],
      currentWip: 2,
      measuredFrom: "2027-01-01",
      measuredDays: 2,
      averageWip: 2,
      completions: 3,
      throughputPerDay: 1.5,
      approximateCycleDays: 1.3333,
    };
    const s = flowSeries(reply);
    expect(s.layers.map((l) => l.top)).toEqual([
      [6, 7],
      [3, 6],
      [1, 4],
    ]);
    expect(s.layers[0]?.counts).toEqual([3, 1]);
    expect(flowSummary(words, reply)).toContain(
      "Since Jan 1, 2027 (2 days): average WIP 2, 3 cards completed, 1.5 per day, approximate average cycle time 1.3 days.",
    );
    // A young space: small figures keep two significant digits and a short cycle reads in hours.
    expect(
      flowSummary(words, {
        ...reply,
        averageWip: 0.0225,
        throughputPerDay: 1 / 90,
        completions: 1,
        approximateCycleDays: 2 / 24,
      }),
    ).toContain("average WIP 0.023, 1 card completed, 0.011 per day, approximate average cycle time 2 hours");
    expect(flowSummary(words, reply)).toContain("To do 1, Doing 2, Done 4");
  });

  it("adds alpha to theme colours", () => {
    expect(withAlpha("#4f46e5", 0.2)).toBe("rgba(79, 70, 229, 0.2)");
    expect(withAlpha("#fff", 1)).toBe("rgba(255, 255, 255, 1)");
    expect(withAlpha("red", 0.5)).toBe("red");
  });
});

describe("chart axes", () => {
  it("never ticks a date axis finer than a whole day, so a short history is not labelled in hours", () => {
    expect(dayIncrs.length).toBeGreaterThan(0);
    for (const step of dayIncrs) {
      expect(step).toBeGreaterThanOrEqual(day);
      expect(step % day).toBe(0);
    }
  });

  it("ticks a count axis in whole cards only", () => {
    expect(countIncrs.every((step) => Number.isInteger(step) && step >= 1)).toBe(true);
    expect([...countIncrs].sort((a, b) => a - b)).toEqual(countIncrs);
  });
});

describe("chart labels", () => {
  it("spreads labels that would overlap, keeps them in the plot, and leaves separate ones where they are", () => {
    const gap = 14;
    const placed = spreadLabels([100, 95, 30], gap, 10, 200);
    expect(placed[2]).toBe(30);
    expect(placed[0]).toBe(100); // the lowest label keeps its place; the one above moves up
    // Crowded against the top edge: pushed back down, all inside.
    const top = spreadLabels([12, 10, 11], gap, 10, 200);
    expect([...top].sort((a, b) => a - b)).toEqual([10, 10 + gap, 10 + 2 * gap]);
    const sorted = [...placed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeGreaterThanOrEqual(gap);
    // Crowded against the bottom edge: pushed back up, all inside.
    const bottom = spreadLabels([199, 200, 198], gap, 10, 200);
    expect(Math.max(...bottom)).toBeLessThanOrEqual(200);
    expect([...bottom].sort((a, b) => a - b)).toEqual([200 - 2 * gap, 200 - gap, 200]);
  });

  it("stacks overlapping spans on separate rows and keeps apart ones on the first row", () => {
    const spans = [
      { left: 0, right: 100 },
      { left: 90, right: 190 },
      { left: 300, right: 400 },
      { left: 95, right: 150 },
    ];
    const rows = stackRows(spans, 8);
    expect(rows[0]).toBe(0);
    expect(rows[2]).toBe(0);
    for (let a = 0; a < spans.length; a++) {
      for (let b = a + 1; b < spans.length; b++) {
        const [sa, sb] = [spans[a], spans[b]];
        if (!sa || !sb || rows[a] !== rows[b]) continue;
        expect(sa.right + 8 <= sb.left || sb.right + 8 <= sa.left).toBe(true);
      }
    }
  });
});

describe("status colours", () => {
  it("gives information and cancelled statuses different colours, and open statuses neither", () => {
    const colors = readChartColors();
    const roles = ["information", "not_started", "in_progress", "in_progress", "completed", "cancelled"];
    const fills = statusColors(
      roles.map((role) => ({ role })),
      colors,
    );
    const [ideas, todo, doing, review, done, cancelled] = fills;
    expect(ideas).not.toBe(cancelled);
    expect(new Set([todo, doing, review]).size).toBe(3);
    for (const open of [todo, doing, review]) expect([ideas, done, cancelled]).not.toContain(open);
  });
});
