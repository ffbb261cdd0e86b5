import type { Board, Card, Status } from "@lattice/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import { useBoard } from "./board";
import { rememberOpenBlockings } from "./known-blockings";
import { useToasts } from "./toasts";

vi.mock("../api/endpoints", () => ({
  api: {
    getBoard: vi.fn(),
    moveCard: vi.fn(),
    createCard: vi.fn(),
    deleteStatus: vi.fn(),
    updateCard: vi.fn(),
  },
}));

const ws = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const todo = "00000000-0000-4000-8000-0000000000a1";
const done = "00000000-0000-4000-8000-0000000000a2";
const now = "2024-01-01T00:00:00.000Z";

const status = (id: string, name: string, position: string): Status => ({
  id,
  workspaceId: ws,
  spaceId,
  name,
  position,
  role: "not_started",
  wipLimit: null,
});

const card = (n: number, statusId: string, position: string): Card => ({
  id: `00000000-0000-4000-8000-00000000000${n}`.slice(-36),
  workspaceId: ws,
  spaceId,
  statusId,
  name: `Card ${n}`,
  description: "",
  position,
  createdBy: null,
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
  createdAt: now,
  updatedAt: now,
  completedAt: null,
  archivedAt: null,
  version: 1,
});

const cardA = card(3, todo, "a0");
const cardB = card(4, todo, "a1");
const cardC = card(5, todo, "a2");

const snapshot: Board = {
  space: {
    id: spaceId,
    workspaceId: ws,
    folderId: null,
    name: "Roadmap",
    description: "",
    position: "a0",
    isPrivate: false,
    serviceLevelDays: null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  },
  role: "member",
  statuses: [status(todo, "To Do", "a0"), status(done, "Done", "a1")],
  cards: [cardA, cardB, cardC],
  seq: 7,
};

