/**
 * The interface's language. Which language: the person's setting when its messages ship, else the
 * first shipped language the browser asks for (`navigator.languages`), else English. The message
 * runtime (FormatJS intl-messageformat) and each language's messages load on demand (`import()`), so
 * neither weighs on the first screen; the app shows its loading frame until the first language is in.
 * Changing the setting swaps the translator in the store and every component reading it re-renders.
 * How to add a language or a message: docs/I18N.md.
 */
import { create } from "zustand";
import type { Formatters } from "./format";
import type { en } from "./messages/en";

export const shippedLocales = ["en", "de", "ar"] as const;
export type ShippedLocale = (typeof shippedLocales)[number];
export type MessageKey = keyof typeof en;
/** A language's messages: one for every English key, in ICU MessageFormat. */
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number>;

const rtlLocales: ReadonlySet<string> = new Set<ShippedLocale>(["ar"]);

export interface Translator {
  locale: ShippedLocale;
  /** The locale dates and numbers follow: the browser's regional variant of `locale` when it has one (en-GB). */
  formatLocale: string;
  timeZone: string;
  dir: "ltr" | "rtl";
  t: (key: MessageKey, values?: MessageValues) => string;
  format: Formatters;
}

const isShipped = (tag: string): tag is ShippedLocale => (shippedLocales as readonly string[]).includes(tag);
const baseOf = (tag: string) => tag.toLowerCase().split("-")[0] ?? "";

/** The language to show: the setting if shipped, else the browser's first shipped one, else English. */
export const resolveLocale = (
  setting: string | null | undefined,
  browser: readonly string[],
): ShippedLocale => {
  const candidates = [setting ?? "", ...browser].map(baseOf);
  return candidates.find(isShipped) ?? "en";
};

/** The browser's regional variant of `locale` (en-GB for English in Britain), else `locale` itself. */
export const formatLocaleFor = (locale: ShippedLocale, browser: readonly string[]): string =>
  browser.find((tag) => baseOf(tag) === locale && tag.includes("-")) ?? locale;

export const directionOf = (locale: string): "ltr" | "rtl" =>
  rtlLocales.has(baseOf(locale)) ? "rtl" : "ltr";

interface I18nState {
  translator: Translator | null;
}

export const useI18n = create<I18nState>(() => ({ translator: null }));

const notReady = (): never => {
  throw new Error("the interface's messages are not loaded yet (the app renders once they are)");
};

/** The current translator; components render only after the first language has loaded. */
export const useTranslator = (): Translator => useI18n((s) => s.translator) ?? notReady();

/** A message outside React (toasts, store errors), in the current language. */
export const translate = (key: MessageKey, values?: MessageValues): string =>
  useI18n.getState().translator?.t(key, values) ?? key;

const browserLanguages = (): readonly string[] =>
  typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

let wanted = "";

/**
 * Loads (once per language, cached by the module system) and applies the language for `setting` and
 * `timeZone`, and marks <html> with its `lang` and `dir`. A later call wins over an earlier one
 * still loading.
 */
export const applyLanguage = async (setting: string | null | undefined, timeZone?: string | null) => {
  const browser = browserLanguages();
  const locale = resolveLocale(setting, browser);
  const zone = timeZone || browserTimeZone();
  const key = `${locale}|${zone}`;
  const current = useI18n.getState().translator;
  if (current && `${current.locale}|${current.timeZone}` === key) return;
  wanted = key;
  const { createTranslator } = await import("./runtime");
  const translator = await createTranslator(locale, formatLocaleFor(locale, browser), zone);
  if (wanted !== key) return;
  document.documentElement.lang = locale;
  document.documentElement.dir = translator.dir;
  useI18n.setState({ translator });
};
