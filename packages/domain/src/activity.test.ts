import { describe, expect, it } from "vitest";
import { type ActivityEvent, type ActivityNames, activityCardId, describeEvent } from "./activity.js";
import type { TodoItem } from "./coordination-schemas.js";
import { createTranslator } from "./i18n/translator.js";
import type { Card } from "./schemas.js";

const english = createTranslator("en");

const ana = "00000000-0000-4000-8000-00000000000a";
const bo = "00000000-0000-4000-8000-00000000000b";
const cy = "00000000-0000-4000-8000-00000000000c";
const doing = "00000000-0000-4000-8000-0000000000d1";
const done = "00000000-0000-4000-8000-0000000000d2";
const cardId = "00000000-0000-4000-8000-0000000000c1";
const otherCardId = "00000000-0000-4000-8000-0000000000c2";
const at = "2026-01-05T09:00:00.000Z";

const names: ActivityNames = {
  user: (id) => ({ [ana]: "Ana", [bo]: "Bo", [cy]: "Cy" })[id] ?? "someone",
  status: (id) => ({ [doing]: "Doing", [done]: "Done" })[id] ?? "a status",
  card: (id) => ({ [cardId]: "Triage rota", [otherCardId]: "Night shift" })[id] ?? "a card",
};

const card = (overrides: Partial<Card> = {}): Card => ({
  id: cardId,
  workspaceId: "00000000-0000-4000-8000-000000000001",
  spaceId: "00000000-0000-4000-8000-000000000002",
  statusId: doing,
  name: "Triage rota",
  description: "",
  position: "a0",
  createdBy: ana,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  todoTotal: 0,
  todoDone: 0,
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: at,
  updatedAt: at,
  completedAt: null,
  archivedAt: null,
  version: 1,
  ...overrides,
});

const todo = (overrides: Partial<TodoItem> = {}): TodoItem => ({
  id: "00000000-0000-4000-8000-0000000000e1",
  workspaceId: "00000000-0000-4000-8000-000000000001",
  spaceId: "00000000-0000-4000-8000-000000000002",
  cardId,
  text: "Call the ward",
  isDone: false,
  position: "a0",
  doneAt: null,
  doneBy: null,
  createdAt: at,
  ...overrides,
});

const by = (event: Omit<ActivityEvent, "actorId">, actorId: string | null = ana): ActivityEvent =>
  ({ ...event, actorId }) as ActivityEvent;

