/**
 * Deleting a card moves it to the trash (archiving is `updateCard`). The caller may write cards;
 * its to-dos, blockings, relations and people go with it and come back with it on restore.
 */
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type Actor, type MutatorResult, writableCard } from "./types.js";

export interface DeleteCardContext {
  role: WorkspaceRole | null;
  card: Card | null;
}

export interface DeleteCardChanges {
  card: Card;
}

export const deleteCard = (
  context: DeleteCardContext,
  _args: Record<string, never>,
  _actor: Actor,
  _now: Date,
): MutatorResult<DeleteCardChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  return {
    changes: { card },
    events: [
      draft(spaceChannel(card.spaceId), "card.deleted", {
        cardId: card.id,
        spaceId: card.spaceId,
        name: card.name,
      }),
    ],
  };
};
