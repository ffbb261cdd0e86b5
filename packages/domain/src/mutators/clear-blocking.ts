/**
 * Clearing a blocking records who and when; the card is unblocked once no other blocking on it is
 * open. A blocking is cleared once: clearing it again is a conflict, not a second record.
 */
import type { Blocking } from "../coordination-schemas.js";
import { DomainError, ErrorCode, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type Actor, type MutatorResult, touchedCard, writableCard } from "./types.js";

export interface ClearBlockingContext {
  /** The actor's role on the blocked card's space; null when they may not see it. */
  role: WorkspaceRole | null;
  blocking: Blocking | null;
  card: Card | null;
  /** How many blockings of the card stay open besides this one. */
  otherOpenCount: number;
}

export interface ClearBlockingChanges {
  blocking: Blocking;
  card: Card;
}

export const clearBlocking = (
  context: ClearBlockingContext,
  _args: Record<string, never>,
  actor: Actor,
  now: Date,
): MutatorResult<ClearBlockingChanges> => {
  const card = writableCard(context.role, context.blocking ? context.card : null, "Blocking");
  if (card instanceof DomainError) return card;
  const { blocking } = context;
  if (!blocking) return notFound("Blocking");
  if (blocking.clearedAt)
    return new DomainError(ErrorCode.conflict, "This blocking was already cleared", [], {
      key: "refusal.blocking.cleared",
    });
  const cleared: Blocking = { ...blocking, clearedAt: now.toISOString(), clearedBy: actor.id };
  const after = touchedCard(card, { isBlocked: context.otherOpenCount > 0 }, now);
  const channel = spaceChannel(card.spaceId);
  return {
    changes: { blocking: cleared, card: after },
    events: [
      draft(channel, "blocking.cleared", { blocking: cleared }),
      draft(channel, "card.updated", { card: after }),
    ],
  };
};
