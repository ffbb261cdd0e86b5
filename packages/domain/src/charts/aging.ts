/**
 * Service levels and aging work in progress.
 *
 * - Service-level expectation (SLE) of a space: the cycle times of its completed cards (exactly the
 *   Time chart's: first in-progress entry → final completion, whole calendar days counting both ends,
 *   cards whose final completion falls in the period), summarized as their median (p50) and 85th
 *   percentile (nearest rank). Below `minSample` completed cards there is "not enough history".
 * - A card's age: whole calendar days from its first entry into an in-progress status to today,
 *   counting both ends (a card started today is 1 day old), so an age compares with a cycle time.
 *   Only cards in an in-progress status now have an age.
 * - Its target: the strictest (smallest) service level of its labels, else the space's, else the
 *   expectation's p85. Its risk: `breached` past the target, `at_risk` past the p50, else
 *   `on_track`. With neither a target nor enough
 *   history there is no risk, only an age.
 * - Aging WIP: for each in-progress status, percentiles of the age at which completed cards left it
 *   (calendar days from their first start to the moment they moved on after their last stay there).
 */
import { z } from "zod";
import { calendarDays, dayOf, dayOfIsoDate } from "./calendar.js";
import { type CardHistory, type ChartHistory, finalCompletion, firstStart } from "./history.js";
import { median, nearestRank } from "./percentiles.js";

/** Fewer completed cards than this give no expectation ("not enough history"). */
export const serviceLevelMinSample = 5;

export const agingRisks = ["on_track", "at_risk", "breached"] as const;
export type AgingRisk = (typeof agingRisks)[number];

/** What a person reads beside the age: "9 d · at risk". */
export const agingRiskText: Record<AgingRisk, string> = {
  on_track: "on track",
  at_risk: "at risk",
  breached: "past its service level",
};

/** Amber and red both count as "at risk" for the board filter and the digest. */
export const isAtRisk = (risk: AgingRisk | null | undefined): boolean =>
  risk === "at_risk" || risk === "breached";

export interface ServiceLevelExpectation {
  /** Completed cards with a cycle time in the period. */
  sampleSize: number;
  /** False below `serviceLevelMinSample`: p50 and p85 are then null. */
  isEnough: boolean;
  p50: number | null;
  p85: number | null;
}

/** The expectation from cycle times in days (the Time chart's median and 85th percentile). */
export const serviceLevelExpectation = (
  cycleDays: readonly number[],
  minSample: number = serviceLevelMinSample,
): ServiceLevelExpectation => {
  const sorted = [...cycleDays].sort((a, b) => a - b);
  const isEnough = sorted.length >= minSample && sorted.length > 0;
  return {
    sampleSize: sorted.length,
    isEnough,
    p50: isEnough ? median(sorted) : null,
    p85: isEnough ? nearestRank(sorted, 85) : null,
  };
};

export type TargetSource = "label" | "space" | "history";

export interface AgingTarget {
  days: number;
  source: TargetSource;
}

/** The strictest label target, else the space's, else the expectation's p85; null when none. */
export const targetOf = (
  labelTargets: ReadonlyArray<number | null>,
  spaceTarget: number | null,
  expectation: ServiceLevelExpectation,
): AgingTarget | null => {
  const labels = labelTargets.filter((d): d is number => d !== null);
  if (labels.length > 0) return { days: Math.min(...labels), source: "label" };
  if (spaceTarget !== null) return { days: spaceTarget, source: "space" };
  if (expectation.p85 !== null) return { days: expectation.p85, source: "history" };
  return null;
};

/** Whole calendar days from the first start to `nowMs`, counting both ends. */
export const ageDays = (startedAtMs: number, nowMs: number): number => calendarDays(startedAtMs, nowMs);

/**
 * Red past the target (the p85 when no target is set); amber past the p50; green otherwise. "Past"
 * is strictly greater: a card at exactly the p85 is still within what 85 % of cards took.
 */
export const agingRisk = (
  age: number,
  target: AgingTarget | null,
  expectation: ServiceLevelExpectation,
): AgingRisk | null => {
  if (target === null && expectation.p50 === null) return null;
  if (target !== null && age > target.days) return "breached";
  if (expectation.p50 !== null && age > expectation.p50) return "at_risk";
  return "on_track";
};

export interface AgingBand {
  statusId: string;
  /** Completed cards that passed through this status (in the period). */
  count: number;
  p50: number | null;
  p70: number | null;
  p85: number | null;
  p95: number | null;
}

export interface AgingDot {
  cardId: string;
  name: string;
  statusId: string;
  /** ISO time of the first entry into an in-progress status. */
  startedAt: string;
  ageDays: number;
  isBlocked: boolean;
  target: AgingTarget | null;
  risk: AgingRisk | null;
}

export interface AgingChart {
  from: string;
  to: string;
  expectation: ServiceLevelExpectation;
  spaceTargetDays: number | null;
  /** The in-progress statuses in board order, one band each. */
  bands: AgingBand[];
  /** Open (unarchived, in-progress) cards, oldest first. */
  dots: AgingDot[];
}

