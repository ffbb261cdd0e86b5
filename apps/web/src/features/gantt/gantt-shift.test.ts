import type { Board, Card, UpdateCardBody } from "@lattice/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { useBoard } from "../../store/board";
import { useToasts } from "../../store/toasts";
import { card, relation, status } from "../space-views/fixtures.test-helpers";
import { planShift } from "./gantt-data";
import { applyShift, undoShift } from "./gantt-shift";

vi.mock("../../api/endpoints", () => ({
  api: { getBoard: vi.fn(), updateCard: vi.fn() },
}));

const todo = status("todo", "a0", "not_started", "To do");
const cards = [
  card("A", "todo", "a0", { startDate: "2025-03-01", dueDate: "2025-03-03" }),
  card("B", "todo", "a1", { startDate: "2025-03-04", dueDate: "2025-03-06" }),
  card("C", "todo", "a2", { startDate: "2025-03-07", dueDate: "2025-03-08" }),
];
const relations = [relation("next", "A", "B"), relation("next", "B", "C")];
const snapshot: Board = {
  space: {
    id: todo.spaceId,
    workspaceId: todo.workspaceId,
    folderId: null,
    name: "Launch",
    description: "",
    position: "a0",
    isPrivate: false,
    serviceLevelDays: null,
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
  },
  role: "member",
  statuses: [todo],
  cards,
  seq: 1,
};

/** A moves four days later, which puts B and C (after it) in conflict. */
const plan = () => {
  const shift = planShift(
    useBoard.getState().view.cards,
    relations,
    "A",
    { startDate: "2025-03-01", dueDate: "2025-03-03" },
    { startDate: "2025-03-05", dueDate: "2025-03-07" },
  );
  if (!shift) throw new Error("expected a shift plan");
  return shift;
};

const datesShown = () =>
  ["B", "C"].map((id) => {
    const shown = useBoard.getState().view.cards[id];
    return [id, shown?.startDate, shown?.dueDate];
  });

/** The server: stores each card's new dates and answers with the card. */
const serverCards = new Map<string, Card>();
const updateCardOnServer = async (id: string, body: UpdateCardBody): Promise<Card> => {
  const current = serverCards.get(id);
  if (!current) throw new ApiError({ status: 404, code: "not_found", title: "Not found", detail: "" });
  const { startDate = current.startDate, dueDate = current.dueDate } = body;
  const next = { ...current, startDate, dueDate, version: current.version + 1 };
  serverCards.set(id, next);
  return next;
};

beforeEach(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
  serverCards.clear();
  for (const c of cards) serverCards.set(c.id, c);
  vi.mocked(api.getBoard).mockResolvedValue(snapshot);
  vi.mocked(api.updateCard).mockReset().mockImplementation(updateCardOnServer);
  useToasts.setState({ toasts: [] });
  await useBoard.getState().load(snapshot.space.id);
});

describe("shifting the cards that follow a moved one", () => {
  it("moves every follower by the same days, then Undo puts each back", async () => {
    const offer = await applyShift(plan());
    expect(datesShown()).toEqual([
      ["B", "2025-03-08", "2025-03-10"],
      ["C", "2025-03-11", "2025-03-12"],
    ]);
    expect(vi.mocked(api.updateCard).mock.calls.map(([id, body]) => [id, body])).toEqual([
      ["B", { startDate: "2025-03-08", dueDate: "2025-03-10" }],
      ["C", { startDate: "2025-03-11", dueDate: "2025-03-12" }],
    ]);
    expect(offer).toEqual({
      message: "Shifted 2 cards by 4 days.",
      previous: [
        { cardId: "B", startDate: "2025-03-04", dueDate: "2025-03-06" },
        { cardId: "C", startDate: "2025-03-07", dueDate: "2025-03-08" },
      ],
    });
    if (!offer) return;

    expect(await undoShift(offer)).toBe(true);
    expect(datesShown()).toEqual([
      ["B", "2025-03-04", "2025-03-06"],
      ["C", "2025-03-07", "2025-03-08"],
    ]);
    expect(["B", "C"].map((id) => [serverCards.get(id)?.startDate, serverCards.get(id)?.dueDate])).toEqual([
      ["2025-03-04", "2025-03-06"],
      ["2025-03-07", "2025-03-08"],
    ]);
    expect(useBoard.getState().pending).toEqual([]);
  });

  it("shows the shift at once, as one pending change, before the server answers", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.mocked(api.updateCard).mockImplementation(async (id, body) => {
      await gate;
      return updateCardOnServer(id, body);
    });
    const applying = applyShift(plan());
    expect(useBoard.getState().pending).toHaveLength(1);
    expect(datesShown()).toEqual([
      ["B", "2025-03-08", "2025-03-10"],
      ["C", "2025-03-11", "2025-03-12"],
    ]);
    release();
    expect(await applying).not.toBeNull();
    expect(useBoard.getState().pending).toEqual([]);
  });

  it("offers no Undo for a shift the server refused, and says so", async () => {
    vi.mocked(api.updateCard).mockImplementation(async (id, body) => {
      if (id === "C")
        throw new ApiError({ status: 403, code: "forbidden", title: "Forbidden", detail: "Not yours." });
      return updateCardOnServer(id, body);
    });
    expect(await applyShift(plan())).toBeNull();
    expect(useBoard.getState().pending).toEqual([]);
    expect(useToasts.getState().toasts.at(-1)?.message).toBe("Could not shift 2 cards. Not yours.");
  });
});
