/**
 * A repeat rule in words ("every 2nd Tuesday"), for the card front's tooltip and the card panel.
 * It reads the RRULE text itself (no rrule import), so the board's bundle stays small; a rule with
 * parts it does not put into words is shown as "on a custom rule".
 */
import type { CardRepeat } from "./schemas.js";

const dayNames: Record<string, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
const weekdayOrder = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const ordinal = (n: number): string => {
  if (n === -1) return "last";
  if (n < 0) return `${ordinal(-n)} to last`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;

const partsOf = (rule: string): Map<string, string> =>
  new Map(
    rule
      .replace(/^RRULE:/i, "")
      .split(";")
      .filter((p) => p.includes("="))
      .map((p) => [p.slice(0, p.indexOf("=")).toUpperCase(), p.slice(p.indexOf("=") + 1).toUpperCase()]),
  );

const every = (interval: number, unit: string): string =>
  interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s`;

/** A numbered weekday ("+2TU", "-1FR") in words ("2nd Tuesday", "last Friday"); null if not one. */
const numberedDay = (value: string): string | null => {
  const m = /^([+-]?\d{1,2})(MO|TU|WE|TH|FR|SA|SU)$/.exec(value);
  return m?.[1] && m[2] ? `${ordinal(Number(m[1]))} ${dayNames[m[2]]}` : null;
};

/** The rule in words, starting with "every"; null when it holds parts this does not describe. */
export const describeRule = (rule: string): string | null => {
  const parts = partsOf(rule);
  const freq = parts.get("FREQ");
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const byDay = parts.get("BYDAY")?.split(",") ?? [];
  const byMonthDay = parts.get("BYMONTHDAY")?.split(",").map(Number) ?? [];
  const bySetPos = parts.get("BYSETPOS");
  const byMonth = parts.get("BYMONTH")?.split(",").map(Number) ?? [];
  const known = new Set([
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
  if ([...parts.keys()].some((k) => !known.has(k)) || !Number.isInteger(interval) || interval < 1)
    return null;
  const plainDays = byDay.every((d) => d in dayNames);
  const sortedDays = [...byDay].sort((a, b) => weekdayOrder.indexOf(a) - weekdayOrder.indexOf(b));
  switch (freq) {
    case "DAILY":
      return byDay.length === 0 && byMonthDay.length === 0 && !bySetPos && byMonth.length === 0
        ? every(interval, "day")
        : null;
    case "WEEKLY": {
      if (byMonthDay.length > 0 || bySetPos || byMonth.length > 0 || !plainDays) return null;
      if (byDay.length === 0) return every(interval, "week");
      if (interval === 1 && sortedDays.join(",") === "MO,TU,WE,TH,FR") return "every weekday";
      return `${every(interval, "week")} on ${list(sortedDays.map((d) => dayNames[d] ?? d))}`;
    }
    case "MONTHLY": {
      if (byMonth.length > 0) return null;
      // A weekday of the month reads "every 2nd Tuesday"; a day of the month "every month on the 15th".
      let weekday: string | null = null;
      let monthDay: string | null = null;
      const setPos = bySetPos && /^-?\d+$/.test(bySetPos) ? Number(bySetPos) : null;
      if (byDay.length === 1 && !bySetPos && byMonthDay.length === 0) weekday = numberedDay(byDay[0] ?? "");
      else if (byDay.length === 1 && plainDays && setPos !== null && byMonthDay.length === 0)
        weekday = `${ordinal(setPos)} ${dayNames[byDay[0] ?? ""]}`;
      else if (byMonthDay.length === 1 && byDay.length === 0 && !bySetPos)
        monthDay = byMonthDay[0] === -1 ? "last day" : ordinal(byMonthDay[0] ?? 1);
      else if (byDay.length === 0 && byMonthDay.length === 0 && !bySetPos) return every(interval, "month");
      if (weekday !== null)
        return interval === 1 ? `every ${weekday}` : `${every(interval, "month")} on the ${weekday}`;
      return monthDay === null ? null : `${every(interval, "month")} on the ${monthDay}`;
    }
    case "YEARLY": {
      if (byDay.length > 0 || bySetPos) return null;
      if (byMonth.length === 0 && byMonthDay.length === 0) return every(interval, "year");
      if (byMonth.length === 1 && byMonthDay.length === 1 && (byMonthDay[0] ?? 0) > 0)
        return `${every(interval, "year")} on ${monthNames[(byMonth[0] ?? 1) - 1]} ${byMonthDay[0]}`;
      return null;
    }
    default:
      return null;
  }
};

const shortDate = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** "Jan 12" for a calendar date (the year too when it is not `thisYear`). */
export const repeatDateLabel = (day: string, thisYear?: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  return (thisYear === undefined || day.slice(0, 4) === thisYear ? shortDate : longDate).format(date);
};

/**
 * "Repeats every 2nd Tuesday; next Jan 12", with the end when there is one ("5 times", "until
 * Mar 1, 2027") and "no further occurrence" once the series has ended.
 */
export const repeatSummary = (
  repeat: Pick<CardRepeat, "rule" | "endsAfter" | "endsOn" | "nextDate">,
  thisYear?: string,
): string => {
  const words = describeRule(repeat.rule) ?? `on a custom rule (${repeat.rule})`;
  const end =
    repeat.endsAfter !== null
      ? `, ${repeat.endsAfter} ${repeat.endsAfter === 1 ? "time" : "times"}`
      : repeat.endsOn !== null
        ? `, until ${repeatDateLabel(repeat.endsOn, thisYear)}`
        : "";
  const next =
    repeat.nextDate === null ? "no further occurrence" : `next ${repeatDateLabel(repeat.nextDate, thisYear)}`;
  return `Repeats ${words}${end}; ${next}`;
};
