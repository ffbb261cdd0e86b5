/**
 * Moving a card: to another place in its column or to another status of its space. Rules, once:
 * the caller may write cards; a blocked card keeps its status until every blocking is cleared;
 * entering a completed-role status stamps `completedAt` (kept while it stays completed), leaving
 * clears it; the key sits between the neighbours the placement names. WIP limits are advisory
 * (the board shows them), so they do not refuse a move.
 */
import { DomainError, ErrorCode, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { aimOf, type CardPlacementAim, keyFromNeighbours, type PlacementNeighbours } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card, MoveCardBody, Status } from "../schemas.js";
import { type Actor, invalidFieldError, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface OpenBlocking {
  blockerName: string;
  reason: string;
}

export interface MoveCardContext {
  /** The actor's effective role on the card's space; null when they may not see it (or it does not exist). */
  role: WorkspaceRole | null;
  card: Card | null;
  /** The requested status when it belongs to the card's space, else null. */
  target: Status | null;
  /** The card's current status. */
  source: Status | null;
  /** The card's open blockings, when known; `card.isBlocked` alone also refuses a status change. */
  openBlockings: readonly OpenBlocking[];
  /** The neighbours of `moveCardAim(args)` in the target column, without the moving card. */
  neighbours: PlacementNeighbours;
}

export interface MoveCardChanges {
  card: Card;
  /** The status history row, when the status changes. */
  statusChange: {
    fromStatusId: string;
    toStatusId: string;
    fromRole: Status["role"] | null;
    toRole: Status["role"];
  } | null;
}

/**
 * Names the blockers when the context holds them (the server); the web app knows only that it is
 * blocked. The sentence says "It", not the card's name: the refusal is about the card the caller
 * acted on, and the web app's toast already names it ("Could not move “X”. It is blocked…").
 */
const blockedError = (blockings: readonly OpenBlocking[]): DomainError => {
  if (blockings.length === 0) {
    return new DomainError(
      ErrorCode.blocked,
      "It is blocked; clear its blockers before changing its status",
      [],
      {
        key: "refusal.card.blocked",
      },
    );
  }
  const list = blockings.map((b) => `${b.blockerName} (${b.reason})`).join("; ");
  return new DomainError(
    ErrorCode.blocked,
    `It is blocked by ${list}; clear ${blockings.length === 1 ? "it" : "them"} before changing its status`,
    [],
    {
      key: "refusal.card.blockedBy",
      values: { count: blockings.length },
      lists: {
        blockers: {
          item: "refusal.card.blocker",
          separator: "refusal.separator.semicolon",
          items: blockings.map((b) => ({ blocker: b.blockerName, reason: b.reason })),
        },
      },
    },
  );
};

export const moveCardAim = (args: MoveCardBody): CardPlacementAim => aimOf(args);

export const moveCard = (
  context: MoveCardContext,
  args: MoveCardBody,
  _actor: Actor,
  now: Date,
): MutatorResult<MoveCardChanges> => {
  const { card, target, source } = context;
  const refused = refuseUnlessAllowed(card ? context.role : null, "write_cards", "Card");
  if (refused || !card) return refused ?? notFound("Card");
  if (!target)
    return invalidFieldError("body.statusId", "is not a status of this card's space", {
      key: "refusal.field.notStatusOfCardSpace",
    });
  const isStatusChange = target.id !== card.statusId;
  if (isStatusChange && (card.isBlocked || context.openBlockings.length > 0)) {
    return blockedError(context.openBlockings);
  }
  const placed = keyFromNeighbours(moveCardAim(args), context.neighbours, card.id);
  if ("field" in placed) return invalidFieldError(placed.field, placed.message, placed.problem);
  const at = now.toISOString();
  const moved: Card = {
    ...card,
    statusId: target.id,
    position: placed.position,
    updatedAt: at,
    completedAt: isStatusChange
      ? target.role === "completed"
        ? (card.completedAt ?? at)
        : null
      : card.completedAt,
    version: card.version + 1,
  };
  return {
    changes: {
      card: moved,
      statusChange: isStatusChange
        ? {
            fromStatusId: card.statusId,
            toStatusId: target.id,
            fromRole: source?.role ?? null,
            toRole: target.role,
          }
        : null,
    },
    events: [draft(spaceChannel(card.spaceId), "card.moved", { card: moved, fromStatusId: card.statusId })],
  };
};
