import { describe, expect, it } from "vitest";
import { noFilters, parseFilters } from "../filters/filters";
import { board, card, status } from "../space-views/fixtures.test-helpers";
import { rowsToCsv } from "./csv";
import { buildRows, filterRows, type ListFilters, sortRows } from "./list-rows";

const today = "2025-03-10";

describe("List filters", () => {
  const view = board(
    [status("todo", "a0", "not_started", "To do"), status("doing", "a1", "in_progress", "Doing")],
    [
      card("a", "todo", "a0", {
        name: "beta",
        dueDate: "2025-03-05",
        responsibleId: "aa01",
        labelIds: ["cc03"],
      }),
      card("b", "todo", "a1", { name: "Alpha", isBlocked: true, coworkerIds: ["bb02"] }),
      card("c", "doing", "a0", { name: "gamma", dueDate: "2025-03-12", isBlocked: true }),
    ],
  );
  const rows = buildRows(view, [], [], []);
  const none: ListFilters = { text: "", statusId: "", board: noFilters, today };
  const ids = (filters: ListFilters) => filterRows(rows, filters).map((r) => r.id);
  const fromAddress = (query: string): ListFilters => ({
    ...none,
    board: parseFilters(new URLSearchParams(query)),
  });

  it("filters by the List's own name and column filters", () => {
    expect(ids({ ...none, text: "ALP" })).toEqual(["b"]);
    expect(ids({ ...none, statusId: "doing" })).toEqual(["c"]);
  });

  it("applies every board filter in the address: blocked, responsible, co-worker, label, status role, due", () => {
    expect(ids(fromAddress("blocked=yes"))).toEqual(["b", "c"]);
    expect(ids(fromAddress("blocked=no"))).toEqual(["a"]);
    expect(ids(fromAddress("responsible=aa01"))).toEqual(["a"]);
    expect(ids(fromAddress("responsible=none"))).toEqual(["b", "c"]);
    expect(ids(fromAddress("coworker=bb02"))).toEqual(["b"]);
    expect(ids(fromAddress("label=cc03"))).toEqual(["a"]);
    expect(ids(fromAddress("label=none"))).toEqual(["b", "c"]);
    expect(ids(fromAddress("role=in_progress"))).toEqual(["c"]);
    expect(ids(fromAddress("due=overdue"))).toEqual(["a"]);
    expect(ids(fromAddress("due=this_week"))).toEqual(["c"]);
    expect(ids(fromAddress("due=none"))).toEqual(["b"]);
    expect(ids({ ...fromAddress("blocked=yes&role=not_started"), text: "alp" })).toEqual(["b"]);
  });

  it("carries each in-progress card's age, sorts by it (cards without one last) and filters the at-risk ones", () => {
    const aged = buildRows(view, [], [], [], { c: { ageDays: 9, risk: "at_risk" } });
    expect(aged.map((r) => [r.id, r.ageDays, r.risk])).toEqual([
      ["a", null, null],
      ["b", null, null],
      ["c", 9, "at_risk"],
    ]);
    expect(sortRows(aged, "age", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRows(aged, "age", "asc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    const atRisk = { ...none, board: parseFilters(new URLSearchParams("risk=at_risk")) };
    expect(filterRows(aged, atRisk).map((r) => r.id)).toEqual(["c"]);
  });

  it("exports only the rows the filters keep", () => {
    const csv = rowsToCsv(filterRows(rows, fromAddress("blocked=yes")));
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["Alpha", "gamma"]);
  });
});
