/**
 * Summary statistics shared by the charts.
 *
 * The 85th and 95th percentiles use the nearest-rank method: the p-th percentile of n sorted values
 * is the value at rank ceil(p/100 · n) (1-based), so it is always one of the observed values and
 * "85 % of cards took at most p85 days" holds exactly. The median is the ordinary one, because that
 * is what a reader takes "median" to mean: the middle value, or for an even count the mean of the two
 * middle values (median of 1, 2, 3, 4 is 2.5).
 */

/** Nearest-rank percentile of values sorted ascending; `percent` in [0, 100]. Null when empty. */
export const nearestRank = (sortedAscending: readonly number[], percent: number): number | null => {
  const n = sortedAscending.length;
  if (n === 0) return null;
  // The epsilon keeps 0.15 · 100 = 15.000000000000002 from rounding up to the next rank.
  const rank = Math.ceil((percent / 100) * n - 1e-9);
  return sortedAscending[Math.min(n, Math.max(1, rank)) - 1] ?? null;
};

/** The ordinary median of values sorted ascending: the middle value, or the mean of the two middle ones. */
export const median = (sortedAscending: readonly number[]): number | null => {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const upper = sortedAscending[Math.floor(n / 2)] ?? 0;
  return n % 2 === 1 ? upper : ((sortedAscending[n / 2 - 1] ?? 0) + upper) / 2;
};

export interface Summary {
  count: number;
  average: number | null;
  median: number | null;
  p85: number | null;
  p95: number | null;
}

export const summarize = (values: readonly number[]): Summary => {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    average: sorted.length > 0 ? total / sorted.length : null,
    median: median(sorted),
    p85: nearestRank(sorted, 85),
    p95: nearestRank(sorted, 95),
  };
};

export interface HistogramBin {
  /** A whole number of days. */
  days: number;
  count: number;
}

/** Bins of whole days from the smallest to the largest value, empty bins included. */
export const histogram = (values: readonly number[]): HistogramBin[] => {
  if (values.length === 0) return [];
  const counts = new Map<number, number>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const raw of values) {
    const v = Math.floor(raw);
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bins: HistogramBin[] = [];
  for (let days = min; days <= max; days++) bins.push({ days, count: counts.get(days) ?? 0 });
  return bins;
};
