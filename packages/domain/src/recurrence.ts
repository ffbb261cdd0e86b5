/**
 * Repeating cards: reading a rule, the series' occurrence dates, and when the next one is due.
 *
 * Cards carry calendar dates, not instants, so a rule is expanded on "floating" dates: each date is
 * midnight UTC of that calendar day and only its year, month and day are read back. A time zone's
 * daylight-saving change therefore never moves an occurrence to another day. The series' time zone
 * decides what "today" is: the instant its next occurrence is due ("N days before its date" means
 * from local midnight of that day) and where the calendar's upcoming window starts.
 *
 * The rule is RFC 5545 RRULE text, read by the `rrule` library after a strict check of its parts
 * (rrule itself loops forever on a non-numeric INTERVAL and reads an unknown weekday as a crash).
 */
import * as rruleModule from "rrule";
import { addDays } from "./dates.js";
import { DomainError, ErrorCode, type RefusalKey, type RefusalMessage } from "./errors.js";

// rrule ships CommonJS for Node (whose ESM loader sees no named exports in it) and ESM for bundlers.
const rrule: typeof rruleModule =
  "RRule" in rruleModule && rruleModule.RRule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default;

export const repeatLimits = {
  ruleMax: 500,
  endsAfterMax: 1000,
  daysBeforeMax: 365,
  intervalMax: 999,
  /** Upcoming occurrences a calendar or feed shows per series at most. */
  upcomingMax: 60,
} as const;

/** A rule as stored: the RRULE without DTSTART, COUNT and UNTIL, and the end taken out of it. */
export interface ParsedRule {
  rule: string;
  count: number | null;
  until: string | null;
}

export interface SeriesShape {
  rule: string;
  anchorDate: string;
  endsAfter: number | null;
  endsOn: string | null;
}

/** A rule's problem: the English sentence and the same as a `refusal.repeat.*` message. */
interface RuleProblem {
  message: string;
  refusal: RefusalMessage;
}

const said = (message: string, key: RefusalKey, values?: RefusalMessage["values"]): RuleProblem => ({
  message,
  refusal: values ? { key, values } : { key },
});

/** 422 naming the rule's problem, the same sentence as the problem's detail and its field's message. */
export const unprocessableRule = ({ message, refusal }: RuleProblem, field = "body.rule"): DomainError =>
  new DomainError(ErrorCode.unprocessable, message, [{ field, message }], { ...refusal, fields: [refusal] });

const frequencies = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
const weekdayPattern = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

const intList = (value: string, min: number, max: number, allowZero = false): boolean =>
  value.split(",").every((part) => {
    if (!/^[+-]?\d{1,3}$/.test(part)) return false;
    const n = Number(part);
    return n >= min && n <= max && (allowZero || n !== 0);
  });

/** `20270131` or `20270131T000000Z` → `2027-01-31`; null when it is not such a date. */
const untilDate = (value: string): string | null => {
  const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
};

