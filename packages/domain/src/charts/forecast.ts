/**
 * Completion forecast by Monte Carlo simulation of the space's own weekly throughput.
 *
 * Throughput samples: for each of the last `windowWeeks` weeks ending today (week = 7 UTC days, the
 * newest ending with today), the number of cards whose final completion fell in it. Cards currently
 * completed count whether or not they were archived later (archiving done work is housekeeping). The
 * window is shortened to the weeks since the first card was created: weeks before the work existed
 * are not weeks of zero throughput.
 *
 * A trial draws past weeks at random, with replacement, until the remaining cards (not archived, in a
 * not-started or in-progress role) are done; the trial's completion date is today + 7 · weeks drawn.
 * At confidence c the forecast date is the nearest-rank c-quantile of the trials' dates: c of the
 * trials finished on or before it (85 % is the pessimistic, safe date; 15 % the optimistic one).
 *
 * "How many by date X": X is whole weeks ahead (floor); a trial sums that many drawn weeks; at
 * confidence c the pace is the largest number that at least c of the trials reached (the
 * (1 − c)-quantile), so the 85 % answer is the cautious, small one. No more cards can be completed
 * than remain, so the answer is the pace capped at the remaining cards; the pace is reported beside
 * it, so "all 3 remaining; the pace would allow about 5" can be said instead of "at least 5".
 *
 * Degenerate cases are answered explicitly, never invented: no cards at all (no history), nothing
 * remaining (done), no completion in the window (all-zero throughput) and fewer than
 * `minWeeksWithCompletions` weeks with any completion. A trial that has not finished after
 * `maxWeeks` weeks stops; a date that falls beyond that horizon is reported as null.
 *
 * Deterministic for a seed: the PRNG is the domain's mulberry32, never Math.random.
 */

import { type BurnupPoint, burnupOf } from "./burnup.js";
import { dayOf, dayOfIsoDate, isoDateOfDay } from "./calendar.js";
import {
  type CardHistory,
  type ChartHistory,
  type ChartInput,
  cardHistories,
  chartHistory,
  finalCompletion,
} from "./history.js";
import { mulberry32, type Random } from "./random.js";

export const forecastDefaults = {
  windowWeeks: 12,
  confidences: [15, 50, 85],
  trials: 10_000,
  seed: 1,
  minWeeksWithCompletions: 3,
  maxWeeks: 520,
} as const;

export const ConfidenceLabel = {
  optimistic: "optimistic",
  mostLikely: "most_likely",
  pessimistic: "pessimistic",
} as const;
export type ConfidenceLabel = (typeof ConfidenceLabel)[keyof typeof ConfidenceLabel];

export interface ThroughputWeek {
  /** First and last day of the week (inclusive ISO dates). */
  from: string;
  to: string;
  completed: number;
}

export interface ForecastDate {
  /** Percent of trials that finished on or before `date`. */
  confidence: number;
  label: ConfidenceLabel | null;
  /** Weeks from today; null beyond the simulation horizon. */
  weeks: number | null;
  date: string | null;
}

export interface HowManyLevel {
  confidence: number;
  label: ConfidenceLabel | null;
  /**
   * At least this many of the remaining cards are completed by the target date in `confidence`
   * percent of trials: the pace, capped at the remaining cards.
   */
  cards: number;
  /** What the pace alone would complete in `confidence` percent of trials; may exceed the remaining cards. */
  pace: number;
}

export interface HowMany {
  targetDate: string;
  weeks: number;
  /** The cards left to do today: no answer can be larger. */
  remaining: number;
  levels: HowManyLevel[];
}

export const InsufficientReason = {
  noHistory: "no_history",
  noCompletions: "no_completions",
  tooFewWeeks: "too_few_weeks",
} as const;
export type InsufficientReason = (typeof InsufficientReason)[keyof typeof InsufficientReason];

interface ForecastBase {
  today: string;
  remaining: number;
  window: { weeks: number; from: string; to: string };
  throughput: ThroughputWeek[];
}

export type Forecast =
  | (ForecastBase & {
      status: "forecast";
      trials: number;
      seed: number;
      dates: ForecastDate[];
      howMany: HowMany | null;
    })
  | (ForecastBase & { status: "done" })
  | (ForecastBase & { status: "insufficient_history"; reason: InsufficientReason; message: string });

export interface SimulationOptions {
  confidences?: readonly number[];
  trials?: number;
  seed?: number;
  maxWeeks?: number;
}

