/**
 * Shifting the cards that follow a moved one, and undoing it. The shift goes out as one change
 * (one pending entry, one rollback if refused); once it landed, the dates it replaced are kept so
 * one Undo puts every card back, again as one change.
 */
import { translate } from "../../lib/i18n/i18n";
import { currentDates, type DateChange, setCardDates } from "../space-views/card-dates";
import type { ShiftPlan } from "./gantt-data";

export interface UndoOffer {
  message: string;
  previous: DateChange[];
}

// The change's name completes the board store's English "Could not …" toast, which is not translated yet.

/** Applies a shift plan; resolves the offer to undo it, or null when it was refused (and rolled back). */
export const applyShift = async (shift: ShiftPlan): Promise<UndoOffer | null> => {
  const n = shift.changes.length;
  const previous = currentDates(shift.changes.map((c) => c.cardId));
  const isApplied = await setCardDates(
    shift.changes.map(({ cardId, startDate, dueDate }) => ({ cardId, startDate, dueDate })),
    translate("errors.action.shiftCards", { count: n }),
  );
  if (!isApplied) return null;
  return { message: translate("gantt.shifted", { count: n, days: Math.abs(shift.days) }), previous };
};

/** Puts back the dates a shift replaced; resolves whether the server took them. */
export const undoShift = (offer: UndoOffer): Promise<boolean> =>
  setCardDates(offer.previous, translate("errors.action.undoShift"));
