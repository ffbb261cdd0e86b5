/** The card's labels as chips, a picker to set them (PATCH labelIds) and to create one for the space. */
import type { Card, Label } from "@lattice/domain";
import { useState } from "react";
import { describeError } from "../../api/client";
import { labelsApi, putLabel } from "../../api/labels";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { Picker } from "./picker";

/** The colours a new label may take, with the names a screen reader says for them. */
export const labelPalette = [
  { color: "#d1453b", name: "Red" },
  { color: "#e8853d", name: "Orange" },
  { color: "#d9a400", name: "Yellow" },
  { color: "#2f9e44", name: "Green" },
  { color: "#1f8a70", name: "Teal" },
  { color: "#1c7ed6", name: "Blue" },
  { color: "#4f46e5", name: "Indigo" },
  { color: "#9c36b5", name: "Purple" },
  { color: "#d6336c", name: "Pink" },
  { color: "#6b7280", name: "Grey" },
] as const;

const NewLabel = ({ spaceId, onCreated }: { spaceId: string; onCreated: (label: Label) => void }) => {
  const { t } = useTranslator();
  const [name, setName] = useState("");
  const [color, setColor] = useState<string>(labelPalette[5].color);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    if (!name.trim()) return setError(t("card.labels.nameIt"));
    try {
      const label = await labelsApi.create(spaceId, { name: name.trim(), color });
      putLabel(label);
      onCreated(label);
      setName("");
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="coord-form" style={{ marginTop: 8 }}>
      <label className="field-label" htmlFor="new-label-name">
        {t("card.labels.new")}
      </label>
      <input
        id="new-label-name"
        className="input"
        maxLength={60}
        placeholder={t("card.labels.name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void create();
          }
        }}
      />
      <fieldset className="label-picker-swatches">
        <legend className="visually-hidden">{t("card.labels.colour")}</legend>
        {labelPalette.map((c) => (
          <button
            key={c.color}
            type="button"
            className="label-swatch"
            style={{ background: c.color }}
            aria-label={t("card.labels.colourName", { colour: c.name })}
            title={t("card.labels.colourName", { colour: c.name })}
            aria-pressed={c.color === color}
            onClick={() => setColor(c.color)}
          />
        ))}
      </fieldset>
      {error ? <p className="coord-error">{error}</p> : null}
      <div className="coord-form-actions">
        <Button size="sm" variant="primary" onClick={() => void create()}>
          {t("card.labels.create")}
        </Button>
      </div>
    </div>
  );
};

export const LabelsField = ({
  card,
  labels,
  canWrite,
}: {
  card: Card;
  labels: Label[];
  canWrite: boolean;
}) => {
  const { t } = useTranslator();
  const updateCardFields = useBoard((s) => s.updateCardFields);
  const toggle = (labelId: string) => {
    const has = card.labelIds.includes(labelId);
    void updateCardFields(card.id, {
      labelIds: has ? card.labelIds.filter((id) => id !== labelId) : [...card.labelIds, labelId],
    });
  };
  const chosen = labels.filter((l) => card.labelIds.includes(l.id));
  return (
    <>
      <dt>{t("card.labels.title")}</dt>
      <dd className="coord-row" data-testid="labels">
        {chosen.length === 0 ? <span className="coord-muted">{t("common.none")}</span> : null}
        {chosen.map((l) => (
          <span key={l.id} className="label-chip" style={{ ["--label" as string]: l.color }}>
            {l.name}
          </span>
        ))}
        {canWrite ? (
          <Picker
            label={t("card.labels.choose")}
            trigger={t("card.labels.edit")}
            placeholder={t("card.labels.search")}
            isMulti
            options={(q) =>
              labels
                .filter((l) => l.name.toLowerCase().includes(q.trim().toLowerCase()))
                .map((l) => ({
                  id: l.id,
                  label: l.name,
                  icon: (
                    <span className="label-chip" style={{ ["--label" as string]: l.color, padding: 0 }} />
                  ),
                  isSelected: card.labelIds.includes(l.id),
                }))
            }
            onPick={toggle}
            empty={labels.length === 0 ? t("card.labels.noneInSpace") : t("card.labels.noMatch")}
            footer={() => <NewLabel spaceId={card.spaceId} onCreated={(label) => toggle(label.id)} />}
          />
        ) : null}
      </dd>
    </>
  );
};
