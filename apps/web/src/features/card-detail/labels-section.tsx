/** The card's labels as chips, a picker to set them (PATCH labelIds) and to create one for the space. */
import type { Card, Label } from "@lattice/domain";
import { useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { upsertLabel } from "./coordination-store";
import { Picker } from "./picker";

export const labelPalette = [
  "#d1453b",
  "#e8853d",
  "#d9a400",
  "#2f9e44",
  "#1f8a70",
  "#1c7ed6",
  "#4f46e5",
  "#9c36b5",
  "#d6336c",
  "#6b7280",
];

const NewLabel = ({ spaceId, onCreated }: { spaceId: string; onCreated: (label: Label) => void }) => {
  const [name, setName] = useState("");
  const [color, setColor] = useState(labelPalette[5] as string);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    if (!name.trim()) return setError("Give the label a name.");
    try {
      const label = await coordinationApi.createLabel(spaceId, { name: name.trim(), color });
      upsertLabel(label);
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
        New label
      </label>
      <input
        id="new-label-name"
        className="input"
        maxLength={60}
        placeholder="Name"
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
        <legend className="visually-hidden">Colour</legend>
        {labelPalette.map((c) => (
          <button
            key={c}
            type="button"
            className="label-swatch"
            style={{ background: c }}
            aria-label={`Colour ${c}`}
            aria-pressed={c === color}
            onClick={() => setColor(c)}
          />
        ))}
      </fieldset>
      {error ? <p className="coord-error">{error}</p> : null}
      <div className="coord-form-actions">
        <Button size="sm" variant="primary" onClick={() => void create()}>
          Create label
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
      <dt>Labels</dt>
      <dd className="coord-row" data-testid="labels">
        {chosen.length === 0 ? <span className="coord-muted">None</span> : null}
        {chosen.map((l) => (
          <span key={l.id} className="label-chip" style={{ ["--label" as string]: l.color }}>
            {l.name}
          </span>
        ))}
        {canWrite ? (
          <Picker
            label="Choose labels"
            trigger="Edit"
            placeholder="Search labels…"
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
            empty={labels.length === 0 ? "This space has no labels yet." : "No label matches."}
            footer={() => <NewLabel spaceId={card.spaceId} onCreated={(label) => toggle(label.id)} />}
          />
        ) : null}
      </dd>
    </>
  );
};
