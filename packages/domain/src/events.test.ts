import { describe, expect, it } from "vitest";
import { type DraftEvent, draft, eventCardId, spaceChannel } from "./events.js";

const channel = spaceChannel("s1");
const of = (event: DraftEvent) => eventCardId(event);

describe("the card an event is about", () => {
  it("is the card itself for a card's own events", () => {
    expect(of(draft(channel, "card.deleted", { cardId: "c1", spaceId: "s1" } as never))).toBe("c1");
    expect(of(draft(channel, "card.updated", { card: { id: "c2" } } as never))).toBe("c2");
  });

  it("is the item's card for to-dos, comments, blockings and documents", () => {
    expect(of(draft(channel, "todo.created", { todo: { id: "t1", cardId: "c3" } } as never))).toBe("c3");
    expect(of(draft(channel, "comment.updated", { comment: { id: "m1", cardId: "c4" } } as never))).toBe(
      "c4",
    );
    expect(of(draft(channel, "blocking.cleared", { blocking: { id: "b1", cardId: "c5" } } as never))).toBe(
      "c5",
    );
    expect(
      of(draft(channel, "attachment.created", { attachment: { id: "a1", cardId: "c6" } } as never)),
    ).toBe("c6");
    expect(of(draft(channel, "todo.deleted", { todoId: "t1", cardId: "c7" }))).toBe("c7");
  });

  it("is none for events about no single card", () => {
    expect(of(draft(channel, "label.deleted", { labelId: "l1", spaceId: "s1" }))).toBeNull();
    expect(
      of(draft(channel, "relation.created", { relation: { fromCardId: "a", toCardId: "b" } } as never)),
    ).toBe(null);
  });
});
