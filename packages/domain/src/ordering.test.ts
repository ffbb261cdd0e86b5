import { describe, expect, it } from "vitest";
import {
  aimOf,
  compareKeys,
  isValidKey,
  keyBetween,
  keyFromNeighbours,
  keysBetween,
  neighboursIn,
  positionAmong,
  repairedKeyBetween,
} from "./ordering.js";

const positionOf = (result: ReturnType<typeof positionAmong>): string => {
  if (!("position" in result)) throw new Error(`expected a position, got ${JSON.stringify(result)}`);
  return result.position;
};

/** Three siblings a < b < c with real keys, sorted. */
const [ka, kb, kc] = keysBetween(null, null, 3) as [string, string, string];
const siblings = [
  { id: "a", position: ka },
  { id: "b", position: kb },
  { id: "c", position: kc },
];

/** The ids in order once `id` takes `position` (the same byte-wise order the database gives). */
const orderWith = (id: string, position: string): string[] =>
  [...siblings.filter((s) => s.id !== id), { id, position }]
    .sort((x, y) => compareKeys(x.position, y.position))
    .map((s) => s.id);

describe("keyBetween", () => {
  it("returns a key strictly between its bounds", () => {
    const low = keyBetween(null, null);
    const high = keyBetween(low, null);
    const mid = keyBetween(low, high);
    expect(compareKeys(low, mid)).toBe(-1);
    expect(compareKeys(mid, high)).toBe(-1);
    expect(compareKeys(keyBetween(null, low), low)).toBe(-1);
  });

  it("keeps finding room between ever-closer keys without renumbering", () => {
    let low = keyBetween(null, null);
    const high = keyBetween(low, null);
    for (let i = 0; i < 200; i++) {
      const next = keyBetween(low, high);
      expect(compareKeys(low, next)).toBe(-1);
      expect(compareKeys(next, high)).toBe(-1);
      low = next;
    }
  });

  it("accepts its bounds in either order and still lands strictly between them", () => {
    const mid = keyBetween(kb, ka);
    expect(compareKeys(ka, mid)).toBe(-1);
    expect(compareKeys(mid, kb)).toBe(-1);
  });
});

describe("keysBetween", () => {
  it("returns the requested number of increasing, distinct keys", () => {
    const keys = keysBetween(ka, kb, 10);
    expect(keys).toHaveLength(10);
    expect(new Set(keys).size).toBe(10);
    for (const [i, key] of keys.entries()) {
      expect(compareKeys(i === 0 ? ka : (keys[i - 1] as string), key)).toBe(-1);
      expect(compareKeys(key, kb)).toBe(-1);
    }
  });
});

describe("compareKeys", () => {
  it("orders byte-wise (upper case before lower case, digits before letters), consistently with sort", () => {
    const keys = ["a0", "Zz", "a", "A", "0", "a1", "b", "aZ", "a0V"];
    const sorted = [...keys].sort(compareKeys);
    expect(sorted).toEqual([...keys].sort());
    expect(sorted).toEqual(["0", "A", "Zz", "a", "a0", "a0V", "a1", "aZ", "b"]);
    for (const [i, key] of sorted.entries()) {
      if (i > 0) expect(compareKeys(sorted[i - 1] as string, key)).toBe(-1);
    }
    expect(compareKeys("a", "a")).toBe(0);
    expect(compareKeys("b", "a")).toBe(1);
  });

  it("does not follow locale collation, which would put lower-case first", () => {
    expect(compareKeys("a", "B")).toBe(1);
    expect("a".localeCompare("B")).toBe(-1);
  });
});

