/**
 * The message runtime, loaded on demand with the first language: FormatJS intl-messageformat reads
 * ICU messages (plurals by the language's CLDR rules through Intl.PluralRules, select, numbers).
 * Each message is parsed once, on first use.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { makeFormatters } from "./format";
import { directionOf, type MessageKey, type Messages, type ShippedLocale, type Translator } from "./i18n";

const catalogs: Record<ShippedLocale, () => Promise<Messages>> = {
  en: () => import("./messages/en").then((m) => m.en),
  de: () => import("./messages/de").then((m) => m.de),
  ar: () => import("./messages/ar").then((m) => m.ar),
};

export const loadMessages = (locale: ShippedLocale): Promise<Messages> => catalogs[locale]();

export const createTranslator = async (
  locale: ShippedLocale,
  formatLocale: string,
  timeZone: string,
): Promise<Translator> => {
  const messages = await loadMessages(locale);
  const parsed = new Map<MessageKey, IntlMessageFormat>();
  const t: Translator["t"] = (key, values) => {
    let message = parsed.get(key);
    if (!message) {
      message = new IntlMessageFormat(messages[key], formatLocale);
      parsed.set(key, message);
    }
    return String(message.format(values));
  };
  return {
    locale,
    formatLocale,
    timeZone,
    dir: directionOf(locale),
    t,
    format: makeFormatters(formatLocale, timeZone),
  };
};
