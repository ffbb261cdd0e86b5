/**
 * The repeat editor's presets as RRULE text, built from the card's date (so "monthly on the second
 * Tuesday" means the card's own weekday and week of the month), and the rule in the reader's language:
 * the rule is read into its parts and said with one message per frequency by the domain's
 * `repeatSummary` (which the server's iCalendar feeds use too), from the `card.repeat.*` messages here;
 * the weekdays, lists and dates by Intl (a rule with parts it does not describe reads "on a custom rule").
 */
import {
  type CardRepeat,
  describeRule as describeRepeatRule,
  type RepeatWords,
  repeatSummary,
} from "@lattice/domain";
import type { Translator } from "../../lib/i18n/i18n";

type Words = Pick<Translator, "t" | "format">;

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
/** The weekday's name in the reader's language ("Tuesday", or "Tue" short). */
export const weekdayName = (words: Words, code: WeekdayCode, width: "long" | "short" = "long"): string =>
  words.format.weekday(weekdayCodes.indexOf(code), width);

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

/** A weekday of the month in words: "2nd Tuesday", "last Friday", "2nd to last Monday". */
const numberedWeekday = (words: Words, n: number, code: WeekdayCode): string => {
  const weekday = weekdayName(words, code);
  if (n === -1) return words.t("card.repeat.lastWeekday", { weekday });
  if (n < 0) return words.t("card.repeat.nthLastWeekday", { n: -n, weekday });
  return words.t("card.repeat.nthWeekday", { n, weekday });
};

/** What a preset is called for a card dated `day` ("Monthly on the 2nd Tuesday"). */
export const presetLabel = (words: Words, preset: RepeatPreset, day: string): string => {
  const { weekday, dayOfMonth } = partsOf(day);
  switch (preset) {
    case "daily":
      return words.t("card.repeat.preset.daily");
    case "weekdays":
      return words.t("card.repeat.preset.weekdays");
    case "weekly":
      return words.t("card.repeat.preset.weekly");
    case "monthly_day":
      return words.t("card.repeat.preset.monthlyDay", { day: dayOfMonth });
    case "monthly_weekday":
      return words.t("card.repeat.preset.monthlyWeekday", {
        weekday: numberedWeekday(words, weekOfMonth(day), weekday),
      });
    case "yearly":
      return words.t("card.repeat.preset.yearly");
    case "custom":
      return words.t("card.repeat.preset.custom");
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

/** The card panel's `card.repeat.*` messages and Intl formatters, for the domain's rule in words. */
const repeatWordsOf = (words: Words): RepeatWords => ({
  say: (key, values) => words.t(`card.repeat.${key}`, values),
  weekday: (index) => words.format.weekday(index),
  list: (items) => words.format.list(items),
  calendarDay: (day, withYear) => words.format.calendarDay(day, withYear),
});

/** The rule in words, starting with "every"; null when it holds parts this does not describe. */
export const describeRule = (words: Words, rule: string): string | null =>
  describeRepeatRule(repeatWordsOf(words), rule);

/**
 * "Repeats every 2nd Tuesday; next Jan 12" (the year shown when it is not this one), with the end when
 * there is one ("5 times", "until Mar 1, 2027") and "no further occurrence" once the series has ended.
 */
export const repeatLine = (
  words: Words,
  repeat: Pick<CardRepeat, "rule" | "endsAfter" | "endsOn" | "nextDate">,
  today: string,
): string => repeatSummary(repeatWordsOf(words), repeat, today);
