import { describe, expect, it } from "vitest";
import { dayOfIsoDate, isoDateOfDay } from "./calendar.js";
import {
  forecast,
  forecastChart,
  forecastDates,
  howManyBy,
  simulateWeeks,
  weeklyThroughput,
} from "./forecast.js";
import type { ChartCard, StatusChange } from "./history.js";
import { mulberry32 } from "./random.js";
import { at, card, input, statuses } from "./test-data.js";

const today = "2026-06-30";
const todayDay = dayOfIsoDate(today);

/** P(W ≤ k) for k = 0..maxK: W = weeks of draws (uniform over `samples`) until the sum reaches `remaining`. */
const exactWeeksCdf = (samples: number[], remaining: number, maxK: number): number[] => {
  // dist[s] = P(sum = s, not yet finished) after k weeks; finished mass accumulates separately.
  let dist = new Map<number, number>([[0, 1]]);
  let finished = 0;
  const cdf = [0];
  for (let k = 1; k <= maxK; k++) {
    const next = new Map<number, number>();
    for (const [s, p] of dist) {
      for (const x of samples) {
        const sum = s + x;
        const q = p / samples.length;
        if (sum >= remaining) finished += q;
        else next.set(sum, (next.get(sum) ?? 0) + q);
      }
    }
    dist = next;
    cdf.push(finished);
  }
  return cdf;
};

/** P(S ≥ v) for the sum S of `weeks` draws: returns [v, P(S ≥ v)] pairs, v ascending. */
const exactSumTail = (samples: number[], weeks: number): Array<[number, number]> => {
  let dist = new Map<number, number>([[0, 1]]);
  for (let w = 0; w < weeks; w++) {
    const next = new Map<number, number>();
    for (const [s, p] of dist)
      for (const x of samples) next.set(s + x, (next.get(s + x) ?? 0) + p / samples.length);
    dist = next;
  }
  const values = [...dist.keys()].sort((a, b) => a - b);
  return values.map((v) => [v, values.filter((u) => u >= v).reduce((sum, u) => sum + (dist.get(u) ?? 0), 0)]);
};

