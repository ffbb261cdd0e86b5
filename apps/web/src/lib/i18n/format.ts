/**
 * Dates and numbers in the person's locale and time zone, through Intl. One formatter per style is
 * made when a language is applied and reused; components read them from the translator
 * (`useTranslator().format`), never call toLocaleString themselves.
 */

export interface Formatters {
  /** Items side by side, "To Do, Doing, Done" (no "and"): names in a row, counts in a summary. */
  unitList: (items: readonly string[]) => string;
  /** "7 Dec 2026, 15:41" in the person's zone. */
  dateTime: (value: string | Date) => string;
  /** "7 Dec 2026" in the person's zone. */
  date: (value: string | Date) => string;
  /** "15:41" in the person's zone. */
  time: (value: string | Date) => string;
  /** 1,234 / 1.234 / ١٬٢٣٤ */
  number: (value: number) => string;
  /** Two calendar days (YYYY-MM-DD) as a span, "3 Mar – 30 Apr 2027"; one date when they are the same day. */
  dayRange: (start: string, end: string) => string;
  /** "3 minutes ago", "yesterday", "in 2 days": the nearest whole unit from `now`. */
  relative: (value: string | Date, now?: Date) => string;
  /** A calendar day's month and year, "Dec 2026": a chart's date axis ticks a month or more apart. */
  monthYear: (day: string) => string;
  /** A calendar day as its weekday's initial and its day of the month, "M 7": day columns. */
  weekdayDay: (day: string) => string;
  /**
   * A calendar day (YYYY-MM-DD) without its zone: "Jan 12", or "Jan 12, 2027" with the year (chart axis
   * ticks, column heads of time grids, dates on cards).
   */
  calendarDay: (day: string, withYear?: boolean) => string;
  /** A weekday's name, 0 for Monday to 6 for Sunday: "Tuesday" (long) or "Tue" (short). */
  weekday: (index: number, width?: "long" | "short") => string;
  /** "Monday, Wednesday and Friday": a list joined the language's way. */
  list: (items: readonly string[]) => string;
}

const toDate = (value: string | Date) => (typeof value === "string" ? new Date(value) : value);

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

export const makeFormatters = (locale: string, timeZone: string): Formatters => {
  const unitList = new Intl.ListFormat(locale, { type: "unit", style: "short" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  // Calendar days are zone-free: read and shown at UTC midnight.
  const day = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const utcDay = (value: string) => new Date(`${value}T00:00:00Z`);
  const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const weekdayDay = new Intl.DateTimeFormat(locale, { weekday: "narrow", day: "numeric", timeZone: "UTC" });
  const weekdays = {
    long: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }),
    short: new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }),
  };
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  return {
    unitList: (items) => unitList.format(items),
    dateTime: (value) => dateTime.format(toDate(value)),
    date: (value) => date.format(toDate(value)),
    time: (value) => time.format(toDate(value)),
    number: (value) => number.format(value),
    dayRange: (start, end) =>
      start === end ? day.format(utcDay(end)) : day.formatRange(utcDay(start), utcDay(end)),
    relative: (value, now = new Date()) => {
      const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
      const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
      return relative.format(Math.round(seconds / size), unit);
    },
    monthYear: (value) => monthYear.format(utcDay(value)),
    weekdayDay: (value) => weekdayDay.format(utcDay(value)),
    calendarDay: (value, withYear = false) => (withYear ? day : dayMonth).format(utcDay(value)),
    // 2024-01-01 was a Monday.
    weekday: (index, width = "long") => weekdays[width].format(new Date(Date.UTC(2024, 0, 1 + index))),
    list: (items) => list.format(items),
  };
};
