/**
 * Owners define a space's custom fields here: add (name, kind, options for choice kinds, shown on
 * the card front), rename, reorder, change options and colours, delete after confirming. Every
 * change goes through the board store, so the board, List and panel follow at once and live.
 */
import {
  type CustomField,
  type FieldKind,
  type FieldOptionInput,
  fieldKinds,
  fieldLimits,
  isChoiceKind,
  orderedFields,
} from "@lattice/domain";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { Input, Select } from "../../ui/input";
import { fieldKindLabels, optionPalette } from "../fields/field-values";
import "../fields/fields.css";

const OptionsEditor = ({ field }: { field: CustomField }) => {
  const updateField = useBoard((s) => s.updateField);
  const [newName, setNewName] = useState("");
  const { t } = useTranslator();
  const save = (options: FieldOptionInput[]) => void updateField(field.id, { options });
  const current = (): FieldOptionInput[] =>
    field.options.map((o) => ({ id: o.id, name: o.name, color: o.color }));

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const color = optionPalette[field.options.length % optionPalette.length] ?? "#1f8a70";
    save([...current(), { name, color }]);
    setNewName("");
  };

  return (
    <div className="field-options">
      <ul
        className="field-option-list"
        aria-label={t("spaceSettings.fields.optionsOf", { name: field.name })}
      >
        {field.options.map((option, index) => (
          <li key={option.id} className="field-option">
            <input
              type="color"
              className="field-option-color"
              aria-label={t("spaceSettings.fields.colourOf", { name: option.name })}
              value={option.color}
              onChange={(e) =>
                save(current().map((o, i) => (i === index ? { ...o, color: e.target.value } : o)))
              }
            />
            <span className="field-option-name">{option.name}</span>
            {field.options.length > 1 ? (
              <button
                type="button"
                className="field-option-remove"
                aria-label={t("spaceSettings.fields.removeOption", { name: option.name })}
                onClick={() => save(current().filter((_, i) => i !== index))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="field-option-add" onSubmit={handleAdd}>
        <Input
          className="field-option-input"
          aria-label={t("spaceSettings.fields.newOptionOf", { name: field.name })}
          placeholder={t("spaceSettings.fields.addOption")}
          value={newName}
          maxLength={fieldLimits.nameMax}
          onChange={(e) => setNewName(e.target.value)}
        />
      </form>
    </div>
  );
};

const FieldRow = ({
  field,
  previous,
  next,
  onDelete,
}: {
  field: CustomField;
  previous: CustomField | undefined;
  next: CustomField | undefined;
  onDelete: (field: CustomField) => void;
}) => {
  const updateField = useBoard((s) => s.updateField);
  const [name, setName] = useState(field.name);
  const { t } = useTranslator();
  useEffect(() => setName(field.name), [field.name]);

  const handleNameBlur = () => {
    const trimmed = name.trim();
    if (!trimmed) setName(field.name);
    else if (trimmed !== field.name) void updateField(field.id, { name: trimmed });
  };

  return (
    <li className="field-row">
      <div className="field-row-main">
        <fieldset className="button-group">
          <legend className="visually-hidden">
            {t("spaceSettings.fields.orderOf", { name: field.name })}
          </legend>
          <Button
            size="sm"
            variant="ghost"
            isIcon
            aria-label={t("spaceSettings.fields.moveUp", { name: field.name })}
            disabled={!previous}
            onClick={() => previous && void updateField(field.id, { beforeId: previous.id })}
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            isIcon
            aria-label={t("spaceSettings.fields.moveDown", { name: field.name })}
            disabled={!next}
            onClick={() => next && void updateField(field.id, { afterId: next.id })}
          >
            ↓
          </Button>
        </fieldset>
        <Input
          className="field-grow"
          aria-label={t("spaceSettings.fields.name")}
          value={name}
          maxLength={fieldLimits.nameMax}
          onChange={(e) => setName(e.target.value)}
          onBlur={handleNameBlur}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.currentTarget.blur();
          }}
        />
        <span className="field-row-kind muted">{fieldKindLabels[field.kind]}</span>
        <label className="field-row-front">
          <input
            type="checkbox"
            checked={field.showOnCard}
            onChange={(e) => void updateField(field.id, { showOnCard: e.target.checked })}
          />
          {t("spaceSettings.fields.onCardFront")}
        </label>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("spaceSettings.fields.deleteNamed", { name: field.name })}
          onClick={() => onDelete(field)}
        >
          {t("common.delete")}
        </Button>
      </div>
      {isChoiceKind(field.kind) ? <OptionsEditor field={field} /> : null}
    </li>
  );
};

/** Splits "Cardiology, Oncology" into options with colours from the palette. */
const optionsFromText = (text: string): FieldOptionInput[] =>
  [...new Set(text.split(",").map((part) => part.trim()))]
    .filter((name) => name !== "")
    .map((name, index) => ({ name, color: optionPalette[index % optionPalette.length] ?? "#1f8a70" }));

export const FieldsDialog = ({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) => {
  const fieldsById = useBoard((s) => s.view.fields);
  const createField = useBoard((s) => s.createField);
  const deleteField = useBoard((s) => s.deleteField);
  const fields = useMemo(() => orderedFields({ fields: fieldsById ?? {} }), [fieldsById]);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<FieldKind>("single_choice");
  const [optionsText, setOptionsText] = useState("");
  const [showOnCard, setShowOnCard] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const { t } = useTranslator();

  const handleAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const options = isChoiceKind(kind) ? optionsFromText(optionsText) : [];
    if (isChoiceKind(kind) && options.length === 0) {
      setError(t("spaceSettings.fields.choicesMissing"));
      return;
    }
    setError(null);
    const created = await createField({ name: name.trim(), kind, showOnCard, options });
    if (created) {
      setName("");
      setOptionsText("");
    }
  };

  return (
    <>
      <Dialog
        isOpen={isOpen}
        title={t("spaceSettings.fields.title")}
        description={t("spaceSettings.fields.description")}
        onClose={onClose}
        size="lg"
        footer={
          <Button variant="primary" onClick={onClose}>
            {t("common.done")}
          </Button>
        }
      >
        {fields.length === 0 ? <p className="muted">{t("spaceSettings.fields.empty")}</p> : null}
        <ol className="field-list">
          {fields.map((field, index) => (
            <FieldRow
              key={field.id}
              field={field}
              previous={fields[index - 1]}
              next={fields[index + 1]}
              onDelete={setDeleting}
            />
          ))}
        </ol>
        <form className="status-add" onSubmit={(e) => void handleAdd(e)}>
          <h3 className="status-add-title">{t("spaceSettings.fields.addTitle")}</h3>
          <div className="field-add">
            <Input
              className="field-grow"
              aria-label={t("spaceSettings.fields.newName")}
              placeholder={t("spaceSettings.fields.newNamePlaceholder")}
              value={name}
              maxLength={fieldLimits.nameMax}
              onChange={(e) => setName(e.target.value)}
            />
            <Select
              aria-label={t("spaceSettings.fields.newKind")}
              value={kind}
              onChange={(e) => setKind(e.target.value as FieldKind)}
            >
              {fieldKinds.map((k) => (
                <option key={k} value={k}>
                  {fieldKindLabels[k]}
                </option>
              ))}
            </Select>
            {isChoiceKind(kind) ? (
              <Input
                className="field-grow"
                aria-label={t("spaceSettings.fields.newChoices")}
                aria-invalid={error ? true : undefined}
                placeholder={t("spaceSettings.fields.choicesPlaceholder")}
                value={optionsText}
                onChange={(e) => setOptionsText(e.target.value)}
              />
            ) : null}
            <label className="field-row-front">
              <input type="checkbox" checked={showOnCard} onChange={(e) => setShowOnCard(e.target.checked)} />
              {t("spaceSettings.fields.onCardFront")}
            </label>
            <Button type="submit" variant="primary">
              {t("spaceSettings.fields.add")}
            </Button>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      </Dialog>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t("spaceSettings.fields.deleteTitle", { name: deleting?.name ?? "" })}
        message={t("spaceSettings.fields.deleteMessage")}
        confirmLabel={t("spaceSettings.fields.deleteConfirm")}
        onConfirm={() => {
          if (deleting) void deleteField(deleting.id);
          setDeleting(null);
        }}
        onClose={() => setDeleting(null)}
      />
    </>
  );
};
