/**
 * A repeat rule in words ("every 2nd Tuesday"), in the reader's language. It reads the RRULE text
 * itself (no rrule import) and says it with one message per frequency; the weekdays, lists and dates
 * come from the caller's Intl formatters. The caller passes its own catalog's messages (`RepeatWords`):
 * the server's iCalendar feeds say them from `ical.repeat.*` (i18n/en.ts), so this module imports no
 * catalog and stays cheap to import anywhere. A rule with parts it does not put into words reads "on a
 * custom rule".
 */
import type { CardRepeat } from "./schemas.js";

/** The messages a repeat rule is said with, named without the caller's prefix. */
export type RepeatMessage =
  | "summary"
  | "rule.daily"
  | "rule.weekly"
  | "rule.weekdays"
  | "rule.weeklyOn"
  | "rule.monthly"
  | "rule.monthlyDay"
  | "rule.monthlyLastDay"
  | "rule.monthlyWeekday"
  | "rule.yearly"
  | "rule.yearlyOn"
  | "rule.custom"
  | "nthWeekday"
  | "lastWeekday"
  | "nthLastWeekday";

export interface RepeatWords {
  say(key: RepeatMessage, values?: Record<string, string | number>): string;
  /** A weekday's name, 0 for Monday to 6 for Sunday. */
  weekday(index: number): string;
  /** "Monday, Wednesday and Friday". */
  list(items: readonly string[]): string;
  /** A calendar day (YYYY-MM-DD), with its year or without. */
  calendarDay(day: string, withYear: boolean): string;
}

const weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
type WeekdayCode = (typeof weekdayCodes)[number];
const isWeekday = (code: string): code is WeekdayCode => (weekdayCodes as readonly string[]).includes(code);

const partsOf = (rule: string): Map<string, string> =>
  new Map(
    rule
      .replace(/^RRULE:/i, "")
      .split(";")
      .filter((p) => p.includes("="))
      .map((p) => [p.slice(0, p.indexOf("=")).toUpperCase(), p.slice(p.indexOf("=") + 1).toUpperCase()]),
  );

const knownParts = new Set([
  "FREQ",
  "INTERVAL",
  "BYDAY",
  "BYMONTHDAY",
  "BYSETPOS",
  "BYMONTH",
  "COUNT",
  "UNTIL",
  "WKST",
]);

/** A weekday of the month in words: "2nd Tuesday", "last Friday", "2nd to last Monday". */
const numberedWeekday = (words: RepeatWords, n: number, code: WeekdayCode): string => {
  const weekday = words.weekday(weekdayCodes.indexOf(code));
  if (n === -1) return words.say("lastWeekday", { weekday });
  if (n < 0) return words.say("nthLastWeekday", { n: -n, weekday });
  return words.say("nthWeekday", { n, weekday });
};

/** The rule in words, starting with "every"; null when it holds parts this does not describe. */
export const describeRule = (words: RepeatWords, rule: string): string | null => {
  const { say } = words;
  const parts = partsOf(rule);
  const freq = parts.get("FREQ");
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const byDay = parts.get("BYDAY")?.split(",") ?? [];
  const byMonthDay = parts.get("BYMONTHDAY")?.split(",").map(Number) ?? [];
  const bySetPos = parts.get("BYSETPOS");
  const byMonth = parts.get("BYMONTH")?.split(",").map(Number) ?? [];
  if ([...parts.keys()].some((k) => !knownParts.has(k)) || !Number.isInteger(interval) || interval < 1)
    return null;
  const plainDays = byDay.filter(isWeekday);
  const arePlain = plainDays.length === byDay.length;
  switch (freq) {
    case "DAILY":
      return byDay.length === 0 && byMonthDay.length === 0 && !bySetPos && byMonth.length === 0
        ? say("rule.daily", { interval })
        : null;
    case "WEEKLY": {
      if (byMonthDay.length > 0 || bySetPos || byMonth.length > 0 || !arePlain) return null;
      if (byDay.length === 0) return say("rule.weekly", { interval });
      const sorted = weekdayCodes.filter((code) => plainDays.includes(code));
      if (interval === 1 && sorted.join(",") === "MO,TU,WE,TH,FR") return say("rule.weekdays");
      const days = words.list(sorted.map((code) => words.weekday(weekdayCodes.indexOf(code))));
      return say("rule.weeklyOn", { interval, days });
    }
    case "MONTHLY": {
      if (byMonth.length > 0) return null;
      // A weekday of the month reads "every 2nd Tuesday"; a day of the month "every month on the 15th".
      const setPos = bySetPos && /^-?\d+$/.test(bySetPos) ? Number(bySetPos) : null;
      const first = byDay[0] ?? "";
      let weekday: string | null = null;
      if (byDay.length === 1 && !bySetPos && byMonthDay.length === 0) {
        const m = /^([+-]?\d{1,2})(MO|TU|WE|TH|FR|SA|SU)$/.exec(first);
        if (m?.[1] && m[2] && Number(m[1]) !== 0)
          weekday = numberedWeekday(words, Number(m[1]), m[2] as WeekdayCode);
      } else if (
        byDay.length === 1 &&
        isWeekday(first) &&
        setPos !== null &&
        setPos !== 0 &&
        byMonthDay.length === 0
      )
        weekday = numberedWeekday(words, setPos, first);
      else if (byMonthDay.length === 1 && byDay.length === 0 && !bySetPos) {
        const day = byMonthDay[0] ?? 1;
        if (day === -1) return say("rule.monthlyLastDay", { interval });
        return day > 0 ? say("rule.monthlyDay", { interval, day }) : null;
      } else if (byDay.length === 0 && byMonthDay.length === 0 && !bySetPos)
        return say("rule.monthly", { interval });
      return weekday === null ? null : say("rule.monthlyWeekday", { interval, weekday });
    }
    case "YEARLY": {
      if (byDay.length > 0 || bySetPos) return null;
      if (byMonth.length === 0 && byMonthDay.length === 0) return say("rule.yearly", { interval });
      const month = byMonth[0] ?? 0;
      const day = byMonthDay[0] ?? 0;
      if (
        byMonth.length === 1 &&
        byMonthDay.length === 1 &&
        month >= 1 &&
        month <= 12 &&
        day > 0 &&
        day <= 31
      ) {
        const date = words.calendarDay(
          `2000-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
          false,
        );
        return say("rule.yearlyOn", { interval, date });
      }
      return null;
    }
    default:
      return null;
  }
};

/**
 * "Repeats every 2nd Tuesday; next 12 Jan" (the year shown when it is not `today`'s), with the end
 * when there is one ("5 times", "until 1 Mar 2027") and "no further occurrence" once the series ended.
 */
export const repeatSummary = (
  words: RepeatWords,
  repeat: Pick<CardRepeat, "rule" | "endsAfter" | "endsOn" | "nextDate">,
  today: string,
): string => {
  const thisYear = today.slice(0, 4);
  const day = (value: string) => words.calendarDay(value, value.slice(0, 4) !== thisYear);
  const rule = describeRule(words, repeat.rule) ?? words.say("rule.custom", { rule: repeat.rule });
  return words.say("summary", {
    rule,
    end: repeat.endsAfter !== null ? "after" : repeat.endsOn !== null ? "on" : "never",
    count: repeat.endsAfter ?? 0,
    until: repeat.endsOn === null ? "" : day(repeat.endsOn),
    hasNext: repeat.nextDate === null ? "no" : "yes",
    next: repeat.nextDate === null ? "" : day(repeat.nextDate),
  });
};
