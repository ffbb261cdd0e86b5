/**
 * Cumulative flow: how many cards sat in each status at the end of each day, statuses stacked in
 * board order, plus what is read off it. Archived cards leave the board on the day they are archived.
 * Cards in a status that has since been deleted are not drawn.
 *
 * Little's law (average cycle time ≈ average WIP / average throughput) holds for a stable process
 * over a long period; the figure here is an approximation for orientation, not a measurement (the
 * Time chart measures cycle times card by card).
 *
 * The three figures are read over the same span so that they agree with each other: the period's
 * days from the day the first card was created (days before any card existed are not days of zero
 * work, and averaging over them made a new space read "WIP 0, throughput 0, cycle ≈ 2 days"). WIP is
 * time-weighted (card-days spent in in-progress statuses ÷ days), so work started and finished on
 * one day counts too; the stay still going counts to the end of the period, as the stacked days do.
 * Hence averageWip / throughputPerDay = approximateCycleDays exactly.
 */
import { DAY_MS, dayOf, dayOfIsoDate, isoDateOfDay } from "./calendar.js";
import {
  type ChartHistory,
  type ChartInput,
  type ChartStatus,
  chartHistory,
  completionTimes,
  dailyCounts,
} from "./history.js";

export interface FlowDay {
  date: string;
  /** Cards per status, aligned with `statuses` (board order). */
  counts: number[];
}

export interface CumulativeFlow {
  from: string;
  to: string;
  statuses: ChartStatus[];
  days: FlowDay[];
  /** Cards in in-progress-role statuses now (not archived). */
  currentWip: number;
  /** First day the averages cover: `from`, or the first card's creation day if later; null when no card existed yet. */
  measuredFrom: string | null;
  /** Days the averages cover, from `measuredFrom` to `to`. */
  measuredDays: number;
  /** Card-days spent in in-progress-role statuses over the measured days, divided by them. */
  averageWip: number;
  /** Entries into the completed role during the measured days. */
  completions: number;
  /** Completions per measured day. */
  throughputPerDay: number;
  /** averageWip / throughputPerDay (Little's law); null when nothing was completed. Approximate. */
  approximateCycleDays: number | null;
}

/** Milliseconds the cards spent in in-progress-role statuses within [startMs, endMs), archived cards until archived. */
export const inProgressTime = (
  histories: ChartHistory["histories"],
  startMs: number,
  endMs: number,
): number => {
  let total = 0;
  for (const { card, timeline } of histories) {
    const until = Math.min(endMs, card.archivedAt ?? Number.POSITIVE_INFINITY);
    for (const [i, entry] of timeline.entries()) {
      if (entry.role !== "in_progress") continue;
      const from = Math.max(entry.at, startMs);
      const to = Math.min(timeline[i + 1]?.at ?? Number.POSITIVE_INFINITY, until);
      if (to > from) total += to - from;
    }
  }
  return total;
};

export const cumulativeFlowOf = (
  { statuses, histories }: ChartHistory,
  from: string,
  to: string,
): CumulativeFlow => {
  const fromDay = dayOfIsoDate(from);
  const toDay = dayOfIsoDate(to);
  const dayCount = toDay - fromDay + 1;
  const known = new Set(statuses.map((s) => s.id));
  const counts = dailyCounts(histories, fromDay, toDay, (e) => (known.has(e.statusId) ? e.statusId : null));
  const days: FlowDay[] = [];
  for (let i = 0; i < dayCount; i++) {
    days.push({
      date: isoDateOfDay(fromDay + i),
      counts: statuses.map((s) => counts.get(s.id)?.[i] ?? 0),
    });
  }
  const firstDay = histories.reduce(
    (min, h) => Math.min(min, dayOf(Math.min(h.card.createdAt, h.timeline[0]?.at ?? h.card.createdAt))),
    Number.POSITIVE_INFINITY,
  );
  const measuredFromDay = Math.max(fromDay, firstDay);
  const measuredDays = Math.max(0, toDay - measuredFromDay + 1);
  const startMs = measuredFromDay * DAY_MS;
  const endMs = (toDay + 1) * DAY_MS;
  let completions = 0;
  if (measuredDays > 0) {
    for (const h of histories) {
      for (const at of completionTimes(h.timeline)) if (at >= startMs && at < endMs) completions++;
    }
  }
  const wipDays = measuredDays > 0 ? inProgressTime(histories, startMs, endMs) / DAY_MS : 0;
  const currentWip = histories.filter((h) => h.role === "in_progress" && h.card.archivedAt === null).length;
  return {
    from,
    to,
    statuses: [...statuses],
    days,
    currentWip,
    measuredFrom: measuredDays > 0 ? isoDateOfDay(measuredFromDay) : null,
    measuredDays,
    averageWip: measuredDays > 0 ? wipDays / measuredDays : 0,
    completions,
    throughputPerDay: measuredDays > 0 ? completions / measuredDays : 0,
    approximateCycleDays: completions > 0 ? wipDays / completions : null,
  };
};

export const cumulativeFlow = (input: ChartInput & { from: string; to: string }): CumulativeFlow =>
  cumulativeFlowOf(chartHistory(input), input.from, input.to);
