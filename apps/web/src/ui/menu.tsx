import { type ReactNode, useEffect, useId, useRef, useState } from "react";

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

/** A small action menu: a trigger button and a list of actions, keyboard-operable. */
export const Menu = ({ label, items, icon = "⋯", align = "end" }: MenuProps) => {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    listRef.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen]);

  const handleKeyDown = (event: React.KeyboardEvent) => {
    if (!isOpen) return;
    if (event.key === "Escape") {
      event.stopPropagation();
      setIsOpen(false);
      triggerRef.current?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const buttons = Array.from(
      listRef.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [],
    );
    const active = document.activeElement;
    const index = active instanceof HTMLButtonElement ? buttons.indexOf(active) : -1;
    const next = event.key === "ArrowDown" ? index + 1 : index - 1;
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  const enabled = items.filter((item) => item !== "separator");
  if (enabled.length === 0) return null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys and Escape for the menu's items
    <div className="menu" ref={rootRef} onKeyDown={handleKeyDown}>
      <button
        ref={triggerRef}
        type="button"
        className="btn btn-ghost btn-sm btn-icon menu-trigger"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? id : undefined}
        onClick={(event) => {
          event.stopPropagation();
          event.preventDefault();
          setIsOpen((open) => !open);
        }}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {isOpen ? (
        <div ref={listRef} id={id} role="menu" className={`menu-list menu-${align}`}>
          {items.map((item, index) =>
            item === "separator" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: separators have no identity
              <hr key={`sep-${index}`} className="menu-separator" />
            ) : (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                className={`menu-item${item.isDanger ? " menu-item-danger" : ""}`}
                disabled={item.isDisabled}
                onClick={(event) => {
                  event.stopPropagation();
                  event.preventDefault();
                  setIsOpen(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
};

interface PopoverProps {
  label: string;
  icon?: ReactNode;
  align?: "start" | "end";
  children: (close: () => void) => ReactNode;
}

/** A trigger with free-form content (controls, not just actions). Escape or a click outside closes it. */
export const Popover = ({ label, icon = "⋯", align = "end", children }: PopoverProps) => {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    rootRef.current?.querySelector<HTMLElement>(".popover-panel select, .popover-panel button")?.focus();
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    triggerRef.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape handling for the popover's contents
    <div
      className="menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (isOpen && event.key === "Escape") {
          event.stopPropagation();
          close();
        }
      }}
      onClick={(event) => event.stopPropagation()}
    >
      <button
        ref={triggerRef}
        type="button"
        className="btn btn-ghost btn-sm btn-icon menu-trigger"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={isOpen ? id : undefined}
        onClick={(event) => {
          event.preventDefault();
          setIsOpen((open) => !open);
        }}
      >
        <span aria-hidden="true">{icon}</span>
      </button>
      {isOpen ? (
        <div id={id} role="dialog" aria-label={label} className={`menu-list popover-panel menu-${align}`}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
};
