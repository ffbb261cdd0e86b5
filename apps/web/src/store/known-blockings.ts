/**
 * The open blockings the web app has read for a card (the card panel reads them), so a move the
 * domain refuses because the card is blocked can name what blocks it, as the server would, without
 * a request. Cards whose blockings were never read are refused with the general sentence.
 */
import type { OpenBlocking } from "@lattice/domain";

const openBlockingsByCard = new Map<string, readonly OpenBlocking[]>();

export const rememberOpenBlockings = (cardId: string, blockings: readonly OpenBlocking[]): void => {
  if (blockings.length === 0) openBlockingsByCard.delete(cardId);
  else openBlockingsByCard.set(cardId, blockings);
};

export const knownOpenBlockings = (cardId: string): readonly OpenBlocking[] =>
  openBlockingsByCard.get(cardId) ?? [];