/** Checks one `NAME=value` part; an error message, or null when it is well formed. */
const checkPart = (name: string, value: string): RuleProblem | null => {
  switch (name) {
    case "FREQ":
      if (["HOURLY", "MINUTELY", "SECONDLY"].includes(value))
        return said(
          "Cards have dates, not times: a card repeats at most daily (FREQ=DAILY)",
          "refusal.repeat.notHourly",
        );
      return (frequencies as readonly string[]).includes(value)
        ? null
        : said(
            `Invalid frequency: ${value} (use DAILY, WEEKLY, MONTHLY or YEARLY)`,
            "refusal.repeat.frequency",
            {
              value,
            },
          );
    case "INTERVAL":
      return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= repeatLimits.intervalMax
        ? null
        : said(
            `INTERVAL must be a whole number from 1 to ${repeatLimits.intervalMax}`,
            "refusal.repeat.interval",
            {
              max: repeatLimits.intervalMax,
            },
          );
    case "COUNT":
      return /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= repeatLimits.endsAfterMax
        ? null
        : said(
            `COUNT must be a whole number from 1 to ${repeatLimits.endsAfterMax}`,
            "refusal.repeat.count",
            {
              max: repeatLimits.endsAfterMax,
            },
          );
    case "UNTIL":
      return untilDate(value) ? null : said("UNTIL must be a date such as 20271231", "refusal.repeat.until");
    case "BYDAY":
      return value.split(",").every((d) => {
        const m = weekdayPattern.exec(d);
        return m !== null && (m[1] === undefined || (Number(m[1]) !== 0 && Math.abs(Number(m[1])) <= 53));
      })
        ? null
        : said(
            `Invalid weekday list: ${value} (use MO, TU, WE, TH, FR, SA, SU, optionally numbered like 2TU or -1FR)`,
            "refusal.repeat.byDay",
            { value },
          );
    case "BYMONTHDAY":
      return intList(value, -31, 31)
        ? null
        : said("BYMONTHDAY must list days from 1 to 31 (or -31 to -1)", "refusal.repeat.byMonthDay");
    case "BYMONTH":
      return intList(value, 1, 12)
        ? null
        : said("BYMONTH must list months from 1 to 12", "refusal.repeat.byMonth");
    case "BYSETPOS":
      return intList(value, -366, 366)
        ? null
        : said("BYSETPOS must list positions from 1 to 366 (or negative)", "refusal.repeat.bySetPos");
    case "BYYEARDAY":
      return intList(value, -366, 366)
        ? null
        : said("BYYEARDAY must list days from 1 to 366 (or negative)", "refusal.repeat.byYearDay");
    case "BYWEEKNO":
      return intList(value, -53, 53)
        ? null
        : said("BYWEEKNO must list weeks from 1 to 53 (or negative)", "refusal.repeat.byWeekNo");
    case "WKST":
      return /^(MO|TU|WE|TH|FR|SA|SU)$/.test(value)
        ? null
        : said("WKST must be a weekday such as MO", "refusal.repeat.weekStart");
    case "DTSTART":
      return said(
        "DTSTART is not part of a card's rule: the series starts at the card's date",
        "refusal.repeat.dtstart",
      );
    default:
      return null; // rrule names anything else it does not know ("Unknown RRULE property 'X'").
  }
};

/**
 * Reads RRULE text (with or without the `RRULE:` prefix) or refuses it with a 422 naming the part
 * that is wrong, in rrule's words where rrule is the one that objects. COUNT and UNTIL are taken out
 * as the series' end.
 */
export const parseRule = (text: string): ParsedRule | DomainError => {
  const body = text.trim().replace(/^RRULE:/i, "");
  if (body === "")
    return unprocessableRule(
      said("The rule is empty; give one such as FREQ=WEEKLY;BYDAY=MO", "refusal.repeat.empty"),
    );
  if (body.length > repeatLimits.ruleMax)
    return unprocessableRule(
      said(`The rule is over ${repeatLimits.ruleMax} characters`, "refusal.repeat.tooLong", {
        max: repeatLimits.ruleMax,
      }),
    );
  const kept: string[] = [];
  let count: number | null = null;
  let until: string | null = null;
  const seen = new Set<string>();
  for (const part of body.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0)
      return unprocessableRule(
        said(`Invalid rule part '${part}' (expected NAME=value)`, "refusal.repeat.part", { part }),
      );
    const name = part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1).toUpperCase();
    if (seen.has(name))
      return unprocessableRule(said(`${name} appears twice in the rule`, "refusal.repeat.twice", { name }));
    seen.add(name);
    const problem = checkPart(name, value);
    if (problem) return unprocessableRule(problem);
    if (name === "COUNT") count = Number(value);
    else if (name === "UNTIL") until = untilDate(value);
    else kept.push(`${name}=${value}`);
  }
  if (!seen.has("FREQ"))
    return unprocessableRule(
      said("The rule needs a frequency, such as FREQ=WEEKLY", "refusal.repeat.noFrequency"),
    );
  if (count !== null && until !== null)
    return unprocessableRule(
      said("A rule ends by COUNT or by UNTIL, not both", "refusal.repeat.countAndUntil"),
    );
  const rule = kept.join(";");
  try {
    new rrule.RRule({ ...rrule.RRule.parseString(rule), dtstart: floating("2000-01-01") });
  } catch (error) {
    // rrule's own words stay English: they come from the library.
    const reason = error instanceof Error ? error.message : String(error);
    return unprocessableRule(said(reason, "refusal.repeat.unreadable", { reason }));
  }
  return { rule, count, until };
};

