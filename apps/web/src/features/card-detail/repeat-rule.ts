/**
 * The repeat editor's presets as RRULE text, built from the card's date (so "monthly on the second
 * Tuesday" means the card's own weekday and week of the month), and the rule in the reader's language:
 * the rule is read into its parts here and said with one message per frequency, the weekdays, lists,
 * ordinals and dates by Intl (a rule with parts this does not describe reads "on a custom rule").
 */
import type { CardRepeat } from "@lattice/domain";
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
const isWeekday = (code: string): code is WeekdayCode => (weekdayCodes as readonly string[]).includes(code);
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

const ruleParts = (rule: string): Map<string, string> =>
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

/** The rule in words, starting with "every"; null when it holds parts this does not describe. */
export const describeRule = (words: Words, rule: string): string | null => {
  const { t, format } = words;
  const parts = ruleParts(rule);
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
        ? t("card.repeat.rule.daily", { interval })
        : null;
    case "WEEKLY": {
      if (byMonthDay.length > 0 || bySetPos || byMonth.length > 0 || !arePlain) return null;
      if (byDay.length === 0) return t("card.repeat.rule.weekly", { interval });
      const sorted = weekdayCodes.filter((code) => plainDays.includes(code));
      if (interval === 1 && sorted.join(",") === "MO,TU,WE,TH,FR") return t("card.repeat.rule.weekdays");
      const days = format.list(sorted.map((code) => weekdayName(words, code)));
      return t("card.repeat.rule.weeklyOn", { interval, days });
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
        if (day === -1) return t("card.repeat.rule.monthlyLastDay", { interval });
        return day > 0 ? t("card.repeat.rule.monthlyDay", { interval, day }) : null;
      } else if (byDay.length === 0 && byMonthDay.length === 0 && !bySetPos)
        return t("card.repeat.rule.monthly", { interval });
      return weekday === null ? null : t("card.repeat.rule.monthlyWeekday", { interval, weekday });
    }
    case "YEARLY": {
      if (byDay.length > 0 || bySetPos) return null;
      if (byMonth.length === 0 && byMonthDay.length === 0) return t("card.repeat.rule.yearly", { interval });
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
        const date = format.calendarDay(
          `2000-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        );
        return t("card.repeat.rule.yearlyOn", { interval, date });
      }
      return null;
    }
    default:
      return null;
  }
};

/**
 * "Repeats every 2nd Tuesday; next Jan 12" (the year shown when it is not this one), with the end when
 * there is one ("5 times", "until Mar 1, 2027") and "no further occurrence" once the series has ended.
 */
export const repeatLine = (
  words: Words,
  repeat: Pick<CardRepeat, "rule" | "endsAfter" | "endsOn" | "nextDate">,
  today: string,
): string => {
  const thisYear = today.slice(0, 4);
  const day = (value: string) => words.format.calendarDay(value, value.slice(0, 4) !== thisYear);
  const rule = describeRule(words, repeat.rule) ?? words.t("card.repeat.rule.custom", { rule: repeat.rule });
  return words.t("card.repeat.summary", {
    rule,
    end: repeat.endsAfter !== null ? "after" : repeat.endsOn !== null ? "on" : "never",
    count: repeat.endsAfter ?? 0,
    until: repeat.endsOn === null ? "" : day(repeat.endsOn),
    hasNext: repeat.nextDate === null ? "no" : "yes",
    next: repeat.nextDate === null ? "" : day(repeat.nextDate),
  });
};
