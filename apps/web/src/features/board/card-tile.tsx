import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Card, PresenceEntry } from "@lattice/domain";
import {
  type CSSProperties,
  type KeyboardEventHandler,
  memo,
  type PointerEventHandler,
  useCallback,
  useState,
} from "react";
import { Link } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { Avatar } from "../../ui/avatar";
import { Popover } from "../../ui/menu";
import { CardAgeBadge } from "../aging/age-badge";
import { CardCover, CardFrontFacts, CardFrontLabels } from "../card-detail/card-front";
import { CardFrontFields } from "../fields/card-front-fields";
import { MoveControls } from "./move-controls";

interface CardTileProps {
  card: Card;
  href: string;
  isOpen: boolean;
  isPending: boolean;
  /** A teammate just changed it: it animates into place. */
  isArriving: boolean;
  canWrite: boolean;
  viewers: PresenceEntry[] | undefined;
  /** Virtualized columns place each card absolutely and measure it. */
  style?: CSSProperties;
  index?: number;
  measureRef?: (node: Element | null) => void;
}

const CardBody = ({ card, href, isOpen }: { card: Card; href: string; isOpen: boolean }) => {
  const { t } = useTranslator();
  return (
    <Link
      to={href}
      className={`card-tile-link${card.isBlocked ? " is-blocked" : ""}`}
      aria-current={isOpen ? "true" : undefined}
      draggable={false}
    >
      <CardCover card={card} />
      <CardFrontLabels card={card} />
      <span className="card-tile-name">{card.name}</span>
      {card.description ? (
        <span className="card-tile-meta" title={t("board.card.hasDescription")}>
          ☰ <span className="visually-hidden">{t("board.card.hasDescription")}</span>
        </span>
      ) : null}
      <CardFrontFields card={card} />
      <CardFrontFacts card={card} />
      <CardAgeBadge spaceId={card.spaceId} cardId={card.id} />
    </Link>
  );
};

const Viewers = ({ viewers }: { viewers: PresenceEntry[] }) => {
  const { t } = useTranslator();
  const openBy = t("board.card.openBy", {
    names: viewers.map((v) => v.name).join(t("board.card.namesSeparator")),
  });
  return (
    <span className="card-tile-viewers" title={openBy}>
      {viewers.slice(0, 3).map((v) => (
        <Avatar key={v.userId} name={v.name} seed={v.userId} size={18} />
      ))}
      <span className="visually-hidden">{openBy}</span>
    </span>
  );
};

/**
 * The card's move popover. A board shows dozens of tiles and re-renders them as its data arrives, and a
 * popover's positioning and focus hooks cost more than the rest of a tile: until the trigger is first
 * pressed it is a plain button that says the same, then the popover takes its place, open.
 */
const MoveMenu = ({ cardId, label }: { cardId: string; label: string }) => {
  const [isWanted, setIsWanted] = useState(false);
  if (isWanted) {
    return (
      <Popover label={label} icon="⋯" isInitiallyOpen>
        {(close) => <MoveControls cardId={cardId} onMoved={close} />}
      </Popover>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm btn-icon menu-trigger"
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={(event) => {
        // Its click is its own, as the popover trigger's is, not the tile's.
        event.stopPropagation();
        event.preventDefault();
        setIsWanted(true);
      }}
    >
      <span aria-hidden="true">⋯</span>
    </button>
  );
};

/**
 * A card on the board. Writers drag it with the pointer anywhere on the tile (after a few pixels, so
 * a click still opens it) or with the keyboard from its handle (Space to pick up, arrows, Space to
 * drop). Visitors get no handle, no listeners and no menu.
 */
export const CardTile = memo(
  ({
    card,
    href,
    isOpen,
    isPending,
    isArriving,
    canWrite,
    viewers,
    style,
    index,
    measureRef,
  }: CardTileProps) => {
    const { t } = useTranslator();
    const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
      useSortable({ id: card.id, data: { kind: "card", statusId: card.statusId }, disabled: !canWrite });
    const ref = useCallback(
      (node: HTMLLIElement | null) => {
        setNodeRef(node);
        measureRef?.(node);
      },
      [setNodeRef, measureRef],
    );
    const className = [
      "card-tile",
      isOpen ? "is-open" : "",
      isPending ? "is-pending" : "",
      isDragging ? "is-dragging" : "",
      isArriving ? "is-arriving" : "",
    ]
      .filter(Boolean)
      .join(" ");
    return (
      <li
        ref={ref}
        className={className}
        data-card-id={card.id}
        data-index={index}
        style={{ ...style, transform: CSS.Translate.toString(transform), transition }}
        onPointerDown={canWrite ? (listeners?.onPointerDown as PointerEventHandler | undefined) : undefined}
      >
        <CardBody card={card} href={href} isOpen={isOpen} />
        {viewers && viewers.length > 0 ? <Viewers viewers={viewers} /> : null}
        {canWrite ? (
          <div className="card-tile-actions">
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="card-drag-handle"
              {...attributes}
              aria-roledescription={t("board.card.dragRole")}
              aria-label={t("board.card.drag", { name: card.name })}
              onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
            >
              <span aria-hidden="true">⠿</span>
            </button>
            <MoveMenu cardId={card.id} label={t("board.card.move", { name: card.name })} />
          </div>
        ) : null}
      </li>
    );
  },
);
CardTile.displayName = "CardTile";

/** What follows the pointer while a card is dragged. */
export const CardDragPreview = ({ card }: { card: Card }) => (
  <div className="card-tile card-drag-preview">
    <span className="card-tile-link">
      <span className="card-tile-name">{card.name}</span>
    </span>
  </div>
);
