import type { CustomField } from "@lattice/domain";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { noFilters } from "../filters/filters";
import { board, card, status } from "../space-views/fixtures.test-helpers";
import { bom, csvColumns, parseListCell, rowsToCsv } from "./csv";
import { buildRows, filterRows, sortRows } from "./list-rows";

const tricky = 'Ship "v2", then\nrelax, 🎉 ünïcödé';

describe("CSV export", () => {
  const view = board(
    [status("todo", "a0", "not_started", "To do"), status("done", "a1", "completed", "Done")],
    [
      card("a", "todo", "a0", {
        name: tricky,
        startDate: "2025-03-01",
        dueDate: "2025-03-05",
        isBlocked: true,
      }),
      card("b", "todo", "a1", { name: "Plain", todoTotal: 4, todoDone: 1 }),
      card("c", "done", "a0", { name: "Finished" }),
    ],
  );
  const rows = buildRows(view, [], [], []);

  it("starts with a UTF-8 byte order mark and keeps names with commas, quotes and line breaks", () => {
    const csv = rowsToCsv(rows);
    expect(csv.startsWith(bom)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(bom.length), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...csvColumns]);
    expect(parsed.data[1]).toEqual([tricky, "To do", "", "", "", "2025-03-01", "2025-03-05", "0", "yes"]);
    expect(parsed.data[2]?.[0]).toBe("Plain");
    expect(parsed.data[2]?.[7]).toBe("25");
    expect(parsed.data).toHaveLength(4);
  });

  it("exports exactly the filtered rows, in the shown order", () => {
    const shown = sortRows(
      filterRows(rows, { text: "", statusId: "todo", board: noFilters, today: "2025-03-01" }),
      "name",
      "desc",
    );
    const parsed = Papa.parse<string[]>(rowsToCsv(shown).slice(1), { skipEmptyLines: true });
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual([tricky, "Plain"]);
  });

  it("neutralises spreadsheet formulas", () => {
    const formula = buildRows(
      board([status("todo", "a0", "not_started")], [card("f", "todo", "a0", { name: "=HYPERLINK(1)" })]),
      [],
      [],
      [],
    );
    const parsed = Papa.parse<string[]>(rowsToCsv(formula).slice(1), { skipEmptyLines: true });
    expect(parsed.data[1]?.[0]).toBe("'=HYPERLINK(1)");
  });

  it("neutralises formulas that go on over several lines, and leaves other multi-line text alone", () => {
    const names = [
      "=1+2\n+3",
      "-multi\nline",
      "@Doing\nnow",
      "+1\r\n2",
      "\tTabbed\nline",
      "Plain\n=not first",
    ];
    const formulas = buildRows(
      board(
        [status("todo", "a0", "not_started")],
        names.map((name, i) => card(`f${i}`, "todo", `a${i}`, { name })),
      ),
      [],
      [],
      [],
    );
    const parsed = Papa.parse<string[]>(rowsToCsv(formulas).slice(bom.length), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const expected = names.map((name) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name));
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(expected);
    expect(expected.filter((name) => name.startsWith("'"))).toHaveLength(5);
  });

  it("writes co-workers and labels so that names with commas, quotes and line breaks split back exactly", () => {
    const labelNames = ["a, b", "c", 'say "hi"', "two\nlines", " padded ", "=SUM(1)"];
    const people = ["Smith, Ana", "Bo"];
    const labels = labelNames.map((name, i) => ({
      id: `l${i}`,
      workspaceId: "w",
      spaceId: "s",
      name,
      color: "#ff0000",
      serviceLevelDays: null,
    }));
    const members = people.map((name, i) => ({
      workspaceId: "w",
      userId: `u${i}`,
      email: `u${i}@example.com`,
      name,
      color: null,
      role: "member" as const,
      capacityPerWeek: null,
      createdAt: "",
    }));
    const listed = buildRows(
      board(
        [status("todo", "a0", "not_started")],
        [
          card("l", "todo", "a0", {
            name: "Listed",
            labelIds: labels.map((l) => l.id),
            coworkerIds: members.map((m) => m.userId),
          }),
        ],
      ),
      [],
      members,
      labels,
    );
    const parsed = Papa.parse<string[]>(rowsToCsv(listed).slice(bom.length), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parseListCell(parsed.data[1]?.[3] ?? "")).toEqual(people);
    expect(parseListCell(parsed.data[1]?.[4] ?? "")).toEqual(labelNames);
  });
});

describe("list rows", () => {
  const view = board(
    [status("todo", "a0", "not_started", "To do"), status("done", "a1", "completed", "Done")],
    [
      card("a", "todo", "a0", { name: "beta", dueDate: "2025-03-05", responsibleId: "u1", labelIds: ["l1"] }),
      card("b", "todo", "a1", { name: "Alpha" }),
      card("c", "done", "a0", { name: "gamma", dueDate: "2025-03-01" }),
    ],
  );
  const members = [
    {
      workspaceId: "w",
      userId: "u1",
      email: "x@example.com",
      name: "Ada",
      color: null,
      role: "member" as const,
      capacityPerWeek: null,
      createdAt: "",
    },
  ];
  const labels = [
    { id: "l1", workspaceId: "w", spaceId: "s", name: "Urgent", color: "#ff0000", serviceLevelDays: null },
  ];
  const rows = buildRows(view, [], members, labels);

  it("resolves names and sorts by every column with empty values last", () => {
    expect(rows[0]).toMatchObject({ responsibleName: "Ada", labelNames: ["Urgent"], statusName: "To do" });
    expect(sortRows(rows, "name", "asc").map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(sortRows(rows, "due", "asc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRows(rows, "due", "desc").map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(sortRows(rows, "status", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRows(rows, "progress", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
  });
});

describe("custom fields in the export", () => {
  it("adds a column per field, named after it, with the value as people read it", () => {
    const fieldOf = (
      id: string,
      name: string,
      kind: CustomField["kind"],
      options: CustomField["options"] = [],
    ) =>
      ({
        id,
        workspaceId: "w",
        spaceId: "s",
        name,
        kind,
        options,
        showOnCard: false,
        position: "a0",
      }) as CustomField;
    const fields = [
      fieldOf("f1", "Ward", "single_choice", [{ id: "o1", name: "Cardiology", color: "#c92a2a" }]),
      fieldOf("f2", "Shifts", "multi_choice", [
        { id: "o2", name: "Day, early", color: "#ffaa00" },
        { id: "o3", name: "Night", color: "#000000" },
      ]),
      fieldOf("f3", "Nurse", "person"),
      fieldOf("f4", "Beds", "number"),
      fieldOf("f5", "Formula", "text"),
    ];
    const view = {
      ...board([status("todo", "a0", "not_started", "To do")], [card("a", "todo", "a0", { name: "Bed 4" })]),
      fieldValues: { a: { f1: "o1", f2: ["o2", "o3"], f3: "u1", f4: 12.5, f5: "=1+1" } },
    };
    const csv = rowsToCsv(buildRows(view, [], [], []), fields, () => "Ana");
    const [header, line] = Papa.parse<string[]>(csv.slice(bom.length), { skipEmptyLines: true }).data;
    expect(header?.slice(-5)).toEqual(["Ward", "Shifts", "Nurse", "Beds", "Formula"]);
    expect(line?.slice(-5)).toEqual(["Cardiology", '"Day, early", Night', "Ana", "12.5", "'=1+1"]);
    expect(parseListCell(line?.at(-4) ?? "")).toEqual(["Day, early", "Night"]);
  });
});