describe("positionAmong", () => {
  it("places right after afterId", () => {
    expect(orderWith("x", positionOf(positionAmong(siblings, { afterId: "a" })))).toEqual([
      "a",
      "x",
      "b",
      "c",
    ]);
    expect(orderWith("x", positionOf(positionAmong(siblings, { afterId: "c" })))).toEqual([
      "a",
      "b",
      "c",
      "x",
    ]);
  });

  it("places right before beforeId", () => {
    expect(orderWith("x", positionOf(positionAmong(siblings, { beforeId: "c" })))).toEqual([
      "a",
      "b",
      "x",
      "c",
    ]);
    expect(orderWith("x", positionOf(positionAmong(siblings, { beforeId: "a" })))).toEqual([
      "x",
      "a",
      "b",
      "c",
    ]);
  });

  it("places at the end when neither neighbour is given", () => {
    expect(orderWith("x", positionOf(positionAmong(siblings, {})))).toEqual(["a", "b", "c", "x"]);
    expect(orderWith("x", positionOf(positionAmong(siblings, { beforeId: null })))).toEqual([
      "a",
      "b",
      "c",
      "x",
    ]);
  });

  it("places at the top when afterId is null", () => {
    expect(orderWith("x", positionOf(positionAmong(siblings, { afterId: null })))).toEqual([
      "x",
      "a",
      "b",
      "c",
    ]);
  });

  it("gives a key in an empty list for every placement", () => {
    for (const placement of [{}, { afterId: null }]) {
      expect(typeof positionOf(positionAmong([], placement))).toBe("string");
    }
  });

  it("names the field of a neighbour that is not among the siblings", () => {
    expect(positionAmong(siblings, { afterId: "nope" })).toEqual({ invalidField: "afterId" });
    expect(positionAmong(siblings, { beforeId: "nope" })).toEqual({ invalidField: "beforeId" });
  });

  it("ignores the moving item, so moving after its own predecessor keeps it in place", () => {
    const stay = positionOf(positionAmong(siblings, { afterId: "a" }, "b"));
    expect(orderWith("b", stay)).toEqual(["a", "b", "c"]);
    expect(compareKeys(ka, stay)).toBe(-1);
    expect(compareKeys(stay, kc)).toBe(-1);
  });

  it("moves an item to the top and to the end among the others", () => {
    expect(orderWith("b", positionOf(positionAmong(siblings, { afterId: null }, "b")))).toEqual([
      "b",
      "a",
      "c",
    ]);
    expect(orderWith("a", positionOf(positionAmong(siblings, {}, "a")))).toEqual(["b", "c", "a"]);
    expect(orderWith("a", positionOf(positionAmong(siblings, { afterId: "c" }, "a")))).toEqual([
      "b",
      "c",
      "a",
    ]);
  });

  it("refuses the moving item as its own neighbour", () => {
    expect(positionAmong(siblings, { afterId: "b" }, "b")).toEqual({ invalidField: "afterId" });
    expect(positionAmong(siblings, { beforeId: "b" }, "b")).toEqual({ invalidField: "beforeId" });
  });
});

describe("repairedKeyBetween", () => {
  it("is keyBetween when the neighbours are in order", () => {
    expect(repairedKeyBetween(ka, kb)).toBe(keyBetween(ka, kb));
    expect(repairedKeyBetween(null, ka)).toBe(keyBetween(null, ka));
  });

  it("repairs equal or crossed neighbours to a key after the first, instead of throwing", () => {
    expect(() => keyBetween(kb, kb)).toThrow();
    for (const [before, after] of [
      [kb, kb],
      [kc, ka],
    ] as const) {
      expect(compareKeys(before, repairedKeyBetween(before, after))).toBe(-1);
    }
  });

  it("ignores a neighbour whose key cannot be ordered", () => {
    expect(isValidKey("not a key")).toBe(false);
    expect(isValidKey(ka)).toBe(true);
    expect(compareKeys(ka, repairedKeyBetween(ka, "not a key"))).toBe(-1);
  });
});

describe("neighboursIn and keyFromNeighbours", () => {
  it("read the anchor and its far neighbour, skipping the moving card", () => {
    const aim = aimOf({ afterId: "a" });
    expect(neighboursIn(siblings, aim, "b")).toEqual({ anchor: { id: "a", position: ka }, beside: kc });
    const placed = keyFromNeighbours(aim, neighboursIn(siblings, aim, "b"), "b");
    expect(orderWith("b", positionOf(placed as { position: string }))).toEqual(["a", "b", "c"]);
  });

  it("read the edges: afterId null is the top, nothing named is the bottom", () => {
    expect(neighboursIn(siblings, aimOf({ afterId: null }), "a")).toEqual({ anchor: null, beside: kb });
    expect(neighboursIn(siblings, aimOf({}), "c")).toEqual({ anchor: null, beside: kb });
  });

  it("name the field of an anchor that is the moving card or not in the column", () => {
    expect(keyFromNeighbours(aimOf({ beforeId: "b" }), { anchor: null, beside: null }, "b")).toEqual({
      field: "body.beforeId",
      message: "cannot be the moving card itself",
      problem: { key: "refusal.field.movingCardItself" },
    });
    expect(keyFromNeighbours(aimOf({ afterId: "x" }), { anchor: null, beside: null }, "b")).toEqual({
      field: "body.afterId",
      message: "is not a card in the target status",
      problem: { key: "refusal.field.notCardInTarget" },
    });
  });
});
