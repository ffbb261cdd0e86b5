import { describe, expect, it } from "vitest";
import { type BlockCardContext, type BlockerTypeFacts, blockCard, isBlockerUsableIn } from "./block-card.js";
import { clearBlocking } from "./clear-blocking.js";
import { aCard, actor, codeOf, now } from "./test-fixtures.js";
import { isRefusal } from "./types.js";

const type = (extra: Partial<BlockerTypeFacts> = {}): BlockerTypeFacts => ({
  id: "bt1",
  name: "Waiting for legal",
  kind: "global",
  spaceId: null,
  isArchived: false,
  isEnabledInSpace: false,
  ...extra,
});

const context = (extra: Partial<BlockCardContext> = {}): BlockCardContext => ({
  role: "member",
  card: aCard(),
  blockerType: type(),
  isResponsibleReader: true,
  blockingId: "b1",
  ...extra,
});

const args = { blockerTypeId: "bt1", reason: "Contract unsigned", responsibleId: "u2" };

describe("blockCard", () => {
  it("opens a blocking and marks the card blocked, announcing both", () => {
    const result = blockCard(context(), args, actor, now);
    if (isRefusal(result)) throw result;
    expect(result.changes.blocking).toMatchObject({
      id: "b1",
      cardId: "c1",
      blockerName: "Waiting for legal",
      reason: "Contract unsigned",
      blockedBy: "u1",
      blockedAt: now.toISOString(),
      responsibleId: "u2",
      clearedAt: null,
    });
    expect(result.changes.card).toMatchObject({ isBlocked: true, version: 4 });
    expect(result.events.map((e) => e.type)).toEqual(["blocking.created", "card.updated"]);
  });

  it("uses global types anywhere, local ones in their space, on-demand ones where enabled", () => {
    expect(isBlockerUsableIn(type(), "s1")).toBe(true);
    expect(isBlockerUsableIn(type({ kind: "local", spaceId: "s1" }), "s1")).toBe(true);
    expect(isBlockerUsableIn(type({ kind: "local", spaceId: "s2" }), "s1")).toBe(false);
    expect(isBlockerUsableIn(type({ kind: "on_demand" }), "s1")).toBe(false);
    expect(isBlockerUsableIn(type({ kind: "on_demand", isEnabledInSpace: true }), "s1")).toBe(true);
    expect(isBlockerUsableIn(type({ isArchived: true }), "s1")).toBe(false);
    const refused = blockCard(
      context({ blockerType: type({ kind: "local", spaceId: "s2" }) }),
      args,
      actor,
      now,
    );
    expect(refused).toMatchObject({ code: "validation_failed", errors: [{ field: "body.blockerTypeId" }] });
  });

  it("refuses a responsible person who cannot read the space, and unseen cards and visitors", () => {
    expect(blockCard(context({ isResponsibleReader: false }), args, actor, now)).toMatchObject({
      errors: [{ field: "body.responsibleId" }],
    });
    expect(codeOf(blockCard(context({ role: null }), args, actor, now))).toBe("not_found");
    expect(codeOf(blockCard(context({ role: "visitor" }), args, actor, now))).toBe("forbidden");
  });
});

describe("clearBlocking", () => {
  const opened = blockCard(context(), args, actor, now);
  if (isRefusal(opened)) throw opened;
  const { blocking, card } = opened.changes;
  const later = new Date("2026-03-03T10:00:00.000Z");

  it("records who cleared it and when, and unblocks the card once no other blocking is open", () => {
    const result = clearBlocking(
      { role: "member", blocking, card, otherOpenCount: 0 },
      {},
      { id: "u2" },
      later,
    );
    if (isRefusal(result)) throw result;
    expect(result.changes.blocking).toMatchObject({ clearedBy: "u2", clearedAt: later.toISOString() });
    expect(result.changes.card).toMatchObject({ isBlocked: false, version: card.version + 1 });
    const stillBlocked = clearBlocking(
      { role: "member", blocking, card, otherOpenCount: 1 },
      {},
      actor,
      later,
    );
    expect(isRefusal(stillBlocked) ? null : stillBlocked.changes.card.isBlocked).toBe(true);
  });

  it("clears a blocking once (409 after), and hides it from whoever may not see its card", () => {
    const cleared = { ...blocking, clearedAt: later.toISOString(), clearedBy: "u2" };
    expect(
      codeOf(clearBlocking({ role: "member", blocking: cleared, card, otherOpenCount: 0 }, {}, actor, later)),
    ).toBe("conflict");
    expect(codeOf(clearBlocking({ role: null, blocking, card, otherOpenCount: 0 }, {}, actor, later))).toBe(
      "not_found",
    );
    expect(
      codeOf(
        clearBlocking({ role: "member", blocking: null, card: null, otherOpenCount: 0 }, {}, actor, later),
      ),
    ).toBe("not_found");
    expect(
      codeOf(clearBlocking({ role: "visitor", blocking, card, otherOpenCount: 0 }, {}, actor, later)),
    ).toBe("forbidden");
  });
});
