import { boardColumns } from "@lattice/domain";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import type { MoveIntent } from "../../store/move-plan";
import { Button } from "../../ui/button";

/**
 * The keyboard-and-click way to move a card (drag and drop comes later): a status select and
 * four position buttons. Each calls the store, which shows the move at once and confirms it.
 */
export const MoveControls = ({ cardId, onMoved }: { cardId: string; onMoved?: () => void }) => {
  const { t } = useTranslator();
  const view = useBoard((s) => s.view);
  const moveCard = useBoard((s) => s.moveCard);
  const card = view.cards[cardId];
  if (!card) return null;
  const columns = boardColumns(view);
  const column = columns.find((c) => c.status.id === card.statusId);
  const index = column?.cards.findIndex((c) => c.id === cardId) ?? -1;
  const count = column?.cards.length ?? 0;
  const isFirst = index <= 0;
  const isLast = index === count - 1;

  const handleMove = (intent: MoveIntent) => {
    void moveCard(cardId, intent);
    onMoved?.();
  };

  return (
    <div className="move-controls">
      <label className="move-controls-label" htmlFor={`move-status-${cardId}`}>
        {t("board.move.status")}
      </label>
      <select
        id={`move-status-${cardId}`}
        className="input select move-controls-select"
        value={card.statusId}
        onChange={(e) => handleMove({ kind: "status", statusId: e.target.value })}
      >
        {columns.map(({ status }) => (
          <option key={status.id} value={status.id}>
            {status.name}
          </option>
        ))}
      </select>
      <fieldset className="button-group move-controls-buttons">
        <legend className="visually-hidden">{t("board.move.position")}</legend>
        <Button
          size="sm"
          onClick={() => handleMove({ kind: "top" })}
          disabled={isFirst}
          title={t("board.move.topTitle")}
        >
          {t("board.move.top")}
        </Button>
        <Button
          size="sm"
          onClick={() => handleMove({ kind: "up" })}
          disabled={isFirst}
          title={t("board.move.upTitle")}
        >
          {t("board.move.up")}
        </Button>
        <Button
          size="sm"
          onClick={() => handleMove({ kind: "down" })}
          disabled={isLast}
          title={t("board.move.downTitle")}
        >
          {t("board.move.down")}
        </Button>
        <Button
          size="sm"
          onClick={() => handleMove({ kind: "bottom" })}
          disabled={isLast}
          title={t("board.move.bottomTitle")}
        >
          {t("board.move.bottom")}
        </Button>
      </fieldset>
    </div>
  );
};
