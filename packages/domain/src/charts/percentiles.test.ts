import { describe, expect, it } from "vitest";
import { calendarDays, dayOfIsoDate, isoDateOfDay } from "./calendar.js";
import { histogram, median, nearestRank, summarize } from "./percentiles.js";
import { mulberry32 } from "./random.js";

describe("nearest-rank percentiles", () => {
  it("takes the value at rank ceil(p/100 · n), so it is always an observed value", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(values, 50)).toBe(5);
    expect(nearestRank(values, 85)).toBe(9); // ceil(8.5) = 9
    expect(nearestRank(values, 95)).toBe(10); // ceil(9.5) = 10
    expect(nearestRank(values, 15)).toBe(2); // ceil(1.5) = 2, not 3 from 15.000000000000002
    expect(nearestRank(values, 0)).toBe(1);
    expect(nearestRank(values, 100)).toBe(10);
  });

  it("stays an observed value at every rank, even for an even count", () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([7], 95)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});

/** The median by peeling: drop the smallest and the largest until one or two values are left. */
const peeledMedian = (values: readonly number[]): number | null => {
  const rest = [...values];
  if (rest.length === 0) return null;
  while (rest.length > 2) {
    rest.splice(rest.indexOf(Math.min(...rest)), 1);
    rest.splice(rest.indexOf(Math.max(...rest)), 1);
  }
  return rest.reduce((sum, v) => sum + v, 0) / rest.length;
};

describe("median", () => {
  it("is the mean of the two middle values for an even count, not the lower one", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([3, 16])).toBe(9.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it("agrees with peeling off the extremes for random counts and values", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 30));
      expect(summarize(values).median).toBe(peeledMedian(values));
    }
  });
  it("summarizes count, average, median, 85th and 95th percentile; nulls when empty", () => {
    // 20 values: 1..20. Median (10 + 11) / 2; p85 = rank 17, p95 = rank 19.
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarize(values)).toEqual({ count: 20, average: 10.5, median: 10.5, p85: 17, p95: 19 });
    expect(summarize([])).toEqual({ count: 0, average: null, median: null, p85: null, p95: null });
  });

  it("bins whole days from the smallest to the largest value, empty bins included", () => {
    expect(histogram([3, 1, 3, 5])).toEqual([
      { days: 1, count: 1 },
      { days: 2, count: 0 },
      { days: 3, count: 2 },
      { days: 4, count: 0 },
      { days: 5, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
  });
});

describe("calendar days", () => {
  it("counts both ends on UTC dates: a same-day card is 1 day, 23:00 → 01:00 next day is 2", () => {
    expect(calendarDays(Date.parse("2026-03-02T08:00:00Z"), Date.parse("2026-03-02T17:00:00Z"))).toBe(1);
    expect(calendarDays(Date.parse("2026-03-02T23:00:00Z"), Date.parse("2026-03-03T01:00:00Z"))).toBe(2);
    expect(calendarDays(Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-03-31T23:59:59Z"))).toBe(31);
  });

  it("round-trips ISO dates and days", () => {
    expect(isoDateOfDay(dayOfIsoDate("2024-02-29"))).toBe("2024-02-29");
    expect(() => dayOfIsoDate("2024-02-30x")).toThrow(RangeError);
  });
});

describe("mulberry32", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
    // Roughly uniform: the mean of many draws is near 1/2.
    const r = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r();
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
