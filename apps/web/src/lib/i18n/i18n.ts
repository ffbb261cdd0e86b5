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
import type { app } from "./messages/en/app";
import type { core } from "./messages/en/core";

export const shippedLocales = ["en", "de", "ar"] as const;
export type ShippedLocale = (typeof shippedLocales)[number];
export type MessageKey = keyof typeof core | keyof typeof app;
/**
 * Messages come in two tiers per language: `core`, what the entry renders (sign-in and sign-up), loaded
 * before the first render; and `app`, the rest, loaded when the first part loaded on demand is wanted
 * (each such part waits for it, see lib/on-demand.tsx). So the first screen carries only its own words.
 */
export type MessageTier = "core" | "app";
export const allTiers: readonly MessageTier[] = ["core", "app"];
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
  /** The message tiers loaded: a key of a tier not loaded reads as the key itself. */
  tiers: readonly MessageTier[];
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

let loading: { key: string; done: Promise<void> } | null = null;
let appWanted = false;
let lastSetting: string | null | undefined = null;
let lastTimeZone: string | null | undefined = null;

/**
 * Loads (once per language and tier, cached by the module system) and applies the language for
 * `setting` and `timeZone`, and marks <html> with its `lang` and `dir`. A later call wins over an
 * earlier one still loading, except that the first language to arrive is shown at once.
 */
export const applyLanguage = (
  setting: string | null | undefined,
  timeZone?: string | null,
): Promise<void> => {
  lastSetting = setting;
  lastTimeZone = timeZone;
  const browser = browserLanguages();
  const locale = resolveLocale(setting, browser);
  const zone = timeZone || browserTimeZone();
  const tiers: readonly MessageTier[] = appWanted ? allTiers : ["core"];
  const key = `${locale}|${zone}|${tiers.join()}`;
  const current = useI18n.getState().translator;
  if (current && `${current.locale}|${current.timeZone}|${current.tiers.join()}` === key)
    return Promise.resolve();
  // The same language already on its way: wait for that one (the account page confirms a save in it).
  if (loading?.key === key) return loading.done;
  const done = (async () => {
    const { createTranslator } = await import("./runtime");
    const translator = await createTranslator(locale, formatLocaleFor(locale, browser), zone, tiers);
    // A newer request wins, but the first screen need not wait for it: with nothing shown yet, any language will do.
    if (loading?.key !== key && useI18n.getState().translator) return;
    document.documentElement.lang = locale;
    document.documentElement.dir = translator.dir;
    useI18n.setState({ translator });
  })().finally(() => {
    if (loading?.key === key) loading = null;
  });
  loading = { key, done };
  return done;
};

/**
 * Resolves once the signed-in app's messages are in for the current language, loading them first.
 * Every part loaded on demand waits for this before it renders.
 */
export const appMessagesReady = (): Promise<void> => {
  if (ready()) return Promise.resolve();
  appWanted = true;
  // A newer language may have overtaken this request: then wait for that one too. A failed load
  // rejects, so the part asking can try again on its next use.
  return applyLanguage(lastSetting, lastTimeZone).then(() => (ready() ? undefined : appMessagesReady()));
};

const ready = () => useI18n.getState().translator?.tiers.includes("app") === true;
