import type { CardTemplate } from "@lattice/domain";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { describeError } from "../../api/client";
import { createCardFromTemplate, listCardTemplates } from "../../api/templates";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";

const noTemplates: CardTemplate[] = [];

/** The space's card templates, read when an add-card form opens (none until they arrive). */
const useCardTemplates = (spaceId: string | null, isOpen: boolean): CardTemplate[] => {
  const [templates, setTemplates] = useState<CardTemplate[]>(noTemplates);
  useEffect(() => {
    if (!isOpen || !spaceId) return;
    let isCurrent = true;
    listCardTemplates(spaceId).then(
      (items) => {
        if (isCurrent) setTemplates(items);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [spaceId, isOpen]);
  return templates;
};

interface AddCardFormProps {
  statusId: string;
  statusName: string;
  at: "top" | "bottom";
  isInitiallyOpen?: boolean;
  onClose?: () => void;
}

/** "Add card" at the top or bottom of a column: stays open after adding so several go in quickly. */
export const AddCardForm = ({
  statusId,
  statusName,
  at,
  isInitiallyOpen = false,
  onClose,
}: AddCardFormProps) => {
  const { t } = useTranslator();
  const createCard = useBoard((s) => s.createCard);
  const spaceId = useBoard((s) => s.spaceId);
  const [isOpen, setIsOpenState] = useState(isInitiallyOpen);
  const templates = useCardTemplates(spaceId, isOpen);
  const [templateId, setTemplateId] = useState("");
  const template = templates.find((item) => item.id === templateId) ?? null;
  const setIsOpen = (value: boolean) => {
    setIsOpenState(value);
    if (!value) onClose?.();
  };
  const [name, setName] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = name.trim();
    if (template) {
      // From a card template: the server adds its to-dos, labels and people; the events bring the card.
      createCardFromTemplate(template.id, { ...(trimmed ? { name: trimmed } : {}), statusId, at }).then(
        ({ notes }) => {
          for (const note of notes) toast.info(note);
        },
        (error: unknown) => toast.error(t("board.addCard.failed", { reason: describeError(error) })),
      );
      setName("");
      inputRef.current?.focus();
      return;
    }
    if (!trimmed) return;
    void createCard({ name: trimmed, statusId, at });
    setName("");
    inputRef.current?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      handleSubmit();
    }
    if (event.key === "Escape") {
      event.stopPropagation();
      setIsOpen(false);
      setName("");
    }
  };

  if (!isOpen) {
    return (
      <button type="button" className="add-card-button" onClick={() => setIsOpen(true)}>
        <span aria-hidden="true">+</span> {t("board.addCard.button")}
      </button>
    );
  }
  return (
    <form className={`add-card-form add-card-form-${at}`} onSubmit={handleSubmit}>
      <label className="visually-hidden" htmlFor={`add-card-${at}-${statusId}`}>
        {t(at === "top" ? "board.addCard.labelTop" : "board.addCard.labelBottom", { name: statusName })}
      </label>
      <textarea
        id={`add-card-${at}-${statusId}`}
        ref={inputRef}
        className="input textarea add-card-input"
        placeholder={
          template
            ? t("board.addCard.templatePlaceholder", { name: template.name })
            : t("board.addCard.placeholder")
        }
        rows={2}
        maxLength={500}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={handleKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to type a card
        autoFocus
      />
      {templates.length > 0 ? (
        <select
          className="input select add-card-template"
          aria-label={t("board.addCard.template")}
          value={templateId}
          onChange={(e) => setTemplateId(e.target.value)}
        >
          <option value="">{t("board.addCard.noTemplate")}</option>
          {templates.map((item) => (
            <option key={item.id} value={item.id}>
              {t("board.addCard.templateOption", { name: item.name })}
            </option>
          ))}
        </select>
      ) : null}
      <div className="add-card-actions">
        <Button variant="primary" size="sm" type="submit" disabled={!name.trim() && !template}>
          {t("board.addCard.button")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setIsOpen(false);
            setName("");
          }}
        >
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
};
