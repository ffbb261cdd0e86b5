/**
 * Every shipped language against English, the source: the same keys, every message parses as ICU
 * MessageFormat, it uses the same arguments, and its plurals give every form the language's plural
 * rules can ask for (Arabic has six). A missing or broken translation fails here, not in front of a person.
 */
import { argumentProblems, pluralProblems } from "@lattice/domain";
import { describe, expect, it } from "vitest";
import { type Messages, shippedLocales } from "./i18n";
import { loadMessages } from "./runtime";

describe("shipped languages", async () => {
  const catalogs = Object.fromEntries(
    await Promise.all(shippedLocales.map(async (locale) => [locale, await loadMessages(locale)] as const)),
  ) as Record<(typeof shippedLocales)[number], Messages>;
  const english = catalogs.en;
  const englishKeys = Object.keys(english).sort();

  it("ship English with at least the sign-in, shell, account, home and notification keys", () => {
    for (const prefix of ["auth.", "shell.", "sidebar.", "account.", "home.", "notifications."])
      expect(
        englishKeys.some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  for (const locale of shippedLocales) {
    const messages = catalogs[locale];

    it(`${locale}: has every English key and no other`, () => {
      const keys = Object.keys(messages).sort();
      expect(
        englishKeys.filter((key) => !keys.includes(key)),
        "missing",
      ).toEqual([]);
      expect(
        keys.filter((key) => !englishKeys.includes(key)),
        "unknown",
      ).toEqual([]);
    });

    it(`${locale}: every message parses and reads the same arguments as English`, () => {
      expect(argumentProblems(english, messages, locale)).toEqual([]);
    });

    it(`${locale}: every plural has each form the language's rules use`, () => {
      expect(pluralProblems(messages, locale)).toEqual([]);
    });
  }

  it("German and Arabic are translations, not copies of English", () => {
    // Short labels may coincide ("Name", "Cyan", "99+"), and so may a list of arguments; sentences may not.
    const words = (message: string) => message.replace(/\{[^{}]*\}/g, "").replace(/[^\p{L}]/gu, "");
    const sentences = englishKeys.filter((key) => words(english[key as keyof Messages]).length > 12);
    for (const locale of ["de", "ar"] as const) {
      const copied = sentences.filter(
        (key) => catalogs[locale][key as keyof Messages] === english[key as keyof Messages],
      );
      expect(copied, locale).toEqual([]);
    }
  });
});