const deferred = <T>() => {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const columnNames = () =>
  Object.values(useBoard.getState().view.cards)
    .filter((c) => c.statusId === todo)
    .sort((a, b) => (a.position < b.position ? -1 : 1))
    .map((c) => c.name);

beforeEach(async () => {
  vi.mocked(api.getBoard).mockResolvedValue(snapshot);
  useToasts.setState({ toasts: [] });
  // Each test opens the space afresh (a reload of the same space would keep what an earlier test did).
  useBoard.setState({ spaceId: null, arrivals: {} });
  await useBoard.getState().load(spaceId);
});

describe("board store", () => {
  it("loads a snapshot through the shared reducer", () => {
    const state = useBoard.getState();
    expect(state.status).toBe("ready");
    expect(state.seq).toBe(7);
    expect(Object.keys(state.view.cards)).toHaveLength(3);
    expect(state.view).toEqual(state.confirmed);
  });

  it("shows a move at once, keeps it pending apart from confirmed state, then confirms with the server's card", async () => {
    const reply = deferred<Card>();
    vi.mocked(api.moveCard).mockReturnValue(reply.promise);

    const moving = useBoard.getState().moveCard(cardC.id, { kind: "top" });

    const during = useBoard.getState();
    expect(columnNames()).toEqual(["Card 5", "Card 3", "Card 4"]);
    expect(during.pending).toHaveLength(1);
    // Confirmed state is untouched while the request is in flight.
    expect(during.confirmed.cards[cardC.id]?.position).toBe("a2");
    const [, body, options] = vi.mocked(api.moveCard).mock.calls[0] ?? [];
    expect(body).toEqual({ statusId: todo, beforeId: cardA.id });
    expect(options?.mutationId).toBe(during.pending[0]?.id);

    reply.resolve({ ...cardC, position: "Zz", version: 2 });
    await moving;

    const after = useBoard.getState();
    expect(after.pending).toHaveLength(0);
    expect(after.confirmed.cards[cardC.id]?.position).toBe("Zz");
    expect(after.confirmed.cards[cardC.id]?.version).toBe(2);
    expect(columnNames()).toEqual(["Card 5", "Card 3", "Card 4"]);
  });

  it("moves a card to another column at its bottom", async () => {
    vi.mocked(api.moveCard).mockImplementation(async (_id, body) => ({
      ...cardA,
      statusId: body.statusId,
      position: "a0",
    }));
    const pending = useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(done);
    await pending;
    expect(useBoard.getState().confirmed.cards[cardA.id]?.statusId).toBe(done);
  });

  it("rolls back a refused move and tells the person why", async () => {
    vi.mocked(api.moveCard).mockRejectedValue(
      new ApiError({
        status: 409,
        code: "blocked",
        title: "The card is blocked",
        detail: "Clear the blocker first.",
      }),
    );

    const result = await useBoard.getState().moveCard(cardA.id, { kind: "bottom" });

    expect(result).toBeNull();
    const state = useBoard.getState();
    expect(state.pending).toHaveLength(0);
    expect(state.view).toEqual(state.confirmed);
    expect(columnNames()).toEqual(["Card 3", "Card 4", "Card 5"]);
    const messages = useToasts.getState().toasts.map((t) => t.message);
    expect(messages).toEqual(["Could not move “Card 3”. Clear the blocker first."]);
  });

  it("keeps a later pending mutation applied when an earlier one is refused", async () => {
    const first = deferred<Card>();
    const second = deferred<Card>();
    vi.mocked(api.moveCard).mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);

    const a = useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    const b = useBoard.getState().moveCard(cardB.id, { kind: "status", statusId: done });
    expect(useBoard.getState().pending).toHaveLength(2);

    first.reject(new ApiError({ status: 409, code: "conflict", title: "Conflict", detail: "Try again." }));
    await a;
    const state = useBoard.getState();
    expect(state.pending).toHaveLength(1);
    expect(state.view.cards[cardA.id]?.statusId).toBe(todo);
    expect(state.view.cards[cardB.id]?.statusId).toBe(done);
    expect(state.confirmed.cards[cardB.id]?.statusId).toBe(todo);

    second.resolve({ ...cardB, statusId: done, position: "a0" });
    await b;
    expect(useBoard.getState().confirmed.cards[cardB.id]?.statusId).toBe(done);
  });

  it("replaces an optimistic new card with the server's card", async () => {
    const reply = deferred<Card>();
    vi.mocked(api.createCard).mockReturnValue(reply.promise);
    const creating = useBoard.getState().createCard({ name: "Write docs", statusId: done, at: "bottom" });
    const optimistic = Object.values(useBoard.getState().view.cards).find((c) => c.name === "Write docs");
    const real = { ...card(9, done, "a0"), name: "Write docs" };
    expect(optimistic).toMatchObject({ name: "Write docs", statusId: done });
    expect(optimistic?.id).not.toBe(real.id);
    expect(useBoard.getState().confirmed.cards[optimistic?.id ?? ""]).toBeUndefined();

    reply.resolve(real);
    await creating;
    const names = Object.values(useBoard.getState().view.cards).filter((c) => c.name === "Write docs");
    expect(names.map((c) => c.id)).toEqual([real.id]);
  });

  it("restores a column whose deletion the server refuses because it still holds archived cards", async () => {
    vi.mocked(api.deleteStatus).mockRejectedValue(
      new ApiError({
        status: 409,
        code: "status_not_empty",
        title: "The status still holds cards",
        detail: "Move its 3 cards first.",
      }),
    );
    useBoard.setState({ role: "owner" });
    // Empty on the board (archived cards are off it), so only the server can refuse.
    expect(await useBoard.getState().deleteStatus(done)).toBe(false);
    expect(useBoard.getState().view.statuses[done]).toEqual(status(done, "Done", "a1"));
    expect(useToasts.getState().toasts[0]?.message).toContain("Move its 3 cards first.");
  });

  it("refuses to delete a column the board sees holding cards before anything is sent, with the domain's sentence", async () => {
    vi.mocked(api.deleteStatus).mockClear();
    useBoard.setState({ role: "owner" });
    expect(await useBoard.getState().deleteStatus(todo)).toBe(false);
    expect(api.deleteStatus).not.toHaveBeenCalled();
    expect(useBoard.getState().view.statuses[todo]).toEqual(status(todo, "To Do", "a0"));
    expect(useToasts.getState().toasts[0]?.message).toContain("still holds 3 card(s)");
  });
});

