/**
 * The optimistic update and the server's change are one meaning: for random sequences of this
 * client's moves, creates, card edits (name, dates, a due date before the start, archive,
 * delete) and column changes (add, move, rename, delete), interleaved with a teammate's moves and
 * renames it has not seen yet, applying the client's optimistic events and then the server's
 * confirmed events always ends in the server's state; and when the client saw what the server sees,
 * its optimistic events are the server's (same cards, keys, versions, columns; only new ids and
 * times differ), so nothing jumps when the reply lands.
 */
import {
  applyBoardEvent,
  type BoardState,
  boardColumns,
  type Card,
  createCard,
  createStatus,
  type DraftEvent,
  deleteCard,
  deleteStatus,
  isRefusal,
  moveCard,
  moveCardAim,
  neighboursIn,
  type Status,
  type UpdateCardBody,
  updateCard,
  updateStatus,
} from "@lattice/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createStatusContextFromBoard,
  deleteStatusContextFromBoard,
  updateContextFromBoard,
  updateStatusContextFromBoard,
} from "./board-contexts";
import {
  createContextFromBoard,
  type MoveIntent,
  moveContextFromBoard,
  planMove,
  planStatusMove,
} from "./move-plan";

const ws = "w";
const space = {
  id: "s",
  workspaceId: ws,
  folderId: null,
  name: "Space",
  description: "",
  position: "a0",
  isPrivate: false,
  serviceLevelDays: null,
  archivedAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
/** Owners: every change here, columns included, is theirs to make. */
const role = "owner" as const;
const statusIds = ["todo", "doing", "done"] as const;
const statuses: Record<string, Status> = Object.fromEntries(
  statusIds.map((id, i) => [
    id,
    {
      id,
      workspaceId: ws,
      spaceId: "s",
      name: id,
      position: `a${i}`,
      role: id === "done" ? "completed" : "in_progress",
      wipLimit: null,
    },
  ]),
);

type Op =
  | {
      kind: "move";
      card: number;
      intent: MoveIntent | { kind: "anchor"; status: number; anchor: number; side: "after" | "before" };
    }
  | { kind: "create"; status: number; at: "top" | "bottom" }
  | { kind: "remote"; card: number; status: number }
  | { kind: "edit"; card: number; edit: Edit }
  | { kind: "remoteRename"; card: number }
  | { kind: "column"; action: "create" | "left" | "right" | "rename" | "delete"; status: number }
  | { kind: "serve" }
  | { kind: "deliver" };

type Edit = "rename" | "dates" | "badDates" | "archive" | "delete";

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("move" as const),
    card: fc.nat(),
    intent: fc.oneof(
      fc.constantFrom<MoveIntent>({ kind: "up" }, { kind: "down" }, { kind: "top" }, { kind: "bottom" }),
      fc.record({
        kind: fc.constant("anchor" as const),
        status: fc.nat(2),
        anchor: fc.nat(),
        side: fc.constantFrom("after" as const, "before" as const),
      }),
    ),
  }),
  fc.record({
    kind: fc.constant("create" as const),
    status: fc.nat(2),
    at: fc.constantFrom("top" as const, "bottom" as const),
  }),
  fc.record({ kind: fc.constant("remote" as const), card: fc.nat(), status: fc.nat(2) }),
  fc.record({
    kind: fc.constant("edit" as const),
    card: fc.nat(),
    edit: fc.constantFrom<Edit>("rename", "dates", "badDates", "archive", "delete"),
  }),
  fc.record({ kind: fc.constant("remoteRename" as const), card: fc.nat() }),
  fc.record({
    kind: fc.constant("column" as const),
    action: fc.constantFrom(
      "create" as const,
      "left" as const,
      "right" as const,
      "rename" as const,
      "delete" as const,
    ),
    status: fc.nat(),
  }),
  fc.constant({ kind: "serve" as const }),
  fc.constant({ kind: "deliver" as const }),
);

interface Request {
  id: string;
  run: (server: BoardState, now: Date) => DraftEvent[] | null;
  optimistic: DraftEvent[];
  /** The server state the client's view matched when it acted, if it did. */
  sawServerAs: string | null;
}

const initialCards = (): Record<string, Card> => {
  const cards: Record<string, Card> = {};
  for (let i = 0; i < 6; i++) {
    const result = createCard(
      {
        role,
        space,
        status: statuses[statusIds[i % 3] ?? "todo"] ?? null,
        neighbours: neighboursIn(
          Object.values(cards)
            .filter((c) => c.statusId === statusIds[i % 3])
            .sort((a, b) => (a.position < b.position ? -1 : 1)),
          { kind: "bottom" },
          null,
        ),
        cardId: `c${i}`,
      },
      { name: `Card ${i}`, at: "bottom" },
      { id: "u" },
      new Date("2026-01-01T00:00:00.000Z"),
    );
    if (isRefusal(result)) throw result;
    cards[result.changes.card.id] = result.changes.card;
  }
  return cards;
};

