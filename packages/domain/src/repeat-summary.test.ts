import { describe, expect, it } from "vitest";
import { serverRepeatWords } from "./i18n/repeat-words.js";
import { createTranslator } from "./i18n/translator.js";
import { describeRule, repeatSummary } from "./repeat-summary.js";

const words = (locale: string) => serverRepeatWords(createTranslator(locale));
const series = { rule: "FREQ=WEEKLY", endsAfter: 3, endsOn: null, nextDate: "2027-01-12" };

describe("a repeat rule in the reader's language", () => {
  it("says each frequency in English, with ordinals, weekday lists and the last day", () => {
    const en = words("en");
    expect(describeRule(en, "FREQ=DAILY;INTERVAL=3")).toBe("every 3 days");
    expect(describeRule(en, "FREQ=WEEKLY;BYDAY=FR,MO")).toBe("every week on Monday and Friday");
    expect(describeRule(en, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")).toBe("every weekday");
    expect(describeRule(en, "FREQ=MONTHLY;BYDAY=+2TU")).toBe("every 2nd Tuesday");
    expect(describeRule(en, "FREQ=MONTHLY;BYDAY=-1FR")).toBe("every last Friday");
    expect(describeRule(en, "FREQ=MONTHLY;BYMONTHDAY=-1")).toBe("every month on the last day");
    expect(describeRule(en, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15")).toBe("every 2 months on the 15th");
    expect(describeRule(en, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1")).toBe("every year on 1 Mar");
    expect(describeRule(en, "FREQ=HOURLY")).toBeNull();
  });

  it("sums a series up with its end and next date, the year only when it is not this one", () => {
    expect(repeatSummary(words("en"), series, "2027-01-05")).toBe("Repeats every week, 3 times; next 12 Jan");
    expect(repeatSummary(words("en"), { ...series, endsAfter: null, nextDate: null }, "2026-12-30")).toBe(
      "Repeats every week; no further occurrence",
    );
    expect(
      repeatSummary(words("en"), { ...series, endsAfter: null, endsOn: "2027-03-01" }, "2026-12-30"),
    ).toBe("Repeats every week, until 1 Mar 2027; next 12 Jan 2027");
  });

  it("says it in German and in Arabic, weekdays and dates included", () => {
    expect(repeatSummary(words("de"), series, "2027-01-05")).toBe(
      "Wiederholt sich jede Woche, 3-mal; nächstes Mal am 12. Jan.",
    );
    expect(describeRule(words("de"), "FREQ=MONTHLY;BYDAY=+2TU")).toBe("jeden 2. Dienstag");
    const arabic = repeatSummary(words("ar"), { ...series, rule: "FREQ=MONTHLY;BYDAY=+2TU" }, "2027-01-05");
    expect(arabic).toContain("تتكرر");
    expect(arabic).toContain("الثلاثاء الثاني");
    expect(arabic).toContain("يناير");
    expect(repeatSummary(words("ar"), { ...series, endsAfter: 2 }, "2027-01-05")).toContain("مرتين");
  });

  it("reads an unshipped language as English", () => {
    expect(repeatSummary(words("fr"), series, "2027-01-05")).toBe("Repeats every week, 3 times; next 12 Jan");
  });
});
