import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { compareKeys, keyBetween } from "../ordering.js";
import type { CreateCardBody, Status } from "../schemas.js";
import { type CreateCardContext, createCard } from "./create-card.js";

const now = new Date("2026-03-02T10:00:00.000Z");
const status = (role: Status["role"]): Status => ({
  id: "st1",
  workspaceId: "w1",
  spaceId: "s1",
  name: "Doing",
  position: "a0",
  role,
  wipLimit: null,
});
const edge = keyBetween(null, null);
const context = (extra: Partial<CreateCardContext> = {}): CreateCardContext => ({
  role: "member",
  space: { id: "s1", workspaceId: "w1" },
  status: status("in_progress"),
  neighbours: { anchor: null, beside: edge },
  cardId: "new-card",
  ...extra,
});
const body = (extra: Partial<CreateCardBody> = {}): CreateCardBody => ({
  name: "Order gloves",
  at: "bottom",
  ...extra,
});

describe("createCard", () => {
  it("builds the whole card at the bottom of the status and one card.created event", () => {
    const result = createCard(context(), body(), { id: "u1" }, now);
    if (result instanceof DomainError) throw result;
    const { card } = result.changes;
    expect(card).toMatchObject({
      id: "new-card",
      spaceId: "s1",
      statusId: "st1",
      name: "Order gloves",
      description: "",
      createdBy: "u1",
      completedAt: null,
      version: 1,
      createdAt: now.toISOString(),
    });
    expect(compareKeys(edge, card.position)).toBe(-1);
    expect(result.events).toEqual([{ channel: "space:s1", type: "card.created", payload: { card } }]);
  });

  it("puts the card above the first one when asked for the top", () => {
    const result = createCard(context(), body({ at: "top" }), { id: "u1" }, now);
    if (result instanceof DomainError) throw result;
    expect(compareKeys(result.changes.card.position, edge)).toBe(-1);
  });

  it("completes a card created straight into a completed status", () => {
    const result = createCard(context({ status: status("completed") }), body(), { id: "u1" }, now);
    if (result instanceof DomainError) throw result;
    expect(result.changes.card.completedAt).toBe(now.toISOString());
  });

  it("refuses a visitor (403), a hidden space (404) and a status outside the space (400)", () => {
    expect((createCard(context({ role: "visitor" }), body(), { id: "u1" }, now) as DomainError).code).toBe(
      "forbidden",
    );
    expect((createCard(context({ role: null }), body(), { id: "u1" }, now) as DomainError).code).toBe(
      "not_found",
    );
    const foreign = createCard(
      context({ status: null }),
      body({ statusId: "x" }),
      { id: "u1" },
      now,
    ) as DomainError;
    expect(foreign.errors[0]?.field).toBe("body.statusId");
  });
});