/** Midnight UTC of a calendar day: how a date goes into rrule. */
const floating = (day: string): Date => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

const ruleOf = (series: SeriesShape) =>
  new rrule.RRule({ ...rrule.RRule.parseString(series.rule), dtstart: floating(series.anchorDate) });

/**
 * The series' next date after `after`, when `countSoFar` occurrences exist: null once the series
 * has made `endsAfter` of them or the next date would pass `endsOn`.
 */
export const nextOccurrence = (series: SeriesShape, after: string, countSoFar: number): string | null => {
  if (series.endsAfter !== null && countSoFar >= series.endsAfter) return null;
  const next = ruleOf(series).after(floating(after), false);
  if (!next) return null;
  const day = dayOf(next);
  return series.endsOn !== null && day > series.endsOn ? null : day;
};

/**
 * The occurrences still to come after the current one (`occurrenceDate`, the `occurrenceCount`th),
 * from `from` to `to` inclusive and at most `limit` of them: what a calendar shows before the
 * cards exist.
 */
export const upcomingOccurrences = (
  series: SeriesShape & { occurrenceDate: string; occurrenceCount: number },
  from: string,
  to: string,
  limit: number = repeatLimits.upcomingMax,
): string[] => {
  const dates: string[] = [];
  let count = series.occurrenceCount;
  let after = series.occurrenceDate;
  while (dates.length < limit) {
    const next = nextOccurrence(series, after, count);
    if (next === null || next > to) break;
    if (next >= from) dates.push(next);
    count += 1;
    after = next;
  }
  return dates;
};

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
const zoneOffset = (instant: Date, zone: string): number => {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormats.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - (instant.getTime() - instant.getUTCMilliseconds());
};

/** The instant a calendar day begins in an IANA time zone (the offset of that midnight, DST included). */
export const startOfDayIn = (day: string, timeZone: string): Date => {
  const utcMidnight = floating(day).getTime();
  const guess = utcMidnight - zoneOffset(new Date(utcMidnight), timeZone);
  // A second pass settles days whose offset differs from the one at UTC midnight.
  return new Date(utcMidnight - zoneOffset(new Date(guess), timeZone));
};

/** For a series made "N days before": the instant its next occurrence is due (null: none is). */
export const occurrenceDueAt = (
  createWhen: "completed" | "before_start",
  nextDate: string | null,
  daysBefore: number,
  timeZone: string,
): Date | null =>
  createWhen === "before_start" && nextDate !== null
    ? startOfDayIn(addDays(nextDate, -daysBefore), timeZone)
    : null;

/**
 * The date a card's occurrence is scheduled by: its start date, else its due date (null: it has
 * neither, and cannot repeat).
 */
export const occurrenceDateOf = (card: { startDate: string | null; dueDate: string | null }): string | null =>
  card.startDate ?? card.dueDate;

/**
 * The next occurrence's dates: the same kinds of date as the previous card, moved so that the date
 * it is scheduled by is `nextDate` and the time between start and due is kept.
 */
export const shiftedDates = (
  card: { startDate: string | null; dueDate: string | null },
  nextDate: string,
): { startDate: string | null; dueDate: string | null } => {
  if (card.startDate !== null) {
    const length =
      card.dueDate !== null
        ? Math.round((floating(card.dueDate).getTime() - floating(card.startDate).getTime()) / 86_400_000)
        : null;
    return { startDate: nextDate, dueDate: length === null ? null : addDays(nextDate, length) };
  }
  return {
    startDate: card.dueDate === null ? nextDate : null,
    dueDate: card.dueDate === null ? null : nextDate,
  };
};
