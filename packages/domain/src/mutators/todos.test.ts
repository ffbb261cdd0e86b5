import { describe, expect, it } from "vitest";
import { compareKeys } from "../ordering.js";
import { createTodo } from "./create-todo.js";
import { deleteTodo } from "./delete-todo.js";
import { aCard, actor, aTodo, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";
import { updateTodo } from "./update-todo.js";

const first = aTodo("t1", "a0");
const second = aTodo("t2", "a1", { isDone: true, doneAt: "2026-03-01T00:00:00.000Z", doneBy: "u2" });
const todos = [first, second];
const card = aCard({ todoTotal: 2, todoDone: 1 });

describe("to-do mutators", () => {
  it("add a to-do at the end and re-announce the card with its counts and next version", () => {
    const result = createTodo(
      { role: "member", card, todos, todoId: "t3" },
      { text: "Write notes" },
      actor,
      now,
    );
    if (isRefusal(result)) throw result;
    expect(compareKeys(result.changes.todo.position, second.position)).toBe(1);
    expect(result.changes.todo).toMatchObject({ id: "t3", text: "Write notes", isDone: false, cardId: "c1" });
    expect(result.changes.card).toMatchObject({ todoTotal: 3, todoDone: 1, version: 4 });
    expect(result.events.map((e) => e.type)).toEqual(["todo.created", "card.updated"]);
  });

  it("tick a to-do recording who and when, and untick it clearing both", () => {
    const ticked = updateTodo({ role: "member", todo: first, card, todos }, { isDone: true }, actor, now);
    if (isRefusal(ticked)) throw ticked;
    expect(ticked.changes.todo).toMatchObject({ isDone: true, doneBy: "u1", doneAt: now.toISOString() });
    expect(ticked.changes.card.todoDone).toBe(2);
    const unticked = updateTodo({ role: "member", todo: second, card, todos }, { isDone: false }, actor, now);
    if (isRefusal(unticked)) throw unticked;
    expect(unticked.changes.todo).toMatchObject({ isDone: false, doneBy: null, doneAt: null });
    expect(unticked.changes.card.todoDone).toBe(0);
  });

  it("reorder among the card's own to-dos only, never relative to itself", () => {
    const moved = updateTodo({ role: "member", todo: first, card, todos }, { afterId: "t2" }, actor, now);
    if (isRefusal(moved)) throw moved;
    expect(compareKeys(moved.changes.todo.position, second.position)).toBe(1);
    expect(
      updateTodo({ role: "member", todo: first, card, todos }, { afterId: "t9" }, actor, now),
    ).toMatchObject({
      errors: [{ field: "body.afterId", message: "is not a to-do of this card" }],
    });
    expect(
      updateTodo({ role: "member", todo: first, card, todos }, { beforeId: "t1" }, actor, now),
    ).toMatchObject({
      errors: [{ field: "body.beforeId", message: "cannot be the to-do itself" }],
    });
    expect(
      codeOf(
        updateTodo(
          { role: "member", todo: first, card, todos },
          { afterId: "t2", beforeId: "t2" },
          actor,
          now,
        ),
      ),
    ).toBe("validation_failed");
  });

  it("remove a to-do and recount the card", () => {
    const result = deleteTodo({ role: "member", todo: second, card, todos }, {}, actor, now);
    if (isRefusal(result)) throw result;
    expect(result.changes.card).toMatchObject({ todoTotal: 1, todoDone: 0 });
    expect(result.events[0]).toMatchObject({ type: "todo.deleted", payload: { todoId: "t2", cardId: "c1" } });
  });

  it("hide a to-do whose card the caller may not see (404) and refuse visitors (403)", () => {
    expect(codeOf(deleteTodo({ role: null, todo: first, card, todos }, {}, actor, now))).toBe("not_found");
    expect(
      codeOf(updateTodo({ role: "member", todo: null, card: null, todos: [] }, { text: "x" }, actor, now)),
    ).toBe("not_found");
    expect(codeOf(updateTodo({ role: "visitor", todo: first, card, todos }, { text: "x" }, actor, now))).toBe(
      "forbidden",
    );
    expect(
      codeOf(createTodo({ role: "visitor", card, todos, todoId: "t3" }, { text: "x" }, actor, now)),
    ).toBe("forbidden");
  });
});
