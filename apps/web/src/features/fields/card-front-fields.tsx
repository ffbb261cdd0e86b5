/** The values of the fields shown on the card front: choices as coloured chips, the rest as "Name: value". */
import { type Card, orderedFields } from "@lattice/domain";
import { memo, useMemo } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { useMembers } from "../card-detail/coordination-store";
import { chosenOptions, fieldValueText } from "./field-values";
import "./fields.css";

export const CardFrontFields = memo(({ card }: { card: Card }) => {
  const { t } = useTranslator();
  const fieldsById = useBoard((s) => s.view.fields);
  const values = useBoard((s) => s.view.fieldValues?.[card.id]);
  const members = useMembers(card.workspaceId);
  const shown = useMemo(
    () => orderedFields({ fields: fieldsById ?? {} }).filter((f) => f.showOnCard),
    [fieldsById],
  );
  if (!values || shown.length === 0) return null;
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? t("fields.formerMember");
  const items = shown.flatMap((field) => {
    const value = values[field.id];
    if (value === undefined) return [];
    if (field.kind === "single_choice" || field.kind === "multi_choice") {
      return chosenOptions(field, value).map((o) => (
        <span
          key={`${field.id}-${o.id}`}
          className="label-chip label-chip-sm"
          style={{ ["--label" as string]: o.color }}
          title={field.name}
        >
          <span className="visually-hidden">{field.name}: </span>
          {o.name}
        </span>
      ));
    }
    return [
      <span key={field.id} className="card-front-field">
        <span className="card-front-field-name">{field.name}:</span> {fieldValueText(field, value, nameOf)}
      </span>,
    ];
  });
  if (items.length === 0) return null;
  return <span className="card-front-fields">{items}</span>;
});
CardFrontFields.displayName = "CardFrontFields";
