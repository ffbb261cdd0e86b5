/**
 * Drag hold: while a card is dragged (`holdCard`), live events about it wait in `held` and are
 * applied on drop (`releaseCard`), so the card under the pointer does not jump away.
 */
import { applyBoardEvent } from "@lattice/domain";
import type { BoardStore, GetBoard, SetBoard, SetProjection } from "./types";

export const dragHoldActions = (
  set: SetBoard,
  get: GetBoard,
  setProjection: SetProjection,
): Pick<BoardStore, "holdCard" | "releaseCard"> => ({
  holdCard: (cardId) => set({ heldCardId: cardId, held: [] }),

  releaseCard: () => {
    const { held, confirmed, pending } = get();
    set({ heldCardId: null, held: [] });
    if (held.length > 0) setProjection(held.reduce(applyBoardEvent, confirmed), pending);
  },
});
