/** How custom field values read and are typed in, shared by the card front, panel, List and CSV (pure). */
import type { CustomField, FieldKind, FieldValue } from "@lattice/domain";
import { type MessageKey, translate } from "../../lib/i18n/i18n";

/** The message of each field kind's name. */
export const fieldKindKeys: Record<FieldKind, MessageKey> = {
  text: "fields.kind.text",
  number: "fields.kind.number",
  date: "fields.kind.date",
  single_choice: "fields.kind.singleChoice",
  multi_choice: "fields.kind.multiChoice",
  person: "fields.kind.person",
  link: "fields.kind.link",
};

/** Each field kind's name in the current language, read when used (screens not yet on `t` keep working). */
export const fieldKindLabels: Readonly<Record<FieldKind, string>> = Object.defineProperties(
  {} as Record<FieldKind, string>,
  Object.fromEntries(
    Object.entries(fieldKindKeys).map(([kind, key]) => [
      kind,
      { enumerable: true, get: () => translate(key) },
    ]),
  ),
);

/** Colours new options take in turn (owners change them afterwards). */
export const optionPalette = [
  "#1f8a70",
  "#c92a2a",
  "#1971c2",
  "#e67700",
  "#862e9c",
  "#2b8a3e",
  "#5f3dc4",
  "#495057",
] as const;

/** The options a value names, in the field's order (unknown ids are left out). */
export const chosenOptions = (field: CustomField, value: FieldValue | undefined) => {
  const ids = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return field.options.filter((o) => ids.includes(o.id));
};

/** A value as plain text ("" for none): option names joined, a person's name, the number as typed. */
export const fieldValueText = (
  field: CustomField,
  value: FieldValue | undefined,
  personName: (userId: string) => string,
): string => {
  if (value === undefined) return "";
  switch (field.kind) {
    case "single_choice":
    case "multi_choice":
      return chosenOptions(field, value)
        .map((o) => o.name)
        .join(", ");
    case "person":
      return typeof value === "string" ? personName(value) : "";
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
};

/**
 * What a person typed into a text, number, date or link input, as the value to send: null clears
 * it; "invalid" for a number that is not one (the domain checks the rest and says why).
 */
export const parseTypedValue = (kind: FieldKind, typed: string): FieldValue | null | "invalid" => {
  const text = typed.trim();
  if (text === "") return null;
  if (kind === "number") {
    const n = Number(text.replace(",", "."));
    return Number.isFinite(n) ? n : "invalid";
  }
  return text;
};

/** Sorts two values of a field for the List (numbers by size, others by their text). */
export const compareFieldValues = (
  field: CustomField,
  a: FieldValue | undefined,
  b: FieldValue | undefined,
  personName: (userId: string) => string,
  collator: Intl.Collator,
): number => {
  if (field.kind === "number" && typeof a === "number" && typeof b === "number") return a - b;
  if (field.kind === "single_choice" || field.kind === "multi_choice") {
    const rank = (v: FieldValue | undefined) => {
      const first = chosenOptions(field, v)[0];
      return first ? field.options.indexOf(first) : Number.POSITIVE_INFINITY;
    };
    return rank(a) - rank(b);
  }
  return collator.compare(fieldValueText(field, a, personName), fieldValueText(field, b, personName));
};
