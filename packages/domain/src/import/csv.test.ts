import { describe, expect, it } from "vitest";
import { parseCsvDay, planCsvImport, suggestCsvMapping } from "./csv.js";

const candidates = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Ana Lima", email: "ana@example.test" },
  { id: "00000000-0000-4000-8000-000000000002", name: "Jonas Weiss", email: "jonas@example.test" },
];
const header = ["Title", "Notes", "Status", "Start", "Due", "Assignee", "Tags"];
const rows = [
  header,
  [
    "Call the ward",
    "About the rota",
    "To do",
    "2025-03-01",
    "2025-03-05",
    "ana@example.test",
    "Urgent, Ward 3",
  ],
  ["Survey results", "", "Done", "", "14.03.2025", "Jonas Weiss", "ward 3; Survey"],
  ["", "a row with no name", "To do", "", "", "", ""],
  ["Letter", "", "In progress", "2025-04-10", "2025-04-01", "Someone Else", ""],
  ["Broken date", "", "to do", "31.04.2025", "", "", ""],
];
const options = { candidates, dateOrder: "dmy" as const, hasHeader: true, name: "Complaints" };

describe("a CSV file read into a plan", () => {
  it("suggests the columns from common header names", () => {
    expect(suggestCsvMapping(header)).toEqual({
      name: 0,
      description: 1,
      status: 2,
      startDate: 3,
      dueDate: 4,
      responsible: 5,
      labels: 6,
    });
    expect(suggestCsvMapping(["Aufgabe", "Fällig", "Verantwortlich"])).toEqual({
      name: 0,
      dueDate: 1,
      responsible: 2,
    });
  });

  it("reads days written in ISO form and in the chosen order, and refuses days that do not exist", () => {
    expect(parseCsvDay("2025-03-14", "mdy")).toBe("2025-03-14");
    expect(parseCsvDay("14.03.2025", "dmy")).toBe("2025-03-14");
    expect(parseCsvDay("03/14/2025", "mdy")).toBe("2025-03-14");
    expect(parseCsvDay("14/3/25", "dmy")).toBe("2025-03-14");
    expect(parseCsvDay("31.04.2025", "dmy")).toBe(null);
    expect(parseCsvDay("soon", "dmy")).toBe(null);
    expect(parseCsvDay("", "dmy")).toBe(null);
  });

  it("makes a card per named row, statuses from the status column and labels from the tags", () => {
    const plan = planCsvImport(rows, suggestCsvMapping(header) as { name: number }, options);
    expect(plan.cards.map((c) => c.name)).toEqual([
      "Call the ward",
      "Survey results",
      "Letter",
      "Broken date",
    ]);
    // "To do" and "to do" are one status, named as first written.
    expect(plan.statuses.map((s) => [s.name, s.role, s.cardCount])).toEqual([
      ["To do", "not_started", 2],
      ["Done", "completed", 1],
      ["In progress", "in_progress", 1],
    ]);
    expect(plan.labels.map((l) => l.name)).toEqual(["Urgent", "Ward 3", "Survey"]);
    const [first, second, third, fourth] = plan.cards;
    expect(first).toMatchObject({
      startDate: "2025-03-01",
      dueDate: "2025-03-05",
      responsibleId: candidates[0]?.id,
    });
    expect(first?.labels).toHaveLength(2);
    expect(second).toMatchObject({ dueDate: "2025-03-14", responsibleId: candidates[1]?.id });
    expect(second?.completedAt).not.toBeNull();
    expect(third).toMatchObject({ startDate: null, dueDate: "2025-04-01", responsibleId: null });
    expect(fourth?.startDate).toBe(null);
    const notes = plan.summary.notes.join(" ");
    expect(notes).toContain("1 row has no name");
    expect(notes).toContain("1 row has a date that could not be read");
    expect(notes).toContain("after its due date");
    expect(notes).toContain("Someone Else");
  });

  it("puts every card in one status when no column holds the status", () => {
    const plan = planCsvImport(rows, { name: 0 }, options);
    expect(plan.statuses.map((s) => s.name)).toEqual(["To Do"]);
    expect(plan.summary.cards).toBe(4);
  });
});
