/**
 * The message runtime, loaded on demand with the first language: FormatJS intl-messageformat reads
 * ICU messages (plurals by the language's CLDR rules through Intl.PluralRules, select, numbers).
 * Each message is parsed once, on first use.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { makeFormatters } from "./format";
import {
  allTiers,
  directionOf,
  type MessageKey,
  type Messages,
  type MessageTier,
  type ShippedLocale,
  type Translator,
} from "./i18n";

type Catalog = Partial<Messages>;

// One chunk per language and tier: `core` is what the sign-in page says, `app` everything else.
const catalogs: Record<ShippedLocale, Record<MessageTier, () => Promise<Catalog>>> = {
  en: {
    core: () => import("./messages/en/core").then((m) => m.core),
    app: () => import("./messages/en/app").then((m) => m.app),
  },
  de: {
    core: () => import("./messages/de/core").then((m) => m.core),
    app: () => import("./messages/de/app").then((m) => m.app),
  },
  ar: {
    core: () => import("./messages/ar/core").then((m) => m.core),
    app: () => import("./messages/ar/app").then((m) => m.app),
  },
};

/** A language's messages in the given tiers (all of them unless told). */
export const loadMessages = async (
  locale: ShippedLocale,
  tiers: readonly MessageTier[] = allTiers,
): Promise<Catalog> =>
  Object.assign({}, ...(await Promise.all(tiers.map((tier) => catalogs[locale][tier]()))));

const reported = new Set<string>();

export const createTranslator = async (
  locale: ShippedLocale,
  formatLocale: string,
  timeZone: string,
  tiers: readonly MessageTier[] = allTiers,
): Promise<Translator> => {
  const messages = await loadMessages(locale, tiers);
  const parsed = new Map<MessageKey, IntlMessageFormat>();
  const t: Translator["t"] = (key, values) => {
    let message = parsed.get(key);
    if (!message) {
      const source = messages[key];
      if (source === undefined) {
        // A part that renders before the app's messages are in (a bug: parts loaded on demand wait
        // for them). Shown as its key rather than failing the page.
        if (!reported.has(key)) console.error(`message ${key} is not loaded (tiers: ${tiers.join(", ")})`);
        reported.add(key);
        return key;
      }
      message = new IntlMessageFormat(source, formatLocale);
      parsed.set(key, message);
    }
    return String(message.format(values));
  };
  return {
    locale,
    formatLocale,
    timeZone,
    dir: directionOf(locale),
    tiers,
    t,
    format: makeFormatters(formatLocale, timeZone),
  };
};
