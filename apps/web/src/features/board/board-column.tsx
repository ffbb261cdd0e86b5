import type { Card, Status } from "@lattice/domain";
import { useState } from "react";
import { useBoard } from "../../store/board";
import { ConfirmDialog } from "../../ui/dialog";
import { Menu, type MenuItem } from "../../ui/menu";
import { AddCardForm } from "./add-card-form";
import { CardTile } from "./card-tile";
import { statusRoleLabels } from "./columns-dialog";

interface BoardColumnProps {
  status: Status;
  cards: Card[];
  cardHref: (cardId: string) => string;
  openCardId: string | undefined;
  pendingCardIds: ReadonlySet<string>;
  canWrite: boolean;
  canManage: boolean;
  isFirst: boolean;
  isLast: boolean;
  onEditColumns: (statusId: string) => void;
}

export const BoardColumn = ({
  status,
  cards,
  cardHref,
  openCardId,
  pendingCardIds,
  canWrite,
  canManage,
  isFirst,
  isLast,
  onEditColumns,
}: BoardColumnProps) => {
  const moveStatus = useBoard((s) => s.moveStatus);
  const deleteStatus = useBoard((s) => s.deleteStatus);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const isOverLimit = status.wipLimit !== null && cards.length > status.wipLimit;
  const countLabel = status.wipLimit !== null ? `${cards.length}/${status.wipLimit}` : String(cards.length);

  const items: Array<MenuItem | "separator"> = canManage
    ? [
        { label: "Edit column…", onSelect: () => onEditColumns(status.id) },
        { label: "Move left", onSelect: () => void moveStatus(status.id, "up"), isDisabled: isFirst },
        { label: "Move right", onSelect: () => void moveStatus(status.id, "down"), isDisabled: isLast },
        "separator",
        { label: "Delete column…", isDanger: true, onSelect: () => setIsConfirmingDelete(true) },
      ]
    : [];

  return (
    <section
      className={`column column-role-${status.role}${isOverLimit ? " is-over-limit" : ""}`}
      aria-labelledby={`column-${status.id}`}
    >
      <header className="column-header">
        <span
          className={`status-dot status-dot-${status.role}`}
          title={statusRoleLabels[status.role]}
          aria-hidden="true"
        />
        <h2 id={`column-${status.id}`} className="column-title">
          {status.name}
        </h2>
        <span
          className={`column-count${isOverLimit ? " column-count-over" : ""}`}
          title={
            status.wipLimit !== null
              ? `${cards.length} cards, work-in-progress limit ${status.wipLimit}${isOverLimit ? " (over the limit)" : ""}`
              : `${cards.length} cards`
          }
        >
          {countLabel}
          {isOverLimit ? <span className="visually-hidden"> — over the WIP limit</span> : null}
        </span>
        {canManage ? <Menu label={`Column ${status.name} actions`} items={items} /> : null}
      </header>
      {isOverLimit ? (
        <p className="column-warning" role="note">
          Over the WIP limit by {cards.length - (status.wipLimit ?? 0)}
        </p>
      ) : null}
      <ol className="column-cards">
        {cards.map((card) => (
          <CardTile
            key={card.id}
            card={card}
            href={cardHref(card.id)}
            isOpen={card.id === openCardId}
            isPending={pendingCardIds.has(card.id)}
            canWrite={canWrite}
          />
        ))}
      </ol>
      {cards.length === 0 && !canWrite ? <p className="column-empty">No cards</p> : null}
      {canWrite ? <AddCardForm statusId={status.id} statusName={status.name} /> : null}
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={`Delete the column “${status.name}”?`}
        message={
          cards.length > 0
            ? `It still holds ${cards.length} card${cards.length === 1 ? "" : "s"}; the server will refuse until they are moved.`
            : "The column is empty. This cannot be undone."
        }
        confirmLabel="Delete column"
        onConfirm={() => {
          setIsConfirmingDelete(false);
          void deleteStatus(status.id);
        }}
        onClose={() => setIsConfirmingDelete(false)}
      />
    </section>
  );
};
