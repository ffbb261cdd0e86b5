/**
 * Pure functions that turn the chart endpoints' replies into what the plots draw (column arrays in
 * seconds for uPlot), the fan of the Monte Carlo forecast, and the sentences of the text summaries
 * (in the person's language: each sentence takes the translator's messages and formatters).
 * No DOM and no uPlot here, so all of it is unit-tested in jsdom.
 */
import {
  type CumulativeFlowReply,
  type ForecastChartReply,
  forecastDefaults,
  type TimeChartView,
} from "@lattice/domain";
import type { Translator } from "../../lib/i18n/i18n";

const DAY_SECONDS = 86_400;

/**
 * Tick steps of a date axis, in seconds, never finer than a day: the charts count whole UTC days, so
 * a short range (a new space) must not be labelled in hours. Months and years as uPlot reckons them.
 */
export const dayIncrs: number[] = [
  ...[1, 2, 3, 7, 14].map((d) => d * DAY_SECONDS),
  ...[1, 2, 3, 6].map((m) => m * 30 * DAY_SECONDS),
  ...[1, 2, 5, 10].map((y) => y * 365 * DAY_SECONDS),
];

/** Tick steps of an axis that counts cards: whole numbers only, never "0.5 cards". */
export const countIncrs: number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
];

/** "2027-03-04" → seconds since the epoch at 00:00 UTC. */
export const isoDateToSeconds = (date: string): number => {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
};

/** Seconds since the epoch → "2027-03-04" (UTC). */
export const secondsToIsoDate = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string =>
  secondsToIsoDate(isoDateToSeconds(date) + days * DAY_SECONDS);

/** What the sentences need from the translator: its messages and its date and number formatters. */
export type ChartWords = Pick<Translator, "t" | "format">;

/** "2027-03-04" → "Mar 4, 2027" in the person's locale (a calendar day, read in UTC). */
export const formatDate = (words: ChartWords, date: string): string => words.format.dayRange(date, date);

/** Two calendar days: "Mar 4, 2027 – Apr 2, 2027". */
export const formatPeriod = (words: ChartWords, from: string, to: string): string =>
  words.t("charts.period", { from: formatDate(words, from), to: formatDate(words, to) });

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export const formatNumber = (words: ChartWords, value: number): string =>
  words.format.number(oneDecimal(value));

export const formatDays = (words: ChartWords, days: number | null): string =>
  days === null ? "–" : words.t("charts.unit.days", { count: days });

/** Two significant digits, rounded half up in decimal (0.0225 → 0.023, which toPrecision makes 0.022). */
const twoSignificant = (value: number): number => {
  const digits = 1 - Math.floor(Math.log10(Math.abs(value)));
  const rounded = Number(`${Math.round(Number(`${value}e${digits}`))}e-${digits}`);
  return Number.isFinite(rounded) ? rounded : value; // tiny values print as "1e-7", which this cannot shift
};

/** A rate or an average: two significant digits below 1, so 0.02 does not read as 0. */
export const formatMeasure = (words: ChartWords, value: number): string =>
  value !== 0 && Math.abs(value) < 1
    ? words.format.number(twoSignificant(value))
    : formatNumber(words, value);

/** A duration in days as a person says it: hours below a day ("about 5 hours"), else days. */
export const formatDuration = (words: ChartWords, days: number): string => {
  if (days >= 1) return formatDays(words, oneDecimal(days));
  const hours = Math.round(days * 24);
  return hours < 1 ? words.t("charts.unit.underAnHour") : words.t("charts.unit.hours", { count: hours });
};

/** Items of a sentence's list, with the language's separator ("3, 0, 5"; Arabic "٣، ٠، ٥"). */
const list = (words: ChartWords, items: readonly string[]): string =>
  items.join(words.t("charts.list.separator"));

// ---------- forecast ----------

export type Forecast = ForecastChartReply["forecast"];
export type ConfidenceLabel = "optimistic" | "most_likely" | "pessimistic" | null;

export interface BurnupSeries {
  x: number[];
  scope: number[];
  completed: number[];
}

