/** A trigger button with a searchable list under it; Escape or a click outside closes it. */
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface PickerOption {
  id: string;
  label: string;
  hint?: string;
  icon?: ReactNode;
  isSelected?: boolean;
}

interface PickerProps {
  label: string;
  trigger: ReactNode;
  placeholder?: string;
  /** Options for the query (filter them, or fetch them). */
  options: (query: string) => PickerOption[];
  onPick: (id: string) => void;
  /** Keep open after a pick (multi-select). */
  isMulti?: boolean;
  empty?: string;
  footer?: (close: () => void) => ReactNode;
  onQuery?: (query: string) => void;
}

export const Picker = ({
  label,
  trigger,
  placeholder = "Search…",
  options,
  onPick,
  isMulti = false,
  empty = "No match.",
  footer,
  onQuery,
}: PickerProps) => {
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    setQuery("");
    onQuery?.("");
    triggerRef.current?.focus();
  };
  const list = isOpen ? options(query) : [];
  const pick = (id: string) => {
    onPick(id);
    if (!isMulti) close();
  };

  return (
    <div className="picker" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="btn btn-ghost btn-sm"
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        {trigger}
      </button>
      {isOpen ? (
        <div
          className="picker-panel"
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            // Wherever focus is inside (the search, an option just picked), Escape closes this list only.
            if (e.key !== "Escape") return;
            e.stopPropagation();
            e.preventDefault();
            close();
          }}
        >
          <input
            className="input"
            type="search"
            aria-label={label}
            aria-controls={listId}
            placeholder={placeholder}
            value={query}
            // biome-ignore lint/a11y/noAutofocus: the person just opened the picker to type
            autoFocus
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              onQuery?.(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((a) => Math.min(a + 1, list.length - 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === "Enter") {
                e.preventDefault();
                const option = list[active];
                if (option) pick(option.id);
              }
            }}
          />
          <ul className="picker-list" id={listId} aria-label={label}>
            {list.length === 0 ? <li className="coord-muted">{empty}</li> : null}
            {list.map((option, index) => (
              <li key={option.id}>
                <button
                  type="button"
                  aria-pressed={option.isSelected ?? false}
                  className={`picker-option${index === active ? " is-active" : ""}`}
                  onClick={() => pick(option.id)}
                  onMouseEnter={() => setActive(index)}
                >
                  {option.icon}
                  <span>
                    {option.label}
                    {option.hint ? <small>{option.hint}</small> : null}
                  </span>
                  {option.isSelected ? (
                    <span className="picker-check" aria-hidden="true">
                      ✓
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
          {footer ? footer(close) : null}
        </div>
      ) : null}
    </div>
  );
};
