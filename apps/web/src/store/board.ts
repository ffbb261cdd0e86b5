/**
 * The open board. Confirmed server state and the queue of pending (optimistic) mutations are kept
 * apart; what the board shows (`view`) is the confirmed state with every pending mutation's events
 * applied through `applyBoardEvent`, the same reducer that applies snapshots and server events.
 *
 * A mutation's life: its optimistic events join `pending` under its mutation id (also sent as the
 * Idempotency-Key). When the server answers, the entry leaves `pending` and the server's result is
 * applied to `confirmed` in the same update, so nothing flickers. When the server refuses, the entry
 * is dropped (the view falls back to confirmed state) and a toast says why. The event carrying the
 * mutation id confirms it too (whichever of reply and event comes first wins; the other is a no-op).
 *
 * Requests are sent one after another, in the order the person acted.
 *
 * Offline: a request that cannot reach the server stays pending and is sent again, with the same
 * Idempotency-Key, when the connection is back (`retryWaiting`); the server answers a retried key
 * with its first answer, so resending is safe. Nothing is dropped without a toast saying so.
 *
 * The server's event for a mutation the reply already confirmed (its echo) is ours too: it is not a
 * teammate's arrival, and when it carries exactly what confirmed state already holds it changes
 * nothing, so no column re-renders under a person who is already dragging the next card.
 *
 * While a card is dragged (`holdCard`), live events about it wait and are applied on drop.
 */
import {
  type Actor,
  applyBoardEvent,
  type BoardState,
  boardFromSnapshot,
  type Card,
  type CreateFieldBody,
  type CustomField,
  type DraftEvent,
  type EventPayloads,
  type EventType,
  emptyBoard,
  eventCardId,
  type FieldValue,
  isRefusal,
  type MutatorResult,
  createCard as mutateCreateCard,
  createStatus as mutateCreateStatus,
  deleteCard as mutateDeleteCard,
  deleteStatus as mutateDeleteStatus,
  moveCard as mutateMoveCard,
  setCardField as mutateSetCardField,
  updateCard as mutateUpdateCard,
  updateStatus as mutateUpdateStatus,
  type Status,
  type StatusRole,
  type UpdateCardBody,
  type UpdateCardChanges,
  type UpdateFieldBody,
  type UpdateStatusBody,
  type WorkspaceRole,
} from "@lattice/domain";
import { create } from "zustand";
import { ApiError, describeError, newMutationId } from "../api/client";
import { api } from "../api/endpoints";
import { translate } from "../lib/i18n/i18n";
import type { WireEvent } from "../sync/channels";
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
  type StatusIntent,
} from "./move-plan";
import { sayRefusal } from "./refusals";
import { useSession } from "./session";
import { toast } from "./toasts";
import type { LoadStatus } from "./workspaces";

export type BoardEvent = { [T in EventType]: { type: T; payload: EventPayloads[T] } }[EventType];

export interface PendingMutation {
  id: string;
  /** What the person asked for, in words, for the failure message ("move “Fix login”"). */
  label: string;
  events: BoardEvent[];
  /** The server could not be reached; sent again with the same id when the connection is back. */
  isWaiting?: boolean;
}