describe("Monte Carlo completion dates", () => {
  it("is exact when every sampled week has the same throughput", () => {
    const dates = forecastDates([5, 5, 5, 5], 23, todayDay, { seed: 3 });
    // ceil(23 / 5) = 5 weeks in every trial.
    expect(dates).toEqual([
      { confidence: 15, label: "optimistic", weeks: 5, date: "2026-08-04" },
      { confidence: 50, label: "most_likely", weeks: 5, date: "2026-08-04" },
      { confidence: 85, label: "pessimistic", weeks: 5, date: "2026-08-04" },
    ]);
    // Four whole weeks of 5: the pace is 20 in every trial, more than the 17 that remain.
    const capped = howManyBy([5, 5, 5], todayDay, "2026-07-30", 17, {});
    expect(capped.levels.map((l) => l.pace)).toEqual([4 * 5, 4 * 5, 4 * 5]);
    expect(capped.levels.map((l) => l.cards)).toEqual([17, 17, 17]);
  });

  it("matches the exact distribution for throughput 1 or 2 and three cards left", () => {
    // Two weeks suffice unless both draws are 1: P(W = 2) = 3/4, P(W = 3) = 1/4.
    const weeks = simulateWeeks([1, 2], 3, 10_000, mulberry32(1));
    const twos = weeks.filter((w) => w === 2).length / weeks.length;
    expect(Math.abs(twos - 0.75)).toBeLessThan(0.015); // > 3 standard deviations
    expect(forecastDates([1, 2], 3, todayDay, { seed: 1 }).map((d) => d.weeks)).toEqual([2, 2, 3]);
  });

  it("agrees with an enumeration of the distribution for a spread of throughputs", () => {
    const samples = [0, 1, 3, 4, 6];
    const remaining = 17;
    const cdf = exactWeeksCdf(samples, remaining, 40);
    // P(W ≤ k) for k = 4..10: .110 .305 .520 .703 .832 .912 .957; levels chosen away from those jumps.
    const confidences = [15, 45, 65, 80];
    const dates = forecastDates(samples, remaining, todayDay, { seed: 11, confidences, trials: 20_000 });
    for (const { confidence, weeks } of dates) {
      const exact = cdf.findIndex((p) => p >= confidence / 100);
      // The enumeration's quantile is well away from a jump of the CDF, so sampling error cannot move it.
      expect(Math.abs((cdf[exact] ?? 0) - confidence / 100)).toBeGreaterThan(0.02);
      expect(Math.abs((cdf[exact - 1] ?? 0) - confidence / 100)).toBeGreaterThan(0.02);
      expect(weeks).toBe(exact);
    }
  });

  it("answers how many cards by a date with the number that the given share of trials reached", () => {
    // Two weeks of 1 or 2: S = 2 (1/4), 3 (1/2), 4 (1/4). P(S ≥ 4) = .25, P(S ≥ 3) = .75, P(S ≥ 2) = 1.
    const answer = howManyBy([1, 2], todayDay, isoDateOfDay(todayDay + 20), 100, { seed: 5 });
    expect(answer.weeks).toBe(2);
    expect(answer.levels).toEqual([
      { confidence: 15, label: "optimistic", cards: 4, pace: 4 },
      { confidence: 50, label: "most_likely", cards: 3, pace: 3 },
      { confidence: 85, label: "pessimistic", cards: 2, pace: 2 },
    ]);
    // Three weeks of 0, 1 or 4: P(S ≥ v) for v = 2, 3, 5, 6, 8, 9 is .852 .741 .593 .370 .259 .148.
    const samples = [0, 1, 4];
    const tail = exactSumTail(samples, 3);
    const levels = howManyBy(samples, todayDay, isoDateOfDay(todayDay + 21), Number.POSITIVE_INFINITY, {
      seed: 9,
      trials: 20_000,
      confidences: [20, 50, 80],
    }).levels;
    for (const { confidence, cards } of levels) {
      const c = confidence / 100;
      const index = tail.findLastIndex(([, p]) => p >= c);
      const [exact, reached] = tail[index] ?? [Number.NaN, 0];
      // Far enough from the neighbouring jumps that sampling error cannot move the answer.
      expect(reached - c).toBeGreaterThan(0.02);
      expect(c - (tail[index + 1]?.[1] ?? 0)).toBeGreaterThan(0.02);
      expect(cards).toBe(exact);
    }
  });

  it("reports a date beyond the simulation horizon as null instead of inventing one", () => {
    const [date] = forecastDates([1], 10, todayDay, { maxWeeks: 5, confidences: [50] });
    expect(date).toEqual({ confidence: 50, label: null, weeks: null, date: null });
  });

  it("gives the same answer for the same seed", () => {
    const one = forecastDates([0, 1, 3, 8], 40, todayDay, { seed: 99 });
    expect(forecastDates([0, 1, 3, 8], 40, todayDay, { seed: 99 })).toEqual(one);
  });
});

describe("weekly throughput", () => {
  it("counts completions in 7-day weeks ending today, oldest first", () => {
    const weeks = weeklyThroughput(
      [
        at("2026-06-16T23:59"), // before the window
        at("2026-06-17T00:00"),
        at("2026-06-23T23:59"),
        at("2026-06-24T00:00"),
        at("2026-06-30T23:00"),
        at("2026-07-01T00:00"), // after today
      ],
      todayDay,
      2,
      dayOfIsoDate("2026-01-01"),
    );
    expect(weeks).toEqual([
      { from: "2026-06-17", to: "2026-06-23", completed: 2 },
      { from: "2026-06-24", to: "2026-06-30", completed: 2 },
    ]);
  });

  it("shortens the window to the weeks since the first card was created", () => {
    expect(weeklyThroughput([], todayDay, 12, todayDay - 15)).toHaveLength(3);
    expect(weeklyThroughput([], todayDay, 12, todayDay)).toHaveLength(1);
  });
});