export const burnupSeries = (reply: ForecastChartReply): BurnupSeries => ({
  x: reply.burnup.map((p) => isoDateToSeconds(p.date)),
  scope: reply.burnup.map((p) => p.scope),
  completed: reply.burnup.map((p) => p.completed),
});

export interface FanRay {
  confidence: number;
  label: ConfidenceLabel;
  date: string;
  x: number;
  y: number;
}

export interface Fan {
  /** Today, at the number of cards completed so far. */
  origin: { x: number; y: number };
  /** Cards completed once the remaining ones are done. */
  target: number;
  /** One line per confidence level that falls within the simulation horizon, earliest first. */
  rays: FanRay[];
  /** Levels whose date is beyond the simulation horizon. */
  beyond: number[];
  /** Closed polygon (data units: seconds, cards): origin, then the ray ends earliest to latest. */
  polygon: { x: number; y: number }[];
}

/** The forecast fan from today to each completion date; null when there is no forecast to draw. */
export const forecastFan = (reply: ForecastChartReply): Fan | null => {
  const forecast = reply.forecast;
  if (forecast.status !== "forecast") return null;
  const last = reply.burnup.at(-1);
  const completedNow = last?.completed ?? 0;
  const target = completedNow + forecast.remaining;
  const origin = { x: isoDateToSeconds(forecast.today), y: completedNow };
  const rays: FanRay[] = [];
  const beyond: number[] = [];
  for (const level of forecast.dates) {
    if (level.date === null) beyond.push(level.confidence);
    else {
      rays.push({
        confidence: level.confidence,
        label: level.label,
        date: level.date,
        x: isoDateToSeconds(level.date),
        y: target,
      });
    }
  }
  rays.sort((a, b) => a.x - b.x || a.confidence - b.confidence);
  const polygon = rays.length > 0 ? [origin, ...rays.map((r) => ({ x: r.x, y: r.y })), origin] : [];
  return { origin, target, rays, beyond, polygon };
};

/** The x range of the forecast chart: the burn-up plus the fan's latest date (a few days of margin). */
export const forecastXRange = (reply: ForecastChartReply, fan: Fan | null): [number, number] => {
  const xs = reply.burnup.map((p) => isoDateToSeconds(p.date));
  if (fan) for (const ray of fan.rays) xs.push(ray.x);
  if (xs.length === 0) {
    const today = isoDateToSeconds(reply.forecast.today);
    return [today - 7 * DAY_SECONDS, today + 7 * DAY_SECONDS];
  }
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const margin = Math.max(3 * DAY_SECONDS, Math.round((max - min) * 0.04));
  // At least two weeks, so a young space's axis reads as dates rather than a few wide days.
  return [min, Math.max(max + margin, min + 14 * DAY_SECONDS)];
};

/** "Based on 12 weeks: 3, 0, 5, …" — the weekly throughput samples the forecast drew from. */
export const throughputSentence = (words: ChartWords, forecast: Forecast, maxListed = 26): string => {
  const samples = forecast.throughput.map((w) => w.completed);
  const weeks = forecast.window.weeks;
  if (samples.length === 0) return words.t("charts.forecast.throughputNone", { weeks });
  const listed = list(
    words,
    samples.slice(-maxListed).map((n) => words.format.number(n)),
  );
  return words.t("charts.forecast.throughput", {
    weeks,
    period: formatPeriod(words, forecast.window.from, forecast.window.to),
    samples:
      samples.length > maxListed ? words.t("charts.forecast.samplesMore", { samples: listed }) : listed,
  });
};

/** "85 % (pessimistic)": a confidence level and its name, when it has one. */
const levelText = (words: ChartWords, confidence: number, label: ConfidenceLabel): string =>
  words.t("charts.forecast.level", { confidence, label: label ?? "none" });

