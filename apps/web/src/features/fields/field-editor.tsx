/**
 * Editing one card's value of one custom field: a select for single choice and person, toggles for
 * multiple choice, an input for text, number, date and link that saves when it loses focus or on
 * Enter. The same editor serves the card panel and the List's cells.
 */
import type { CustomField, FieldValue, Member } from "@lattice/domain";
import { useEffect, useState } from "react";
import "./fields.css";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { chosenOptions, fieldValueText, parseTypedValue } from "./field-values";

interface FieldEditorProps {
  field: CustomField;
  value: FieldValue | undefined;
  people: readonly Member[];
  canWrite: boolean;
  /** Accessible name of the control, e.g. "Ward of Bed 4". */
  label: string;
  onChange: (value: FieldValue | null) => void;
}

const inputTypes = { text: "text", number: "text", date: "date", link: "url" } as const;

const TypedInput = ({ field, value, label, onChange }: Omit<FieldEditorProps, "people" | "canWrite">) => {
  const shown = value === undefined ? "" : String(value);
  const [typed, setTyped] = useState(shown);
  useEffect(() => setTyped(shown), [shown]);
  const kind = field.kind as keyof typeof inputTypes;
  const save = () => {
    const parsed = parseTypedValue(field.kind, typed);
    if (parsed === "invalid") {
      toast.error(translate("fields.editor.notNumber", { name: field.name }));
      setTyped(shown);
      return;
    }
    if ((parsed ?? "") === (value ?? "")) return;
    onChange(parsed);
  };
  return (
    <input
      className="input field-input"
      type={inputTypes[kind]}
      inputMode={field.kind === "number" ? "decimal" : undefined}
      aria-label={label}
      value={typed}
      placeholder={field.kind === "link" ? "https://" : ""}
      onChange={(e) => setTyped(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") setTyped(shown);
      }}
    />
  );
};

export const FieldEditor = ({ field, value, people, canWrite, label, onChange }: FieldEditorProps) => {
  const { t } = useTranslator();
  const nameOf = (id: string) => people.find((m) => m.userId === id)?.name ?? t("fields.formerMember");
  if (!canWrite) {
    const text = fieldValueText(field, value, nameOf);
    if (field.kind === "link" && typeof value === "string") {
      return (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {value}
        </a>
      );
    }
    return <span className={text ? "" : "muted"}>{text || "—"}</span>;
  }
  switch (field.kind) {
    case "single_choice":
    case "person": {
      const current = typeof value === "string" ? value : "";
      const isKnown =
        current === "" ||
        (field.kind === "person"
          ? people.some((m) => m.userId === current)
          : field.options.some((o) => o.id === current));
      return (
        <select
          className="input select field-input"
          aria-label={label}
          value={current}
          onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        >
          <option value="">—</option>
          {field.kind === "person"
            ? people.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))
            : field.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          {isKnown ? null : <option value={current}>{t("fields.formerMember")}</option>}
        </select>
      );
    }
    case "multi_choice": {
      const chosen = new Set(chosenOptions(field, value).map((o) => o.id));
      return (
        <fieldset className="field-multi">
          <legend className="visually-hidden">{label}</legend>
          {field.options.map((o) => (
            <label key={o.id} className="field-multi-option" style={{ ["--label" as string]: o.color }}>
              <input
                type="checkbox"
                checked={chosen.has(o.id)}
                onChange={(e) => {
                  const next = field.options
                    .filter((x) => (x.id === o.id ? e.target.checked : chosen.has(x.id)))
                    .map((x) => x.id);
                  onChange(next.length > 0 ? next : null);
                }}
              />
              {o.name}
            </label>
          ))}
        </fieldset>
      );
    }
    default:
      return <TypedInput field={field} value={value} label={label} onChange={onChange} />;
  }
};
