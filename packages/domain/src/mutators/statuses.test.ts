import { describe, expect, it } from "vitest";
import { compareKeys } from "../ordering.js";
import { createStatus } from "./create-status.js";
import { deleteStatus } from "./delete-status.js";
import { actor, aStatus, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";
import { updateStatus } from "./update-status.js";

const todo = aStatus("todo", "a0");
const doing = aStatus("doing", "a1");
const done = aStatus("done", "a2", { role: "completed" });
const statuses = [todo, doing, done];
const space = { id: "s1", workspaceId: "w1" };

describe("status mutators", () => {
  it("add a column last by default, or between two named ones, with its role and WIP limit", () => {
    const last = createStatus(
      { role: "owner", space, statuses, statusId: "new" },
      { name: "Review", role: "in_progress" },
      actor,
      now,
    );
    if (isRefusal(last)) throw last;
    expect(compareKeys(last.changes.status.position, done.position)).toBe(1);
    expect(last.changes.status.wipLimit).toBeNull();
    const placed = createStatus(
      { role: "owner", space, statuses, statusId: "new" },
      { name: "Review", role: "in_progress", wipLimit: 3, afterId: "todo" },
      actor,
      now,
    );
    if (isRefusal(placed)) throw placed;
    const key = placed.changes.status.position;
    expect([compareKeys(key, todo.position), compareKeys(key, doing.position)]).toEqual([1, -1]);
    expect(placed.events[0]).toMatchObject({ type: "status.created", payload: { status: { wipLimit: 3 } } });
  });

  it("refuses a neighbour that is not a column of the space, and members (403) and outsiders (404)", () => {
    const args = { name: "Review", role: "in_progress" as const, beforeId: "elsewhere" };
    expect(createStatus({ role: "owner", space, statuses, statusId: "n" }, args, actor, now)).toMatchObject({
      errors: [{ field: "body.beforeId", message: "is not a status of this space" }],
    });
    expect(codeOf(createStatus({ role: "member", space, statuses, statusId: "n" }, args, actor, now))).toBe(
      "forbidden",
    );
    expect(codeOf(createStatus({ role: null, space, statuses, statusId: "n" }, args, actor, now))).toBe(
      "not_found",
    );
  });

  it("rename, change the role and WIP limit, and move a column among its neighbours", () => {
    const result = updateStatus(
      { role: "owner", status: todo, statuses },
      { name: "Backlog", role: "not_started", wipLimit: 5, afterId: "done" },
      actor,
      now,
    );
    if (isRefusal(result)) throw result;
    expect(result.changes.status).toMatchObject({ name: "Backlog", role: "not_started", wipLimit: 5 });
    expect(compareKeys(result.changes.status.position, done.position)).toBe(1);
    expect(
      codeOf(updateStatus({ role: "owner", status: todo, statuses }, { afterId: "todo" }, actor, now)),
    ).toBe("validation_failed");
  });

  it("delete only an empty column and never the last one", () => {
    const ok = deleteStatus({ role: "owner", status: doing, cardCount: 0, statusCount: 3 }, {}, actor, now);
    expect(isRefusal(ok) ? null : ok.events[0]).toMatchObject({
      type: "status.deleted",
      payload: { statusId: "doing" },
    });
    expect(
      deleteStatus({ role: "owner", status: doing, cardCount: 2, statusCount: 3 }, {}, actor, now),
    ).toMatchObject({
      code: "status_not_empty",
      message: '"doing" still holds 2 card(s), archived ones included; move or delete them first',
    });
    expect(
      codeOf(deleteStatus({ role: "owner", status: doing, cardCount: 0, statusCount: 1 }, {}, actor, now)),
    ).toBe("last_status");
    expect(
      codeOf(deleteStatus({ role: "owner", status: null, cardCount: 0, statusCount: 0 }, {}, actor, now)),
    ).toBe("not_found");
  });
});
