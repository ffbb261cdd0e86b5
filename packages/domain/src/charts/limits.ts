/** Bounds of chart requests, in a module of their own (no zod) so the web app's address parsing can read them. */
export const chartLimits = {
  /** Longest period a chart may cover, in days (about ten years). */
  maxRangeDays: 3660,
  maxWindowWeeks: 260,
  minTrials: 100,
  maxTrials: 100_000,
  maxConfidences: 9,
  /** How far ahead a "how many by" target date may be, in days. */
  maxTargetDays: 3660,
} as const;
