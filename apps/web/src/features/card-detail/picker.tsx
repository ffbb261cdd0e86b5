/**
 * A trigger button with a searchable list in a layer above the page (kept on screen, never cut by the
 * card panel's edge); Escape or a click outside closes it.
 */
import { type ReactNode, useId, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { LayerPanel, LayerTree, useLayer } from "../../ui/layer";

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

const PickerInner = ({
  label,
  trigger,
  placeholder,
  options,
  onPick,
  isMulti = false,
  empty,
  footer,
  onQuery,
}: PickerProps) => {
  const { t } = useTranslator();
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const handleOpenChange = (open: boolean) => {
    setIsOpen(open);
    if (open) return;
    setQuery("");
    setActive(0);
    onQuery?.("");
  };
  const layer = useLayer({ isOpen, onOpenChange: handleOpenChange, role: "dialog" });
  const close = () => handleOpenChange(false);
  const list = isOpen ? options(query) : [];
  const pick = (id: string) => {
    onPick(id);
    if (!isMulti) close();
  };

  return (
    <div className="picker">
      <button
        ref={layer.floating.refs.setReference}
        type="button"
        className="btn btn-ghost btn-sm"
        {...layer.interactions.getReferenceProps({ onKeyDown: layer.handleEscape })}
      >
        {trigger}
      </button>
      <LayerPanel layer={layer} className="picker-panel" label={label}>
        <input
          className="input"
          type="search"
          aria-label={label}
          aria-controls={listId}
          placeholder={placeholder ?? t("card.picker.search")}
          value={query}
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
          {list.length === 0 ? <li className="coord-muted">{empty ?? t("card.picker.noMatch")}</li> : null}
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
      </LayerPanel>
    </div>
  );
};

export const Picker = (props: PickerProps) => (
  <LayerTree>
    <PickerInner {...props} />
  </LayerTree>
);