const boardEventTypes = new Set<string>([
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

type EventListener = (event: WireEvent, seq: number) => void;
const eventListeners = new Set<EventListener>();

/**
 * Every live event of the open board's space channel, after the board applied it (to-dos, comments,
 * blockings… that the board itself does not keep). Returns the function that stops listening.
 */
export const onBoardEvent = (listener: EventListener): (() => void) => {
  eventListeners.add(listener);
  return () => {
    eventListeners.delete(listener);
  };
};

const notifyListeners = (event: WireEvent, seq: number) => {
  for (const listener of eventListeners) {
    try {
      listener(event, seq);
    } catch (error) {
      console.error(error);
    }
  }
};

/** The coordination fields of a card that the panel edits (PATCH /api/cards/:id). */
export type CardFieldsPatch = Pick<
  UpdateCardBody,
  "name" | "description" | "responsibleId" | "coworkerIds" | "startDate" | "dueDate" | "labelIds"
>;

/** The signed-in person, as the mutators' actor (the server uses its own session, not this). */
const actor = (): Actor => ({ id: useSession.getState().user?.id ?? "" });

/** A mutator's events that the board reduces (a card's, a column's). */
const isBoardEvent = (event: DraftEvent): event is DraftEvent & BoardEvent => boardEventTypes.has(event.type);

/**
 * A domain mutator's answer on the board the person sees: the events to show at once, or null when
 * it refuses, which the person is told in the domain's own words before anything moves.
 */
const eventsOrRefusal = <C>(label: string, result: MutatorResult<C>): BoardEvent[] | null => {
  if (isRefusal(result)) {
    sayRefusal(result, (said) =>
      toast.error(translate("errors.couldNot", { action: label, reason: sentence(said) })),
    );
    return null;
  }
  return result.events.filter(isBoardEvent);
};

/** The domain's `updateCard` on a card the board holds (or, for a restore, an archived one). */
export const planCardUpdate = (card: Card, body: UpdateCardBody): MutatorResult<UpdateCardChanges> =>
  mutateUpdateCard(updateContextFromBoard(card, body, useBoard.getState().role), body, actor(), new Date());

/**
 * Several cards' field changes as one optimistic change: the events of each card's `updateCard`, or
 * null (and a toast) when the domain refuses any of them.
 */
export const cardUpdatesOrRefusal = (
  label: string,
  changes: ReadonlyArray<{ card: Card; body: UpdateCardBody }>,
): BoardEvent[] | null => {
  const events: BoardEvent[] = [];
  for (const { card, body } of changes) {
    const planned = eventsOrRefusal(label, planCardUpdate(card, body));
    if (!planned) return null;
    events.push(...planned);
  }
  return events;
};

const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.code === "network";
// 503: the server is up but cannot reach its database for a moment; the change is kept and resent.
const isServiceUnavailable = (error: unknown): boolean => error instanceof ApiError && error.status === 503;

/** Mutation ids confirmed by their reply whose events may still be on the way (bounded, oldest out). */
const confirmedIdsMax = 200;

/** Whether applying `event` to `state` would change nothing (the echo of a change we already hold). */
const isAlreadyApplied = (state: BoardState, event: BoardEvent): boolean => {
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

interface MutationSpec<T> {
  label: string;
  optimistic: BoardEvent[];
  send: (mutationId: string) => Promise<T>;
  confirm: (result: T) => BoardEvent[];
}

interface BoardStore {
  spaceId: string | null;
  status: LoadStatus;
  error: string | null;
  role: WorkspaceRole | null;
  seq: number;
  confirmed: BoardState;
  pending: PendingMutation[];
  /** confirmed + pending, recomputed whenever either changes. */
  view: BoardState;
  /** Card id being dragged: live events about it wait in `held` until the drop. */
  heldCardId: string | null;
  held: BoardEvent[];
  /** Cards a teammate just changed, with when: they animate into place. */
  arrivals: Record<string, number>;
  /** Set when the server stops serving this space to us (deleted, access revoked). */
  lostReason: string | null;

  load: (spaceId: string) => Promise<void>;
  /** Applies events the server confirmed (its replies now, live events later). */
  applyConfirmed: (events: BoardEvent[]) => void;
  /** A live event of the space channel, in seq order (the channel registry checked the order). */
  receive: (event: WireEvent, seq: number) => void;
  /** The board's own part of `receive` (listeners are told after it). */
  receiveBoard: (event: WireEvent, seq: number) => void;
  holdCard: (cardId: string) => void;
  releaseCard: () => void;
  /** Sends again every mutation that is waiting for the connection. */
  retryWaiting: () => void;
  markLost: (reason: string) => void;
  mutate: <T>(spec: MutationSpec<T>) => Promise<T | null>;

  createCard: (input: { name: string; statusId: string; at: "top" | "bottom" }) => Promise<Card | null>;
  /**
   * Any change of a card's own fields (PATCH), through the domain's `updateCard` on what the board
   * holds: refused before anything moves, else shown at once and sent.
   */
  changeCard: (card: Card, body: UpdateCardBody, label: string) => Promise<Card | null>;
  updateCard: (cardId: string, body: Pick<UpdateCardBody, "name" | "description">) => Promise<Card | null>;
  /** People, dates and labels (and name/description), applied optimistically like `updateCard`. */
  updateCardFields: (cardId: string, patch: CardFieldsPatch, label?: string) => Promise<Card | null>;
  archiveCard: (cardId: string) => Promise<Card | null>;
  deleteCard: (cardId: string) => Promise<boolean>;
  moveCard: (cardId: string, intent: MoveIntent) => Promise<Card | null>;

  createStatus: (input: {
    name: string;
    role: StatusRole;
    wipLimit: number | null;
  }) => Promise<Status | null>;
  updateStatus: (
    statusId: string,
    body: Pick<UpdateStatusBody, "name" | "role" | "wipLimit">,
  ) => Promise<Status | null>;
  moveStatus: (statusId: string, intent: StatusIntent) => Promise<Status | null>;
  deleteStatus: (statusId: string) => Promise<boolean>;

  /**
   * A card's value of a custom field (null clears it), through the domain's `setCardField` on what
   * the board holds: a value that does not suit the field is refused before anything changes.
   */
  setCardField: (cardId: string, fieldId: string, value: FieldValue | null) => Promise<boolean>;
  /** Field definitions (owners): applied when the server answers, then live for everyone. */
  createField: (body: CreateFieldBody) => Promise<CustomField | null>;
  updateField: (fieldId: string, body: UpdateFieldBody) => Promise<CustomField | null>;
  deleteField: (fieldId: string) => Promise<boolean>;
}

const project = (confirmed: BoardState, pending: PendingMutation[]): BoardState =>
  pending.reduce((state, mutation) => mutation.events.reduce(applyBoardEvent, state), confirmed);

/** Resolved by `retryWaiting`: waiting mutations sleep on it (or on a timer, in case nobody calls). */
let retrySignal: { promise: Promise<void>; resolve: () => void } = (() => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
})();
const waitForRetry = (ms: number) =>
  Promise.race([retrySignal.promise, new Promise<void>((r) => setTimeout(r, ms))]);
const signalRetry = () => {
  const current = retrySignal;
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  retrySignal = { promise, resolve };
  current.resolve();
};
const retryFallbackMs = 15_000;
// The server's Retry-After while its database is unreachable is 2 s.
const unavailableRetryMs = 2_000;

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** A name as a message quotes it (the quotation marks are the language's, in the message). */
const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

export const useBoard = create<BoardStore>((set, get) => {
  /** Bumped on every load so a late reply for a board we left is not applied to the new one. */
  let generation = 0;
  /**
   * Requests go out one at a time, in the order the person acted: two quick "add at the bottom"
   * sent together could be applied by the server in either order. It also keeps offline changes
   * in order when they are resent.
   */
  let sendQueue: Promise<void> = Promise.resolve();
  /** Our mutations the server already answered, so their events are recognised as our own. */
  const confirmedIds = new Set<string>();
  const rememberConfirmed = (id: string) => {
    confirmedIds.add(id);
    if (confirmedIds.size > confirmedIdsMax)
      confirmedIds.delete(confirmedIds.values().next().value as string);
  };
  let queued = 0;
  const sendInOrder = <T>(run: () => Promise<T>): Promise<T> => {
    // With nothing in flight the request leaves at once (same tick as the optimistic change).
    const next = queued === 0 ? run() : sendQueue.then(run);
    queued += 1;
    const settle = () => {
      queued -= 1;
    };
    sendQueue = next.then(settle, settle);
    return next;
  };

  const setState = (confirmed: BoardState, pending: PendingMutation[]) =>
    set({ confirmed, pending, view: project(confirmed, pending) });

  const card = (cardId: string): Card | undefined => get().view.cards[cardId];

  const changeStatus = (statusId: string, body: UpdateStatusBody, label: string) => {
    const { view, role } = get();
    const optimistic = eventsOrRefusal(
      label,
      mutateUpdateStatus(updateStatusContextFromBoard(view, statusId, role), body, actor(), new Date()),
    );
    if (!optimistic) return Promise.resolve(null);
    return get().mutate({
      label,
      optimistic,
      send: (mutationId) => api.updateStatus(statusId, body, { mutationId }),
      confirm: (status) => [{ type: "status.updated", payload: { status } }],
    });
  };

  return {
    spaceId: null,
    status: "idle",
    error: null,
    role: null,
    seq: 0,
    confirmed: emptyBoard(),
    pending: [],
    view: emptyBoard(),
    heldCardId: null,
    held: [],
    arrivals: {},
    lostReason: null,

    load: async (spaceId) => {
      const isSameSpace = get().spaceId === spaceId && get().status === "ready";
      const myGeneration = isSameSpace ? generation : ++generation;
      if (!isSameSpace) {
        set({
          spaceId,
          status: "loading",
          error: null,
          role: null,
          seq: 0,
          heldCardId: null,
          held: [],
          arrivals: {},
          lostReason: null,
        });
        setState(emptyBoard(), []);
      }
      try {
        const board = await api.getBoard(spaceId);
        if (myGeneration !== generation) return;
        // A snapshot read before events this board has applied since (the reload of the same space
        // raced a change made meanwhile) is older than what is shown: taking it would undo that
        // change on screen, and its event, already received, would not come again.
        if (isSameSpace && board.seq < get().seq) return;
        set({ status: "ready", role: board.role, seq: board.seq, error: null });
        setState(boardFromSnapshot(board), get().pending);
      } catch (error) {
        if (myGeneration !== generation) return;
        set({ status: "error", error: describeError(error) });
      }
    },

    applyConfirmed: (events) => {
      setState(events.reduce(applyBoardEvent, get().confirmed), get().pending);
    },

    receive: (event, seq) => {
      get().receiveBoard(event, seq);
      notifyListeners(event, seq);
    },

    receiveBoard: (event, seq) => {
      set({ seq });
      if (event.type === "space.deleted") {
        get().markLost(translate("errors.spaceDeleted"));
        return;
      }
      if (!boardEventTypes.has(event.type)) return;
      const boardEvent = { type: event.type, payload: event.payload } as BoardEvent;
      const state = get();
      const cardId = eventCardId(event);
      const isPendingOurs = event.mutationId !== null && state.pending.some((m) => m.id === event.mutationId);
      const isEcho = event.mutationId !== null && confirmedIds.has(event.mutationId);
      const isOurs = isPendingOurs || isEcho;
      if (isEcho && event.mutationId !== null) confirmedIds.delete(event.mutationId);
      const pending = isPendingOurs ? state.pending.filter((m) => m.id !== event.mutationId) : state.pending;
      const arrivals =
        !isOurs && cardId && event.type !== "card.deleted"
          ? { ...state.arrivals, [cardId]: Date.now() }
          : state.arrivals;
      if (isEcho && cardId !== state.heldCardId && isAlreadyApplied(state.confirmed, boardEvent)) {
        // Our reply already put exactly this in confirmed state: nothing to apply, nothing to redraw.
        return;
      }
      if (cardId && cardId === state.heldCardId) {
        // The card under the pointer must not jump away: its news waits for the drop.
        set({ held: [...state.held, boardEvent], arrivals });
        setState(state.confirmed, pending);
        return;
      }
      set({ arrivals });
      setState(applyBoardEvent(state.confirmed, boardEvent), pending);
    },

    holdCard: (cardId) => set({ heldCardId: cardId, held: [] }),

    releaseCard: () => {
      const { held, confirmed, pending } = get();
      set({ heldCardId: null, held: [] });
      if (held.length > 0) setState(held.reduce(applyBoardEvent, confirmed), pending);
    },

    retryWaiting: () => signalRetry(),

    markLost: (reason) => set({ lostReason: reason, status: "error", error: reason }),

    mutate: async <T>(spec: MutationSpec<T>): Promise<T | null> => {
      const id = newMutationId();
      const myGeneration = generation;
      setState(get().confirmed, [...get().pending, { id, label: spec.label, events: spec.optimistic }]);
      const markWaiting = (isWaiting: boolean) => {
        if (myGeneration !== generation) return;
        const pending = get().pending.map((m) => (m.id === id ? { ...m, isWaiting } : m));
        setState(get().confirmed, pending);
      };
      try {
        const result = await sendInOrder(async () => {
          let hasToldOffline = false;
          let hasToldUnavailable = false;
          for (;;) {
            try {
              return await spec.send(id);
            } catch (error) {
              const isUnavailable = isServiceUnavailable(error);
              if (!isNetworkError(error) && !isUnavailable) throw error;
              // Unreachable: keep it (same id, so a request that did land is not applied twice).
              markWaiting(true);
              if (isUnavailable) {
                if (!hasToldUnavailable) {
                  toast.info(translate("errors.unavailableRetry", { action: spec.label }));
                  hasToldUnavailable = true;
                }
                await waitForRetry(unavailableRetryMs);
                continue;
              }
              if (!hasToldOffline) {
                toast.info(translate("errors.offlineRetry", { action: spec.label }));
                hasToldOffline = true;
              }
              await waitForRetry(retryFallbackMs);
            }
          }
        });
        if (myGeneration === generation) {
          const isStillPending = get().pending.some((m) => m.id === id);
          // Confirmed already by its event? Then the event's state is newer than this reply.
          if (isStillPending) {
            const rest = get().pending.filter((m) => m.id !== id);
            rememberConfirmed(id);
            setState(spec.confirm(result).reduce(applyBoardEvent, get().confirmed), rest);
          }
        }
        return result;
      } catch (error) {
        if (myGeneration !== generation) {
          toast.error(translate("errors.couldNot", { action: spec.label, reason: describeError(error) }));
        } else {
          setState(
            get().confirmed,
            get().pending.filter((m) => m.id !== id),
          );
          // A refused status change names the card and what blocks it: keep it a full sentence.
          const why =
            error instanceof ApiError && error.code === "blocked"
              ? sentence(error.detail || error.title)
              : describeError(error);
          toast.error(translate("errors.couldNot", { action: spec.label, reason: why }));
          // Something we hold is gone or changed under us: take a fresh snapshot.
          const spaceId = get().spaceId;
          if (error instanceof ApiError && error.status === 404 && spaceId) void get().load(spaceId);
        }
        return null;
      }
    },

    createCard: async ({ name, statusId, at }) => {
      const { view, spaceId, role } = get();
      if (!spaceId || !view.space) return null;
      const body = { name, statusId, at };
      const label = translate("errors.action.add", { name: shortName(name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateCreateCard(
          createContextFromBoard(view, body, role, newMutationId()),
          body,
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.createCard(spaceId, body, { mutationId }),
        confirm: (created) => [{ type: "card.created", payload: { card: created } }],
      });
    },

    changeCard: async (current, body, label) => {
      const optimistic = eventsOrRefusal(label, planCardUpdate(current, body));
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.updateCard(current.id, body, { mutationId }),
        confirm: (updated) => [{ type: "card.updated", payload: { card: updated } }],
      });
    },

    updateCard: async (cardId, body) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        body,
        translate("errors.action.save", { name: shortName(current.name) }),
      );
    },

    updateCardFields: async (cardId, patch, label) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        patch,
        label ?? translate("errors.action.save", { name: shortName(current.name) }),
      );
    },

    archiveCard: async (cardId) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        { archived: true },
        translate("errors.action.archive", { name: shortName(current.name) }),
      );
    },

    deleteCard: async (cardId) => {
      const current = card(cardId);
      if (!current) return false;
      const label = translate("errors.action.delete", { name: shortName(current.name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateDeleteCard({ role: get().role, card: current }, {}, actor(), new Date()),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: async (mutationId) => {
          await api.deleteCard(cardId, { mutationId });
          return true;
        },
        confirm: () => optimistic,
      });
      return result === true;
    },

    moveCard: async (cardId, intent) => {
      const { view, role } = get();
      const current = card(cardId);
      const body = planMove(view, cardId, intent);
      if (!current || !body) return null;
      const label = translate("errors.action.move", { name: shortName(current.name) });
      // The server's own rules on the board we see: a refused move is refused before anything moves.
      const optimistic = eventsOrRefusal(
        label,
        mutateMoveCard(moveContextFromBoard(view, cardId, body, role), body, actor(), new Date()),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.moveCard(cardId, body, { mutationId }),
        confirm: (moved) => [
          { type: "card.moved", payload: { card: moved, fromStatusId: current.statusId } },
        ],
      });
    },

    createStatus: async ({ name, role, wipLimit }) => {
      const { view, spaceId } = get();
      if (!spaceId || !view.space) return null;
      const body = { name, role, wipLimit };
      const label = translate("errors.action.addColumn", { name: shortName(name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateCreateStatus(
          createStatusContextFromBoard(view, get().role, newMutationId()),
          body,
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.createStatus(spaceId, body, { mutationId }),
        confirm: (status) => [{ type: "status.created", payload: { status } }],
      });
    },

    updateStatus: async (statusId, body) => {
      const current = get().view.statuses[statusId];
      if (!current) return null;
      return changeStatus(
        statusId,
        body,
        translate("errors.action.updateColumn", { name: shortName(current.name) }),
      );
    },

    moveStatus: async (statusId, intent) => {
      const current = get().view.statuses[statusId];
      const body = planStatusMove(get().view, statusId, intent);
      if (!current || !body) return null;
      return changeStatus(
        statusId,
        body,
        translate("errors.action.moveColumn", { name: shortName(current.name) }),
      );
    },

    deleteStatus: async (statusId) => {
      const { view, role } = get();
      const current = view.statuses[statusId];
      if (!current) return false;
      const label = translate("errors.action.deleteColumn", { name: shortName(current.name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateDeleteStatus(deleteStatusContextFromBoard(view, statusId, role), {}, actor(), new Date()),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: async (mutationId) => {
          await api.deleteStatus(statusId, { mutationId });
          return true;
        },
        confirm: () => optimistic,
      });
      return result === true;
    },

    setCardField: async (cardId, fieldId, value) => {
      const { view, role } = get();
      const current = card(cardId);
      const field = view.fields?.[fieldId];
      if (!current || !field) return false;
      const label = translate("errors.action.setField", { field: field.name, name: shortName(current.name) });
      // The board does not hold who may read a private space: the person picker offers only those
      // who may, and the server has the last word (see docs/MUTATORS.md).
      const readerIds = field.kind === "person" && typeof value === "string" ? [value] : [];
      const previous = view.fieldValues?.[cardId]?.[fieldId] ?? null;
      const optimistic = eventsOrRefusal(
        label,
        mutateSetCardField(
          { role, card: current, field, readerIds, previous },
          { value },
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.setCardField(cardId, fieldId, { value }, { mutationId }),
        confirm: (saved) => [
          {
            type: "card.field_set",
            payload: { cardId, spaceId: current.spaceId, field, value: saved.value, previous },
          },
        ],
      });
      return result !== null;
    },

    createField: async (body) => {
      const spaceId = get().spaceId;
      if (!spaceId) return null;
      return get().mutate({
        label: translate("errors.action.addField", { name: shortName(body.name) }),
        optimistic: [],
        send: (mutationId) => api.createField(spaceId, body, { mutationId }),
        confirm: (field) => [{ type: "field.created", payload: { field } }],
      });
    },

    updateField: async (fieldId, body) => {
      const current = get().view.fields?.[fieldId];
      if (!current) return null;
      return get().mutate({
        label: translate("errors.action.changeField", { name: shortName(current.name) }),
        optimistic: [],
        send: (mutationId) => api.updateField(fieldId, body, { mutationId }),
        confirm: (field) => [{ type: "field.updated", payload: { field } }],
      });
    },

    deleteField: async (fieldId) => {
      const current = get().view.fields?.[fieldId];
      if (!current) return false;
      const result = await get().mutate({
        label: translate("errors.action.deleteField", { name: shortName(current.name) }),
        optimistic: [],
        send: async (mutationId) => {
          await api.deleteField(fieldId, { mutationId });
          return true;
        },
        confirm: () => [{ type: "field.deleted", payload: { fieldId, spaceId: current.spaceId } }],
      });
      return result === true;
    },
  };
});