const fingerprint = (state: BoardState): string =>
  JSON.stringify(
    boardColumns(state).map((c) => [
      [c.status.id, c.status.position, c.status.name],
      c.cards.map((card) => [card.id, card.position, card.version]),
    ]),
  );

/** An event as the person sees it: new ids and the times of the change left aside. */
const seenAs = (event: DraftEvent): unknown => {
  const { payload } = event;
  if ("card" in payload) {
    const { id, updatedAt, createdAt, completedAt, archivedAt, ...card } = payload.card;
    return {
      type: event.type,
      card: { ...card, isCompleted: completedAt !== null, isArchived: archivedAt !== null },
      ...(event.type === "card.created" ? {} : { id }),
    };
  }
  if ("status" in payload) {
    const { id, ...status } = payload.status;
    return { type: event.type, status, ...(event.type === "status.created" ? {} : { id }) };
  }
  return event;
};

const editBody = (card: Card, edit: Edit): UpdateCardBody | "delete" => {
  if (edit === "rename") return { name: `${card.name}+` };
  if (edit === "dates") return { startDate: "2026-03-01", dueDate: "2026-03-09" };
  if (edit === "badDates") return { startDate: "2026-03-09", dueDate: "2026-03-01" };
  if (edit === "archive") return { archived: true };
  return "delete";
};

