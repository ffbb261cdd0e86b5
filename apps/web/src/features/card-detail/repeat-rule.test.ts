import type { CardRepeat } from "@lattice/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { Translator } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import {
  presetLabel as presetLabelIn,
  presetOf,
  presetRule,
  repeatLine as repeatLineIn,
} from "./repeat-rule";

let english: Translator;
beforeAll(async () => {
  english = await createTranslator("en", "en", "UTC");
});
const repeatLine = (r: CardRepeat, today: string) => repeatLineIn(english, r, today);
const presetLabel = (preset: Parameters<typeof presetLabelIn>[1], day: string) =>
  presetLabelIn(english, preset, day);

const repeat = (patch: Partial<CardRepeat>): CardRepeat => ({
  seriesId: "5f0c3c1e-7c62-4d5b-9a55-2f1d6f0f7a10",
  rule: "FREQ=DAILY",
  endsAfter: null,
  endsOn: null,
  timeZone: "Europe/Berlin",
  createWhen: "completed",
  daysBefore: 0,
  anchorDate: "2026-12-08",
  occurrenceDate: "2026-12-08",
  occurrenceCount: 1,
  nextDate: "2026-12-09",
  ...patch,
});

describe("the repeat summary in the card panel", () => {
  it("says the second Tuesday and the next date", () => {
    expect(
      repeatLine(repeat({ rule: "FREQ=MONTHLY;BYDAY=+2TU", nextDate: "2027-01-12" }), "2027-01-02"),
    ).toBe("Repeats every 2nd Tuesday; next Jan 12");
  });

  it("shows the year of a next date in another year", () => {
    expect(
      repeatLine(repeat({ rule: "FREQ=MONTHLY;BYDAY=+2TU", nextDate: "2027-01-12" }), "2026-12-08"),
    ).toBe("Repeats every 2nd Tuesday; next Jan 12, 2027");
  });

  it("names days, weekdays, weeks with chosen days, month days, last weekdays and years", () => {
    const line = (rule: string) => repeatLine(repeat({ rule, nextDate: "2026-12-09" }), "2026-12-08");
    expect(line("FREQ=DAILY")).toBe("Repeats every day; next Dec 9");
    expect(line("FREQ=DAILY;INTERVAL=3")).toBe("Repeats every 3 days; next Dec 9");
    expect(line("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")).toBe("Repeats every weekday; next Dec 9");
    expect(line("FREQ=WEEKLY;BYDAY=FR,MO")).toBe("Repeats every week on Monday and Friday; next Dec 9");
    expect(line("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")).toBe("Repeats every 2 weeks on Wednesday; next Dec 9");
    expect(line("FREQ=MONTHLY;BYMONTHDAY=15")).toBe("Repeats every month on the 15th; next Dec 9");
    expect(line("FREQ=MONTHLY;BYDAY=-1FR")).toBe("Repeats every last Friday; next Dec 9");
    expect(line("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2")).toBe("Repeats every 2nd Tuesday; next Dec 9");
    expect(line("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1")).toBe("Repeats every year on Mar 1; next Dec 9");
    expect(line("FREQ=WEEKLY;BYWEEKNO=20")).toBe(
      "Repeats on a custom rule (FREQ=WEEKLY;BYWEEKNO=20); next Dec 9",
    );
  });

  it("says how the series ends, and when it has ended", () => {
    expect(repeatLine(repeat({ endsAfter: 5 }), "2026-12-08")).toBe("Repeats every day, 5 times; next Dec 9");
    expect(repeatLine(repeat({ endsOn: "2027-03-01" }), "2026-12-08")).toBe(
      "Repeats every day, until Mar 1, 2027; next Dec 9",
    );
    expect(repeatLine(repeat({ endsAfter: 2, nextDate: null }), "2026-12-08")).toBe(
      "Repeats every day, 2 times; no further occurrence",
    );
  });
});

describe("the repeat editor's presets", () => {
  it("builds monthly rules from the card's own date", () => {
    // 8 December 2026 is the second Tuesday of its month; 29 December the last one.
    expect(presetRule("monthly_weekday", "2026-12-08")).toBe("FREQ=MONTHLY;BYDAY=+2TU");
    expect(presetLabel("monthly_weekday", "2026-12-08")).toBe("Monthly on the 2nd Tuesday");
    expect(presetRule("monthly_weekday", "2026-12-29")).toBe("FREQ=MONTHLY;BYDAY=-1TU");
    expect(presetRule("monthly_day", "2026-12-08")).toBe("FREQ=MONTHLY;BYMONTHDAY=8");
    expect(presetRule("yearly", "2026-12-08")).toBe("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8");
  });

  it("builds weekly rules on the chosen days in week order, the card's weekday when none", () => {
    expect(presetRule("weekly", "2026-12-08", ["FR", "MO"])).toBe("FREQ=WEEKLY;BYDAY=MO,FR");
    expect(presetRule("weekly", "2026-12-08")).toBe("FREQ=WEEKLY;BYDAY=TU");
  });

  it("opens a stored rule on its preset, or as a custom rule", () => {
    expect(presetOf("FREQ=MONTHLY;BYDAY=+2TU", "2026-12-08")).toEqual({
      preset: "monthly_weekday",
      days: [],
    });
    expect(presetOf("FREQ=WEEKLY;BYDAY=MO,FR", "2026-12-08")).toEqual({
      preset: "weekly",
      days: ["MO", "FR"],
    });
    expect(presetOf("FREQ=DAILY;INTERVAL=2", "2026-12-08")).toEqual({ preset: "custom", days: [] });
  });
});

describe("the repeat summary in other languages", () => {
  it("speaks German, with its ordinals, weekdays and dates", async () => {
    const german = await createTranslator("de", "de", "UTC");
    expect(
      repeatLineIn(german, repeat({ rule: "FREQ=MONTHLY;BYDAY=+2TU", nextDate: "2027-01-12" }), "2026-12-08"),
    ).toBe("Wiederholt sich jeden 2. Dienstag; nächstes Mal am 12. Jan. 2027");
    expect(
      repeatLineIn(german, repeat({ rule: "FREQ=WEEKLY;BYDAY=FR,MO", endsAfter: 5 }), "2026-12-08"),
    ).toBe("Wiederholt sich jede Woche am Montag und Freitag, 5-mal; nächstes Mal am 9. Dez.");
  });

  it("speaks Arabic, with its dual and its own digits", async () => {
    const arabic = await createTranslator("ar", "ar", "UTC");
    const line = repeatLineIn(arabic, repeat({ rule: "FREQ=DAILY;INTERVAL=2", endsAfter: 2 }), "2026-12-08");
    const next = new Intl.DateTimeFormat("ar", { day: "numeric", month: "short", timeZone: "UTC" }).format(
      new Date("2026-12-09T00:00:00Z"),
    );
    // Two days and two times take the dual, which carries no numeral.
    expect(line).toBe(`تتكرر كل يومين، مرتين؛ الموعد التالي ${next}`);
    expect(presetLabelIn(arabic, "monthly_weekday", "2026-12-08")).toContain("الثلاثاء الثاني");
  });
});
