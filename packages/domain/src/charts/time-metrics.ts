/**
 * Time chart: how long completed cards took.
 *
 * Per card that is completed now (cards in an information or cancelled status, and cards never
 * completed, have no value):
 * - lead time     = creation → final completion (`finalCompletion`: the last entry into the
 *                   completed role; moving between two completed statuses does not reset it)
 * - reaction time = creation → first entry into an in-progress-role status (null if it never had one)
 * - cycle time    = first in-progress entry → final completion (a reopened card keeps its first start)
 * These three are whole calendar days counting both ends (`calendarDays`): a same-day card is 1 day.
 *
 * Time in each status and blocked time are elapsed durations in fractional days (they add up to the
 * card's age), not calendar-day counts. Time in status sums every stay in a status; the stay that is
 * still going counts up to "now" for an open card and not at all for a card that is completed or
 * cancelled. Blocked time merges overlapping blockings (two at once count once), runs an open
 * blocking up to "now", and for a completed card counts only until its completion.
 */
import { calendarDays, dayOf, dayOfIsoDate, elapsedDays } from "./calendar.js";
import {
  type BlockedInterval,
  type CardHistory,
  type ChartHistory,
  type ChartInput,
  chartHistory,
  finalCompletion,
  firstStart,
  type TimelineEntry,
} from "./history.js";
import { type HistogramBin, histogram, type Summary, summarize } from "./percentiles.js";

export interface StatusTime {
  statusId: string;
  days: number;
}

/** Milliseconds spent in each status (in first-visit order), the current stay clipped to `endMs`. */
export const timeInStatus = (
  timeline: readonly TimelineEntry[],
  endMs: number,
  includeCurrentStay: boolean,
): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const [i, entry] of timeline.entries()) {
    const next = timeline[i + 1];
    if ((!next && !includeCurrentStay) || entry.at >= endMs) break;
    const end = Math.min(next ? next.at : endMs, endMs);
    totals.set(entry.statusId, (totals.get(entry.statusId) ?? 0) + Math.max(0, end - entry.at));
  }
  return totals;
};

/**
 * Total milliseconds covered by the intervals within [startMs, endMs]: open intervals run to `endMs`,
 * overlapping ones are merged first so simultaneous blockings count once.
 */
export const coveredTime = (
  intervals: ReadonlyArray<{ from: number; to: number | null }>,
  startMs: number,
  endMs: number,
): number => {
  const clipped = intervals
    .map((i) => ({ from: Math.max(i.from, startMs), to: Math.min(i.to ?? endMs, endMs) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let runFrom = Number.NaN;
  let runTo = Number.NEGATIVE_INFINITY;
  for (const { from, to } of clipped) {
    if (from > runTo) {
      if (runTo > runFrom) total += runTo - runFrom;
      runFrom = from;
      runTo = to;
    } else if (to > runTo) {
      runTo = to;
    }
  }
  if (runTo > runFrom) total += runTo - runFrom;
  return total;
};

export interface TimePoint {
  cardId: string;
  name: string;
  /** ISO timestamp of the final completion. */
  completedAt: string;
  leadDays: number;
  reactionDays: number | null;
  cycleDays: number | null;
  blockedDays: number;
  timeInStatus: StatusTime[];
}

/** The time-chart point of one card, or null when it has no value (not completed). */
export const cardTimePoint = (
  history: CardHistory,
  blockings: readonly BlockedInterval[],
  nowMs: number,
): TimePoint | null => {
  const { card, role, timeline } = history;
  if (role !== "completed") return null;
  const completedAt = finalCompletion(timeline);
  if (completedAt === null) return null;
  const createdAt = Math.min(card.createdAt, timeline[0]?.at ?? card.createdAt);
  const started = firstStart(timeline);
  const stays = timeInStatus(timeline, Math.min(completedAt, nowMs), false);
  return {
    cardId: card.id,
    name: card.name,
    completedAt: new Date(completedAt).toISOString(),
    leadDays: calendarDays(createdAt, completedAt),
    reactionDays: started === null ? null : calendarDays(createdAt, started),
    cycleDays: started === null || started > completedAt ? null : calendarDays(started, completedAt),
    blockedDays: elapsedDays(coveredTime(blockings, createdAt, Math.min(completedAt, nowMs))),
    timeInStatus: [...stays].map(([statusId, ms]) => ({ statusId, days: elapsedDays(ms) })),
  };
};

export interface TimeChart {
  from: string;
  to: string;
  /** Cards whose final completion falls in [from, to], by completion time. */
  points: TimePoint[];
  lead: Summary;
  reaction: Summary;
  cycle: Summary;
  histograms: { lead: HistogramBin[]; reaction: HistogramBin[]; cycle: HistogramBin[] };
  /** Days spent in each status by the cards of the period, summed; statuses in board order first. */
  timeInStatus: StatusTime[];
  blocked: { cards: number; days: number };
}

export interface TimePeriod {
  /** Inclusive ISO dates (UTC). */
  from: string;
  to: string;
  now: number;
}

export interface TimeChartInput extends ChartInput, TimePeriod {
  blockings: readonly BlockedInterval[];
}

/** Code-unit order: ISO timestamps and UUIDs sort the same as by locale, much faster. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const timeChartOf = (
  { statuses, histories, blockingsByCard }: ChartHistory,
  period: TimePeriod,
): TimeChart => {
  const fromDay = dayOfIsoDate(period.from);
  const toDay = dayOfIsoDate(period.to);
  const points: TimePoint[] = [];
  for (const history of histories) {
    if (history.role !== "completed") continue;
    const completedAt = finalCompletion(history.timeline);
    if (completedAt === null || dayOf(completedAt) < fromDay || dayOf(completedAt) > toDay) continue;
    const point = cardTimePoint(history, blockingsByCard.get(history.card.id) ?? [], period.now);
    if (point) points.push(point);
  }
  points.sort((a, b) => compareText(a.completedAt, b.completedAt) || compareText(a.cardId, b.cardId));
  const lead = points.map((p) => p.leadDays);
  const reaction = points.flatMap((p) => (p.reactionDays === null ? [] : [p.reactionDays]));
  const cycle = points.flatMap((p) => (p.cycleDays === null ? [] : [p.cycleDays]));
  const perStatus = new Map<string, number>(statuses.map((s) => [s.id, 0]));
  for (const p of points) {
    for (const s of p.timeInStatus) perStatus.set(s.statusId, (perStatus.get(s.statusId) ?? 0) + s.days);
  }
  const blockedPoints = points.filter((p) => p.blockedDays > 0);
  return {
    from: period.from,
    to: period.to,
    points,
    lead: summarize(lead),
    reaction: summarize(reaction),
    cycle: summarize(cycle),
    histograms: { lead: histogram(lead), reaction: histogram(reaction), cycle: histogram(cycle) },
    timeInStatus: [...perStatus].map(([statusId, days]) => ({ statusId, days })),
    blocked: { cards: blockedPoints.length, days: blockedPoints.reduce((sum, p) => sum + p.blockedDays, 0) },
  };
};

export const timeChart = (input: TimeChartInput): TimeChart => timeChartOf(chartHistory(input), input);
