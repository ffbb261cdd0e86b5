/**
 * The open board: one zustand store composed of one module per job, in `./board/`:
 * - `projection.ts`: confirmed server state and pending (optimistic) mutations kept apart; the view
 *   is confirmed state with every pending mutation's events applied through `applyBoardEvent`.
 * - `outbox.ts`: requests sent one after another in the order the person acted, kept and resent
 *   with the same Idempotency-Key while the server cannot be reached.
 * - `activity.ts`: every live event passed on to listeners after the board applied it.
 * - `arrivals.ts`: cards a teammate just changed, so they animate into place.
 * - `drag-hold.ts`: live events about the dragged card wait for the drop.
 * - `commands.ts`: the card, column and field commands, each through the domain's own mutator.
 *
 * A mutation's life (`mutate`, here because it joins projection and outbox): its optimistic events
 * join `pending` under its mutation id (also sent as the Idempotency-Key). When the server answers,
 * the entry leaves `pending` and the server's result is applied to `confirmed` in the same update,
 * so nothing flickers. When the server refuses, the entry is dropped (the view falls back to
 * confirmed state) and a toast says why. The event carrying the mutation id confirms it too
 * (whichever of reply and event comes first wins; the other is a no-op).
 */
import {
  applyBoardEvent,
  type BoardState,
  boardFromSnapshot,
  type Card,
  emptyBoard,
  eventCardId,
  type MutatorResult,
  type UpdateCardBody,
  type UpdateCardChanges,
} from "@lattice/domain";
import { create } from "zustand";
import { ApiError, describeError, newMutationId } from "../api/client";
import { api } from "../api/endpoints";
import { translate } from "../lib/i18n/i18n";
import { notifyListeners } from "./board/activity";
import { withArrival } from "./board/arrivals";
import { boardCommands, eventsOrRefusal, planCardUpdateAs, sentence } from "./board/commands";
import { dragHoldActions } from "./board/drag-hold";
import { createSendQueue, retryWaiting, sendUntilAnswered } from "./board/outbox";
import {
  type BoardEvent,
  boardEventTypes,
  createConfirmedIds,
  isAlreadyApplied,
  type PendingMutation,
  project,
} from "./board/projection";
import type { BoardStore, MutationSpec } from "./board/types";
import { toast } from "./toasts";

export { onBoardEvent } from "./board/activity";
export type { BoardEvent, PendingMutation } from "./board/projection";
export type { CardFieldsPatch } from "./board/types";

/** The domain's `updateCard` on a card the board holds (or, for a restore, an archived one). */
export const planCardUpdate = (card: Card, body: UpdateCardBody): MutatorResult<UpdateCardChanges> =>
  planCardUpdateAs(useBoard.getState().role, card, body);

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

/** How long a board loaded ahead waits for its view before a view's load asks the server again. */
const AHEAD_MS = 10_000;

export const useBoard = create<BoardStore>((set, get) => {
  /** Bumped on every load so a late reply for a board we left is not applied to the new one. */
  let generation = 0;
  /** The load `loadAhead` started, until the view's own `load` of the same space takes it. */
  let ahead: { spaceId: string; at: number; loading: Promise<void> } | null = null;
  const sendInOrder = createSendQueue();
  const confirmedIds = createConfirmedIds();

  const setState = (confirmed: BoardState, pending: PendingMutation[]) =>
    set({ confirmed, pending, view: project(confirmed, pending) });

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

    loadAhead: (spaceId) => {
      ahead = { spaceId, at: Date.now(), loading: get().load(spaceId) };
    },

    load: async (spaceId) => {
      const taken = ahead;
      ahead = null;
      // The view opening the board the address named: the snapshot read ahead is the view's, unless
      // another space was opened since, it failed, or it waited too long (then it is read again).
      if (
        taken?.spaceId === spaceId &&
        get().spaceId === spaceId &&
        get().status !== "error" &&
        Date.now() - taken.at < AHEAD_MS
      ) {
        return taken.loading;
      }
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
      if (isEcho && event.mutationId !== null) confirmedIds.forget(event.mutationId);
      const pending = isPendingOurs ? state.pending.filter((m) => m.id !== event.mutationId) : state.pending;
      const arrivals = withArrival(state.arrivals, event, cardId, isOurs);
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

    ...dragHoldActions(set, get, setState),

    retryWaiting,

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
        const result = await sendInOrder(() =>
          sendUntilAnswered(
            () => spec.send(id),
            spec.label,
            () => markWaiting(true),
          ),
        );
        if (myGeneration === generation) {
          const isStillPending = get().pending.some((m) => m.id === id);
          // Confirmed already by its event? Then the event's state is newer than this reply.
          if (isStillPending) {
            const rest = get().pending.filter((m) => m.id !== id);
            confirmedIds.remember(id);
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

    ...boardCommands(get),
  };
});
