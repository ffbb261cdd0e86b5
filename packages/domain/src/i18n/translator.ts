/**
 * The server's translator: the messages of one shipped language (ICU MessageFormat through FormatJS
 * `intl-messageformat`, as in the web app) and `Intl` formatters for the reader's locale and time zone.
 *
 * The catalogs live here, beside the sentences that use them (activity.ts, notification-sentence.ts),
 * so a new sentence and its translations change together; the caller chooses the language (the
 * reader's `users.locale`) and passes the translator in, so the sentences stay pure functions.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { ar } from "./ar.js";
import { de } from "./de.js";
import { en, type ServerMessageKey, type ServerMessages } from "./en.js";

/** Languages the server writes in; any other `users.locale` reads English. */
export const serverLocales = ["en", "de", "ar"] as const;
export type ServerLocale = (typeof serverLocales)[number];

export const serverCatalogs: Record<ServerLocale, ServerMessages> = { en, de, ar };

const rtlLocales: ReadonlySet<ServerLocale> = new Set(["ar"]);

/**
 * The locale `Intl` formats in. English keeps the day-month order the server always wrote
 * ("Monday 7 December", "Ana, Bo and Cy").
 */
const formatLocales: Record<ServerLocale, string> = { en: "en-GB", de: "de", ar: "ar" };

/** The shipped language of a BCP 47 tag ("de-AT" → "de"), or English. */
export const serverLocaleOf = (tag: string | null | undefined): ServerLocale => {
  const language = (tag ?? "").toLowerCase().split(/[-_]/)[0];
  return (serverLocales as readonly string[]).includes(language ?? "") ? (language as ServerLocale) : "en";
};

export type MessageValues = Record<string, string | number>;

export interface ServerFormatters {
  /** A calendar day (YYYY-MM-DD): "7 Dec 2026". */
  day(isoDay: string): string;
  /** A calendar day with its weekday: "Monday 7 December". */
  longDay(isoDay: string): string;
  /** A calendar day without its year: "7 Dec". */
  dayMonth(isoDay: string): string;
  /** A weekday's name, 0 for Monday to 6 for Sunday: "Tuesday". */
  weekday(index: number): string;
  /** An instant in the reader's time zone: "7 Dec 2026, 15:41". */
  dateTime(value: Date | string): string;
  number(value: number): string;
  /** "Ana, Bo and Cy" in the reader's language. */
  list(items: readonly string[]): string;
  /** "a, b, c": a list without a conjunction. */
  unitList(items: readonly string[]): string;
}

export interface Translator {
  locale: ServerLocale;
  /** Writing direction, for the `dir` of an HTML message. */
  dir: "ltr" | "rtl";
  timeZone: string;
  t(key: ServerMessageKey, values?: MessageValues): string;
  format: ServerFormatters;
}

const parsed = new Map<string, IntlMessageFormat>();

const compiled = (locale: ServerLocale, key: ServerMessageKey): IntlMessageFormat => {
  const id = `${locale} ${key}`;
  let message = parsed.get(id);
  if (!message) {
    message = new IntlMessageFormat(serverCatalogs[locale][key], formatLocales[locale]);
    parsed.set(id, message);
  }
  return message;
};

const validZone = (timeZone: string | null | undefined): string => {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
};

const translators = new Map<string, Translator>();

/** The translator for a person's `locale` (any tag; unshipped → English) and IANA `timeZone` (else UTC). */
export const createTranslator = (locale: string | null | undefined, timeZone?: string | null): Translator => {
  const language = serverLocaleOf(locale);
  const zone = validZone(timeZone);
  const id = `${language} ${zone}`;
  const known = translators.get(id);
  if (known) return known;
  const tag = formatLocales[language];
  const day = new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const longDay = new Intl.DateTimeFormat(tag, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const dayMonth = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const number = new Intl.NumberFormat(tag);
  const list = new Intl.ListFormat(tag, { type: "conjunction" });
  const unitList = new Intl.ListFormat(tag, { type: "unit" });
  // Calendar days are zone-free: read at UTC noon and shown in UTC.
  const utcDay = (value: string) => new Date(`${value}T12:00:00Z`);
  const translator: Translator = {
    locale: language,
    dir: rtlLocales.has(language) ? "rtl" : "ltr",
    timeZone: zone,
    t: (key, values) => String(compiled(language, key).format(values)),
    format: {
      day: (value) => day.format(utcDay(value)),
      longDay: (value) => longDay.format(utcDay(value)),
      dayMonth: (value) => dayMonth.format(utcDay(value)),
      // 2024-01-01 was a Monday.
      weekday: (index) => weekday.format(new Date(Date.UTC(2024, 0, 1 + index, 12))),
      dateTime: (value) => dateTime.format(typeof value === "string" ? new Date(value) : value),
      number: (value) => number.format(value),
      list: (items) => list.format(items),
      unitList: (items) => unitList.format(items),
    },
  };
  translators.set(id, translator);
  return translator;
};

export type { ServerMessageKey, ServerMessages };