/** Labels when there are exactly three levels: lowest optimistic, middle most likely, highest pessimistic. */
const labelsFor = (confidences: readonly number[]): Map<number, ConfidenceLabel> => {
  const sorted = [...new Set(confidences)].sort((a, b) => a - b);
  if (sorted.length !== 3) return new Map();
  const [low, mid, high] = sorted as [number, number, number];
  return new Map([
    [low, ConfidenceLabel.optimistic],
    [mid, ConfidenceLabel.mostLikely],
    [high, ConfidenceLabel.pessimistic],
  ]);
};

/** Nearest rank (1-based) for a percent of n trials. */
const rankOf = (percent: number, n: number): number =>
  Math.min(n, Math.max(1, Math.ceil((percent / 100) * n - 1e-9)));

const draw = (samples: readonly number[], random: Random): number =>
  samples[Math.floor(random() * samples.length)] ?? 0;

/**
 * Weeks needed per trial to finish `remaining` cards (Infinity when past `maxWeeks`), sorted
 * ascending. `samples` must hold at least one non-zero value.
 */
export const simulateWeeks = (
  samples: readonly number[],
  remaining: number,
  trials: number,
  random: Random,
  maxWeeks: number = forecastDefaults.maxWeeks,
): Float64Array => {
  const weeks = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let done = 0;
    let w = 0;
    while (done < remaining && w < maxWeeks) {
      done += draw(samples, random);
      w++;
    }
    weeks[t] = done >= remaining ? w : Number.POSITIVE_INFINITY;
  }
  return weeks.sort();
};

/** Cards completed per trial over `weeks` drawn weeks, sorted descending. */
export const simulateCards = (
  samples: readonly number[],
  weeks: number,
  trials: number,
  random: Random,
): Float64Array => {
  const cards = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let sum = 0;
    for (let w = 0; w < weeks; w++) sum += draw(samples, random);
    cards[t] = sum;
  }
  return cards.sort().reverse();
};

/** The completion dates at each confidence, from today's day and the throughput samples. */
export const forecastDates = (
  samples: readonly number[],
  remaining: number,
  todayDay: number,
  options: SimulationOptions = {},
): ForecastDate[] => {
  const confidences = options.confidences ?? forecastDefaults.confidences;
  const trials = options.trials ?? forecastDefaults.trials;
  const weeks = simulateWeeks(
    samples,
    remaining,
    trials,
    mulberry32(options.seed ?? forecastDefaults.seed),
    options.maxWeeks ?? forecastDefaults.maxWeeks,
  );
  const labels = labelsFor(confidences);
  return confidences.map((confidence) => {
    const w = weeks[rankOf(confidence, trials) - 1] ?? Number.POSITIVE_INFINITY;
    const isWithinHorizon = Number.isFinite(w);
    return {
      confidence,
      label: labels.get(confidence) ?? null,
      weeks: isWithinHorizon ? w : null,
      date: isWithinHorizon ? isoDateOfDay(todayDay + 7 * w) : null,
    };
  });
};

/** "How many of the `remaining` cards by the target date" at each confidence. */
export const howManyBy = (
  samples: readonly number[],
  todayDay: number,
  targetDate: string,
  remaining: number,
  options: SimulationOptions = {},
): HowMany => {
  const confidences = options.confidences ?? forecastDefaults.confidences;
  const trials = options.trials ?? forecastDefaults.trials;
  const weeks = Math.max(0, Math.floor((dayOfIsoDate(targetDate) - todayDay) / 7));
  // Its own stream, so this answer does not depend on how long the completion trials ran.
  const random = mulberry32(((options.seed ?? forecastDefaults.seed) ^ 0x9e3779b9) >>> 0);
  const cards = simulateCards(samples, weeks, trials, random);
  const labels = labelsFor(confidences);
  return {
    targetDate,
    weeks,
    remaining,
    levels: confidences.map((confidence) => {
      const pace = cards[rankOf(confidence, trials) - 1] ?? 0;
      return { confidence, label: labels.get(confidence) ?? null, cards: Math.min(pace, remaining), pace };
    }),
  };
};

/**
 * Completions per week over the window ending today (oldest week first). `firstDay` (the day the
 * first card was created) shortens the window to the weeks the work has existed.
 */