/** One sentence per confidence level: "85 % (pessimistic): done by Mar 4, 2027 (in 6 weeks)". */
export const forecastDateSentences = (words: ChartWords, forecast: Forecast): string[] => {
  if (forecast.status !== "forecast") return [];
  return forecast.dates.map((level) => {
    const head = levelText(words, level.confidence, level.label);
    if (level.date === null || level.weeks === null)
      return words.t("charts.forecast.levelBeyond", { level: head });
    return words.t("charts.forecast.levelDate", {
      level: head,
      date: formatDate(words, level.date),
      weeks: level.weeks,
    });
  });
};

type HowManyAnswer = NonNullable<Extract<Forecast, { status: "forecast" }>["howMany"]>;

/**
 * One answer to "how many cards by": "85 % (pessimistic): at least 4 cards", or, when the pace would
 * finish every remaining card, "all 3 remaining; the team's pace would allow about 5".
 */
export const howManySentence = (
  words: ChartWords,
  level: HowManyAnswer["levels"][number],
  remaining: number,
): string => {
  const head = levelText(words, level.confidence, level.label);
  if (level.pace < remaining)
    return words.t("charts.forecast.howManyAtLeast", { level: head, cards: level.cards });
  return level.pace > remaining
    ? words.t("charts.forecast.howManyAllPace", { level: head, remaining, pace: oneDecimal(level.pace) })
    : words.t("charts.forecast.howManyAll", { level: head, remaining });
};

/** Why there is no forecast yet, from the reason the forecast gives. */
export const insufficientText = (
  words: ChartWords,
  forecast: Extract<Forecast, { status: "insufficient_history" }>,
): string => {
  const weeks = forecast.throughput.length;
  if (forecast.reason === "no_history") return words.t("charts.forecast.noHistory");
  if (forecast.reason === "no_completions") return words.t("charts.forecast.noCompletions", { weeks });
  return words.t("charts.forecast.tooFewWeeks", {
    completed: forecast.throughput.filter((w) => w.completed > 0).length,
    weeks,
    minimum: forecastDefaults.minWeeksWithCompletions,
  });
};

/** The text summary of the forecast chart: what the lines show, in words. */
export const forecastSummary = (words: ChartWords, reply: ForecastChartReply): string => {
  const last = reply.burnup.at(-1);
  const f = reply.forecast;
  const head = last
    ? words.t("charts.forecast.summaryHead", {
        completed: last.completed,
        scope: last.scope,
        date: formatDate(words, last.date),
        remaining: f.remaining,
      })
    : words.t("charts.forecast.summaryHeadEmpty", { remaining: f.remaining });
  if (f.status === "done") return words.t("charts.forecast.summaryDone", { head });
  if (f.status === "insufficient_history")
    return words.t("charts.forecast.summaryInsufficient", { head, reason: insufficientText(words, f) });
  return words.t("charts.forecast.summaryForecast", {
    head,
    trials: f.trials,
    levels: forecastDateSentences(words, f).join(words.t("charts.list.semicolon")),
  });
};

/** Parses "15,50,85" into sorted distinct levels between 1 and 99; falls back when invalid. */
export const parseConfidences = (
  text: string | null,
  fallback: readonly number[] = forecastDefaults.confidences,
): number[] => {
  if (!text) return [...fallback];
  const values = text
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 99);
  const distinct = [...new Set(values)].sort((a, b) => a - b).slice(0, 9);
  return distinct.length > 0 ? distinct : [...fallback];
};

// ---------- time chart ----------

export type TimeMetric = "lead" | "reaction" | "cycle";

export const metricName = (words: ChartWords, metric: TimeMetric): string =>
  words.t(`charts.metric.${metric}`);

type TimePoint = TimeChartView["points"][number];

const metricValue = (point: TimePoint, metric: TimeMetric): number | null =>
  metric === "lead" ? point.leadDays : metric === "reaction" ? point.reactionDays : point.cycleDays;

export interface ScatterSeries {
  /** Completion times in seconds, ascending. */
  x: number[];
  /** Days of the chosen metric. */
  y: number[];
  cardIds: string[];
  names: string[];
}