describe("optimistic events, then the server's confirmed events", () => {
  it("end in the server's state, and match the server's card when the client saw what it sees", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 40 }), (ops) => {
        const start: BoardState = { space, statuses, cards: initialCards(), relations: {} };
        let server = start;
        let confirmed = start;
        let pending: Request[] = [];
        const inFlight: Request[] = [];
        /** Events the server committed that the client has not received yet, with the request they confirm. */
        const undelivered: Array<{ events: DraftEvent[]; confirms: string | null }> = [];
        let clock = Date.parse("2026-02-01T00:00:00.000Z");
        let nextId = 0;
        const view = () =>
          pending.reduce((state, r) => r.optimistic.reduce(applyBoardEvent, state), confirmed);
        const cardAt = (state: BoardState, n: number) => {
          const all = Object.values(state.cards).sort((a, b) => (a.id < b.id ? -1 : 1));
          return all[n % Math.max(all.length, 1)];
        };
        const serveOne = () => {
          const request = inFlight.shift();
          if (!request) return;
          clock += 1000;
          const events = request.run(server, new Date(clock));
          if (events === null) {
            // Refused: the client drops it (the store does this on the error reply).
            pending = pending.filter((r) => r.id !== request.id);
            return;
          }
          if (request.sawServerAs === fingerprint(server)) {
            expect(events.map(seenAs)).toEqual(request.optimistic.map(seenAs));
          }
          server = events.reduce(applyBoardEvent, server);
          undelivered.push({ events, confirms: request.id });
        };
        const deliverOne = () => {
          const next = undelivered.shift();
          if (!next) return;
          confirmed = next.events.reduce(applyBoardEvent, confirmed);
          if (next.confirms) pending = pending.filter((r) => r.id !== next.confirms);
        };

        for (const op of ops) {
          if (op.kind === "serve") serveOne();
          else if (op.kind === "deliver") deliverOne();
          else if (op.kind === "remote") {
            const card = cardAt(server, op.card);
            if (!card) continue;
            const body = { statusId: statusIds[op.status] ?? "todo" };
            const context = {
              role,
              card,
              target: server.statuses[body.statusId] ?? null,
              source: server.statuses[card.statusId] ?? null,
              openBlockings: [],
              neighbours: neighboursIn(
                boardColumns(server).find((c) => c.status.id === body.statusId)?.cards ?? [],
                moveCardAim(body),
                card.id,
              ),
            };
            clock += 1000;
            const result = moveCard(context, body, { id: "teammate" }, new Date(clock));
            if (isRefusal(result)) continue;
            server = result.events.reduce(applyBoardEvent, server);
            undelivered.push({ events: result.events, confirms: null });
          } else if (op.kind === "remoteRename") {
            const card = cardAt(server, op.card);
            if (!card) continue;
            const body = { name: `${card.name} (teammate)` };
            clock += 1000;
            const result = updateCard(
              updateContextFromBoard(card, body, role),
              body,
              { id: "teammate" },
              new Date(clock),
            );
            if (isRefusal(result)) continue;
            server = result.events.reduce(applyBoardEvent, server);
            undelivered.push({ events: result.events, confirms: null });
          } else if (op.kind === "edit" || op.kind === "column") {
            const seen = view();
            const id = `m${nextId++}`;
            const sawServerAs =
              fingerprint(seen) === fingerprint(server) && inFlight.length === 0 ? fingerprint(server) : null;
            /** The same mutator on the given board: the client's view now, the server's rows later. */
            let change: (state: BoardState, at: Date, newId: string) => DraftEvent[] | null;
            if (op.kind === "edit") {
              const card = cardAt(seen, op.card);
              if (!card) continue;
              const body = editBody(card, op.edit);
              change = (state, at) => {
                const current = state.cards[card.id] ?? null;
                const result =
                  body === "delete"
                    ? deleteCard({ role, card: current }, {}, { id: "u" }, at)
                    : updateCard(updateContextFromBoard(current, body, role), body, { id: "u" }, at);
                return isRefusal(result) ? null : result.events;
              };
            } else {
              const columns = boardColumns(seen);
              const status = columns[op.status % Math.max(columns.length, 1)]?.status;
              if (!status && op.action !== "create") continue;
              const statusId = status?.id ?? "";
              if (op.action === "create") {
                const body = { name: `Column ${id}`, role: "in_progress" as const };
                change = (state, at, newId) => {
                  const result = createStatus(
                    createStatusContextFromBoard(state, role, newId),
                    body,
                    { id: "u" },
                    at,
                  );
                  return isRefusal(result) ? null : result.events;
                };
              } else if (op.action === "delete") {
                change = (state, at) => {
                  const result = deleteStatus(
                    deleteStatusContextFromBoard(state, statusId, role),
                    {},
                    { id: "u" },
                    at,
                  );
                  return isRefusal(result) ? null : result.events;
                };
              } else {
                const body =
                  op.action === "rename"
                    ? { name: `${status?.name}+` }
                    : planStatusMove(seen, statusId, op.action === "left" ? "up" : "down");
                if (!body) continue;
                change = (state, at) => {
                  const result = updateStatus(
                    updateStatusContextFromBoard(state, statusId, role),
                    body,
                    { id: "u" },
                    at,
                  );
                  return isRefusal(result) ? null : result.events;
                };
              }
            }
            // A change the domain refuses on the client's board is refused there: nothing is sent.
            const optimistic = change(seen, new Date(clock), `tmp-${id}`);
            if (optimistic === null) continue;
            const request: Request = {
              id,
              sawServerAs,
              optimistic,
              run: (state, now) => change(state, now, `srv-${id}`),
            };
            pending.push(request);
            inFlight.push(request);
          } else {
            const seen = view();
            const id = `m${nextId++}`;
            const sawServerAs =
              fingerprint(seen) === fingerprint(server) && inFlight.length === 0 ? fingerprint(server) : null;
            if (op.kind === "create") {
              const body = { name: `New ${id}`, statusId: statusIds[op.status], at: op.at };
              const optimistic = createCard(
                createContextFromBoard(seen, body, role, `tmp-${id}`),
                body,
                { id: "u" },
                new Date(clock),
              );
              if (isRefusal(optimistic)) continue;
              const request: Request = {
                id,
                sawServerAs,
                optimistic: optimistic.events,
                run: (state, now) => {
                  const result = createCard(
                    createContextFromBoard(state, body, role, `srv-${id}`),
                    body,
                    { id: "u" },
                    now,
                  );
                  return isRefusal(result) ? null : result.events;
                },
              };
              pending.push(request);
              inFlight.push(request);
              continue;
            }
            const card = cardAt(seen, op.card);
            if (!card) continue;
            let intent: MoveIntent;
            if (op.intent.kind === "anchor") {
              const statusId = statusIds[op.intent.status] ?? "todo";
              const column = boardColumns(seen).find((c) => c.status.id === statusId)?.cards ?? [];
              const anchor = column[op.intent.anchor % Math.max(column.length, 1)];
              intent = {
                kind: "place",
                statusId,
                afterId: op.intent.side === "after" ? (anchor?.id ?? null) : null,
                beforeId: op.intent.side === "before" ? (anchor?.id ?? null) : null,
              };
            } else intent = op.intent;
            const body = planMove(seen, card.id, intent);
            if (!body) continue;
            const optimistic = moveCard(
              moveContextFromBoard(seen, card.id, body, role),
              body,
              { id: "u" },
              new Date(clock),
            );
            if (isRefusal(optimistic)) continue;
            const request: Request = {
              id,
              sawServerAs,
              optimistic: optimistic.events,
              run: (state, now) => {
                // The server reads the same neighbours from its own rows (SQL in production).
                const result = moveCard(
                  moveContextFromBoard(state, card.id, body, role),
                  body,
                  { id: "u" },
                  now,
                );
                return isRefusal(result) ? null : result.events;
              },
            };
            pending.push(request);
            inFlight.push(request);
          }
        }
        while (inFlight.length > 0) serveOne();
        while (undelivered.length > 0) deliverOne();
        expect(pending).toEqual([]);
        expect(view()).toEqual(server);
      }),
      { numRuns: 300 },
    );
  });
});
