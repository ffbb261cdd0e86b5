import type { Card, CustomField } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import {
  activeFilterCount,
  filterCards,
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

const ward = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const shifts = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const nurse = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const beds = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
const cardio = "11111111-1111-4111-8111-111111111111";
const onco = "22222222-2222-4222-8222-222222222222";
const day = "33333333-3333-4333-8333-333333333333";
const night = "44444444-4444-4444-8444-444444444444";
const ana = "55555555-5555-4555-8555-555555555555";
const today = "2025-03-10";

const field = (id: string, kind: CustomField["kind"], options: CustomField["options"] = []): CustomField => ({
  id,
  workspaceId: ana,
  spaceId: ana,
  name: { [ward]: "Ward", [shifts]: "Shifts", [nurse]: "Nurse", [beds]: "Beds" }[id] ?? "Field",
  kind,
  options,
  showOnCard: true,
  position: "a0",
});
const fields = {
  [ward]: field(ward, "single_choice", [
    { id: cardio, name: "Cardiology", color: "#c92a2a" },
    { id: onco, name: "Oncology", color: "#2b8a3e" },
  ]),
  [shifts]: field(shifts, "multi_choice", [
    { id: day, name: "Day", color: "#ffaa00" },
    { id: night, name: "Night", color: "#000000" },
  ]),
  [nurse]: field(nurse, "person"),
  [beds]: field(beds, "number"),
};

const card = (id: string): Card => ({
  id,
  workspaceId: ana,
  spaceId: ana,
  statusId: ana,
  name: id,
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
  createdAt: "2025-03-01T00:00:00.000Z",
  updatedAt: "2025-03-01T00:00:00.000Z",
  completedAt: null,
  archivedAt: null,
  version: 1,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
});
const cards = [card("c1"), card("c2"), card("c3")];
const values = {
  c1: { [ward]: cardio, [shifts]: [day, night], [nurse]: ana, [beds]: 4 },
  c2: { [ward]: onco, [shifts]: [night] },
};
const statuses = { [ana]: { role: "in_progress" as const } };
const ids = (list: Card[]) => list.map((c) => c.id);

describe("custom field filters", () => {
  it("read field filters from the address and write them back, dropping cleared ones", () => {
    const params = new URLSearchParams(
      `field.${ward}=${cardio}&field.${beds}=set&field.bad id=x&field.${nurse}=<b>`,
    );
    const filters = parseFilters(params);
    expect(filters.fields).toEqual({ [ward]: cardio, [beds]: "set" });
    expect(activeFilterCount(filters)).toBe(2);
    const written = writeFilters(params, { ...filters, fields: { [ward]: "none" } });
    expect(written.get(`field.${ward}`)).toBe("none");
    expect(written.get(`field.${beds}`)).toBeNull();
  });

  it("keep a card whose value is the option, includes it, exists or is missing", () => {
    const run = (wanted: Record<string, string>) =>
      ids(filterCards(cards, statuses, { ...noFilters, fields: wanted }, today, values));
    expect(run({ [ward]: cardio })).toEqual(["c1"]);
    expect(run({ [shifts]: night })).toEqual(["c1", "c2"]);
    expect(run({ [shifts]: night, [ward]: onco })).toEqual(["c2"]);
    expect(run({ [beds]: "set" })).toEqual(["c1"]);
    expect(run({ [beds]: "none" })).toEqual(["c2", "c3"]);
    expect(run({ [nurse]: ana })).toEqual(["c1"]);
  });
});

describe("swimlanes by a custom field", () => {
  const laneFields = { fields, values };
  it("parse and write a field grouping", () => {
    const params = writeGrouping(new URLSearchParams(), `field:${ward}`);
    expect(parseGrouping(params)).toBe(`field:${ward}`);
    expect(parseGrouping(new URLSearchParams("group=field:<x>"))).toBe("none");
  });

  it("make a lane per option in the field's order, then one for cards without a value", () => {
    const lanes = lanesFor(`field:${ward}`, cards, today, [], [], laneFields);
    expect(lanes.map((l) => [l.key, l.title])).toEqual([
      [cardio, "Cardiology"],
      [onco, "Oncology"],
      ["none", "No Ward"],
    ]);
    expect(cards.map((c) => laneKeyOf(c, `field:${ward}`, today, [], laneFields))).toEqual([
      cardio,
      onco,
      "none",
    ]);
    // Several choices: the lane of the first in the field's order.
    expect(laneKeyOf(cards[0] as Card, `field:${shifts}`, today, [], laneFields)).toBe(day);
  });

  it("make person lanes from the space's people and no lanes for a field that cannot make them", () => {
    const people = [{ id: ana, name: "Ana" }];
    expect(lanesFor(`field:${nurse}`, cards, today, people, [], laneFields).map((l) => l.key)).toEqual([
      ana,
      "none",
    ]);
    expect(lanesFor(`field:${beds}`, cards, today, people, [], laneFields)).toEqual([
      { key: "all", title: "" },
    ]);
  });

  it("moving a card to another lane sets the field: swapped option for multiple choice, cleared for none", () => {
    const [c1, c2] = cards as [Card, Card];
    expect(laneChange(c2, `field:${ward}`, onco, cardio, today, laneFields)).toEqual({
      kind: "field",
      fieldId: ward,
      value: cardio,
    });
    expect(laneChange(c2, `field:${ward}`, onco, "none", today, laneFields)).toEqual({
      kind: "field",
      fieldId: ward,
      value: null,
    });
    expect(laneChange(c1, `field:${shifts}`, day, "none", today, laneFields)).toEqual({
      kind: "field",
      fieldId: shifts,
      value: null,
    });
    expect(laneChange(c2, `field:${shifts}`, night, day, today, laneFields)).toEqual({
      kind: "field",
      fieldId: shifts,
      value: [day],
    });
  });
});
