import { describe, expect, it } from "vitest";
import { createLabel } from "./create-label.js";
import { deleteLabel } from "./delete-label.js";
import { aCard, actor, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";
import { updateLabel } from "./update-label.js";

const space = { id: "s1", workspaceId: "w1" };
const label = {
  id: "l1",
  workspaceId: "w1",
  spaceId: "s1",
  name: "Urgent",
  color: "#aa0000",
  serviceLevelDays: null,
};

describe("label mutators", () => {
  it("create a label of the space with its colour in lower case", () => {
    const result = createLabel(
      { role: "member", space, labelId: "l9" },
      { name: "Legal", color: "#1F8A70" },
      actor,
      now,
    );
    if (isRefusal(result)) throw result;
    expect(result.changes.label).toEqual({
      id: "l9",
      workspaceId: "w1",
      spaceId: "s1",
      name: "Legal",
      color: "#1f8a70",
      serviceLevelDays: null,
    });
    expect(
      codeOf(
        createLabel({ role: "visitor", space, labelId: "l9" }, { name: "x", color: "#000000" }, actor, now),
      ),
    ).toBe("forbidden");
    expect(
      codeOf(createLabel({ role: null, space, labelId: "l9" }, { name: "x", color: "#000000" }, actor, now)),
    ).toBe("not_found");
  });

  it("rename or recolour only what the request names", () => {
    const result = updateLabel({ role: "member", label }, { color: "#00AA00" }, actor, now);
    expect(isRefusal(result) ? null : result.changes.label).toEqual({ ...label, color: "#00aa00" });
    expect(codeOf(updateLabel({ role: "member", label: null }, { name: "x" }, actor, now))).toBe("not_found");
  });

  it("let only the space's owners set a label's service-level target", () => {
    const result = updateLabel({ role: "owner", label }, { serviceLevelDays: 5 }, actor, now);
    expect(isRefusal(result) ? null : result.changes.label).toEqual({ ...label, serviceLevelDays: 5 });
    expect(codeOf(updateLabel({ role: "member", label }, { serviceLevelDays: 5 }, actor, now))).toBe(
      "forbidden",
    );
    expect(codeOf(updateLabel({ role: "member", label }, { serviceLevelDays: null }, actor, now))).toBe(
      "forbidden",
    );
    const created = createLabel(
      { role: "member", space, labelId: "l9" },
      { name: "Legal", color: "#000000", serviceLevelDays: 3 },
      actor,
      now,
    );
    expect(codeOf(created)).toBe("forbidden");
  });

  it("delete a label, taking it off every card that carries it with each card's next version", () => {
    const cards = [aCard({ labelIds: ["l1", "l2"] }), aCard({ id: "c2", labelIds: ["l1"], version: 7 })];
    const result = deleteLabel({ role: "member", label, cards }, {}, actor, now);
    if (isRefusal(result)) throw result;
    expect(result.changes.cards.map((c) => [c.id, c.labelIds, c.version])).toEqual([
      ["c1", ["l2"], 4],
      ["c2", [], 8],
    ]);
    expect(result.events.map((e) => e.type)).toEqual(["label.deleted", "card.updated", "card.updated"]);
  });
});
