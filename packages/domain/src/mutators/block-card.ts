/**
 * Blocking a card: a blocker type usable in the card's space, a reason, and optionally who must
 * clear it. Rules, once: the caller may write cards; the type is one the space may use (its own
 * local types, global ones, on-demand ones the space enabled); the person who must clear it can
 * read the space. While a blocking is open the card keeps its status (see `moveCard`).
 */
import type { Blocking } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type Actor, invalidFieldError, type MutatorResult, touchedCard, writableCard } from "./types.js";

export interface BlockCardArgs {
  blockerTypeId: string;
  reason: string;
  responsibleId?: string | null | undefined;
}

export interface BlockCardContext {
  role: WorkspaceRole | null;
  card: Card | null;
  /** The requested blocker type when the card's space may use it, else null. */
  blockerType: { id: string; name: string } | null;
  /** Whether the named responsible person may read the card's space (true when none is named). */
  isResponsibleReader: boolean;
  /** The new blocking's id, chosen by the caller. */
  blockingId: string;
}

export interface BlockCardChanges {
  blocking: Blocking;
  card: Card;
}

export const blockCard = (
  context: BlockCardContext,
  args: BlockCardArgs,
  actor: Actor,
  now: Date,
): MutatorResult<BlockCardChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  const type = context.blockerType;
  if (!type) return invalidFieldError("body.blockerTypeId", "is not a blocker type usable in this space");
  const responsibleId = args.responsibleId ?? null;
  if (responsibleId && !context.isResponsibleReader) {
    return invalidFieldError("body.responsibleId", "is not a user of this space");
  }
  const blocking: Blocking = {
    id: context.blockingId,
    workspaceId: card.workspaceId,
    spaceId: card.spaceId,
    cardId: card.id,
    blockerTypeId: type.id,
    blockerName: type.name,
    reason: args.reason,
    blockedBy: actor.id,
    blockedAt: now.toISOString(),
    responsibleId,
    clearedBy: null,
    clearedAt: null,
  };
  const blocked = touchedCard(card, { isBlocked: true }, now);
  const channel = spaceChannel(card.spaceId);
  return {
    changes: { blocking, card: blocked },
    events: [
      draft(channel, "blocking.created", { blocking }),
      draft(channel, "card.updated", { card: blocked }),
    ],
  };
};
