/**
 * Turns a person's intent ("move up", "to Done") into the request the server understands (target
 * status + the neighbour to sit after/before), and builds the context the domain's mutators need
 * from the board the person sees, so the optimistic update is the same change the server makes:
 * same rules, same key from the same neighbours. Placement and its repair live in the domain's
 * ordering module.
 */
import {
  type BoardState,
  boardColumns,
  type CreateCardBody,
  type CreateCardContext,
  createCardAim,
  type MoveCardBody,
  type MoveCardContext,
  moveCardAim,
  neighboursIn,
  type Status,
  type WorkspaceRole,
} from "@lattice/domain";
import { knownOpenBlockings } from "./known-blockings";

export type MoveIntent =
  | { kind: "up" }
  | { kind: "down" }
  | { kind: "top" }
  | { kind: "bottom" }
  | { kind: "status"; statusId: string }
  /** Where a drag dropped it: after/before a neighbour in `statusId` (neither: an empty column). */
  | { kind: "place"; statusId: string; afterId: string | null; beforeId: string | null };

/** The request for an intent, or null when the intent changes nothing (already at the top…). */
export const planMove = (state: BoardState, cardId: string, intent: MoveIntent): MoveCardBody | null => {
  const card = state.cards[cardId];
  if (!card) return null;
  const columns = boardColumns(state);
  const targetStatusId =
    intent.kind === "status" || intent.kind === "place" ? intent.statusId : card.statusId;
  const column = columns.find((c) => c.status.id === targetStatusId);
  if (!column) return null;
  const others = column.cards.filter((c) => c.id !== cardId);
  const index = column.cards.findIndex((c) => c.id === cardId);
  const bottom = { statusId: targetStatusId };

  switch (intent.kind) {
    case "place": {
      if (intent.afterId && others.some((c) => c.id === intent.afterId)) {
        return { statusId: targetStatusId, afterId: intent.afterId };
      }
      if (intent.beforeId && others.some((c) => c.id === intent.beforeId)) {
        return { statusId: targetStatusId, beforeId: intent.beforeId };
      }
      if (others.length > 0) return null;
      return intent.statusId === card.statusId ? null : bottom;
    }
    case "status":
      return intent.statusId === card.statusId ? null : bottom;
    case "up": {
      const previous = column.cards[index - 1];
      if (index <= 0 || !previous) return null;
      return { statusId: targetStatusId, beforeId: previous.id };
    }
    case "down": {
      const next = column.cards[index + 1];
      if (index < 0 || !next) return null;
      return { statusId: targetStatusId, afterId: next.id };
    }
    case "top": {
      const first = others[0];
      if (index === 0 || !first) return null;
      return { statusId: targetStatusId, beforeId: first.id };
    }
    case "bottom":
      if (index === column.cards.length - 1 || others.length === 0) return null;
      return bottom;
  }
};

const columnOf = (state: BoardState, statusId: string) =>
  boardColumns(state).find((c) => c.status.id === statusId)?.cards ?? [];

/**
 * The move's context as the board knows it. The board holds only this space's statuses, so a
 * status it does not hold is "not a status of this card's space", as the server would say; it
 * knows whether a card is blocked; by what only when the card panel has read its blockings.
 */
export const moveContextFromBoard = (
  state: BoardState,
  cardId: string,
  body: MoveCardBody,
  role: WorkspaceRole | null,
): MoveCardContext => {
  const card = state.cards[cardId] ?? null;
  return {
    role,
    card,
    target: state.statuses[body.statusId] ?? null,
    source: card ? (state.statuses[card.statusId] ?? null) : null,
    openBlockings: card?.isBlocked ? knownOpenBlockings(cardId) : [],
    neighbours: neighboursIn(columnOf(state, body.statusId), moveCardAim(body), cardId),
  };
};

/** The create's context as the board knows it; `cardId` is a stand-in until the server names it. */
export const createContextFromBoard = (
  state: BoardState,
  body: CreateCardBody,
  role: WorkspaceRole | null,
  cardId: string,
): CreateCardContext => {
  const statusId = body.statusId ?? boardColumns(state)[0]?.status.id;
  const status = statusId ? (state.statuses[statusId] ?? null) : null;
  return {
    role,
    space: state.space ? { id: state.space.id, workspaceId: state.space.workspaceId } : null,
    status,
    neighbours: neighboursIn(status ? columnOf(state, status.id) : [], createCardAim(body), null),
    cardId,
  };
};

/** One step left/right, or where a header drag dropped the column (after or before a neighbour). */
export type StatusIntent = "up" | "down" | { afterId: string } | { beforeId: string };

/**
 * The request for a column's move among the columns of a space, or null when it changes nothing;
 * its key is the domain's `updateStatus`, from the same neighbours the server reads.
 */
export const planStatusMove = (
  state: BoardState,
  statusId: string,
  intent: StatusIntent,
): { afterId: string } | { beforeId: string } | null => {
  const statuses: Status[] = boardColumns(state).map((c) => c.status);
  const index = statuses.findIndex((s) => s.id === statusId);
  if (index < 0) return null;
  if (typeof intent === "object") {
    const anchor = "afterId" in intent ? intent.afterId : intent.beforeId;
    if (anchor === statusId || !statuses.some((s) => s.id === anchor)) return null;
    return intent;
  }
  if (intent === "up") {
    const previous = statuses[index - 1];
    return previous ? { beforeId: previous.id } : null;
  }
  const next = statuses[index + 1];
  return next ? { afterId: next.id } : null;
};
