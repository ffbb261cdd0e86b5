/**
 * The Time chart's reply and back: the server sends its cards as columns (`timeChartSchema`), the
 * web app and the tests read them as the chart the domain computes. Lossless: every duration the
 * chart holds in days is a whole number of milliseconds divided by a day, so it travels as that
 * whole number and comes back as the same number.
 */
import { DAY_MS, dayOfIsoDate, elapsedDays } from "./calendar.js";
import type { ChartStatus } from "./history.js";
import type { TimeChartReply } from "./schemas.js";
import type { TimeChart, TimePoint } from "./time-metrics.js";

/** The Time chart with the space's statuses in board order, as a view draws it. */
export interface TimeChartView extends TimeChart {
  statuses: ChartStatus[];
}

/** Days back to the whole milliseconds they were computed from. */
const msOf = (days: number): number => Math.round(days * DAY_MS);

export const timeChartReplyOf = (chart: TimeChart, statuses: readonly ChartStatus[]): TimeChartReply => {
  const start = dayOfIsoDate(chart.from) * DAY_MS;
  const statusIds = statuses.map((s) => s.id);
  const indexOf = new Map(statusIds.map((id, i) => [id, i]));
  const statusIndex = (id: string): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = statusIds.push(id) - 1;
      indexOf.set(id, index);
    }
    return index;
  };
  const { points } = chart;
  return {
    from: chart.from,
    to: chart.to,
    statuses: [...statuses],
    points: {
      start,
      cardIds: points.map((p) => p.cardId),
      names: points.map((p) => p.name),
      completedAt: points.map((p) => Date.parse(p.completedAt) - start),
      leadDays: points.map((p) => p.leadDays),
      reactionDays: points.map((p) => p.reactionDays),
      cycleDays: points.map((p) => p.cycleDays),
      blockedMs: points.map((p) => msOf(p.blockedDays)),
      timeInStatus: points.map((p) => p.timeInStatus.flatMap((s) => [statusIndex(s.statusId), msOf(s.days)])),
      statusIds,
    },
    lead: chart.lead,
    reaction: chart.reaction,
    cycle: chart.cycle,
    histograms: chart.histograms,
    timeInStatus: chart.timeInStatus,
    blocked: chart.blocked,
  };
};

export const timeChartFromReply = (reply: TimeChartReply): TimeChartView => {
  const columns = reply.points;
  const points: TimePoint[] = columns.cardIds.map((cardId, i) => {
    const stays = columns.timeInStatus[i] ?? [];
    const timeInStatus: TimePoint["timeInStatus"] = [];
    for (let k = 0; k + 1 < stays.length; k += 2) {
      timeInStatus.push({
        statusId: columns.statusIds[stays[k] ?? -1] ?? "",
        days: elapsedDays(stays[k + 1] ?? 0),
      });
    }
    return {
      cardId,
      name: columns.names[i] ?? "",
      completedAt: new Date(columns.start + (columns.completedAt[i] ?? 0)).toISOString(),
      leadDays: columns.leadDays[i] ?? 0,
      reactionDays: columns.reactionDays[i] ?? null,
      cycleDays: columns.cycleDays[i] ?? null,
      blockedDays: elapsedDays(columns.blockedMs[i] ?? 0),
      timeInStatus,
    };
  });
  return {
    from: reply.from,
    to: reply.to,
    statuses: reply.statuses,
    points,
    lead: reply.lead,
    reaction: reply.reaction,
    cycle: reply.cycle,
    histograms: reply.histograms,
    timeInStatus: reply.timeInStatus,
    blocked: reply.blocked,
  };
};
