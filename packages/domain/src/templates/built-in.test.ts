import { describe, expect, it } from "vitest";
import { builtInTemplates } from "./built-in.js";
import { planTemplateCards, templateFromSpace } from "./plan.js";
import { spaceTemplateContentSchema } from "./schemas.js";

describe("built-in templates", () => {
  it.each(builtInTemplates.map((t) => [t.id, t] as const))(
    "%s is valid under the saved templates' schema",
    (_, t) => {
      const parsed = spaceTemplateContentSchema.safeParse(t.content);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    },
  );

  it("each has roles for the charts, labels, blocker types, fields and dated cards with to-dos", () => {
    for (const t of builtInTemplates) {
      const content = spaceTemplateContentSchema.parse(t.content);
      const roles = new Set(content.statuses.map((s) => s.role));
      expect([...roles], t.id).toEqual(expect.arrayContaining(["not_started", "in_progress", "completed"]));
      expect(content.labels.length, t.id).toBeGreaterThan(0);
      expect(content.blockerTypes.length, t.id).toBeGreaterThan(0);
      expect(content.fields.length, t.id).toBeGreaterThan(0);
      expect(
        content.cards.filter((c) => c.dueDay !== null && c.todos.length > 0).length,
        t.id,
      ).toBeGreaterThan(1);
    }
  });

  it("has unique ids", () => {
    expect(new Set(builtInTemplates.map((t) => t.id)).size).toBe(builtInTemplates.length);
  });
});

describe("relative dates", () => {
  const space = {
    statuses: [{ id: "s1", name: "Open", role: "not_started" as const, wipLimit: null }],
    labels: [],
    blockerTypes: [],
    fields: [],
    cards: [
      {
        id: "c1",
        name: "A",
        description: "",
        statusId: "s1",
        labelIds: [],
        todos: [],
        startDate: "2026-12-30",
        dueDate: "2027-01-13",
        responsibleId: null,
        coworkerIds: [],
      },
      {
        id: "c2",
        name: "B",
        description: "",
        statusId: "s1",
        labelIds: [],
        todos: [],
        startDate: null,
        dueDate: "2027-02-01",
        responsibleId: "6f1c1b7e-2c1f-4a55-9a39-8d0c1f0d2a11",
        coworkerIds: ["0a3e5d2c-8b4f-4c1e-b7a2-5e9f3c1d2b44"],
      },
    ],
    relations: [{ kind: "next" as const, fromCardId: "c1", toCardId: "c2" }],
  };

  it("stores card dates as days after the earliest one, across a year's end", () => {
    const { content, referenceDate } = templateFromSpace(space, { includeCards: true });
    expect(referenceDate).toBe("2026-12-30");
    expect(content.cards.map((c) => [c.startDay, c.dueDay])).toEqual([
      [0, 14],
      [null, 33],
    ]);
    expect(content.relations).toEqual([{ kind: "next", from: "card-1", to: "card-2" }]);
  });

  it("counts from a reference day the person chose", () => {
    const { content } = templateFromSpace(space, { includeCards: true, referenceDate: "2027-01-01" });
    expect(content.cards[0]?.startDay).toBe(-2);
  });

  it("turns days into dates from the chosen start, leaving out people who are not members", () => {
    const { content } = templateFromSpace(space, { includeCards: true });
    const plan = planTemplateCards(spaceTemplateContentSchema.parse(content), {
      startDate: "2027-02-20",
      members: new Set(["0a3e5d2c-8b4f-4c1e-b7a2-5e9f3c1d2b44"]),
      includeCards: true,
    });
    expect(plan.cards.map((c) => [c.startDate, c.dueDate])).toEqual([
      ["2027-02-20", "2027-03-06"],
      [null, "2027-03-25"],
    ]);
    expect(plan.cards[1]).toMatchObject({
      responsibleId: null,
      coworkerIds: ["0a3e5d2c-8b4f-4c1e-b7a2-5e9f3c1d2b44"],
    });
    expect(plan.notes).toHaveLength(1);
  });
});
