/**
 * Blocking a card: a blocker type usable in the card's space, a reason, and optionally who must
 * clear it. Rules, once: the caller may write cards; the type is one the space may use (its own
 * local types, global ones, on-demand ones the space enabled); the person who must clear it can
 * read the space. While a blocking is open the card keeps its status (see `moveCard`).
 */
import type { BlockerKind, Blocking } from "../coordination-schemas.js";
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

/** What decides whether a space may use a blocker type. */
export interface BlockerTypeFacts {
  id: string;
  name: string;
  kind: BlockerKind;
  /** The space of a local type. */
  spaceId: string | null;
  isArchived: boolean;
  /** For an on-demand type: whether the card's space enabled it. */
  isEnabledInSpace: boolean;
}

/** Global types everywhere, local ones in their own space, on-demand ones where the space enabled them. */
export const isBlockerUsableIn = (type: BlockerTypeFacts, spaceId: string): boolean => {
  if (type.isArchived) return false;
  if (type.kind === "global") return true;
  if (type.kind === "local") return type.spaceId === spaceId;
  return type.isEnabledInSpace;
};

export interface BlockCardContext {
  role: WorkspaceRole | null;
  card: Card | null;
  /** The requested blocker type, null when there is none. */
  blockerType: BlockerTypeFacts | null;
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
  if (!type || !isBlockerUsableIn(type, card.spaceId))
    return invalidFieldError("body.blockerTypeId", "is not a blocker type usable in this space", {
      key: "refusal.field.notBlockerType",
    });
  const responsibleId = args.responsibleId ?? null;
  if (responsibleId && !context.isResponsibleReader) {
    return invalidFieldError("body.responsibleId", "is not a user of this space", {
      key: "refusal.field.notSpaceUser",
    });
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
