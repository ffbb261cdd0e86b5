/**
 * After a bar moved, the offer to shift the cards that follow it by the same days (`planShift`), and
 * the Undo offered once they were shifted.
 */
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import type { ShiftPlan } from "./gantt-data";
import type { UndoOffer } from "./gantt-shift";

export const ShiftDialog = ({
  shift,
  isShifting,
  onLeave,
  onConfirm,
}: {
  shift: ShiftPlan | null;
  isShifting: boolean;
  onLeave: () => void;
  onConfirm: () => void;
}) => {
  const { t, format } = useTranslator();
  /** A card's new dates as the locale writes them; "—" for a missing end. */
  const datesText = (start: string | null, due: string | null) =>
    start && due
      ? start <= due
        ? format.dayRange(start, due)
        : `${format.dayRange(start, start)} – ${format.dayRange(due, due)}`
      : `${start ? format.dayRange(start, start) : "—"} – ${due ? format.dayRange(due, due) : "—"}`;
  return (
    <Dialog
      isOpen={shift !== null}
      title={t("gantt.shift.title")}
      onClose={onLeave}
      description={
        shift
          ? t("gantt.shift.description", {
              count: shift.changes.length,
              days: Math.abs(shift.days),
              signedDays: `${shift.days > 0 ? "+" : ""}${format.number(shift.days)}`,
            })
          : undefined
      }
      footer={
        <>
          <Button onClick={onLeave}>{t("gantt.shift.leave")}</Button>
          <Button variant="primary" isBusy={isShifting} onClick={onConfirm}>
            {t("gantt.shift.confirm", { count: shift?.changes.length ?? 0 })}
          </Button>
        </>
      }
    >
      {shift ? (
        <>
          <ul className="sv-shift-reasons">
            {shift.reasons.slice(0, 4).map((reason) => (
              <li key={reason}>⚠ {reason}</li>
            ))}
          </ul>
          <ul className="sv-shift-list">
            {shift.changes.map((c) => (
              <li key={c.cardId}>
                <strong>{c.name}</strong>{" "}
                {t("gantt.shift.toDates", { dates: datesText(c.startDate, c.dueDate) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
};

export const UndoBar = ({
  undo,
  onUndo,
  onDismiss,
}: {
  undo: UndoOffer;
  onUndo: () => void;
  onDismiss: () => void;
}) => {
  const { t } = useTranslator();
  return (
    <div className="sv-undo" role="status">
      <span>{undo.message}</span>
      <Button size="sm" variant="secondary" onClick={onUndo}>
        {t("common.undo")}
      </Button>
      <Button size="sm" variant="ghost" isIcon aria-label={t("gantt.dismiss")} onClick={onDismiss}>
        ×
      </Button>
    </div>
  );
};
