/**
 * The repeat editor's presets as RRULE text, built from the card's date (so "monthly on the second
 * Tuesday" means the card's own weekday and week of the month), and the panel's one-line summary.
 */
import { type CardRepeat, ordinal, repeatSummary } from "@lattice/domain";

export const repeatPresets = [
  "daily",
  "weekdays",
  "weekly",
  "monthly_day",
  "monthly_weekday",
  "yearly",
  "custom",
] as const;
export type RepeatPreset = (typeof repeatPresets)[number];

export const weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];
const weekdayNames: Record<WeekdayCode, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
export const weekdayName = (code: WeekdayCode): string => weekdayNames[code];

const partsOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = weekdayCodes[(date.getUTCDay() + 6) % 7] as WeekdayCode;
  return { weekday, dayOfMonth: date.getUTCDate(), month: date.getUTCMonth() + 1 };
};

/** The card's weekday in the month: 1..4, or -1 for the last one when it falls in the month's last week. */
export const weekOfMonth = (day: string): number => {
  const { dayOfMonth } = partsOf(day);
  const n = Math.ceil(dayOfMonth / 7);
  return n >= 5 ? -1 : n;
};

/** The RRULE of a preset for a card dated `day` (weekly: on `days`, the card's weekday when none). */
export const presetRule = (
  preset: Exclude<RepeatPreset, "custom">,
  day: string,
  days: readonly WeekdayCode[] = [],
): string => {
  const { weekday, dayOfMonth, month } = partsOf(day);
  switch (preset) {
    case "daily":
      return "FREQ=DAILY";
    case "weekdays":
      return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${(days.length > 0 ? weekdayCodes.filter((d) => days.includes(d)) : [weekday]).join(",")}`;
    case "monthly_day":
      return `FREQ=MONTHLY;BYMONTHDAY=${dayOfMonth}`;
    case "monthly_weekday": {
      const n = weekOfMonth(day);
      return `FREQ=MONTHLY;BYDAY=${n > 0 ? `+${n}` : n}${weekday}`;
    }
    case "yearly":
      return `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${dayOfMonth}`;
  }
};

/** What a preset is called for a card dated `day` ("Monthly on the 2nd Tuesday"). */
export const presetLabel = (preset: RepeatPreset, day: string): string => {
  const { weekday, dayOfMonth } = partsOf(day);
  switch (preset) {
    case "daily":
      return "Daily";
    case "weekdays":
      return "Every weekday (Monday to Friday)";
    case "weekly":
      return "Weekly on chosen days";
    case "monthly_day":
      return `Monthly on the ${ordinal(dayOfMonth)}`;
    case "monthly_weekday":
      return `Monthly on the ${ordinal(weekOfMonth(day))} ${weekdayName(weekday)}`;
    case "yearly":
      return "Yearly on this date";
    case "custom":
      return "Custom rule (RFC 5545 RRULE)";
  }
};

/** The preset a stored rule is (for opening the editor on it), with the weekly days; else custom. */
export const presetOf = (rule: string, day: string): { preset: RepeatPreset; days: WeekdayCode[] } => {
  for (const preset of repeatPresets) {
    if (preset === "custom" || preset === "weekly") continue;
    if (presetRule(preset, day) === rule) return { preset, days: [] };
  }
  const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(rule);
  if (weekly?.[1]) return { preset: "weekly", days: weekly[1].split(",") as WeekdayCode[] };
  return { preset: "custom", days: [] };
};

/** The panel's line: "Repeats every 2nd Tuesday; next Jan 12" (the year shown when it is not this one). */
export const repeatLine = (repeat: CardRepeat, today: string): string =>
  repeatSummary(repeat, today.slice(0, 4));
