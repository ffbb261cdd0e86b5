import type { Card } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import {
  activeFilterCount,
  filterCards,
  matchesFilters,
  noFilters,
  parseFilters,
  parseGrouping,
  writeFilters,
  writeGrouping,
} from "./filters";
import { laneChange, laneKeyOf, lanesFor } from "./swimlanes";

// Lane titles and refusals are the interface's messages: English, as the app loads them first.
beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
});
afterAll(() => useI18n.setState({ translator: null }));

const ana = "11111111-1111-4111-8111-111111111111";
const ben = "22222222-2222-4222-8222-222222222222";
const red = "33333333-3333-4333-8333-333333333333";
const blue = "44444444-4444-4444-8444-444444444444";
const today = "2025-03-10";

const card = (over: Partial<Card> = {}): Card => ({
  id: "55555555-5555-4555-8555-555555555555",
  workspaceId: ana,
  spaceId: ana,
  statusId: ana,
  name: "Triage rota",
  description: "",
  position: "a0",
  createdBy: null,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  todoTotal: 0,
  todoDone: 0,
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: "2025-03-01T00:00:00.000Z",
  updatedAt: "2025-03-01T00:00:00.000Z",
  completedAt: null,
  archivedAt: null,
  version: 1,
  ...over,
});

describe("filters in the URL", () => {
  it("parses every filter and ignores malformed values", () => {
    const params = new URLSearchParams(
      `responsible=${ana}&coworker=${ben}&label=${red}&role=in_progress&due=overdue&blocked=yes&risk=at_risk&group=label`,
    );
    expect(parseFilters(params)).toEqual({
      responsible: ana,
      coworker: ben,
      label: red,
      role: "in_progress",
      due: "overdue",
      blocked: "yes",
      risk: "at_risk",
      fields: {},
    });
    expect(parseGrouping(params)).toBe("label");
    const bad = new URLSearchParams(
      "responsible=<script>&role=nope&due=soon&blocked=maybe&risk=late&group=x",
    );
    expect(parseFilters(bad)).toEqual(noFilters);
    expect(parseGrouping(bad)).toBe("none");
  });

  it("writes filters back, keeping other parameters and dropping cleared ones", () => {
    const start = new URLSearchParams("view=1&label=x");
    const written = writeFilters(start, { ...noFilters, responsible: "none", due: "this_week" });
    expect(written.get("view")).toBe("1");
    expect(written.get("label")).toBeNull();
    expect(written.get("responsible")).toBe("none");
    expect(parseFilters(written)).toEqual({ ...noFilters, responsible: "none", due: "this_week" });
    expect(writeGrouping(written, "due").get("group")).toBe("due");
    expect(writeGrouping(new URLSearchParams("group=due"), "none").has("group")).toBe(false);
    expect(activeFilterCount(parseFilters(written))).toBe(2);
  });
});

describe("matchesFilters", () => {
  it("matches responsible, co-worker, label, role, due and blocked", () => {
    const c = card({
      responsibleId: ana,
      coworkerIds: [ben],
      labelIds: [red],
      dueDate: "2025-03-12",
      isBlocked: true,
      attachmentCount: 0,
      coverAttachmentId: null,
      repeat: null,
    });
    const f = noFilters;
    expect(matchesFilters(c, "in_progress", f, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, responsible: ana }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, responsible: ben }, today)).toBe(false);
    expect(matchesFilters(c, "in_progress", { ...f, responsible: "none" }, today)).toBe(false);
    expect(matchesFilters(card(), "in_progress", { ...f, responsible: "none" }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, coworker: ben }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, coworker: ana }, today)).toBe(false);
    expect(matchesFilters(c, "in_progress", { ...f, label: red }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, label: blue }, today)).toBe(false);
    expect(matchesFilters(c, "in_progress", { ...f, role: "completed" }, today)).toBe(false);
    expect(matchesFilters(c, "in_progress", { ...f, due: "this_week" }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, due: "overdue" }, today)).toBe(false);
    // "At risk" keeps only cards whose aging is amber or red.
    expect(matchesFilters(c, "in_progress", { ...f, risk: "at_risk" }, today, {}, true)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, risk: "at_risk" }, today, {}, false)).toBe(false);
    expect(
      matchesFilters(card({ dueDate: "2025-03-01" }), "in_progress", { ...f, due: "overdue" }, today),
    ).toBe(true);
    expect(matchesFilters(card(), "in_progress", { ...f, due: "none" }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, blocked: "yes" }, today)).toBe(true);
    expect(matchesFilters(c, "in_progress", { ...f, blocked: "no" }, today)).toBe(false);
  });
});

