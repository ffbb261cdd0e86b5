/**
 * Every language the server writes in against English, the source: the same keys, every message
 * parses as ICU MessageFormat and reads the same arguments, every plural gives each form the
 * language's rules can ask for (Arabic has six), and sentences are translated, not copied.
 */
import { describe, expect, it } from "vitest";
import { type ActivityEvent, type ActivityNames, describeEvent } from "../activity.js";
import type { Notification } from "../coordination-schemas.js";
import { argumentProblems, pluralProblems } from "./message-shape.js";
import { notificationSentence } from "./notification-sentence.js";
import { createTranslator, serverCatalogs, serverLocaleOf, serverLocales } from "./translator.js";

describe("the server's languages", () => {
  const english = serverCatalogs.en;
  const englishKeys = Object.keys(english).sort();

  for (const locale of serverLocales) {
    const messages: Record<string, string> = serverCatalogs[locale];

    it(`${locale}: has every English key and no other`, () => {
      const keys = Object.keys(messages).sort();
      expect(englishKeys.filter((key) => !keys.includes(key))).toEqual([]);
      expect(keys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    });

    it(`${locale}: every message parses and reads the same arguments as English`, () => {
      expect(argumentProblems(english, messages, locale)).toEqual([]);
    });

    it(`${locale}: every plural has each form the language's rules use`, () => {
      expect(pluralProblems(messages, locale)).toEqual([]);
    });
  }

  it("Arabic plurals spell out zero, one, two, few, many and other", () => {
    expect(new Intl.PluralRules("ar").resolvedOptions().pluralCategories.sort()).toEqual(
      ["few", "many", "one", "other", "two", "zero"].sort(),
    );
  });

  it("German and Arabic are translations, not copies of English", () => {
    const words = (message: string) => message.replace(/\{[^{}]*\}/g, "").replace(/[^\p{L}]/gu, "");
    const sentences = englishKeys.filter((key) => words(english[key as keyof typeof english]).length > 12);
    for (const locale of ["de", "ar"] as const) {
      const copied = sentences.filter(
        (key) => serverCatalogs[locale][key as keyof typeof english] === english[key as keyof typeof english],
      );
      expect(copied, locale).toEqual([]);
    }
  });

  it("reads a shipped language from any tag of it, and anything else as English", () => {
    expect(serverLocaleOf("de-AT")).toBe("de");
    expect(serverLocaleOf("ar")).toBe("ar");
    expect(serverLocaleOf("fr")).toBe("en");
    expect(serverLocaleOf(null)).toBe("en");
    expect(createTranslator("ar").dir).toBe("rtl");
    expect(createTranslator("de").dir).toBe("ltr");
  });
});

describe("sentences in the reader's language", () => {
  const ana = "00000000-0000-4000-8000-00000000000a";
  const names: ActivityNames = {
    user: (id) => (id === ana ? "Ana" : "Bo"),
    status: (id) => (id === "s1" ? "Doing" : "Done"),
    card: () => "Triage rota",
  };
  const moved = {
    type: "card.moved",
    actorId: ana,
    payload: { card: { id: "c1", name: "Triage rota", statusId: "s2" }, fromStatusId: "s1" },
  } as unknown as ActivityEvent;

  it("says a move in German and Arabic with the card quoted the language's way", () => {
    expect(describeEvent(moved, names, createTranslator("de"))).toBe(
      "Ana hat „Triage rota“ von Doing nach Done verschoben",
    );
    expect(describeEvent(moved, names, createTranslator("ar"))).toBe(
      "نقل Ana البطاقة «Triage rota» من Doing إلى Done",
    );
    expect(describeEvent(moved, names, createTranslator("fr"))).toBe(
      "Ana moved 'Triage rota' from Doing to Done",
    );
  });

  it("writes a card's dates with Intl in the reader's locale", () => {
    const before = { id: "c1", name: "X", statusId: "s1", description: "", archivedAt: null };
    const card = {
      ...before,
      responsibleId: null,
      coworkerIds: [],
      labelIds: [],
      startDate: null,
      dueDate: null,
    };
    const event = {
      type: "card.updated",
      actorId: ana,
      payload: { card: { ...card, startDate: "2026-03-03", dueDate: "2026-04-30" } },
    } as unknown as ActivityEvent;
    const previous = { card: card as never };
    expect(describeEvent(event, names, createTranslator("en"), previous)).toBe(
      "Ana set the dates of 'X' to 3 Mar 2026 – 30 Apr 2026",
    );
    expect(describeEvent(event, names, createTranslator("de"), previous)).toBe(
      "Ana hat die Termine von „X“ auf 3. März 2026 – 30. Apr. 2026 gesetzt",
    );
    expect(describeEvent(event, names, createTranslator("ar"), previous)).toContain("مارس");
  });

  it("says a notification in the recipient's language", () => {
    const n = {
      kind: "mentioned",
      actorId: null,
      data: { actorName: "Ana", cardName: "Triage rota" },
    } as unknown as Notification;
    expect(notificationSentence(n, createTranslator("en"))).toBe("Ana mentioned you on 'Triage rota'");
    expect(notificationSentence(n, createTranslator("de"))).toBe("Ana hat Sie in „Triage rota“ erwähnt");
    expect(notificationSentence(n, createTranslator("ar"))).toBe("ذكرك Ana في «Triage rota»");
  });
});