export const weeklyThroughput = (
  completions: readonly number[],
  todayDay: number,
  windowWeeks: number,
  firstDay: number | null,
): ThroughputWeek[] => {
  const age = firstDay === null ? 0 : Math.max(1, Math.ceil((todayDay - firstDay + 1) / 7));
  const weeks = Math.min(windowWeeks, age);
  const startDay = todayDay - 7 * weeks + 1;
  const counts = new Array<number>(weeks).fill(0);
  for (const at of completions) {
    const index = Math.floor((dayOf(at) - startDay) / 7);
    if (index >= 0 && index < weeks) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((completed, i) => ({
    from: isoDateOfDay(startDay + 7 * i),
    to: isoDateOfDay(startDay + 7 * i + 6),
    completed,
  }));
};

export interface ForecastOptions extends SimulationOptions {
  /** Today's ISO date (UTC). */
  today: string;
  windowWeeks?: number;
  targetDate?: string | null;
  minWeeksWithCompletions?: number;
}

export interface ForecastInput extends ChartInput, ForecastOptions {}

const firstCreationDay = (histories: readonly CardHistory[]): number | null =>
  histories.reduce<number | null>((min, h) => {
    const day = dayOf(h.card.createdAt);
    return min === null || day < min ? day : min;
  }, null);

const forecastOf = (histories: readonly CardHistory[], input: ForecastOptions): Forecast => {
  const todayDay = dayOfIsoDate(input.today);
  const firstDay = firstCreationDay(histories);
  const completions = histories.flatMap((h) => {
    if (h.role !== "completed") return [];
    const at = finalCompletion(h.timeline);
    return at === null ? [] : [at];
  });
  const throughput = weeklyThroughput(
    completions,
    todayDay,
    input.windowWeeks ?? forecastDefaults.windowWeeks,
    firstDay,
  );
  const remaining = histories.filter(
    (h) => h.card.archivedAt === null && (h.role === "not_started" || h.role === "in_progress"),
  ).length;
  const base: ForecastBase = {
    today: input.today,
    remaining,
    window: {
      weeks: throughput.length,
      from: throughput[0]?.from ?? input.today,
      to: throughput.at(-1)?.to ?? input.today,
    },
    throughput,
  };
  const insufficient = (reason: InsufficientReason, message: string): Forecast => ({
    ...base,
    status: "insufficient_history",
    reason,
    message,
  });
  if (histories.length === 0) return insufficient("no_history", "There are no cards yet, so no history.");
  if (remaining === 0) return { ...base, status: "done" };
  const weeksWithCompletions = throughput.filter((w) => w.completed > 0).length;
  if (weeksWithCompletions === 0) {
    return insufficient(
      "no_completions",
      `No card was completed in the last ${throughput.length} week(s): throughput is zero, so no date can be forecast.`,
    );
  }
  const minimum = input.minWeeksWithCompletions ?? forecastDefaults.minWeeksWithCompletions;
  if (weeksWithCompletions < minimum) {
    return insufficient(
      "too_few_weeks",
      `Cards were completed in only ${weeksWithCompletions} of the last ${throughput.length} week(s); a forecast needs at least ${minimum}.`,
    );
  }
  const samples = throughput.map((w) => w.completed);
  const options: SimulationOptions = {
    confidences: input.confidences ?? forecastDefaults.confidences,
    trials: input.trials ?? forecastDefaults.trials,
    seed: input.seed ?? forecastDefaults.seed,
    maxWeeks: input.maxWeeks ?? forecastDefaults.maxWeeks,
  };
  return {
    ...base,
    status: "forecast",
    trials: options.trials ?? forecastDefaults.trials,
    seed: options.seed ?? forecastDefaults.seed,
    dates: forecastDates(samples, remaining, todayDay, options),
    howMany: input.targetDate ? howManyBy(samples, todayDay, input.targetDate, remaining, options) : null,
  };
};

export const forecast = (input: ForecastInput): Forecast => forecastOf(cardHistories(input), input);

export interface ForecastChart {
  burnup: BurnupPoint[];
  forecast: Forecast;
}

/** The Forecast chart: the burn-up from `from` (default: the first card's creation) to today, and the forecast. */
export const forecastChartOf = (
  { histories }: ChartHistory,
  options: ForecastOptions & { from?: string | null },
): ForecastChart => {
  const todayDay = dayOfIsoDate(options.today);
  const from = options.from ?? isoDateOfDay(Math.min(firstCreationDay(histories) ?? todayDay, todayDay));
  return { burnup: burnupOf(histories, from, options.today), forecast: forecastOf(histories, options) };
};

export const forecastChart = (input: ForecastInput & { from?: string | null }): ForecastChart =>
  forecastChartOf(chartHistory(input), input);