/** Completed cards as (completion time, days) for one metric, sorted by completion; cards without a value are left out. */
export const scatterSeries = (reply: TimeChartView, metric: TimeMetric): ScatterSeries => {
  const rows: { x: number; y: number; id: string; name: string }[] = [];
  for (const point of reply.points) {
    const value = metricValue(point, metric);
    if (value === null) continue;
    rows.push({ x: Date.parse(point.completedAt) / 1000, y: value, id: point.cardId, name: point.name });
  }
  rows.sort((a, b) => a.x - b.x);
  return {
    x: rows.map((r) => r.x),
    y: rows.map((r) => r.y),
    cardIds: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
  };
};

export interface PercentileLine {
  key: "median" | "p85" | "p95";
  label: string;
  value: number;
}

export const percentileLines = (words: ChartWords, summary: TimeChartView["lead"]): PercentileLine[] => {
  const lines: PercentileLine[] = [];
  for (const key of ["median", "p85", "p95"] as const) {
    const value = summary[key];
    if (value !== null) lines.push({ key, label: words.t(`charts.percentile.${key}`), value });
  }
  return lines;
};

export const histogramSeries = (bins: TimeChartView["histograms"]["lead"]): { x: number[]; y: number[] } => {
  const sorted = [...bins].sort((a, b) => a.days - b.days);
  return { x: sorted.map((b) => b.days), y: sorted.map((b) => b.count) };
};

export const timeSummary = (words: ChartWords, reply: TimeChartView, metric: TimeMetric): string => {
  const summary = reply[metric];
  const period = formatPeriod(words, reply.from, reply.to);
  if (summary.count === 0) return words.t("charts.time.summaryNone", { metric, period });
  const parts = percentileLines(words, summary).map((l) =>
    words.t(`charts.time.part.${l.key}`, { days: formatDays(words, l.value) }),
  );
  if (summary.average !== null)
    parts.push(words.t("charts.time.part.average", { days: formatDays(words, oneDecimal(summary.average)) }));
  return words.t("charts.time.summary", { count: summary.count, period, metric, parts: list(words, parts) });
};

export interface StatusTimeRow {
  statusId: string;
  name: string;
  days: number;
}

/** Time per status summed over the completed cards, in board order (statuses not in the board last). */
export const statusTimeRows = (words: ChartWords, reply: TimeChartView): StatusTimeRow[] => {
  const byId = new Map(reply.timeInStatus.map((s) => [s.statusId, s.days]));
  const rows: StatusTimeRow[] = reply.statuses.map((s) => ({
    statusId: s.id,
    name: s.name,
    days: byId.get(s.id) ?? 0,
  }));
  for (const s of reply.timeInStatus) {
    if (!reply.statuses.some((status) => status.id === s.statusId)) {
      rows.push({ statusId: s.statusId, name: words.t("charts.time.deletedStatus"), days: s.days });
    }
  }
  return rows;
};

/**
 * Vertical positions (pixels, in the order given) for labels that want to sit at `wanted` but must be
 * at least `gap` apart and within [min, max]: pushed up in order (labels sit above their lines, so
 * the lowest keeps its place), then back down from the top edge. Keeps "85th percentile" from
 * printing over "Median" when the two are close.
 */
export const spreadLabels = (wanted: readonly number[], gap: number, min: number, max: number): number[] => {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.min(max, Math.max(min, o.y)));
  for (let k = placed.length - 2; k >= 0; k--) {
    placed[k] = Math.min(placed[k] ?? 0, (placed[k + 1] ?? 0) - gap);
  }
  if (placed.length > 0 && (placed[0] ?? 0) < min) {
    placed[0] = min;
    for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + gap);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((o, k) => {
    result[o.i] = placed[k] ?? o.y;
  });
  return result;
};

/**
 * A row (0 = nearest the plot) for each horizontal span, taken in the order given, so that spans on
 * one row are at least `gap` apart: the forecast's date labels stack, earliest date lowest, instead of
 * printing over each other.
 */
