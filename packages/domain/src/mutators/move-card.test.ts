import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { compareKeys, keysBetween, neighboursIn } from "../ordering.js";
import type { Card, Status } from "../schemas.js";
import { type MoveCardContext, moveCard, moveCardAim } from "./move-card.js";
import { aCard, actor, now } from "./test-fixtures.js";

const status = (id: string, role: Status["role"]): Status => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  name: id,
  position: id,
  role,
  wipLimit: null,
});
const todo = status("todo", "not_started");
const done = status("done", "completed");
const [k1, k2, k3] = keysBetween(null, null, 3) as [string, string, string];
const card = (id: string, statusId: string, position: string, extra: Partial<Card> = {}): Card =>
  aCard({ id, statusId, position, name: `Card ${id}`, ...extra });
const a = card("a", "todo", k1);
const b = card("b", "todo", k2);
const c = card("c", "todo", k3);

const contextFor = (
  moving: Card,
  target: Status,
  column: Card[],
  args: Parameters<typeof moveCardAim>[0],
  extra: Partial<MoveCardContext> = {},
): MoveCardContext => ({
  role: "member",
  card: moving,
  target,
  source: moving.statusId === "done" ? done : todo,
  openBlockings: [],
  neighbours: neighboursIn(column, moveCardAim(args), moving.id),
  ...extra,
});

const run = (
  moving: Card,
  target: Status,
  column: Card[],
  args: Parameters<typeof moveCardAim>[0],
  extra = {},
) => moveCard(contextFor(moving, target, column, args, extra), args, actor, now);

describe("moveCard", () => {
  it("puts the card between the named anchor and its next neighbour, bumping the version", () => {
    const result = run(a, todo, [a, b, c], { statusId: "todo", afterId: "b" });
    if (result instanceof DomainError) throw result;
    const { card: moved } = result.changes;
    expect(compareKeys(k2, moved.position)).toBe(-1);
    expect(compareKeys(moved.position, k3)).toBe(-1);
    expect(moved.version).toBe(4);
    expect(moved.updatedAt).toBe(now.toISOString());
    expect(result.changes.statusChange).toBeNull();
    expect(result.events).toEqual([
      { channel: "space:s1", type: "card.moved", payload: { card: moved, fromStatusId: "todo" } },
    ]);
  });

  it("stamps completedAt on entering a completed status and records the status change", () => {
    const result = run(a, done, [], { statusId: "done" });
    if (result instanceof DomainError) throw result;
    expect(result.changes.card.completedAt).toBe(now.toISOString());
    expect(result.changes.statusChange).toEqual({
      fromStatusId: "todo",
      toStatusId: "done",
      fromRole: "not_started",
      toRole: "completed",
    });
  });

  it("clears completedAt on leaving a completed status and keeps it on a move within one", () => {
    const finished = card("f", "done", k1, { completedAt: "2026-02-01T00:00:00.000Z" });
    const reopened = run(finished, todo, [a], { statusId: "todo" });
    if (reopened instanceof DomainError) throw reopened;
    expect(reopened.changes.card.completedAt).toBeNull();
    const other = card("g", "done", k2);
    const reordered = run(finished, done, [finished, other], { statusId: "done", afterId: "g" });
    if (reordered instanceof DomainError) throw reordered;
    expect(reordered.changes.card.completedAt).toBe("2026-02-01T00:00:00.000Z");
  });

  it("refuses a blocked card another status, naming the blockers, but lets it move in its column", () => {
    const blockings = { openBlockings: [{ blockerName: "Waiting", reason: "parts" }] };
    const refused = run(a, done, [], { statusId: "done" }, blockings);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("blocked");
    expect((refused as DomainError).message).toContain("Waiting (parts)");
    expect(run(a, todo, [a, b, c], { statusId: "todo", afterId: "c" }, blockings)).not.toBeInstanceOf(
      DomainError,
    );
  });

  it("answers 404 to a caller without a role and 403 to a visitor", () => {
    expect((run(a, todo, [a], { statusId: "todo" }, { role: null }) as DomainError).code).toBe("not_found");
    expect((run(a, todo, [a], { statusId: "todo" }, { role: "visitor" }) as DomainError).code).toBe(
      "forbidden",
    );
  });

  it("names the field when the status or the anchor is not where the move says", () => {
    const noStatus = run(a, todo, [a], { statusId: "elsewhere" }, { target: null }) as DomainError;
    expect(noStatus.errors).toEqual([
      { field: "body.statusId", message: "is not a status of this card's space" },
    ]);
    const self = run(a, todo, [a, b], { statusId: "todo", afterId: "a" }) as DomainError;
    expect(self.errors[0]?.field).toBe("body.afterId");
    const missing = run(a, todo, [a, b], { statusId: "todo", beforeId: "zz" }) as DomainError;
    expect(missing.errors).toEqual([
      { field: "body.beforeId", message: "is not a card in the target status" },
    ]);
  });

  it("repairs a corrupt order (two equal keys) instead of failing", () => {
    const twin = card("t", "todo", k2);
    const result = run(a, todo, [b, twin], { statusId: "todo", afterId: "b" });
    if (result instanceof DomainError) throw result;
    expect(compareKeys(k2, result.changes.card.position)).toBe(-1);
  });
});

describe("moveCard on a client that knows only that the card is blocked", () => {
  it("refuses the status change with the domain's sentence", () => {
    const blocked = card("x", "todo", k1, { isBlocked: true });
    const refused = run(blocked, done, [], { statusId: "done" }) as DomainError;
    expect(refused.code).toBe("blocked");
    expect(refused.message).toBe("It is blocked; clear its blockers before changing its status");
  });
});
