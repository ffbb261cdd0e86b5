import { describe, expect, it } from "vitest";
import { formatDay, numericOrder, parseTypedDay, weekStartOf } from "./locale";

describe("the person's locale", () => {
  it("starts the week on Monday in Britain and Germany, on Sunday in the United States", () => {
    expect(weekStartOf("en-GB")).toBe(1);
    expect(weekStartOf("de-DE")).toBe(1);
    expect(weekStartOf("en-US")).toBe(0);
  });

  it("reads a typed date in the locale's own order, or as an ISO date", () => {
    expect(numericOrder("en-GB")).toBe("dmy");
    expect(numericOrder("en-US")).toBe("mdy");
    expect(parseTypedDay("22/11/2001", "en-GB")).toBe("2001-11-22");
    expect(parseTypedDay("11/22/2001", "en-US")).toBe("2001-11-22");
    expect(parseTypedDay("22.11.01", "de-DE")).toBe("2001-11-22");
    expect(parseTypedDay("2001-11-22", "en-US")).toBe("2001-11-22");
  });

  it("refuses what names no real day rather than rolling it over", () => {
    expect(parseTypedDay("31/02/2027", "en-GB")).toBeNull();
    expect(parseTypedDay("next week", "en-GB")).toBeNull();
    expect(parseTypedDay("11/22/2001", "en-GB")).toBeNull();
  });

  it("shows a day in the locale's words", () => {
    expect(formatDay("2026-12-09", "en-GB")).toBe("9 Dec 2026");
    expect(formatDay("2026-12-09", "en-US")).toBe("Dec 9, 2026");
  });
});
