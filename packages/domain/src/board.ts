/**
 * The board state and the one reducer that applies events to it. The web app feeds snapshots, live
 * events and its own optimistic changes through this same function, so client and server agree on
 * what an event means.
 */
import type { CardRelation } from "./coordination-schemas.js";
import type { DomainEvent, EventPayloads, EventType } from "./events.js";
import type { CardFieldValues, CustomField, FieldValue } from "./field-schemas.js";
import { compareKeys } from "./ordering.js";
import type { Board, Card, Space, Status } from "./schemas.js";

export interface BoardState {
  space: Space | null;
  statuses: Record<string, Status>;
  cards: Record<string, Card>;
  /** Relations touching this space's cards (the other end may be in another space). */
  relations?: Record<string, CardRelation>;
  /** The space's custom fields by id. */
  fields?: Record<string, CustomField>;
  /** Values by card id, then field id; a card without values has no entry. */
  fieldValues?: Record<string, CardFieldValues>;
}

export const emptyBoard = (): BoardState => ({
  space: null,
  statuses: {},
  cards: {},
  relations: {},
  fields: {},
  fieldValues: {},
});

export const boardFromSnapshot = (
  board: Board & {
    relations?: CardRelation[];
    fields?: CustomField[];
    fieldValues?: Array<{ cardId: string; values: CardFieldValues }>;
  },
): BoardState => ({
  space: board.space,
  statuses: Object.fromEntries(board.statuses.map((s) => [s.id, s])),
  cards: Object.fromEntries(board.cards.filter((c) => c.archivedAt === null).map((c) => [c.id, c])),
  relations: Object.fromEntries((board.relations ?? []).map((r) => [r.id, r])),
  fields: Object.fromEntries((board.fields ?? []).map((f) => [f.id, f])),
  fieldValues: Object.fromEntries((board.fieldValues ?? []).map((v) => [v.cardId, v.values])),
});

/** The values with the card's value of the field set (null: removed), dropping a card left with none. */
const putFieldValue = (
  values: Record<string, CardFieldValues>,
  cardId: string,
  fieldId: string,
  value: FieldValue | null,
): Record<string, CardFieldValues> => {
  const card =
    value === null ? without(values[cardId] ?? {}, fieldId) : { ...values[cardId], [fieldId]: value };
  return Object.keys(card).length === 0 ? without(values, cardId) : { ...values, [cardId]: card };
};

/** Every card's values after `change` rewrote (or removed, with null) its value of `fieldId`. */
const mapFieldValues = (
  values: Record<string, CardFieldValues>,
  fieldId: string,
  change: (value: FieldValue) => FieldValue | null,
): Record<string, CardFieldValues> => {
  let next = values;
  for (const [cardId, card] of Object.entries(values)) {
    const value = card[fieldId];
    if (value === undefined) continue;
    const changed = change(value);
    if (changed !== value) next = putFieldValue(next, cardId, fieldId, changed);
  }
  return next;
};

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
  if (is("card.moved_in", event) || is("card.restored", event)) return putCard(state, event.payload.card);
  if (is("card.deleted", event) || is("card.moved_out", event)) {
    return {
      ...state,
      cards: without(state.cards, event.payload.cardId),
      fieldValues: without(state.fieldValues ?? {}, event.payload.cardId),
    };
  }
  if (is("field.created", event) || is("field.updated", event)) {
    const field = event.payload.field;
    if (state.space && field.spaceId !== state.space.id) return state;
    const kept = new Set(field.options.map((o) => o.id));
    const before = state.fields?.[field.id];
    const removed = new Set((before?.options ?? []).map((o) => o.id).filter((id) => !kept.has(id)));
    return {
      ...state,
      fields: { ...state.fields, [field.id]: field },
      fieldValues:
        removed.size === 0
          ? (state.fieldValues ?? {})
          : mapFieldValues(state.fieldValues ?? {}, field.id, (value) => withoutOptionIds(value, removed)),
    };
  }
  if (is("field.deleted", event)) {
    return {
      ...state,
      fields: without(state.fields ?? {}, event.payload.fieldId),
      fieldValues: mapFieldValues(state.fieldValues ?? {}, event.payload.fieldId, () => null),
    };
  }
  if (is("card.field_set", event)) {
    if (state.space && event.payload.spaceId !== state.space.id) return state;
    const { cardId, field, value } = event.payload;
    return { ...state, fieldValues: putFieldValue(state.fieldValues ?? {}, cardId, field.id, value) };
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

/** A value with the named options taken out; null when nothing of it is left. */
export const withoutOptionIds = (value: FieldValue, removed: ReadonlySet<string>): FieldValue | null => {
  if (Array.isArray(value)) {
    const kept = value.filter((id) => !removed.has(id));
    return kept.length === value.length ? value : kept.length > 0 ? kept : null;
  }
  return typeof value === "string" && removed.has(value) ? null : value;
};

/** The space's fields in their order. */
export const orderedFields = (state: Pick<BoardState, "fields">): CustomField[] =>
  Object.values(state.fields ?? {}).sort(byPosition);

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
