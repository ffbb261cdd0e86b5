import { describe, expect, it } from "vitest";
import { timeChartSchema } from "./schemas.js";
import { at, card, input, statuses } from "./test-data.js";
import { timeChart } from "./time-metrics.js";
import { timeChartFromReply, timeChartReplyOf } from "./time-reply.js";

// Odd milliseconds everywhere: the durations must come back as exactly the same days.
const a = card("a", [
  ["2026-03-02T09:00:00.123", "todo"],
  ["2026-03-04T10:17:45.999", "doing"],
  ["2026-03-06T10:00:00.001", "review"],
  ["2026-03-09T15:42:13.457", "done"],
]);
const b = card("b", [
  ["2026-03-01T08:00", "todo"],
  ["2026-03-02T08:00", "doing"],
  ["2026-03-03T08:00", "done"],
  ["2026-03-05T08:00", "doing"],
  ["2026-03-10T20:00", "done"],
]);
const c = card("c", [
  ["2026-03-04T08:00", "todo"],
  ["2026-03-04T17:00", "done"],
]);
const open = card("d", [
  ["2026-03-20T00:00", "todo"],
  ["2026-03-21T00:00", "doing"],
]);
const blockings = [
  { cardId: "a", from: at("2026-03-03T01:02:03.004"), to: at("2026-03-05T00:00:00.999") },
  { cardId: "a", from: at("2026-03-08T12:00"), to: null },
];
const now = at("2026-03-25T10:00");

const roundTrip = (chart: ReturnType<typeof timeChart>, shown = statuses) => {
  const reply = timeChartReplyOf(chart, shown);
  // Through JSON and the reply schema, as the web app receives it.
  return { reply, read: timeChartFromReply(timeChartSchema.parse(JSON.parse(JSON.stringify(reply)))) };
};

describe("the Time chart's reply", () => {
  it("reads back as exactly the chart it was made from", () => {
    const chart = timeChart({
      ...input(a, b, c, open),
      blockings,
      from: "2026-03-01",
      to: "2026-03-31",
      now,
    });
    expect(chart.points).toHaveLength(3);
    const { reply, read } = roundTrip(chart);
    expect(read).toEqual({ ...chart, statuses });
    // One value per card in each column, times counted from the period's first instant.
    expect(reply.points.cardIds).toEqual(chart.points.map((p) => p.cardId));
    expect(reply.points.start).toBe(Date.parse("2026-03-01T00:00:00Z"));
    expect(reply.points.statusIds).toEqual(statuses.map((s) => s.id));
  });

  it("names a status no longer on the board after the board's statuses", () => {
    const chart = timeChart({ ...input(a, b), blockings: [], from: "2026-03-01", to: "2026-03-31", now });
    const withoutReview = statuses.filter((s) => s.id !== "review");
    const { reply, read } = roundTrip(chart, withoutReview);
    expect(read).toEqual({ ...chart, statuses: withoutReview });
    expect(reply.points.statusIds).toEqual([...withoutReview.map((s) => s.id), "review"]);
  });

  it("is empty columns for a period without completions", () => {
    const chart = timeChart({ ...input(a, open), blockings, from: "2026-04-01", to: "2026-04-30", now });
    const { reply, read } = roundTrip(chart);
    expect(reply.points.cardIds).toEqual([]);
    expect(read).toEqual({ ...chart, statuses });
  });

  it("refuses columns of different lengths", () => {
    const chart = timeChart({ ...input(a, b), blockings: [], from: "2026-03-01", to: "2026-03-31", now });
    const reply = timeChartReplyOf(chart, statuses);
    const broken = { ...reply, points: { ...reply.points, names: reply.points.names.slice(1) } };
    expect(timeChartSchema.safeParse(broken).success).toBe(false);
  });
});
