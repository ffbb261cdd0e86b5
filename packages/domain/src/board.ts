/**
 * The board state and the one reducer that applies events to it. The web app feeds snapshots, live
 * events and its own optimistic changes through this same function, so client and server agree on
 * what an event means.
 */
import type { CardRelation } from "./coordination-schemas.js";
import type { DomainEvent, EventPayloads, EventType } from "./events.js";
import { compareKeys } from "./ordering.js";
import type { Board, Card, Space, Status } from "./schemas.js";

export interface BoardState {
  space: Space | null;
  statuses: Record<string, Status>;
  cards: Record<string, Card>;
  /** Relations touching this space's cards (the other end may be in another space). */
  relations?: Record<string, CardRelation>;
}

export const emptyBoard = (): BoardState => ({ space: null, statuses: {}, cards: {}, relations: {} });

export const boardFromSnapshot = (board: Board & { relations?: CardRelation[] }): BoardState => ({
  space: board.space,
  statuses: Object.fromEntries(board.statuses.map((s) => [s.id, s])),
  cards: Object.fromEntries(board.cards.filter((c) => c.archivedAt === null).map((c) => [c.id, c])),
  relations: Object.fromEntries((board.relations ?? []).map((r) => [r.id, r])),
});

type BoardEvent = Pick<DomainEvent, "type" | "payload">;

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
};

const putCard = (state: BoardState, card: Card): BoardState => {
  // Archived cards leave the board; the archive view loads them separately.
  if (card.archivedAt !== null || (state.space && card.spaceId !== state.space.id)) {
    return { ...state, cards: without(state.cards, card.id) };
  }
  return { ...state, cards: { ...state.cards, [card.id]: card } };
};

export const applyBoardEvent = (state: BoardState, event: BoardEvent): BoardState => {
  const is = <T extends EventType>(type: T, e: BoardEvent): e is { type: T; payload: EventPayloads[T] } =>
    e.type === type;
  if (is("card.created", event) || is("card.updated", event) || is("card.moved", event)) {
    return putCard(state, event.payload.card);
  }
  if (is("card.moved_in", event)) return putCard(state, event.payload.card);
  if (is("card.deleted", event) || is("card.moved_out", event)) {
    return { ...state, cards: without(state.cards, event.payload.cardId) };
  }
  if (is("status.created", event) || is("status.updated", event)) {
    const status = event.payload.status;
    return { ...state, statuses: { ...state.statuses, [status.id]: status } };
  }
  if (is("status.deleted", event)) {
    return { ...state, statuses: without(state.statuses, event.payload.statusId) };
  }
  if (is("relation.created", event)) {
    const relation = event.payload.relation;
    return { ...state, relations: { ...state.relations, [relation.id]: relation } };
  }
  if (is("relation.deleted", event)) {
    return { ...state, relations: without(state.relations ?? {}, event.payload.relation.id) };
  }
  if (is("space.updated", event) && state.space?.id === event.payload.space.id) {
    return { ...state, space: event.payload.space };
  }
  return state;
};

export const byPosition = <T extends { position: string; id: string }>(a: T, b: T): number =>
  compareKeys(a.position, b.position) || compareKeys(a.id, b.id);

/** Columns in board order, each with its cards in order. */
export const boardColumns = (state: BoardState): Array<{ status: Status; cards: Card[] }> => {
  const columns = new Map<string, Card[]>();
  for (const status of Object.values(state.statuses)) columns.set(status.id, []);
  for (const card of Object.values(state.cards)) columns.get(card.statusId)?.push(card);
  return Object.values(state.statuses)
    .sort(byPosition)
    .map((status) => ({ status, cards: (columns.get(status.id) ?? []).sort(byPosition) }));
};
