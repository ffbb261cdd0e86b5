/**
 * Date edits from the planning views, through the domain's `updateCard` and the board store's
 * optimistic `mutate`: a change the domain refuses is refused before anything moves; otherwise it
 * shows at once, is sent in order with the others, and is rolled back with a toast if refused.
 * Several cards (a shifted chain) go as one change: one pending entry, one rollback, one Undo.
 */
import type { Card } from "@lattice/domain";
import { newMutationId } from "../../api/client";
import { api } from "../../api/endpoints";
import { translate } from "../../lib/i18n/i18n";
import { cardUpdatesOrRefusal, useBoard } from "../../store/board";

export interface DateChange {
  cardId: string;
  startDate: string | null;
  dueDate: string | null;
}

const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

/** Applies date changes to several cards as one optimistic change; resolves true when all landed. */
export const setCardDates = async (changes: DateChange[], labelArg?: string): Promise<boolean> => {
  const state = useBoard.getState();
  const current = changes
    .map((change) => ({ change, card: state.view.cards[change.cardId] }))
    .filter((entry): entry is { change: DateChange; card: Card } => entry.card !== undefined);
  if (current.length === 0) return false;
  const first = current[0] as { card: Card };
  const label =
    labelArg ??
    (current.length === 1
      ? translate("errors.action.changeDates", { name: shortName(first.card.name) })
      : translate("errors.action.changeDatesOfCards", { count: current.length }));
  // The domain's `updateCard` for each card: a start after its due date is refused before anything moves.
  const optimistic = cardUpdatesOrRefusal(
    label,
    current.map(({ change, card }) => ({
      card,
      body: { startDate: change.startDate, dueDate: change.dueDate },
    })),
  );
  if (!optimistic) return false;
  const result = await state.mutate({
    label,
    optimistic,
    send: async (mutationId) => {
      const updated: Card[] = [];
      for (const [index, { change }] of current.entries()) {
        updated.push(
          await api.updateCard(
            change.cardId,
            { startDate: change.startDate, dueDate: change.dueDate },
            // One key per request: the same key on another card would be refused as a reuse.
            { mutationId: index === 0 ? mutationId : newMutationId() },
          ),
        );
      }
      return updated;
    },
    confirm: (cards) => cards.map((card) => ({ type: "card.updated" as const, payload: { card } })),
  });
  return result !== null;
};

/** The current dates of cards, to undo a change. */
export const currentDates = (cardIds: readonly string[]): DateChange[] => {
  const cards = useBoard.getState().view.cards;
  return cardIds.flatMap((id) => {
    const card = cards[id];
    return card ? [{ cardId: id, startDate: card.startDate, dueDate: card.dueDate }] : [];
  });
};
