/** A menu of actions and a popover of controls, both drawn in a layer above the page (see layer.tsx). */
import { type ReactNode, useRef, useState } from "react";
import { LayerPanel, LayerTree, useLayer } from "./layer";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  isDanger?: boolean;
  isDisabled?: boolean;
}

interface MenuProps {
  /** Accessible name of the trigger, e.g. "Actions for Roadmap". */
  label: string;
  items: Array<MenuItem | "separator">;
  icon?: ReactNode;
  align?: "start" | "end";
}

const MenuInner = ({ label, items, icon = "⋯", align = "end" }: MenuProps) => {
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const listRef = useRef<Array<HTMLElement | null>>([]);
  const actions = items.filter((item): item is MenuItem => item !== "separator");
  const layer = useLayer({
    isOpen,
    onOpenChange: setIsOpen,
    role: "menu",
    placement: align === "end" ? "bottom-end" : "bottom-start",
    list: {
      listRef,
      activeIndex,
      onNavigate: setActiveIndex,
      disabledIndices: actions.flatMap((item, index) => (item.isDisabled ? [index] : [])),
    },
  });
  const { getReferenceProps, getItemProps } = layer.interactions;
  if (actions.length === 0) return null;

  let actionIndex = -1;
  return (
    <>
      <button
        ref={layer.floating.refs.setReference}
        type="button"
        className="btn btn-ghost btn-sm btn-icon menu-trigger"
        aria-label={label}
        {...getReferenceProps({
          onClick: (event: React.MouseEvent) => {
            // The trigger sits inside links and draggable rows: its click is its own.
            event.stopPropagation();
            event.preventDefault();
          },
          onKeyDown: layer.handleEscape,
        })}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      <LayerPanel layer={layer} className="menu-list" label={label}>
        {items.map((item, index) => {
          if (item === "separator") {
            // biome-ignore lint/suspicious/noArrayIndexKey: separators have no identity
            return <hr key={`sep-${index}`} className="menu-separator" />;
          }
          actionIndex += 1;
          const position = actionIndex;
          return (
            <button
              key={item.label}
              ref={(node) => {
                listRef.current[position] = node;
              }}
              type="button"
              role="menuitem"
              tabIndex={activeIndex === position ? 0 : -1}
              className={`menu-item${item.isDanger ? " menu-item-danger" : ""}`}
              disabled={item.isDisabled}
              {...getItemProps({
                onClick: () => {
                  setIsOpen(false);
                  item.onSelect();
                },
              })}
            >
              {item.label}
            </button>
          );
        })}
      </LayerPanel>
    </>
  );
};

/** A small action menu: a trigger button and a list of actions, operable with arrows, Enter and Escape. */
export const Menu = (props: MenuProps) => (
  <LayerTree>
    <MenuInner {...props} />
  </LayerTree>
);

interface PopoverProps {
  label: string;
  icon?: ReactNode;
  align?: "start" | "end";
  /** The trigger's look; an icon button by default. */
  triggerClassName?: string;
  /** Extra text for the trigger beside the icon (e.g. "Filter"). */
  text?: ReactNode;
  panelClassName?: string;
  /** The trigger's accessible name when it shows text (`label` names the open panel). */
  triggerLabel?: string;
  /** Open from the start (a trigger that stood in for this popover until it was first pressed). */
  isInitiallyOpen?: boolean;
  children: (close: () => void) => ReactNode;
}

const PopoverInner = ({
  label,
  icon = "⋯",
  align = "end",
  triggerClassName = "btn btn-ghost btn-sm btn-icon menu-trigger",
  text,
  panelClassName = "",
  triggerLabel,
  isInitiallyOpen = false,
  children,
}: PopoverProps) => {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const layer = useLayer({
    isOpen,
    onOpenChange: setIsOpen,
    role: "dialog",
    placement: align === "end" ? "bottom-end" : "bottom-start",
  });
  return (
    <>
      <button
        ref={layer.floating.refs.setReference}
        type="button"
        className={triggerClassName}
        aria-label={text ? triggerLabel : label}
        {...layer.interactions.getReferenceProps({
          onClick: (event: React.MouseEvent) => {
            event.stopPropagation();
            event.preventDefault();
          },
          onKeyDown: layer.handleEscape,
        })}
      >
        <span aria-hidden="true">{icon}</span>
        {text}
      </button>
      <LayerPanel layer={layer} className={`menu-list popover-panel ${panelClassName}`} label={label}>
        {children(() => setIsOpen(false))}
      </LayerPanel>
    </>
  );
};

/** A trigger with free-form content (controls, not just actions). Escape or a click outside closes it. */
export const Popover = (props: PopoverProps) => (
  <LayerTree>
    <PopoverInner {...props} />
  </LayerTree>
);
