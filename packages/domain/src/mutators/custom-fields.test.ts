import { describe, expect, it } from "vitest";
import { describeEvent } from "../activity.js";
import { applyBoardEvent, emptyBoard } from "../board.js";
import type { CustomField } from "../field-schemas.js";
import { createTranslator } from "../i18n/translator.js";
import { createField, deleteField, setCardField, updateField } from "./custom-fields.js";
import { actor, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";

const english = createTranslator("en");

const space = { id: "s1", workspaceId: "w1" };
const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? "exhausted";
};
const ward: CustomField = {
  id: "f1",
  workspaceId: "w1",
  spaceId: "s1",
  name: "Ward",
  kind: "single_choice",
  options: [
    { id: "o1", name: "Cardiology", color: "#aa0000" },
    { id: "o2", name: "Oncology", color: "#00aa00" },
  ],
  showOnCard: true,
  position: "a0",
};
const fieldOf = (kind: CustomField["kind"], extra: Partial<CustomField> = {}): CustomField => ({
  ...ward,
  id: `f-${kind}`,
  kind,
  options: kind.endsWith("choice") ? ward.options : [],
  ...extra,
});
const card = { id: "c1", spaceId: "s1" };
const setOn = (field: CustomField | null, value: unknown, readerIds: string[] = []) =>
  setCardField(
    { role: "member", card, field, readerIds, previous: null },
    { value: value as never },
    actor,
    now,
  );

describe("field definition mutators", () => {
  it("create a choice field with fresh option ids and lower-case colours, placed last", () => {
    const result = createField(
      { role: "owner", space, fields: [ward], fieldId: "f9", newId: ids("n1", "n2") },
      {
        name: "Shift",
        kind: "multi_choice",
        options: [
          { name: "Day", color: "#FFAA00" },
          { name: "Night", color: "#000000" },
        ],
      },
      actor,
      now,
    );
    if (isRefusal(result)) throw result;
    expect(result.changes.field.options).toEqual([
      { id: "n1", name: "Day", color: "#ffaa00" },
      { id: "n2", name: "Night", color: "#000000" },
    ]);
    expect(result.changes.field.position > ward.position).toBe(true);
    expect(result.events[0]?.type).toBe("field.created");
  });

  it("refuse members, duplicate names, options on a plain field and a choice field without options", () => {
    const context = { role: "owner" as const, space, fields: [ward], fieldId: "f9", newId: ids("n1") };
    expect(codeOf(createField({ ...context, role: "member" }, { name: "X", kind: "text" }, actor, now))).toBe(
      "forbidden",
    );
    expect(codeOf(createField({ ...context, role: null }, { name: "X", kind: "text" }, actor, now))).toBe(
      "not_found",
    );
    expect(codeOf(createField(context, { name: "ward", kind: "text" }, actor, now))).toBe(
      "validation_failed",
    );
    expect(
      codeOf(
        createField(
          context,
          { name: "X", kind: "text", options: [{ name: "a", color: "#000000" }] },
          actor,
          now,
        ),
      ),
    ).toBe("validation_failed");
    expect(codeOf(createField(context, { name: "X", kind: "single_choice" }, actor, now))).toBe(
      "validation_failed",
    );
  });

  it("update keeps named options, adds new ones and reports the removed", () => {
    const result = updateField(
      { role: "owner", field: ward, fields: [ward], newId: ids("n3") },
      {
        name: "Unit",
        options: [
          { id: "o2", name: "Oncology", color: "#00aa00" },
          { name: "Surgery", color: "#0000aa" },
        ],
      },
      actor,
      now,
    );
    if (isRefusal(result)) throw result;
    expect(result.changes.field.name).toBe("Unit");
    expect(result.changes.field.options.map((o) => o.id)).toEqual(["o2", "n3"]);
    expect(result.changes.removedOptionIds).toEqual(["o1"]);
  });

  it("update refuses an option id of another field", () => {
    const result = updateField(
      { role: "owner", field: ward, fields: [ward], newId: ids() },
      { options: [{ id: "00000000-0000-4000-8000-000000000000", name: "X", color: "#000000" }] },
      actor,
      now,
    );
    expect(codeOf(result)).toBe("validation_failed");
  });

  it("delete is for owners only", () => {
    expect(codeOf(deleteField({ role: "member", field: ward }, {}, actor, now))).toBe("forbidden");
    const result = deleteField({ role: "owner", field: ward }, {}, actor, now);
    expect(isRefusal(result) ? null : result.events[0]?.type).toBe("field.deleted");
  });
});

