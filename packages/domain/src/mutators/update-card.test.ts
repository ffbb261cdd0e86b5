import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { aCard, actor, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";
import { peopleNamedIn, type UpdateCardContext, updateCard } from "./update-card.js";

const context = (extra: Partial<UpdateCardContext> = {}): UpdateCardContext => ({
  role: "member",
  card: aCard(),
  readerIds: [],
  spaceLabelIds: [],
  ...extra,
});

const ok = (result: ReturnType<typeof updateCard>) => {
  if (isRefusal(result)) throw result;
  return result;
};

describe("updateCard", () => {
  it("renames and describes the card, stamping the time and the next version, and announces it", () => {
    const result = ok(updateCard(context(), { name: "Ship it now", description: "Today" }, actor, now));
    expect(result.changes.card).toMatchObject({
      name: "Ship it now",
      description: "Today",
      updatedAt: now.toISOString(),
      version: 4,
    });
    expect(result.events).toEqual([
      { channel: "space:s1", type: "card.updated", payload: { card: result.changes.card } },
    ]);
  });

  it("answers 404 to a caller who may not see the card and 403 to a visitor, changing nothing", () => {
    expect(codeOf(updateCard(context({ role: null }), { name: "x" }, actor, now))).toBe("not_found");
    expect(codeOf(updateCard(context({ card: null }), { name: "x" }, actor, now))).toBe("not_found");
    expect(codeOf(updateCard(context({ role: "visitor" }), { name: "x" }, actor, now))).toBe("forbidden");
  });

  it("refuses a due date before the start, naming the field the request changed", () => {
    const both = updateCard(context(), { startDate: "2026-03-10", dueDate: "2026-03-01" }, actor, now);
    expect(both).toBeInstanceOf(DomainError);
    expect((both as DomainError).errors).toEqual([
      { field: "body.dueDate", message: "must not put the due date before the start date" },
    ]);
    // Only the start changes, against the due date the card already has.
    const start = updateCard(
      context({ card: aCard({ dueDate: "2026-03-01" }) }),
      { startDate: "2026-03-05" },
      actor,
      now,
    );
    expect((start as DomainError).errors[0]?.field).toBe("body.startDate");
    expect(
      isRefusal(updateCard(context(), { startDate: "2026-03-01", dueDate: "2026-03-01" }, actor, now)),
    ).toBe(false);
  });

  it("puts people on the card only when they may read its space, and says who is new", () => {
    const body = { responsibleId: "u2", coworkerIds: ["u3", "u4", "u3"] };
    expect(peopleNamedIn(body)).toEqual(["u2", "u3", "u4"]);
    expect(codeOf(updateCard(context({ readerIds: ["u2", "u3"] }), body, actor, now))).toBe(
      "validation_failed",
    );
    expect(codeOf(updateCard(context({ readerIds: ["u3", "u4"] }), body, actor, now))).toBe(
      "validation_failed",
    );
    const result = ok(
      updateCard(
        context({ card: aCard({ coworkerIds: ["u4", "u5"] }), readerIds: ["u2", "u3", "u4"] }),
        body,
        actor,
        now,
      ),
    );
    expect(result.changes.card.responsibleId).toBe("u2");
    expect(result.changes.card.coworkerIds).toEqual(["u4", "u3"]);
    expect(result.changes.coworkers).toEqual({ added: ["u3"], removed: ["u5"] });
    expect(result.changes.newResponsibleId).toBe("u2");
    expect(result.changes.newCoworkerIds).toEqual(["u3"]);
  });

  it("does not call the same responsible person new again, and lets nobody be responsible", () => {
    const card = aCard({ responsibleId: "u2" });
    const same = ok(updateCard(context({ card, readerIds: ["u2"] }), { responsibleId: "u2" }, actor, now));
    expect(same.changes.newResponsibleId).toBeNull();
    const nobody = ok(updateCard(context({ card }), { responsibleId: null }, actor, now));
    expect(nobody.changes.card.responsibleId).toBeNull();
  });

  it("sets labels of the card's own space only, as the whole new set", () => {
    expect(
      codeOf(updateCard(context({ spaceLabelIds: ["l1"] }), { labelIds: ["l1", "l2"] }, actor, now)),
    ).toBe("validation_failed");
    const result = ok(
      updateCard(context({ spaceLabelIds: ["l1", "l2"] }), { labelIds: ["l2", "l1", "l2"] }, actor, now),
    );
    expect(result.changes.card.labelIds).toEqual(["l2", "l1"]);
    expect(result.changes.labelIds).toEqual(["l2", "l1"]);
  });

  it("archives with the first archiving time kept, and restores", () => {
    const archived = ok(updateCard(context(), { archived: true }, actor, now));
    expect(archived.changes.card.archivedAt).toBe(now.toISOString());
    const again = ok(
      updateCard(
        context({ card: aCard({ archivedAt: "2026-01-01T00:00:00.000Z" }) }),
        { archived: true },
        actor,
        now,
      ),
    );
    expect(again.changes.card.archivedAt).toBe("2026-01-01T00:00:00.000Z");
    const restored = ok(
      updateCard(context({ card: archived.changes.card }), { archived: false }, actor, now),
    );
    expect(restored.changes.card.archivedAt).toBeNull();
  });
});