export const stackRows = (spans: ReadonlyArray<{ left: number; right: number }>, gap: number): number[] => {
  const rowSpans: Array<Array<{ left: number; right: number }>> = [];
  return spans.map((span) => {
    const fits = (row: ReadonlyArray<{ left: number; right: number }>) =>
      row.every((other) => span.left >= other.right + gap || other.left >= span.right + gap);
    let row = rowSpans.findIndex(fits);
    if (row === -1) row = rowSpans.push([]) - 1;
    rowSpans[row]?.push(span);
    return row;
  });
};

/** Index of the point nearest to (cx, cy) in pixels, or -1 when none is within `maxDistance`. */
export const nearestPointIndex = (
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  cx: number,
  cy: number,
  maxDistance: number,
): number => {
  let best = -1;
  let bestDistance = maxDistance * maxDistance + 1e-9;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] ?? Number.NaN) - cx;
    const dy = (ys[i] ?? Number.NaN) - cy;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
};

// ---------- period ----------

export type PeriodPreset = "30" | "90" | "custom";

/** The period of a range chart from the URL (`period=30|90|custom&from=&to=`), relative to `today`. */
export const periodFromQuery = (
  search: URLSearchParams,
  today: string,
): { preset: PeriodPreset; from: string; to: string } => {
  const preset = search.get("period");
  const isDate = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);
  if (preset === "custom") {
    const to = isDate(search.get("to")) ? (search.get("to") as string) : today;
    const from = isDate(search.get("from")) ? (search.get("from") as string) : addDays(to, -89);
    return { preset: "custom", from, to };
  }
  const days = preset === "30" ? 30 : 90;
  return { preset: days === 30 ? "30" : "90", from: addDays(today, -(days - 1)), to: today };
};

export const todayIso = (now = Date.now()): string => new Date(now).toISOString().slice(0, 10);

// ---------- cumulative flow ----------

export interface FlowLayer {
  statusId: string;
  name: string;
  role: CumulativeFlowReply["statuses"][number]["role"];
  /** Cards in this status per day. */
  counts: number[];
  /** Top edge of this layer: its count plus those of every later status (the last status is the bottom). */
  top: number[];
}

export interface FlowSeries {
  x: number[];
  /** In board order; the first status is the top layer. */
  layers: FlowLayer[];
}

export const flowSeries = (reply: CumulativeFlowReply): FlowSeries => {
  const x = reply.days.map((d) => isoDateToSeconds(d.date));
  const n = reply.statuses.length;
  const layers: FlowLayer[] = reply.statuses.map((s, i) => ({
    statusId: s.id,
    name: s.name,
    role: s.role,
    counts: reply.days.map((d) => d.counts[i] ?? 0),
    top: [],
  }));
  const running = new Array<number>(reply.days.length).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const layer = layers[i];
    if (!layer) continue;
    for (let d = 0; d < running.length; d++) running[d] = (running[d] ?? 0) + (layer.counts[d] ?? 0);
    layer.top = [...running];
  }
  return { x, layers };
};

export const flowSummary = (words: ChartWords, reply: CumulativeFlowReply): string => {
  const last = reply.days.at(-1);
  const byStatus = last
    ? list(
        words,
        reply.statuses.map((s, i) =>
          words.t("charts.flow.statusCount", { status: s.name, count: last.counts[i] ?? 0 }),
        ),
      )
    : words.t("charts.flow.noDays");
  const cycle =
    reply.approximateCycleDays === null
      ? words.t("charts.flow.cycleNone")
      : words.t("charts.flow.cycle", { duration: formatDuration(words, reply.approximateCycleDays) });
  const measured =
    reply.measuredFrom === null
      ? words.t("charts.flow.noCards")
      : words.t("charts.flow.measured", {
          date: formatDate(words, reply.measuredFrom),
          days: reply.measuredDays,
          wip: formatMeasure(words, reply.averageWip),
          completed: reply.completions,
          rate: formatMeasure(words, reply.throughputPerDay),
          cycle,
        });
  return words.t("charts.flow.summary", {
    period: formatPeriod(words, reply.from, reply.to),
    byStatus,
    wip: reply.currentWip,
    measured,
  });
};
