/**
 * The person's locale as the browser states it, and what follows from it for dates: the first day of
 * the week, how a typed date is read, how a date is shown. Intl knows every locale, so nothing is
 * bundled per language.
 */

export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const personLocale = (): string => (typeof navigator !== "undefined" && navigator.language) || "en-US";

/** Regions whose weeks start on Sunday (CLDR), for engines without Intl.Locale week info. */
const sundayRegions = new Set([
  "AG",
  "AS",
  "BD",
  "BR",
  "BS",
  "BT",
  "BW",
  "BZ",
  "CA",
  "CN",
  "CO",
  "DM",
  "DO",
  "ET",
  "GT",
  "GU",
  "HK",
  "HN",
  "ID",
  "IL",
  "IN",
  "JM",
  "JP",
  "KE",
  "KH",
  "KR",
  "LA",
  "MH",
  "MM",
  "MO",
  "MT",
  "MX",
  "MZ",
  "NI",
  "NP",
  "PA",
  "PE",
  "PH",
  "PK",
  "PR",
  "PT",
  "PY",
  "SA",
  "SG",
  "SV",
  "TH",
  "TT",
  "TW",
  "UM",
  "US",
  "VE",
  "VI",
  "WS",
  "YE",
  "ZA",
  "ZW",
]);
const saturdayRegions = new Set([
  "AE",
  "AF",
  "BH",
  "DJ",
  "DZ",
  "EG",
  "IQ",
  "IR",
  "JO",
  "KW",
  "LY",
  "OM",
  "QA",
  "SD",
  "SY",
]);

interface WeekInfoLocale extends Intl.Locale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The first day of the week in `locale`: 0 Sunday … 6 Saturday. */
export const weekStartOf = (locale: string): WeekStart => {
  try {
    const parsed = new Intl.Locale(locale) as WeekInfoLocale;
    // Intl numbers days 1 (Monday) … 7 (Sunday).
    const firstDay = parsed.getWeekInfo?.().firstDay ?? parsed.weekInfo?.firstDay;
    if (firstDay !== undefined) return (firstDay % 7) as WeekStart;
    const region = parsed.maximize().region ?? "";
    if (sundayRegions.has(region)) return 0;
    if (saturdayRegions.has(region)) return 6;
    return 1;
  } catch {
    return 1;
  }
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A YYYY-MM-DD calendar date as a local Date at midnight (what a day picker works with). */
export const dayToDate = (day: string): Date => {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(y, m - 1, d);
};

export const dateToDay = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A calendar date in the locale's words, e.g. "9 Dec 2026" (en-GB) or "Dec 9, 2026" (en-US). */
export const formatDay = (day: string, locale: string, style: "medium" | "full" = "medium"): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: style }).format(dayToDate(day));

/** The order of day, month and year in the locale's numeric dates ("dmy" for en-GB, "mdy" for en-US). */
export const numericOrder = (locale: string): string =>
  new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(new Date(2001, 10, 22))
    .flatMap((part) =>
      part.type === "day" ? ["d"] : part.type === "month" ? ["m"] : part.type === "year" ? ["y"] : [],
    )
    .join("");

const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
};

/**
 * A typed date read as the locale writes dates (22/11/2001 in en-GB, 11/22/2001 in en-US) or as
 * 2001-11-22; null when it names no real day.
 */
export const parseTypedDay = (text: string, locale: string): string | null => {
  const groups = text.trim().match(/\d+/g);
  if (groups?.length !== 3) return null;
  const numbers = groups.map(Number);
  let y: number;
  let m: number;
  let d: number;
  if ((groups[0] ?? "").length === 4) {
    [y = 0, m = 0, d = 0] = numbers;
  } else {
    const order = numericOrder(locale);
    const at = (letter: string) => numbers[order.indexOf(letter)] ?? 0;
    y = at("y");
    m = at("m");
    d = at("d");
    if (y < 100) y += 2000;
  }
  if (!isRealDay(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
};