describe("swimlanes", () => {
  const labels = [
    { id: red, name: "Urgent", color: "#ff0000" },
    { id: blue, name: "Admin", color: "#0000ff" },
  ];
  it("puts each card in one lane", () => {
    expect(laneKeyOf(card({ responsibleId: ana }), "responsible", today, labels)).toBe(ana);
    expect(laneKeyOf(card(), "responsible", today, labels)).toBe("none");
    expect(laneKeyOf(card({ labelIds: [blue, red] }), "label", today, labels)).toBe(red);
    expect(laneKeyOf(card(), "label", today, labels)).toBe("none");
    expect(laneKeyOf(card({ dueDate: "2025-03-01" }), "due", today, labels)).toBe("overdue");
    expect(laneKeyOf(card({ dueDate: "2025-04-01" }), "due", today, labels)).toBe("later");
  });

  it("lists the lanes, with a lane for unknown people and the 'no one' lane last", () => {
    const lanes = lanesFor(
      "responsible",
      [card({ responsibleId: ben })],
      today,
      [{ id: ana, name: "Ana" }],
      labels,
    );
    expect(lanes.map((l) => l.key)).toEqual([ana, ben, "none"]);
    expect(lanesFor("due", [], today, [], labels).map((l) => l.key)).toEqual([
      "overdue",
      "this_week",
      "later",
      "no_date",
    ]);
    expect(lanesFor("label", [], today, [], labels).map((l) => l.title)).toEqual([
      "Urgent",
      "Admin",
      "No label",
    ]);
  });

  it("turns a lane drop into the attribute change", () => {
    expect(laneChange(card(), "responsible", "none", ana, today)).toEqual({
      kind: "patch",
      patch: { responsibleId: ana },
    });
    expect(laneChange(card({ responsibleId: ana }), "responsible", ana, "none", today)).toEqual({
      kind: "patch",
      patch: { responsibleId: null },
    });
    expect(laneChange(card({ labelIds: [red, blue] }), "label", red, blue, today)).toEqual({
      kind: "patch",
      patch: { labelIds: [blue] },
    });
    expect(laneChange(card({ labelIds: [red] }), "label", red, blue, today)).toEqual({
      kind: "patch",
      patch: { labelIds: [blue] },
    });
    expect(laneChange(card({ labelIds: [red, blue] }), "label", red, "none", today)).toEqual({
      kind: "patch",
      patch: { labelIds: [] },
    });
    expect(laneChange(card(), "due", "no_date", "this_week", today)).toEqual({
      kind: "patch",
      patch: { dueDate: "2025-03-13" },
    });
    expect(laneChange(card(), "due", "no_date", "later", today)).toEqual({
      kind: "patch",
      patch: { dueDate: "2025-03-24" },
    });
    expect(laneChange(card({ dueDate: "2025-03-12" }), "due", "this_week", "no_date", today)).toEqual({
      kind: "patch",
      patch: { dueDate: null },
    });
    expect(laneChange(card(), "due", "no_date", "overdue", today).kind).toBe("refused");
    expect(laneChange(card(), "due", "later", "later", today)).toEqual({ kind: "none" });
  });
});

describe("filterCards (Calendar and every view that lists a board's cards)", () => {
  const statuses = { [ana]: { role: "not_started" as const }, [ben]: { role: "in_progress" as const } };
  const blocked = card({ id: "a1", isBlocked: true, dueDate: "2025-03-01" });
  const free = card({ id: "a2", statusId: ben, dueDate: "2025-03-12" });
  const undated = card({ id: "a3", isBlocked: true });
  const cards = [blocked, free, undated];
  const ids = (query: string) =>
    filterCards(cards, statuses, parseFilters(new URLSearchParams(query)), today).map((c) => c.id);

  it("keeps every card when no filter is active", () => {
    expect(ids("")).toEqual(["a1", "a2", "a3"]);
  });

  it("applies the address's filters, the status role read from the card's column", () => {
    expect(ids("blocked=yes")).toEqual(["a1", "a3"]);
    expect(ids("role=in_progress")).toEqual(["a2"]);
    expect(ids("due=overdue&blocked=yes")).toEqual(["a1"]);
  });
});
