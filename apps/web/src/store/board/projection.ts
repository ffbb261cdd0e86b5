/**
 * The confirmed/pending projection. Confirmed server state and the queue of pending (optimistic)
 * mutations are kept apart; what the board shows (`view`) is the confirmed state with every pending
 * mutation's events applied through `applyBoardEvent`, the same reducer that applies snapshots and
 * server events.
 *
 * The server's event for a mutation the reply already confirmed (its echo) is ours too: it is not a
 * teammate's arrival, and when it carries exactly what confirmed state already holds it changes
 * nothing, so no column re-renders under a person who is already dragging the next card.
 */
import {
  applyBoardEvent,
  type BoardState,
  type DraftEvent,
  type EventPayloads,
  type EventType,
} from "@lattice/domain";

export type BoardEvent = { [T in EventType]: { type: T; payload: EventPayloads[T] } }[EventType];

export interface PendingMutation {
  id: string;
  /** What the person asked for, in words, for the failure message ("move “Fix login”"). */
  label: string;
  events: BoardEvent[];
  /** The server could not be reached; sent again with the same id when the connection is back. */
  isWaiting?: boolean;
}

export const boardEventTypes = new Set<string>([
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "card.moved_out",
  "card.moved_in",
  "card.restored",
  "status.created",
  "status.updated",
  "status.deleted",
  "space.updated",
  "relation.created",
  "relation.deleted",
  "field.created",
  "field.updated",
  "field.deleted",
  "card.field_set",
]);

/** A mutator's events that the board reduces (a card's, a column's). */
export const isBoardEvent = (event: DraftEvent): event is DraftEvent & BoardEvent =>
  boardEventTypes.has(event.type);

export const project = (confirmed: BoardState, pending: PendingMutation[]): BoardState =>
  pending.reduce((state, mutation) => mutation.events.reduce(applyBoardEvent, state), confirmed);

/** Whether applying `event` to `state` would change nothing (the echo of a change we already hold). */
export const isAlreadyApplied = (state: BoardState, event: BoardEvent): boolean => {
  if (event.type === "card.deleted" || event.type === "card.moved_out") {
    return state.cards[event.payload.cardId] === undefined;
  }
  if (
    event.type === "card.created" ||
    event.type === "card.updated" ||
    event.type === "card.moved" ||
    event.type === "card.restored"
  ) {
    const held: Record<string, unknown> | undefined = state.cards[event.payload.card.id];
    const incoming: Record<string, unknown> = event.payload.card;
    if (!held) return false;
    // Field by field: a reply and an event may list the same card's keys in different orders.
    const keys = new Set([...Object.keys(held), ...Object.keys(incoming)]);
    return [...keys].every((key) => JSON.stringify(held[key]) === JSON.stringify(incoming[key]));
  }
  return false;
};

/** Mutation ids confirmed by their reply whose events may still be on the way (bounded, oldest out). */
const confirmedIdsMax = 200;

/** Our mutations the server already answered, so their events are recognised as our own. */
export const createConfirmedIds = () => {
  const ids = new Set<string>();
  return {
    remember: (id: string) => {
      ids.add(id);
      if (ids.size > confirmedIdsMax) ids.delete(ids.values().next().value as string);
    },
    has: (id: string) => ids.has(id),
    forget: (id: string) => {
      ids.delete(id);
    },
  };
};
