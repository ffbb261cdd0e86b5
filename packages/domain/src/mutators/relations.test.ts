import { describe, expect, it } from "vitest";
import {
  type CreateRelationContext,
  createRelation,
  type RelationEnd,
  relationOf,
} from "./create-relation.js";
import { deleteRelation } from "./delete-relation.js";
import { actor, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";

const end = (id: string, extra: Partial<RelationEnd> = {}): RelationEnd => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  name: `Card ${id}`,
  role: "member",
  ...extra,
});

const context = (extra: Partial<CreateRelationContext> = {}): CreateRelationContext => ({
  card: end("a"),
  other: end("b", { spaceId: "s2" }),
  edges: [],
  names: {},
  relationId: "r1",
  ...extra,
});

describe("createRelation", () => {
  it("stores parent/previous as pointing from the other card, child/next from this one", () => {
    expect(relationOf("a", { type: "parent", cardId: "b" })).toEqual({
      kind: "parent",
      fromCardId: "b",
      toCardId: "a",
    });
    expect(relationOf("a", { type: "child", cardId: "b" })).toEqual({
      kind: "parent",
      fromCardId: "a",
      toCardId: "b",
    });
    expect(relationOf("a", { type: "previous", cardId: "b" })).toEqual({
      kind: "next",
      fromCardId: "b",
      toCardId: "a",
    });
    expect(relationOf("a", { type: "next", cardId: "b" })).toEqual({
      kind: "next",
      fromCardId: "a",
      toCardId: "b",
    });
  });

  it("relates two cards and tells the space of each end", () => {
    const result = createRelation(context(), { type: "child", cardId: "b" }, actor, now);
    if (isRefusal(result)) throw result;
    expect(result.changes.relation).toEqual({
      id: "r1",
      workspaceId: "w1",
      kind: "parent",
      fromCardId: "a",
      toCardId: "b",
      createdAt: now.toISOString(),
    });
    expect(result.events.map((e) => e.channel)).toEqual(["space:s1", "space:s2"]);
  });

  it("refuses a cycle with 409 naming it, and a duplicate", () => {
    const edges = [
      { from: "b", to: "c" },
      { from: "c", to: "a" },
    ];
    const names = { a: "Design", b: "Build", c: "Test" };
    const cycle = createRelation(context({ edges, names }), { type: "next", cardId: "b" }, actor, now);
    expect(cycle).toMatchObject({
      code: "cycle",
      message:
        "This would close a cycle: 'Design' comes before 'Build' comes before 'Test' comes before 'Design'",
    });
    const duplicate = createRelation(
      context({ edges: [{ from: "a", to: "b" }] }),
      { type: "next", cardId: "b" },
      actor,
      now,
    );
    expect(codeOf(duplicate)).toBe("conflict");
  });

  it("refuses the card itself, a card of another workspace or out of sight, and cards the caller may not write", () => {
    expect(
      codeOf(createRelation(context({ other: end("a") }), { type: "next", cardId: "a" }, actor, now)),
    ).toBe("validation_failed");
    expect(
      createRelation(
        context({ other: end("b", { workspaceId: "w2" }) }),
        { type: "next", cardId: "b" },
        actor,
        now,
      ),
    ).toMatchObject({ errors: [{ field: "body.cardId" }] });
    expect(
      codeOf(
        createRelation(
          context({ other: end("b", { role: null }) }),
          { type: "next", cardId: "b" },
          actor,
          now,
        ),
      ),
    ).toBe("validation_failed");
    expect(
      codeOf(
        createRelation(
          context({ other: end("b", { role: "visitor" }) }),
          { type: "next", cardId: "b" },
          actor,
          now,
        ),
      ),
    ).toBe("forbidden");
    expect(
      codeOf(
        createRelation(
          context({ card: end("a", { role: null }) }),
          { type: "next", cardId: "b" },
          actor,
          now,
        ),
      ),
    ).toBe("not_found");
  });
});

describe("deleteRelation", () => {
  const relation = {
    id: "r1",
    workspaceId: "w1",
    kind: "next" as const,
    fromCardId: "a",
    toCardId: "b",
    createdAt: "x",
  };

  it("removes it and tells both spaces", () => {
    const result = deleteRelation(
      { relation, from: end("a"), to: end("b", { spaceId: "s2" }) },
      {},
      actor,
      now,
    );
    expect(isRefusal(result) ? null : result.events.map((e) => e.type)).toEqual([
      "relation.deleted",
      "relation.deleted",
    ]);
  });

  it("answers 404 to whoever sees neither end, 403 to a visitor, and 404 when one end is out of sight", () => {
    expect(
      codeOf(
        deleteRelation(
          { relation, from: end("a", { role: null }), to: end("b", { role: null }) },
          {},
          actor,
          now,
        ),
      ),
    ).toBe("not_found");
    expect(
      codeOf(deleteRelation({ relation, from: end("a", { role: "visitor" }), to: end("b") }, {}, actor, now)),
    ).toBe("forbidden");
    expect(
      codeOf(deleteRelation({ relation, from: end("a"), to: end("b", { role: null }) }, {}, actor, now)),
    ).toBe("not_found");
    expect(codeOf(deleteRelation({ relation: null, from: null, to: null }, {}, actor, now))).toBe(
      "not_found",
    );
  });
});
