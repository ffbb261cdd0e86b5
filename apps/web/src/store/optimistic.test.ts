/**
 * The optimistic update and the server's change are one meaning: for random sequences of moves and
 * creates by this client, interleaved with a teammate's moves it has not seen yet, applying the
 * client's optimistic events and then the server's confirmed events always ends in the server's
 * state; and when the client saw what the server sees, its optimistic card is the server's card
 * (same column, same key), so nothing jumps when the reply lands.
 */
import {
  applyBoardEvent,
  type BoardState,
  boardColumns,
  type Card,
  createCard,
  type DraftEvent,
  isRefusal,
  moveCard,
  moveCardAim,
  neighboursIn,
  type Status,
} from "@lattice/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createContextFromBoard, type MoveIntent, moveContextFromBoard, planMove } from "./move-plan";

const ws = "w";
const space = {
  id: "s",
  workspaceId: ws,
  folderId: null,
  name: "Space",
  description: "",
  position: "a0",
  isPrivate: false,
  archivedAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
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
  | { kind: "serve" }
  | { kind: "deliver" };

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
        role: "member",
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
    boardColumns(state).map((c) => c.cards.map((card) => [card.id, card.position, card.version])),
  );

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
            const [optimistic, confirmedEvent] = [request.optimistic[0], events[0]];
            if (optimistic?.type === "card.moved" && confirmedEvent?.type === "card.moved") {
              expect(optimistic.payload.card.statusId).toBe(confirmedEvent.payload.card.statusId);
              expect(optimistic.payload.card.position).toBe(confirmedEvent.payload.card.position);
              expect(optimistic.payload.card.completedAt === null).toBe(
                confirmedEvent.payload.card.completedAt === null,
              );
            }
            if (optimistic?.type === "card.created" && confirmedEvent?.type === "card.created") {
              expect(optimistic.payload.card.position).toBe(confirmedEvent.payload.card.position);
            }
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
              role: "member" as const,
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
          } else {
            const seen = view();
            const id = `m${nextId++}`;
            const sawServerAs =
              fingerprint(seen) === fingerprint(server) && inFlight.length === 0 ? fingerprint(server) : null;
            if (op.kind === "create") {
              const body = { name: `New ${id}`, statusId: statusIds[op.status], at: op.at };
              const optimistic = createCard(
                createContextFromBoard(seen, body, "member", `tmp-${id}`),
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
                    createContextFromBoard(state, body, "member", `srv-${id}`),
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
              moveContextFromBoard(seen, card.id, body, "member"),
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
                  moveContextFromBoard(state, card.id, body, "member"),
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