describe("describeEvent", () => {
  it("says who moved which card from which status to which, from the payload's fromStatusId", () => {
    const event = by({
      type: "card.moved",
      payload: { card: card({ statusId: done }), fromStatusId: doing },
    });
    expect(describeEvent(event, names, english)).toBe("Ana moved 'Triage rota' from Doing to Done");
  });

  it("calls a move within one column a reorder", () => {
    const event = by({ type: "card.moved", payload: { card: card(), fromStatusId: doing } });
    expect(describeEvent(event, names, english)).toBe("Ana reordered 'Triage rota'");
  });

  it("tells a rename from the previous copy of the card", () => {
    const event = by({ type: "card.updated", payload: { card: card({ name: "Y" }) } });
    expect(describeEvent(event, names, english, { card: card({ name: "X" }) })).toBe(
      "Ana renamed 'X' to 'Y'",
    );
  });

  it("names people made responsible and added as co-workers", () => {
    const event = by({
      type: "card.updated",
      payload: { card: card({ responsibleId: bo, coworkerIds: [bo, cy] }) },
    });
    expect(describeEvent(event, names, english, { card: card() })).toBe(
      "Ana made Bo responsible for 'Triage rota' and added Bo and Cy as co-worker on 'Triage rota'",
    );
  });

  it("leaves out a card.updated that only carries new to-do counts (its todo event tells it)", () => {
    const event = by({ type: "card.updated", payload: { card: card({ todoTotal: 1, version: 2 }) } });
    expect(describeEvent(event, names, english, { card: card() })).toBeNull();
  });

  it("falls back to a general sentence when the previous copy is unknown", () => {
    const event = by({ type: "card.updated", payload: { card: card() } });
    expect(describeEvent(event, names, english)).toBe("Ana updated 'Triage rota'");
  });

  it("describes to-dos, comments and deletions in the card's name", () => {
    expect(describeEvent(by({ type: "todo.created", payload: { todo: todo() } }), names, english)).toBe(
      "Ana added a to-do to 'Triage rota'",
    );
    expect(
      describeEvent(by({ type: "todo.updated", payload: { todo: todo({ isDone: true }) } }), names, english, {
        todo: todo(),
      }),
    ).toBe("Ana ticked off the to-do 'Call the ward' on 'Triage rota'");
    expect(
      describeEvent(by({ type: "todo.deleted", payload: { todoId: todo().id, cardId } }), names, english, {
        todo: todo(),
      }),
    ).toBe("Ana removed the to-do 'Call the ward' from 'Triage rota'");
    const comment = {
      id: "00000000-0000-4000-8000-0000000000f1",
      workspaceId: card().workspaceId,
      spaceId: card().spaceId,
      cardId,
      authorId: ana,
      body: "Looks good",
      mentionIds: [],
      createdAt: at,
      updatedAt: at,
    };
    expect(describeEvent(by({ type: "comment.created", payload: { comment } }), names, english)).toBe(
      "Ana commented on 'Triage rota'",
    );
    expect(
      describeEvent(
        by({ type: "card.deleted", payload: { cardId, spaceId: card().spaceId } }),
        names,
        english,
        {
          card: card({ name: "Old rota" }),
        },
      ),
    ).toBe("Ana deleted 'Old rota'");
  });

  it("describes relations from both cards' names", () => {
    const relation = {
      id: "00000000-0000-4000-8000-0000000000a1",
      workspaceId: card().workspaceId,
      kind: "next" as const,
      fromCardId: cardId,
      toCardId: otherCardId,
      createdAt: at,
    };
    expect(describeEvent(by({ type: "relation.created", payload: { relation } }), names, english)).toBe(
      "Ana made 'Night shift' follow 'Triage rota'",
    );
  });

  it("never names a card the reader may not see, in any sentence that mentions it", () => {
    const hiding: ActivityNames = { ...names, isHiddenCard: (id) => id === otherCardId };
    const relation = {
      id: "00000000-0000-4000-8000-0000000000a1",
      workspaceId: card().workspaceId,
      kind: "parent" as const,
      fromCardId: otherCardId,
      toCardId: cardId,
      createdAt: at,
    };
    expect(describeEvent(by({ type: "relation.created", payload: { relation } }), hiding, english)).toBe(
      "Ana made a card you cannot see the parent of 'Triage rota'",
    );
    expect(describeEvent(by({ type: "relation.deleted", payload: { relation } }), hiding, english)).toBe(
      "Ana removed a card you cannot see as parent of 'Triage rota'",
    );
    const onHidden = todo({ cardId: otherCardId });
    expect(
      describeEvent(by({ type: "todo.created", payload: { todo: onHidden } }), hiding, english),
    ).not.toContain("Night shift");
  });

  it("returns null for events that are not activity", () => {
    expect(
      describeEvent(
        by({ type: "access.changed", payload: { workspaceId: card().workspaceId, userId: null } }),
        names,
        english,
      ),
    ).toBeNull();
    expect(
      describeEvent(by({ type: "notification.read", payload: { ids: "all" } }), names, english),
    ).toBeNull();
  });

  it("says 'Someone' when the actor is unknown (a deleted account, the scheduler)", () => {
    const event = by({ type: "card.created", payload: { card: card() } }, null);
    expect(describeEvent(event, names, english)).toBe("Someone created 'Triage rota' in Doing");
  });

  it("finds the card an event is about", () => {
    expect(activityCardId({ type: "todo.created", payload: { todo: todo() } })).toBe(cardId);
    expect(activityCardId({ type: "card.deleted", payload: { cardId, spaceId: card().spaceId } })).toBe(
      cardId,
    );
    expect(activityCardId({ type: "label.deleted", payload: { labelId: cardId, spaceId: cardId } })).toBe(
      null,
    );
  });
});
