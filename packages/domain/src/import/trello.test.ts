import { describe, expect, it } from "vitest";
import {
  dayIn,
  guessListRole,
  planTrelloImport,
  type TrelloBoardFile,
  trelloBoardExport,
  trelloCreatedAt,
} from "./trello.js";
import { trelloBoardFixture } from "./trello-fixture.js";

const candidates = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Ana Lima", email: "ana@example.test" },
  { id: "00000000-0000-4000-8000-000000000002", name: "Jonas Weiss", email: "jonas@example.test" },
];
const plan = (
  board: TrelloBoardFile = trelloBoardFixture(),
  extra: Partial<Parameters<typeof planTrelloImport>[1]> = {},
) => planTrelloImport(trelloBoardExport.parse(board), { candidates, timeZone: "UTC", ...extra });

describe("a Trello export read into a plan", () => {
  it("keeps every open list as a status in Trello's order, with roles guessed from the names", () => {
    const file = trelloBoardFixture();
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    const open = board.lists.filter((l) => !l.closed).sort((a, b) => a.pos - b.pos);
    expect(result.statuses.map((s) => s.name)).toEqual(open.map((l) => l.name));
    expect(result.statuses.find((s) => s.name === "Done ✅")?.role).toBe("completed");
    expect(result.statuses.find((s) => s.name === "In Progress")?.role).toBe("in_progress");
    expect(result.statuses.find((s) => s.name === "Reference material")?.role).toBe("information");
    expect(result.statuses.find((s) => s.name === "Intake")?.role).toBe("not_started");
  });

  it("lets the importer choose a list's role", () => {
    const file = trelloBoardFixture();
    const board = trelloBoardExport.parse(file);
    const intake = board.lists.find((l) => l.name === "Intake");
    const result = plan(file, { listRoles: { [intake?.id ?? ""]: "information" } });
    expect(result.statuses.find((s) => s.name === "Intake")?.role).toBe("information");
  });

  it("imports every card once, archiving closed cards and the cards of closed lists", () => {
    const file = trelloBoardFixture({ cards: 60 });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    expect(result.cards).toHaveLength(board.cards.length);
    const closedList = board.lists.find((l) => l.closed)?.id;
    const shouldBeArchived = board.cards.filter((c) => c.closed || c.idList === closedList).length;
    expect(result.cards.filter((c) => c.archived)).toHaveLength(shouldBeArchived);
    expect(result.summary.archivedCards).toBe(shouldBeArchived);
    expect(result.summary.closedLists).toBe(1);
    expect(result.summary.notes.join(" ")).toContain("closed list was left out");
  });

  it("keeps the cards' order within each list", () => {
    const file = trelloBoardFixture({ cards: 40 });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    for (const [index, status] of result.statuses.entries()) {
      const expected = board.cards
        .filter((c) => c.idList === status.listId)
        .sort((a, b) => a.pos - b.pos)
        .map((c) => c.name);
      const planned = result.cards.filter((c) => c.status === index).map((c) => c.name);
      // The first status also receives the closed list's cards, after its own.
      expect(planned.slice(0, expected.length)).toEqual(expected);
    }
  });

  it("matches members by e-mail, then by a unique full name ignoring accents, and leaves the rest for the importer", () => {
    const file = trelloBoardFixture({
      members: [
        { fullName: "Someone Else", username: "ana", email: "ANA@example.test" },
        { fullName: "Jonas Weiß", username: "jonas" },
        { fullName: "Nobody Here", username: "nobody" },
      ],
    });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    const byUsername = new Map(result.members.map((m) => [m.username, m]));
    expect(byUsername.get("ana")).toMatchObject({ userId: candidates[0]?.id, matchedBy: "email" });
    expect(byUsername.get("jonas")?.matchedBy).toBe(null);
    expect(byUsername.get("nobody")).toMatchObject({ userId: null, matchedBy: null });

    // "Weiß" and "Weiss" are different letters: only the importer's choice joins them.
    const jonas = board.members.find((m) => m.username === "jonas");
    const chosen = plan(file, { memberMap: { [jonas?.id ?? ""]: candidates[1]?.id ?? null } });
    expect(chosen.members.find((m) => m.username === "jonas")).toMatchObject({
      userId: candidates[1]?.id,
      matchedBy: "importer",
    });
    expect(chosen.summary.membersMatched).toBe(2);
  });

  it("makes the first matched member responsible and the others co-workers", () => {
    const file = trelloBoardFixture({
      members: [
        { fullName: "Ana Lima", username: "ana" },
        { fullName: "Jonas Weiss", username: "jonas" },
      ],
    });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    const withBoth = board.cards.findIndex((c) => c.idMembers.length === 2);
    const card = result.cards.find((c) => c.name === board.cards[withBoth]?.name);
    expect(card?.responsibleId).toBe(candidates[0]?.id);
    expect(card?.coworkerIds).toEqual([candidates[1]?.id]);
  });

  it("turns checklists into to-dos, naming the checklist when a card has several", () => {
    const file = trelloBoardFixture({ cards: 8 });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    const twoListsCard = board.cards.find(
      (c) => board.checklists.filter((l) => l.idCard === c.id).length === 2,
    );
    const planned = result.cards.find((c) => c.name === twoListsCard?.name);
    expect(planned?.todos).toHaveLength(6);
    expect(planned?.todos[0]?.text.startsWith("Before the visit: ")).toBe(true);
    expect(planned?.todos.filter((t) => t.done)).toHaveLength(2);
    expect(result.summary.todos).toBe(board.checklists.reduce((n, l) => n + l.checkItems.length, 0));
  });

  it("keeps comments with their dates, the author when matched and the Trello name otherwise", () => {
    const file = trelloBoardFixture({ cards: 12 });
    const board = trelloBoardExport.parse(file);
    const result = plan(file);
    const commented = board.actions.filter((a) => a.type === "commentCard");
    expect(result.summary.comments).toBe(commented.length);
    const all = result.cards.flatMap((c) => c.comments);
    const byAna = all.filter((c) => c.authorName === "Ana Lima");
    expect(byAna.length).toBeGreaterThan(0);
    expect(byAna.every((c) => c.authorId === candidates[0]?.id)).toBe(true);
    const byFormer = all.filter((c) => c.authorName === "Former Colleague");
    expect(byFormer.length).toBeGreaterThan(0);
    expect(byFormer.every((c) => c.authorId === null)).toBe(true);
    const first = commented[0];
    expect(all.some((c) => c.at === new Date(first?.date ?? "").toISOString())).toBe(true);
  });

  it("adds web links of attachments to the description and leaves out anything else", () => {
    const result = plan(trelloBoardFixture({ cards: 6 }));
    const card = result.cards.find((c) => c.description.includes("Attachments in Trello"));
    expect(card?.description).toContain("[rota.pdf](<https://trello.com/");
    expect(card?.description).toContain("[Ward wiki](<https://intranet.example.org/wards/3?tab=contacts>)");
    expect(card?.description).not.toContain("javascript:");
    expect(result.summary.links).toBe(2 * Math.ceil(6 / 5));
  });

  it("reads times as days in the importer's time zone and never lets a start follow the due date", () => {
    expect(dayIn("2025-03-14T23:30:00.000Z", "UTC")).toBe("2025-03-14");
    expect(dayIn("2025-03-14T23:30:00.000Z", "Europe/Berlin")).toBe("2025-03-15");
    expect(dayIn("not a time", "UTC")).toBe(null);
    const file = trelloBoardFixture({ cards: 3 });
    const first = file.cards[0];
    if (!first) throw new Error("a card");
    first.start = "2025-05-10T10:00:00.000Z";
    first.due = "2025-05-01T10:00:00.000Z";
    const result = plan(file);
    expect(result.cards.find((c) => c.name === first.name)).toMatchObject({
      startDate: null,
      dueDate: "2025-05-01",
    });
    expect(result.summary.notes.join(" ")).toContain("after its due date");
  });

  it("dates a card from its Trello id, and completes the cards of done lists", () => {
    expect(trelloCreatedAt("5f1a2b3c0000000000000000")).toBe(new Date(0x5f1a2b3c * 1000).toISOString());
    expect(trelloCreatedAt("not-an-id")).toBe(null);
    const result = plan(trelloBoardFixture());
    const done = result.statuses.findIndex((s) => s.role === "completed");
    for (const card of result.cards) expect(card.completedAt !== null).toBe(card.status === done);
  });

  it("makes text storable and cuts what is too long", () => {
    const file = trelloBoardFixture({ cards: 2 });
    const first = file.cards[0];
    if (!first) throw new Error("a card");
    first.name = `A\u0000B\ud800C${"x".repeat(300)}`;
    const card = plan(file).cards.find((c) => c.name.startsWith("AB"));
    expect(card?.name.startsWith("AB\ufffdC")).toBe(true);
    expect(card?.name).toHaveLength(120);
    expect(card?.name.endsWith("…")).toBe(true);
  });

  it("names labels without a name after their colour", () => {
    const result = plan();
    expect(result.labels.map((l) => l.name)).toEqual(["Urgent", "Patient impact", "Green", "Label"]);
    expect(new Set(result.labels.map((l) => l.color)).size).toBe(4);
  });

  it("refuses a file that is not a Trello export", () => {
    expect(trelloBoardExport.safeParse({ name: "x" }).success).toBe(false);
    expect(trelloBoardExport.safeParse({ name: "", lists: [], cards: [] }).success).toBe(false);
    expect(trelloBoardExport.safeParse([]).success).toBe(false);
  });

  it("guesses roles in English, German and French", () => {
    expect(guessListRole("Erledigt")).toBe("completed");
    expect(guessListRole("En cours")).toBe("in_progress");
    expect(guessListRole("Won't do")).toBe("cancelled");
    expect(guessListRole("Backlog")).toBe("not_started");
  });
});
