/**
 * Archived cards leave the board, the planning views and the filters; this dialog is where a space's
 * archived cards are found again, opened, and restored. Restoring is an ordinary card change
 * (`archived: false`), applied optimistically like any other, so the card is back on the board at once
 * and rolled back with an explanation if the server refuses.
 */
import { archivedCardsSchema, type Card } from "@lattice/domain";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { describeError, request } from "../../api/client";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import "./archived-cards.css";

/** A long name, shortened; the messages put it in the language's quote marks. */
const short = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

export const loadArchivedCards = (spaceId: string) =>
  request("GET", `/api/spaces/${spaceId}/archived-cards`, archivedCardsSchema);

/** Puts an archived card back on its board; resolves the restored card, or null when refused. */
export const restoreCard = (card: Card): Promise<Card | null> =>
  useBoard
    .getState()
    .changeCard(card, { archived: false }, translate("errors.action.restore", { name: card.name }));

interface ArchivedCardsDialogProps {
  isOpen: boolean;
  spaceId: string;
  canWrite: boolean;
  cardHref: (cardId: string) => string;
  onClose: () => void;
}

export const ArchivedCardsDialog = ({
  isOpen,
  spaceId,
  canWrite,
  cardHref,
  onClose,
}: ArchivedCardsDialogProps) => {
  const { t, format } = useTranslator();
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const statuses = useBoard((s) => s.view.statuses);

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    setCards(null);
    setError(null);
    loadArchivedCards(spaceId).then(
      (reply) => {
        if (isCurrent) setCards(reply.items);
      },
      (err: unknown) => {
        if (isCurrent) setError(describeError(err));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [isOpen, spaceId]);

  const handleRestore = async (card: Card) => {
    setBusyId(card.id);
    const restored = await restoreCard(card);
    setBusyId(null);
    if (!restored) return;
    setCards((list) => list?.filter((c) => c.id !== card.id) ?? null);
    const column = statuses[restored.statusId]?.name;
    toast.success(
      column
        ? translate("board.archived.restoredTo", { name: short(restored.name), column })
        : translate("board.archived.restored", { name: short(restored.name) }),
    );
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t("board.archived.title")}
      description={t("board.archived.description")}
      size="md"
      onClose={onClose}
      footer={<Button onClick={onClose}>{t("common.close")}</Button>}
    >
      {error ? (
        <p role="alert">{error}</p>
      ) : cards === null ? (
        <p role="status" className="muted">
          {t("common.loading")}
        </p>
      ) : cards.length === 0 ? (
        <p className="muted">{t("board.archived.empty")}</p>
      ) : (
        <ul className="archived-list" aria-label={t("board.archived.title")}>
          {cards.map((card) => (
            <li key={card.id} className="archived-item">
              <span className="archived-name">
                <Link to={cardHref(card.id)} onClick={onClose}>
                  {card.name}
                </Link>
                <span className="archived-when muted">
                  {t("board.archived.when", {
                    column: statuses[card.statusId]?.name ?? t("board.archived.removedColumn"),
                    at: card.archivedAt ? format.dateTime(card.archivedAt) : "",
                  })}
                </span>
              </span>
              {canWrite ? (
                <Button
                  size="sm"
                  disabled={busyId === card.id}
                  aria-label={t("board.archived.restoreLabel", { name: card.name })}
                  onClick={() => void handleRestore(card)}
                >
                  {t("common.restore")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
};