/** A space where `perWeek[i]` cards were completed in week i of the 12 weeks ending today, plus `open` open cards. */
const space = (perWeek: number[], open: number) => {
  const cards: ChartCard[] = [];
  const changes: StatusChange[] = [];
  const start = todayDay - 7 * perWeek.length + 1;
  const add = (id: string, created: number, steps: Array<[number, string]>) => {
    cards.push({ id, name: id, createdAt: created, archivedAt: null, statusId: steps.at(-1)?.[1] ?? "todo" });
    for (const [time, statusId] of steps) {
      changes.push({
        cardId: id,
        at: time,
        statusId,
        role: statuses.find((s) => s.id === statusId)?.role ?? "not_started",
      });
    }
  };
  const dayMs = (day: number) => day * 86_400_000 + 36_000_000;
  perWeek.forEach((n, week) => {
    for (let i = 0; i < n; i++) {
      const created = dayMs(start - 3);
      add(`w${week}-${i}`, created, [
        [created, "todo"],
        [dayMs(start + 7 * week + (i % 7)), "done"],
      ]);
    }
  });
  for (let i = 0; i < open; i++) add(`open-${i}`, dayMs(start - 3), [[dayMs(start - 3), "todo"]]);
  return { statuses, cards, changes };
};

describe("forecast of a space", () => {
  it("forecasts from the space's own weekly throughput and remaining cards", () => {
    const result = forecast({ ...space(Array(12).fill(4), 10), today, targetDate: "2026-07-21" });
    expect(result).toMatchObject({
      status: "forecast",
      remaining: 10,
      window: { weeks: 12, to: today },
      trials: 10_000,
      seed: 1,
    });
    if (result.status !== "forecast") throw new Error(result.status);
    expect(result.throughput.map((w) => w.completed)).toEqual(Array(12).fill(4));
    expect(result.dates.map((d) => d.date)).toEqual(["2026-07-21", "2026-07-21", "2026-07-21"]); // 3 weeks
    // Three weeks of 4 would complete 12, but only 10 remain: the answer is all 10, the pace 12.
    const pace = 3 * 4;
    expect(result.howMany).toEqual({
      targetDate: "2026-07-21",
      weeks: 3,
      remaining: 10,
      levels: [
        { confidence: 15, label: "optimistic", cards: 10, pace },
        { confidence: 50, label: "most_likely", cards: 10, pace },
        { confidence: 85, label: "pessimistic", cards: 10, pace },
      ],
    });
  });

  it("says there is no history when the space has no cards", () => {
    expect(forecast({ statuses, cards: [], changes: [], today })).toMatchObject({
      status: "insufficient_history",
      reason: "no_history",
      remaining: 0,
    });
  });

  it("says done when nothing remains", () => {
    expect(forecast({ ...space([1, 1, 1], 0), today })).toMatchObject({ status: "done", remaining: 0 });
  });

  it("refuses to forecast from all-zero throughput", () => {
    const result = forecast({ ...space([0, 0, 0, 0], 5), today });
    expect(result).toMatchObject({ status: "insufficient_history", reason: "no_completions", remaining: 5 });
  });

  it("refuses to forecast from fewer than three weeks with a completion", () => {
    const result = forecast({ ...space([0, 3, 0, 0, 2, 0], 5), today });
    expect(result).toMatchObject({ status: "insufficient_history", reason: "too_few_weeks" });
    expect(forecast({ ...space([0, 3, 0, 1, 2, 0], 5), today }).status).toBe("forecast");
  });

  it("leaves cancelled, information and archived cards out of the remaining work", () => {
    const data = input(
      card("todo", [["2026-06-01", "todo"]]),
      card("idea", [["2026-06-01", "ideas"]]),
      card("dropped", [["2026-06-01", "dropped"]]),
      card("archived", [["2026-06-01", "todo"]], "2026-06-10"),
    );
    expect(forecast({ ...data, today }).remaining).toBe(1);
  });

  it("draws the burn-up from the first card's creation to today beside the forecast", () => {
    const chart = forecastChart({ ...space([1, 1, 1], 2), today });
    expect(chart.burnup[0]?.date).toBe(isoDateOfDay(todayDay - 21 + 1 - 3));
    expect(chart.burnup.at(-1)).toEqual({ date: today, scope: 5, completed: 3 });
    expect(chart.forecast.status).toBe("forecast");
  });
});