const wire = (
  type: "card.moved" | "card.updated",
  moved: Card,
  mutationId: string | null,
  actorId: string | null = "00000000-0000-4000-8000-0000000000f1",
) =>
  ({
    type,
    payload: type === "card.moved" ? { card: moved, fromStatusId: todo } : { card: moved },
    actorId,
    mutationId,
    at: now,
  }) as never;

const networkDown = () =>
  new ApiError({ status: 0, code: "network", title: "No connection", detail: "Could not reach the server." });

describe("board store with live events", () => {
  it("sends quick successive mutations one after another, in the order the person made them", async () => {
    const first = deferred<Card>();
    vi.mocked(api.createCard)
      .mockReset()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce({ ...card(8, todo, "a4"), name: "Second" });
    const a = useBoard.getState().createCard({ name: "First", statusId: todo, at: "bottom" });
    const b = useBoard.getState().createCard({ name: "Second", statusId: todo, at: "bottom" });
    expect(useBoard.getState().pending).toHaveLength(2);
    expect(vi.mocked(api.createCard).mock.calls.map((c) => c[1].name)).toEqual(["First"]);
    first.resolve({ ...card(7, todo, "a3"), name: "First" });
    await Promise.all([a, b]);
    expect(vi.mocked(api.createCard).mock.calls.map((c) => c[1].name)).toEqual(["First", "Second"]);
    expect(columnNames()).toEqual(["Card 3", "Card 4", "Card 5", "First", "Second"]);
  });

  it("confirms a pending move from the event carrying its mutation id, before the HTTP reply", async () => {
    const reply = deferred<Card>();
    vi.mocked(api.moveCard).mockReturnValue(reply.promise);
    const moving = useBoard.getState().moveCard(cardC.id, { kind: "top" });
    const id = useBoard.getState().pending[0]?.id ?? "";
    const serverCard = { ...cardC, position: "Zz", version: 2 };

    useBoard.getState().receive(wire("card.moved", serverCard, id), 8);
    let state = useBoard.getState();
    expect(state.pending).toHaveLength(0);
    expect(state.confirmed.cards[cardC.id]?.position).toBe("Zz");
    expect(state.seq).toBe(8);
    // Our own change does not animate in as a teammate's would.
    expect(state.arrivals).toEqual({});

    // A later change by someone else, then the (late) reply: the reply must not undo it.
    const beforeTeammate = Date.now();
    useBoard
      .getState()
      .receive(wire("card.updated", { ...serverCard, name: "Renamed", version: 3 }, null), 9);
    reply.resolve(serverCard);
    await moving;
    state = useBoard.getState();
    expect(state.confirmed.cards[cardC.id]?.name).toBe("Renamed");
    expect(Object.keys(state.arrivals)).toEqual([cardC.id]);
    expect(state.arrivals[cardC.id]).toBeGreaterThanOrEqual(beforeTeammate);
  });

  it("keeps a change whose event came in while a reload of the same space was under way", async () => {
    const slowSnapshot = deferred<Board>();
    vi.mocked(api.getBoard).mockReturnValueOnce(slowSnapshot.promise);
    // The reload reads the board (seq 7)…
    const reloading = useBoard.getState().load(spaceId);
    // …a teammate's rename is stored and reaches this board (seq 8) before that reply…
    useBoard.getState().receive(wire("card.updated", { ...cardC, name: "Renamed", version: 2 }, null), 8);
    // …and then the reply, read before the rename, arrives.
    slowSnapshot.resolve(snapshot);
    await reloading;
    const state = useBoard.getState();
    expect(state.view.cards[cardC.id]?.name).toBe("Renamed");
    expect(state.seq).toBe(8);
  });

  it("gives the view the board its address had it read ahead, without asking the server again", async () => {
    useBoard.setState({ spaceId: null, status: "idle" });
    vi.mocked(api.getBoard).mockClear();
    const reply = deferred<Board>();
    vi.mocked(api.getBoard).mockReturnValueOnce(reply.promise);
    useBoard.getState().loadAhead(spaceId);
    // The view mounts while the reply is still on its way.
    const viewLoad = useBoard.getState().load(spaceId);
    reply.resolve(snapshot);
    await viewLoad;
    expect(useBoard.getState().status).toBe("ready");
    expect(Object.keys(useBoard.getState().view.cards)).toHaveLength(3);
    expect(api.getBoard).toHaveBeenCalledTimes(1);
    // Opened again later, the view reads the board again.
    await useBoard.getState().load(spaceId);
    expect(api.getBoard).toHaveBeenCalledTimes(2);
  });

  it("reads the board again for the view when reading it ahead failed", async () => {
    useBoard.setState({ spaceId: null, status: "idle" });
    vi.mocked(api.getBoard).mockClear();
    vi.mocked(api.getBoard).mockRejectedValueOnce(
      new ApiError({ status: 0, code: "network", title: "Offline", detail: "No connection" }),
    );
    useBoard.getState().loadAhead(spaceId);
    await vi.waitFor(() => expect(useBoard.getState().status).toBe("error"));
    await useBoard.getState().load(spaceId);
    expect(useBoard.getState().status).toBe("ready");
    expect(api.getBoard).toHaveBeenCalledTimes(2);
  });

  it("takes a reload's snapshot when it is as new as what the board holds", async () => {
    vi.mocked(api.getBoard).mockResolvedValueOnce({
      ...snapshot,
      cards: [cardA, cardB, { ...cardC, name: "Renamed elsewhere", version: 2 }],
      seq: 9,
    });
    await useBoard.getState().load(spaceId);
    expect(useBoard.getState().view.cards[cardC.id]?.name).toBe("Renamed elsewhere");
    expect(useBoard.getState().seq).toBe(9);
  });

  it("takes the echo of its own move, already confirmed by the reply, as its own and redraws nothing", async () => {
    const serverCard = { ...cardC, statusId: done, position: "a0", version: 2 };
    vi.mocked(api.moveCard).mockReset().mockResolvedValueOnce(serverCard);
    await useBoard.getState().moveCard(cardC.id, { kind: "status", statusId: done });
    const id = vi.mocked(api.moveCard).mock.calls[0]?.[2]?.mutationId ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const before = useBoard.getState();
    expect(before.pending).toHaveLength(0);

    // The same card, its keys in another order, as the event carries it.
    const echo = Object.fromEntries(Object.entries(serverCard).reverse()) as Card;
    useBoard.getState().receive(wire("card.moved", echo, id), 8);
    const after = useBoard.getState();
    expect(after.seq).toBe(8);
    expect(after.arrivals).toEqual({});
    // Same objects: no column sees a change.
    expect(after.confirmed).toBe(before.confirmed);
    expect(after.view).toBe(before.view);
  });

  it("still applies the echo of its own move when confirmed state differs from it", async () => {
    const serverCard = { ...cardC, statusId: done, position: "a0", version: 2 };
    vi.mocked(api.moveCard).mockReset().mockResolvedValueOnce(serverCard);
    await useBoard.getState().moveCard(cardC.id, { kind: "status", statusId: done });
    const id = vi.mocked(api.moveCard).mock.calls[0]?.[2]?.mutationId ?? "";
    // An older teammate event (earlier seq) arrives after our reply and puts older data back…
    useBoard.getState().receive(wire("card.updated", { ...cardC, name: "Old name" }, null), 8);
    expect(useBoard.getState().confirmed.cards[cardC.id]?.statusId).toBe(todo);
    // …then our echo restores what the server holds, still without an arrival of its own.
    const arrivalsBefore = useBoard.getState().arrivals;
    useBoard.getState().receive(wire("card.moved", serverCard, id), 9);
    expect(useBoard.getState().confirmed.cards[cardC.id]).toEqual(serverCard);
    expect(useBoard.getState().arrivals).toBe(arrivalsBefore);
  });

  it("holds events about the dragged card until the drop, and applies others at once", () => {
    useBoard.getState().holdCard(cardA.id);
    useBoard.getState().receive(wire("card.moved", { ...cardA, statusId: done, position: "b0" }, null), 8);
    useBoard.getState().receive(wire("card.moved", { ...cardB, statusId: done, position: "b1" }, null), 9);
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(todo);
    expect(useBoard.getState().view.cards[cardB.id]?.statusId).toBe(done);
    useBoard.getState().releaseCard();
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(done);
  });

  it("keeps a move made offline pending and resends it with the same Idempotency-Key when the connection is back", async () => {
    vi.mocked(api.moveCard)
      .mockReset()
      .mockRejectedValueOnce(networkDown())
      .mockResolvedValueOnce({ ...cardA, statusId: done, position: "a0", version: 2 });
    const moving = useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    await vi.waitFor(() => expect(useBoard.getState().pending[0]?.isWaiting).toBe(true));
    // Still shown where the person put it, and they were told.
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(done);
    expect(useToasts.getState().toasts.at(-1)?.message).toContain("offline");

    useBoard.getState().retryWaiting();
    await moving;
    const calls = vi.mocked(api.moveCard).mock.calls;
    expect(calls).toHaveLength(2);
    expect(calls[0]?.[2]?.mutationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.[2]?.mutationId).toBe(calls[0]?.[2]?.mutationId);
    expect(useBoard.getState().pending).toHaveLength(0);
    expect(useBoard.getState().confirmed.cards[cardA.id]?.statusId).toBe(done);
  });

  it("keeps a move the server could not store for a moment (503) and resends it with the same key", async () => {
    const unavailable = new ApiError({
      status: 503,
      code: "unavailable",
      title: "Service unavailable",
      detail: "The service is briefly unavailable; try again shortly",
    });
    vi.mocked(api.moveCard)
      .mockReset()
      .mockRejectedValueOnce(unavailable)
      .mockResolvedValueOnce({ ...cardA, statusId: done, position: "a0", version: 2 });
    const moving = useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    await vi.waitFor(() => expect(useBoard.getState().pending[0]?.isWaiting).toBe(true));
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(done);
    expect(useToasts.getState().toasts.at(-1)?.message).toContain("briefly unavailable");

    useBoard.getState().retryWaiting();
    await moving;
    const calls = vi.mocked(api.moveCard).mock.calls;
    expect(calls).toHaveLength(2);
    expect(calls[1]?.[2]?.mutationId).toBe(calls[0]?.[2]?.mutationId);
    expect(useBoard.getState().pending).toHaveLength(0);
    expect(useBoard.getState().confirmed.cards[cardA.id]?.statusId).toBe(done);
  });

  it("rolls back and explains an offline change the server refuses once it is reachable", async () => {
    vi.mocked(api.moveCard)
      .mockReset()
      .mockRejectedValueOnce(networkDown())
      .mockRejectedValueOnce(
        new ApiError({ status: 409, code: "blocked", title: "Blocked", detail: "Clear the blocker first." }),
      );
    const moving = useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    await vi.waitFor(() => expect(useBoard.getState().pending[0]?.isWaiting).toBe(true));
    useBoard.getState().retryWaiting();
    expect(await moving).toBeNull();
    expect(useBoard.getState().pending).toHaveLength(0);
    expect(useBoard.getState().view.cards[cardA.id]?.statusId).toBe(todo);
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(
      "Could not move “Card 3”. Clear the blocker first.",
    );
  });

  it("refuses a blocked card another status before anything moves or is sent, with the domain's sentence", async () => {
    vi.mocked(api.getBoard).mockResolvedValue({
      ...snapshot,
      cards: [{ ...cardA, isBlocked: true }, cardB, cardC],
    });
    await useBoard.getState().load(spaceId);
    vi.mocked(api.moveCard).mockClear();
    const seen: string[] = [];
    const stop = useBoard.subscribe((state) => seen.push(state.view.cards[cardA.id]?.statusId ?? "gone"));

    const result = await useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done });
    stop();

    expect(result).toBeNull();
    expect(api.moveCard).not.toHaveBeenCalled();
    expect(seen.every((statusId) => statusId === todo)).toBe(true);
    expect(useBoard.getState().pending).toHaveLength(0);
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(
      "Could not move “Card 3”. It is blocked; clear its blockers before changing its status.",
    );
  });

  it("names what blocks the card when its blockings were read, as the server would", async () => {
    vi.mocked(api.getBoard).mockResolvedValue({
      ...snapshot,
      cards: [{ ...cardA, isBlocked: true }, cardB, cardC],
    });
    await useBoard.getState().load(spaceId);
    vi.mocked(api.moveCard).mockClear();
    rememberOpenBlockings(cardA.id, [
      { blockerName: "Waiting for lab results", reason: "Potassium pending" },
    ]);
    try {
      expect(await useBoard.getState().moveCard(cardA.id, { kind: "status", statusId: done })).toBeNull();
    } finally {
      rememberOpenBlockings(cardA.id, []);
    }
    expect(api.moveCard).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(
      "Could not move “Card 3”. It is blocked by Waiting for lab results (Potassium pending); clear it before changing its status.",
    );
  });

  it("still lets a blocked card move within its column", async () => {
    vi.mocked(api.getBoard).mockResolvedValue({
      ...snapshot,
      cards: [{ ...cardA, isBlocked: true }, cardB, cardC],
    });
    await useBoard.getState().load(spaceId);
    vi.mocked(api.moveCard).mockImplementation(async (_id, body) => ({
      ...cardA,
      isBlocked: true,
      attachmentCount: 0,
      coverAttachmentId: null,
      repeat: null,
      ...body,
      position: "a3",
    }));
    await useBoard.getState().moveCard(cardA.id, { kind: "bottom" });
    expect(columnNames()).toEqual(["Card 4", "Card 5", "Card 3"]);
  });

  it("refuses a member's column change on the board, as the server would, and sends nothing", async () => {
    vi.mocked(api.deleteStatus).mockClear();
    expect(await useBoard.getState().deleteStatus(done)).toBe(false);
    expect(api.deleteStatus).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts[0]?.message).toContain("Your role (member) does not allow this");
  });

  it("refuses a due date before the start before anything moves, naming it as the server does", async () => {
    vi.mocked(api.updateCard).mockClear();
    const before = useBoard.getState().view.cards[cardA.id];
    const result = await useBoard
      .getState()
      .updateCardFields(cardA.id, { startDate: "2026-03-10", dueDate: "2026-03-01" });
    expect(result).toBeNull();
    expect(api.updateCard).not.toHaveBeenCalled();
    expect(useBoard.getState().view.cards[cardA.id]).toEqual(before);
    expect(useBoard.getState().pending).toEqual([]);
    expect(useToasts.getState().toasts[0]?.message).toContain(
      "must not put the due date before the start date",
    );
  });

  it("archives a card off the board at once, stamped and versioned as the server will", async () => {
    const reply = deferred<Card>();
    vi.mocked(api.updateCard).mockReturnValue(reply.promise);
    const archiving = useBoard.getState().archiveCard(cardA.id);
    expect(useBoard.getState().view.cards[cardA.id]).toBeUndefined();
    const pendingCard = useBoard.getState().pending[0]?.events[0];
    expect(pendingCard?.type).toBe("card.updated");
    if (pendingCard?.type === "card.updated") {
      expect(pendingCard.payload.card.archivedAt).not.toBeNull();
      expect(pendingCard.payload.card.version).toBe(cardA.version + 1);
    }
    reply.resolve({ ...cardA, archivedAt: now, version: 2 });
    await archiving;
    expect(useBoard.getState().view.cards[cardA.id]).toBeUndefined();
    expect(useBoard.getState().pending).toEqual([]);
  });

  it("refuses a visitor's move on the board, as the server would", async () => {
    vi.mocked(api.getBoard).mockResolvedValue({ ...snapshot, role: "visitor" });
    await useBoard.getState().load(spaceId);
    vi.mocked(api.moveCard).mockClear();
    expect(await useBoard.getState().moveCard(cardA.id, { kind: "bottom" })).toBeNull();
    expect(api.moveCard).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts.at(-1)?.message).toBe(
      "Could not move “Card 3”. Visitors can read and comment but not change this.",
    );
  });
});
