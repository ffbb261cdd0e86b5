/** The Gantt's side list of cards without dates: dragged onto the chart, or scheduled from today. */
import type { Card } from "@lattice/domain";
import { Link } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";

/** The drag data type that carries a card id from this list to the chart. */
export const cardMime = "application/x-lattice-card";

export const GanttUnscheduled = ({
  cards,
  canWrite,
  cardHref,
  onSchedule,
}: {
  cards: Card[];
  canWrite: boolean;
  cardHref: (cardId: string) => string;
  onSchedule: (card: Card) => void;
}) => {
  const { t, format } = useTranslator();
  return (
    <aside className="sv-side" aria-labelledby="gantt-unscheduled">
      <h2 id="gantt-unscheduled" className="sv-side-title">
        {t("gantt.unscheduled")} <span className="muted">{format.number(cards.length)}</span>
      </h2>
      {cards.length === 0 ? (
        <p className="muted sv-side-empty">{t("gantt.allDated")}</p>
      ) : (
        <ul className="sv-side-list">
          {cards.map((card) => (
            <li
              key={card.id}
              className="sv-side-card"
              draggable={canWrite}
              onDragStart={(e) => {
                e.dataTransfer.setData(cardMime, card.id);
                e.dataTransfer.effectAllowed = "move";
              }}
            >
              <Link to={cardHref(card.id)} className="sv-side-name" dir="auto">
                {card.name}
              </Link>
              {canWrite ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onSchedule(card)}
                  aria-label={t("gantt.scheduleCard", { card: card.name })}
                >
                  {t("gantt.schedule")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
};
