import { describe, expect, it } from "vitest";
import { csvPreviewRows, parseCsvDay, planCsvImport, suggestCsvMapping } from "./csv.js";

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
    // "To do" and "to do" are one status, named as first written; the statuses go by role.
    expect(plan.statuses.map((s) => [s.name, s.role, s.cardCount])).toEqual([
      ["To do", "not_started", 2],
      ["In progress", "in_progress", 1],
      ["Done", "completed", 1],
    ]);
    expect(plan.cards.map((c) => plan.statuses[c.status]?.name)).toEqual([
      "To do",
      "Done",
      "In progress",
      "To do",
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

  it("orders statuses by the roles the importer chose, then by first appearance", () => {
    const plan = planCsvImport(rows, suggestCsvMapping(header) as { name: number }, {
      ...options,
      listRoles: { Done: "information", "To do": "cancelled" },
    });
    expect(plan.statuses.map((s) => s.name)).toEqual(["Done", "In progress", "To do"]);
    expect(plan.cards.find((c) => c.name === "Broken date")?.status).toBe(2);
  });

  it("puts every card in one status when no column holds the status", () => {
    const plan = planCsvImport(rows, { name: 0 }, options);
    expect(plan.statuses.map((s) => s.name)).toEqual(["To Do"]);
    expect(plan.summary.cards).toBe(4);
  });
});

describe("a CSV file's rows as they will be imported", () => {
  it("reads days with a time after them, a four-digit year first in any order, and two-digit years", () => {
    expect(parseCsvDay("14/03/2025 09:30", "dmy")).toBe("2025-03-14");
    expect(parseCsvDay("3/14/2025 9:30 PM", "mdy")).toBe("2025-03-14");
    expect(parseCsvDay("2025/03/14", "dmy")).toBe("2025-03-14");
    expect(parseCsvDay("2025.3.14", "mdy")).toBe("2025-03-14");
    expect(parseCsvDay("25/03/14", "ymd")).toBe("2025-03-14");
    expect(parseCsvDay("14/03/2025 later", "dmy")).toBe(null);
  });

  it("tells for each row what came across and what did not", () => {
    const plan = planCsvImport(rows, suggestCsvMapping(header) as { name: number }, options);
    expect(plan.outcomes.map((o) => [o.row, o.card])).toEqual([
      [2, 0],
      [3, 1],
      [4, null],
      [5, 2],
      [6, 3],
    ]);
    expect(plan.outcomes[0]?.warnings).toEqual([]);
    expect(plan.outcomes[2]?.warnings.join(" ")).toContain("No name");
    expect(plan.outcomes[3]?.warnings.join(" ")).toContain("starts after its due date");
    expect(plan.outcomes[3]?.warnings.join(" ")).toContain("“Someone Else” is not in this workspace");
    expect(plan.outcomes[4]?.warnings.join(" ")).toContain("“31.04.2025” is not a day");
    // Ana by e-mail and Jonas by name; Someone Else matches no one.
    expect(plan.summary.membersMatched).toBe(2);
    expect(plan.summary.membersUnmatched).toBe(1);
  });

  it("shows the first rows with their status, people and labels by name", () => {
    const plan = planCsvImport(rows, suggestCsvMapping(header) as { name: number }, options);
    const preview = csvPreviewRows(plan, candidates, 3);
    expect(preview).toEqual([
      {
        row: 2,
        name: "Call the ward",
        description: "About the rota",
        status: "To do",
        startDate: "2025-03-01",
        dueDate: "2025-03-05",
        person: "ana@example.test",
        responsible: "Ana Lima",
        labels: ["Urgent", "Ward 3"],
        warnings: [],
      },
      {
        row: 3,
        name: "Survey results",
        description: "",
        status: "Done",
        startDate: null,
        dueDate: "2025-03-14",
        person: "Jonas Weiss",
        responsible: "Jonas Weiss",
        labels: ["Ward 3", "Survey"],
        warnings: [],
      },
      {
        row: 4,
        name: null,
        description: "",
        status: null,
        startDate: null,
        dueDate: null,
        person: "",
        responsible: null,
        labels: [],
        warnings: ["No name: the row is left out."],
      },
    ]);
  });

  it("numbers rows from the file's first row when it has no header, skipping blank rows", () => {
    const plan = planCsvImport([["A"], ["  "], ["B"]], { name: 0 }, { ...options, hasHeader: false });
    expect(plan.outcomes.map((o) => o.row)).toEqual([1, 3]);
    expect(plan.cards.map((c) => c.name)).toEqual(["A", "B"]);
  });
});
