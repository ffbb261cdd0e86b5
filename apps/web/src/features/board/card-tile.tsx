import type { Card } from "@lattice/domain";
import { memo } from "react";
import { Link } from "react-router";
import { Popover } from "../../ui/menu";
import { MoveControls } from "./move-controls";

interface CardTileProps {
  card: Card;
  href: string;
  isOpen: boolean;
  isPending: boolean;
  canWrite: boolean;
}

export const CardTile = memo(({ card, href, isOpen, isPending, canWrite }: CardTileProps) => (
  <li
    className={`card-tile${isOpen ? " is-open" : ""}${isPending ? " is-pending" : ""}`}
    data-card-id={card.id}
  >
    <Link to={href} className="card-tile-link" aria-current={isOpen ? "true" : undefined}>
      <span className="card-tile-name">{card.name}</span>
      {card.description ? (
        <span className="card-tile-meta" title="Has a description">
          ☰ <span className="visually-hidden">Has a description</span>
        </span>
      ) : null}
    </Link>
    {canWrite ? (
      <div className="card-tile-actions">
        <Popover label={`Move ${card.name}`} icon="⋯">
          {(close) => <MoveControls cardId={card.id} onMoved={close} />}
        </Popover>
      </div>
    ) : null}
  </li>
));
CardTile.displayName = "CardTile";
