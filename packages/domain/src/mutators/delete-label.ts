/**
 * Deleting a label takes it off every card that carries it; each of those cards is announced again
 * so boards drop the label.
 */
import type { Label } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { Card } from "../schemas.js";
import { type Actor, type MutatorResult, touchedCard } from "./types.js";
import { type LabelContext, writableLabel } from "./update-label.js";

export interface DeleteLabelContext extends LabelContext {
  /** The cards that carry the label. */
  cards: readonly Card[];
}

export interface DeleteLabelChanges {
  label: Label;
  cards: Card[];
}

export const deleteLabel = (
  context: DeleteLabelContext,
  _args: Record<string, never>,
  _actor: Actor,
  now: Date,
): MutatorResult<DeleteLabelChanges> => {
  const label = writableLabel(context);
  if (label instanceof DomainError) return label;
  const cards = context.cards.map((card) =>
    touchedCard(card, { labelIds: card.labelIds.filter((id) => id !== label.id) }, now),
  );
  const channel = spaceChannel(label.spaceId);
  return {
    changes: { label, cards },
    events: [
      draft(channel, "label.deleted", { labelId: label.id, spaceId: label.spaceId }),
      ...cards.map((card) => draft(channel, "card.updated", { card })),
    ],
  };
};