describe("setting a card's value", () => {
  it("accept a value of every kind, normalized", () => {
    const cases: Array<[CustomField, unknown, unknown]> = [
      [fieldOf("text"), "  Bed 4  ", "Bed 4"],
      [fieldOf("number"), 12.5, 12.5],
      [fieldOf("date"), "2026-03-04", "2026-03-04"],
      [fieldOf("single_choice"), "o2", "o2"],
      [fieldOf("multi_choice"), ["o2", "o1", "o2"], ["o1", "o2"]],
      [fieldOf("person"), "u2", "u2"],
      [fieldOf("link"), "https://example.org/a?b=c", "https://example.org/a?b=c"],
      [fieldOf("text"), "   ", null],
      [fieldOf("multi_choice"), [], null],
      [fieldOf("number"), null, null],
    ];
    for (const [field, value, stored] of cases) {
      const result = setOn(field, value, ["u2"]);
      if (isRefusal(result)) throw result;
      expect(result.changes.value).toEqual(stored);
    }
  });

  it("refuse a value that does not suit the kind", () => {
    const cases: Array<[CustomField, unknown]> = [
      [fieldOf("text"), 4],
      [fieldOf("number"), "4"],
      [fieldOf("number"), Number.POSITIVE_INFINITY],
      [fieldOf("date"), "2026-02-30"],
      [fieldOf("date"), "2026-03-04T10:00:00Z"],
      [fieldOf("single_choice"), "o9"],
      [fieldOf("single_choice"), ["o1"]],
      [fieldOf("multi_choice"), ["o1", "o9"]],
      [fieldOf("person"), "u3"],
      [fieldOf("link"), "javascript:alert(1)"],
      [fieldOf("link"), "ftp://example.org"],
      [fieldOf("link"), "https:// spaced"],
    ];
    for (const [field, value] of cases) {
      expect([field.kind, value, codeOf(setOn(field, value, ["u2"]))]).toEqual([
        field.kind,
        value,
        "validation_failed",
      ]);
    }
  });

  it("refuse a field of another space, visitors, and an unseen card", () => {
    expect(codeOf(setOn({ ...ward, spaceId: "s2" }, "o1"))).toBe("validation_failed");
    expect(codeOf(setOn(null, "o1"))).toBe("validation_failed");
    const context = { role: "visitor" as const, card, field: ward, readerIds: [], previous: null };
    expect(codeOf(setCardField(context, { value: "o1" }, actor, now))).toBe("forbidden");
    expect(codeOf(setCardField({ ...context, role: null }, { value: "o1" }, actor, now))).toBe("not_found");
  });
});

describe("fields on the board and in the activity", () => {
  it("the reducer sets, clears and drops values as fields and options go", () => {
    const other = fieldOf("multi_choice", { id: "f2" });
    let state = applyBoardEvent(emptyBoard(), { type: "field.created", payload: { field: ward } });
    state = applyBoardEvent(state, { type: "field.created", payload: { field: other } });
    const set = (cardId: string, field: CustomField, value: string | string[] | null) => {
      state = applyBoardEvent(state, {
        type: "card.field_set",
        payload: { cardId, spaceId: "s1", field, value, previous: null },
      });
    };
    set("c1", ward, "o1");
    set("c2", ward, "o2");
    set("c2", other, ["o1", "o2"]);
    expect(state.fieldValues).toEqual({ c1: { f1: "o1" }, c2: { f1: "o2", f2: ["o1", "o2"] } });
    state = applyBoardEvent(state, {
      type: "field.updated",
      payload: { field: { ...other, options: ward.options.slice(1) } },
    });
    expect(state.fieldValues).toEqual({ c1: { f1: "o1" }, c2: { f1: "o2", f2: ["o2"] } });
    state = applyBoardEvent(state, { type: "field.deleted", payload: { fieldId: "f1", spaceId: "s1" } });
    expect(state.fieldValues).toEqual({ c2: { f2: ["o2"] } });
    set("c2", other, null);
    expect(state.fieldValues).toEqual({});
  });

  it("reads a value change as a sentence with the option's name", () => {
    const names = {
      user: (id: string) => (id === "u1" ? "Ana" : "Ben"),
      status: String,
      card: () => "Bed 4",
    };
    const event = (value: string | string[] | number | null, field: CustomField = ward) => ({
      type: "card.field_set" as const,
      actorId: "u1",
      payload: { cardId: "c1", spaceId: "s1", field, value, previous: null },
    });
    expect(describeEvent(event("o1"), names, english)).toBe("Ana set Ward to 'Cardiology' on 'Bed 4'");
    expect(
      describeEvent(event(["o1", "o2"], fieldOf("multi_choice", { name: "Tags" })), names, english),
    ).toBe("Ana set Tags to 'Cardiology' and 'Oncology' on 'Bed 4'");
    expect(describeEvent(event("u2", fieldOf("person", { name: "Nurse" })), names, english)).toBe(
      "Ana set Nurse to Ben on 'Bed 4'",
    );
    expect(describeEvent(event(3, fieldOf("number", { name: "Beds" })), names, english)).toBe(
      "Ana set Beds to 3 on 'Bed 4'",
    );
    expect(describeEvent(event(null), names, english)).toBe("Ana cleared Ward on 'Bed 4'");
  });
});
