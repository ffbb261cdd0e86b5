/**
 * Calendar arithmetic for the charts. Every chart counts in UTC calendar days so the server and the
 * browser agree whatever their time zones: a "day" is a whole number of days since 1970-01-01 UTC and
 * an ISO date string (`YYYY-MM-DD`) names one.
 */

export const DAY_MS = 86_400_000;

/** The UTC calendar day (days since the epoch) that contains this instant. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

export const startOfDay = (day: number): number => day * DAY_MS;

export const isoDateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The day an ISO date (`YYYY-MM-DD`) names; throws on anything else (schemas validate first). */
export const dayOfIsoDate = (date: string): number => {
  const ms = isoDatePattern.test(date) ? Date.parse(`${date}T00:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${date}`);
  return dayOf(ms);
};

/**
 * Whole calendar days from `startMs` to `endMs`, counting both ends: the UTC date of the end minus the
 * UTC date of the start, plus one. A card created and finished on the same date took 1 day; one
 * created at 23:00 and finished at 01:00 the next date took 2. Never less than 1.
 */
export const calendarDays = (startMs: number, endMs: number): number =>
  Math.max(1, dayOf(endMs) - dayOf(startMs) + 1);

/** Elapsed time in (fractional) days, for durations that are summed, like time in a status. */
export const elapsedDays = (ms: number): number => ms / DAY_MS;
