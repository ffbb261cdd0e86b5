import { describe, expect, it } from "vitest";
import { deleteCard } from "./delete-card.js";
import { aCard, actor, codeOf, now } from "./test-fixtures.js";

describe("deleteCard", () => {
  it("announces the deletion on the card's space", () => {
    const result = deleteCard({ role: "member", card: aCard() }, {}, actor, now);
    expect(result).toMatchObject({
      events: [{ channel: "space:s1", type: "card.deleted", payload: { cardId: "c1", spaceId: "s1" } }],
    });
  });

  it("answers 404 before 403: unseen or missing cards, then visitors", () => {
    expect(codeOf(deleteCard({ role: null, card: aCard() }, {}, actor, now))).toBe("not_found");
    expect(codeOf(deleteCard({ role: "owner", card: null }, {}, actor, now))).toBe("not_found");
    expect(codeOf(deleteCard({ role: "visitor", card: aCard() }, {}, actor, now))).toBe("forbidden");
  });
});