export interface AgingOptions {
  /** Inclusive ISO dates (UTC) of the completions the expectation and bands learn from. */
  from: string;
  to: string;
  now: number;
  spaceTargetDays: number | null;
  /** Each card's label targets (only labels that have one need be listed). */
  labelTargetsByCard: ReadonlyMap<string, readonly number[]>;
  minSample?: number;
}

/** When the card left `statusId` for the last time (the entry after its last stay there), or null. */
const lastExit = (history: CardHistory, statusId: string): number | null => {
  const { timeline } = history;
  for (let i = timeline.length - 2; i >= 0; i--) {
    if (timeline[i]?.statusId === statusId && timeline[i + 1]?.statusId !== statusId) {
      return timeline[i + 1]?.at ?? null;
    }
  }
  return null;
};

const bandOf = (statusId: string, ages: number[]): AgingBand => {
  const sorted = ages.sort((a, b) => a - b);
  return {
    statusId,
    count: sorted.length,
    p50: median(sorted),
    p70: nearestRank(sorted, 70),
    p85: nearestRank(sorted, 85),
    p95: nearestRank(sorted, 95),
  };
};

const compareDots = (a: AgingDot, b: AgingDot): number =>
  b.ageDays - a.ageDays || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);

export const agingChartOf = (
  { statuses, histories, blockingsByCard }: ChartHistory,
  options: AgingOptions,
): AgingChart => {
  const fromDay = dayOfIsoDate(options.from);
  const toDay = dayOfIsoDate(options.to);
  const inProgress = statuses.filter((s) => s.role === "in_progress");
  const exitAges = new Map<string, number[]>(inProgress.map((s) => [s.id, []]));
  const cycle: number[] = [];
  const dots: AgingDot[] = [];
  const open: Array<{ history: CardHistory; started: number }> = [];
  for (const history of histories) {
    const started = firstStart(history.timeline);
    if (history.role === "completed") {
      // The Time chart's cycle time: only cards completed in the period, started before completing.
      const completedAt = finalCompletion(history.timeline);
      if (completedAt === null || started === null || started > completedAt) continue;
      if (dayOf(completedAt) < fromDay || dayOf(completedAt) > toDay) continue;
      cycle.push(calendarDays(started, completedAt));
      for (const [statusId, ages] of exitAges) {
        const exit = lastExit(history, statusId);
        if (exit !== null && exit <= completedAt) ages.push(calendarDays(started, exit));
      }
    } else if (history.role === "in_progress" && history.card.archivedAt === null && started !== null) {
      open.push({ history, started });
    }
  }
  const expectation = serviceLevelExpectation(cycle, options.minSample);
  for (const { history, started } of open) {
    const { card } = history;
    const age = ageDays(started, options.now);
    const target = targetOf(
      options.labelTargetsByCard.get(card.id) ?? [],
      options.spaceTargetDays,
      expectation,
    );
    dots.push({
      cardId: card.id,
      name: card.name,
      statusId: card.statusId,
      startedAt: new Date(started).toISOString(),
      ageDays: age,
      isBlocked: blockingsByCard.get(card.id)?.some((b) => b.to === null) ?? false,
      target,
      risk: agingRisk(age, target, expectation),
    });
  }
  dots.sort(compareDots);
  return {
    from: options.from,
    to: options.to,
    expectation,
    spaceTargetDays: options.spaceTargetDays,
    bands: inProgress.map((s) => bandOf(s.id, exitAges.get(s.id) ?? [])),
    dots,
  };
};

// ---------- reply schema ----------

const nullableDays = z.number().nullable();

export const serviceLevelExpectationSchema = z.object({
  sampleSize: z.number().int().describe("Completed cards with a cycle time in the period."),
  isEnough: z
    .boolean()
    .describe(`False below ${serviceLevelMinSample} completed cards ("not enough history").`),
  p50: nullableDays.describe("Median cycle time in calendar days (as the Time chart's)."),
  p85: nullableDays.describe("85th percentile cycle time (nearest rank), in calendar days."),
});

const agingTargetSchema = z.object({ days: z.number(), source: z.enum(["label", "space", "history"]) });

export const agingDotSchema = z.object({
  cardId: z.string(),
  name: z.string(),
  statusId: z.string(),
  startedAt: z.string(),
  ageDays: z.number().int().describe("Calendar days since the first in-progress entry, both ends counted."),
  isBlocked: z.boolean(),
  target: agingTargetSchema.nullable(),
  risk: z.enum(agingRisks).nullable().describe("Null with neither a target nor enough history."),
});
export type AgingDotReply = z.infer<typeof agingDotSchema>;

export const agingChartSchema = z.object({
  from: z.string(),
  to: z.string(),
  statuses: z
    .array(z.object({ id: z.string(), name: z.string(), role: z.string() }))
    .describe("The space's statuses in board order."),
  expectation: serviceLevelExpectationSchema,
  spaceTargetDays: z.number().int().nullable(),
  bands: z.array(
    z.object({
      statusId: z.string(),
      count: z.number().int(),
      p50: nullableDays,
      p70: nullableDays,
      p85: nullableDays,
      p95: nullableDays,
    }),
  ),
  dots: z.array(agingDotSchema),
});
export type AgingChartReply = z.infer<typeof agingChartSchema>;
