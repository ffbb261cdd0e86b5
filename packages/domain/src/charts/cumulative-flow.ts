/**
 * Cumulative flow: how many cards sat in each status at the end of each day, statuses stacked in
 * board order, plus what is read off it. Archived cards leave the board on the day they are archived.
 * Cards in a status that has since been deleted are not drawn.
 *
 * Little's law (average cycle time ≈ average WIP / average throughput) holds for a stable process
 * over a long period; the figure here is an approximation for orientation, not a measurement (the
 * Time chart measures cycle times card by card).
 */
import { DAY_MS, dayOfIsoDate, isoDateOfDay } from "./calendar.js";
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
  /** Mean over the period's days of the cards in in-progress-role statuses. */
  averageWip: number;
  /** Entries into the completed role during the period. */
  completions: number;
  /** Completions per day over the period. */
  throughputPerDay: number;
  /** averageWip / throughputPerDay (Little's law); null when nothing was completed. Approximate. */
  approximateCycleDays: number | null;
}

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
  const inProgress = statuses.filter((s) => s.role === "in_progress");
  let wipTotal = 0;
  for (let i = 0; i < dayCount; i++) {
    days.push({
      date: isoDateOfDay(fromDay + i),
      counts: statuses.map((s) => counts.get(s.id)?.[i] ?? 0),
    });
    for (const s of inProgress) wipTotal += counts.get(s.id)?.[i] ?? 0;
  }
  const fromMs = fromDay * DAY_MS;
  const toMs = (toDay + 1) * DAY_MS;
  let completions = 0;
  for (const h of histories) {
    for (const at of completionTimes(h.timeline)) if (at >= fromMs && at < toMs) completions++;
  }
  const currentWip = histories.filter((h) => h.role === "in_progress" && h.card.archivedAt === null).length;
  const averageWip = dayCount > 0 ? wipTotal / dayCount : 0;
  const throughputPerDay = dayCount > 0 ? completions / dayCount : 0;
  return {
    from,
    to,
    statuses: [...statuses],
    days,
    currentWip,
    averageWip,
    completions,
    throughputPerDay,
    approximateCycleDays: throughputPerDay > 0 ? averageWip / throughputPerDay : null,
  };
};

export const cumulativeFlow = (input: ChartInput & { from: string; to: string }): CumulativeFlow =>
  cumulativeFlowOf(chartHistory(input), input.from, input.to);
