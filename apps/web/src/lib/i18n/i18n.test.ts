import { describe, expect, it } from "vitest";
import { directionOf, formatLocaleFor, resolveLocale } from "./i18n";
import { createTranslator } from "./runtime";

describe("which language the interface speaks", () => {
  it("follows the person's setting when that language ships", () => {
    expect(resolveLocale("de", ["en-US"])).toBe("de");
    expect(resolveLocale("ar", ["de-DE"])).toBe("ar");
  });

  it("falls back to the browser's first shipped language, then English", () => {
    expect(resolveLocale("fr", ["fr-FR", "de-AT", "en"])).toBe("de");
    expect(resolveLocale(null, ["ar-EG"])).toBe("ar");
    expect(resolveLocale(null, ["ja-JP", "ko"])).toBe("en");
    expect(resolveLocale(undefined, [])).toBe("en");
  });

  it("keeps the browser's region for dates and numbers (en-GB writes 7 Dec, en-US Dec 7)", () => {
    expect(formatLocaleFor("en", ["en-GB", "en-US"])).toBe("en-GB");
    expect(formatLocaleFor("de", ["en-GB", "de-CH"])).toBe("de-CH");
    expect(formatLocaleFor("ar", ["en-GB"])).toBe("ar");
  });

  it("lays Arabic out right to left and the others left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ar-EG")).toBe("rtl");
    expect(directionOf("de")).toBe("ltr");
  });
});

describe("a translator", () => {
  it("chooses the plural form by the language's rules (Arabic: zero, one, two, few, many, other)", async () => {
    const ar = await createTranslator("ar", "ar", "UTC");
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar.t("home.workspace.spaceCount", { count }));
    expect(forms[0]).toBe("لا مساحات");
    expect(forms[1]).toBe("مساحة واحدة");
    expect(forms[2]).toBe("مساحتان");
    expect(forms[3]).toContain("مساحات");
    expect(forms[4]).toContain("مساحة");
    expect(new Set(forms).size).toBe(6);
    const de = await createTranslator("de", "de", "UTC");
    expect(de.t("home.workspace.spaceCount", { count: 1 })).toBe("1 Bereich");
    expect(de.t("home.workspace.spaceCount", { count: 4 })).toBe("4 Bereiche");
  });

  it("writes dates in the person's locale and time zone", async () => {
    const instant = "2026-12-07T23:30:00Z";
    const berlin = await createTranslator("de", "de-DE", "Europe/Berlin");
    const newYork = await createTranslator("en", "en-US", "America/New_York");
    // Half past eleven at night in UTC is already the 8th in Berlin and still the 7th in New York.
    expect(berlin.format.date(instant)).toBe(
      new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(
        new Date(instant),
      ),
    );
    expect(berlin.format.date(instant)).toContain("08.12.2026");
    expect(newYork.format.date(instant)).toContain("Dec 7");
    expect(berlin.format.number(1234.5)).toBe("1.234,5");
    expect(berlin.format.dayRange("2027-03-03", "2027-04-30")).toBe(
      new Intl.DateTimeFormat("de-DE", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).formatRange(new Date("2027-03-03T00:00:00Z"), new Date("2027-04-30T00:00:00Z")),
    );
  });
});
