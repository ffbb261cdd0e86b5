/**
 * Follows the spaces a Workload view shows from the seqs its reply named. A card's own change
 * (`card.updated`: a teammate dragged it, changed its dates or people) is handed over at once so the
 * view redraws it without asking the server; anything else (a card created, moved to another status,
 * blocked, deleted, a reload) asks for the view again.
 */
import type { Card } from "@lattice/domain";
import { useLiveSpaces, type Watched } from "../my-blockers/use-live-spaces";

export interface LiveHandlers {
  onCard: (card: Card) => void;
  onOther: () => void;
}

export const useLiveWorkload = (watch: readonly Watched[] | null, handlers: LiveHandlers) =>
  useLiveSpaces(watch, (event) => {
    if (event?.type === "card.updated") handlers.onCard(event.payload.card);
    else handlers.onOther();
  });
