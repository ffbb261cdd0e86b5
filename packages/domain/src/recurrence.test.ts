import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import {
  nextOccurrence,
  occurrenceDueAt,
  parseRule,
  shiftedDates,
  startOfDayIn,
  upcomingOccurrences,
} from "./recurrence.js";

const series = (rule: string, anchorDate: string, ends: { endsAfter?: number; endsOn?: string } = {}) => ({
  rule,
  anchorDate,
  endsAfter: ends.endsAfter ?? null,
  endsOn: ends.endsOn ?? null,
});

describe("reading a rule", () => {
  it("keeps the rule, taking COUNT and UNTIL out as the end", () => {
    expect(parseRule("RRULE:FREQ=MONTHLY;BYDAY=+2TU;COUNT=6")).toEqual({
      rule: "FREQ=MONTHLY;BYDAY=+2TU",
      count: 6,
      until: null,
    });
    expect(parseRule("freq=daily;until=20271231")).toEqual({
      rule: "FREQ=DAILY",
      count: null,
      until: "2027-12-31",
    });
  });

  it("refuses what does not read with a message naming the part (rrule's own words where it objects)", () => {
    const message = (text: string) => {
      const result = parseRule(text);
      return result instanceof DomainError ? result.message : null;
    };
    expect(message("FREQ=WEEKLY;FOO=1")).toBe("Unknown RRULE property 'FOO'");
    expect(message("FREQ=WEEKLY;INTERVAL=abc")).toContain("INTERVAL");
    expect(message("FREQ=WEEKLY;BYDAY=XX")).toContain("Invalid weekday list");
    expect(message("FREQ=HOURLY")).toContain("at most daily");
    expect(message("BYDAY=MO")).toContain("needs a frequency");
    expect(message("FREQ=DAILY;COUNT=2;UNTIL=20270101")).toContain("not both");
    expect(message("")).toContain("empty");
    expect(message("FREQ=DAILY;UNTIL=20270230")).toContain("UNTIL");
  });
});

describe("the series' dates", () => {
  it("follows the second Tuesday across a daylight-saving change without moving a day", () => {
    const s = series("FREQ=MONTHLY;BYDAY=+2TU", "2026-02-10");
    expect(nextOccurrence(s, "2026-02-10", 1)).toBe("2026-03-10");
    expect(nextOccurrence(s, "2026-03-10", 2)).toBe("2026-04-14");
    expect(
      upcomingOccurrences(
        { ...s, occurrenceDate: "2026-02-10", occurrenceCount: 1 },
        "2026-01-01",
        "2026-12-31",
      ),
    ).toEqual([
      "2026-03-10",
      "2026-04-14",
      "2026-05-12",
      "2026-06-09",
      "2026-07-14",
      "2026-08-11",
      "2026-09-08",
      "2026-10-13",
      "2026-11-10",
      "2026-12-08",
    ]);
  });

  it("ends after N occurrences in all, or after the last date", () => {
    const counted = series("FREQ=DAILY", "2027-01-01", { endsAfter: 3 });
    expect(nextOccurrence(counted, "2027-01-02", 2)).toBe("2027-01-03");
    expect(nextOccurrence(counted, "2027-01-03", 3)).toBeNull();
    const dated = series("FREQ=WEEKLY", "2027-01-01", { endsOn: "2027-01-14" });
    expect(
      upcomingOccurrences(
        { ...dated, occurrenceDate: "2027-01-01", occurrenceCount: 1 },
        "2027-01-01",
        "2027-12-31",
      ),
    ).toEqual(["2027-01-08"]);
  });

  it("keeps the dates' kinds and the time between start and due", () => {
    expect(shiftedDates({ startDate: "2027-01-05", dueDate: "2027-01-07" }, "2027-01-12")).toEqual({
      startDate: "2027-01-12",
      dueDate: "2027-01-14",
    });
    expect(shiftedDates({ startDate: null, dueDate: "2027-01-07" }, "2027-01-14")).toEqual({
      startDate: null,
      dueDate: "2027-01-14",
    });
  });
});

describe("when the next occurrence is due", () => {
  it("is local midnight in the series' zone, with the offset of that day", () => {
    expect(startOfDayIn("2026-03-10", "Europe/Berlin").toISOString()).toBe("2026-03-09T23:00:00.000Z");
    expect(startOfDayIn("2026-04-14", "Europe/Berlin").toISOString()).toBe("2026-04-13T22:00:00.000Z");
    expect(startOfDayIn("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(occurrenceDueAt("before_start", "2026-04-14", 2, "Europe/Berlin")?.toISOString()).toBe(
      "2026-04-11T22:00:00.000Z",
    );
    expect(occurrenceDueAt("completed", "2026-04-14", 2, "Europe/Berlin")).toBeNull();
  });
});
