/**
 * Card templates of a space: the ones saved from cards or made here from scratch (name, description,
 * to-dos one per line). The add-card control of every column offers them; their makers and the
 * space's owners delete them.
 */
import type { CardTemplate } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { createCardTemplate, deleteCardTemplate, listCardTemplates } from "../../api/templates";
import { useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Input, Textarea } from "../../ui/input";
import "./templates.css";

interface CardTemplatesDialogProps {
  isOpen: boolean;
  spaceId: string;
  onClose: () => void;
}

export const CardTemplatesDialog = ({ isOpen, spaceId, onClose }: CardTemplatesDialogProps) => {
  const [templates, setTemplates] = useState<CardTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [todos, setTodos] = useState("");
  const [isSaving, setIsSaving] = useState(false);
  const { t } = useTranslator();

  const load = useCallback(async () => {
    setError(null);
    try {
      setTemplates(await listCardTemplates(spaceId));
    } catch (err) {
      setError(describeError(err));
    }
  }, [spaceId]);

  useEffect(() => {
    if (isOpen) void load();
  }, [isOpen, load]);

  const handleCreate = async () => {
    if (!name.trim()) return;
    setIsSaving(true);
    try {
      const { notes } = await createCardTemplate(spaceId, {
        name: name.trim(),
        description,
        todos: todos
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line !== ""),
      });
      for (const note of notes) toast.info(note);
      setName("");
      setDescription("");
      setTodos("");
      await load();
    } catch (err) {
      toast.error(t("templates.card.createFailed", { reason: describeError(err) }));
    } finally {
      setIsSaving(false);
    }
  };

  const handleDelete = async (template: CardTemplate) => {
    try {
      await deleteCardTemplate(template.id);
      await load();
    } catch (err) {
      toast.error(t("templates.deleteFailed", { name: template.name, reason: describeError(err) }));
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t("templates.card.title")}
      description={t("templates.card.description")}
      onClose={onClose}
      onSubmit={() => void handleCreate()}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isSaving} disabled={!name.trim()}>
            {t("templates.card.create")}
          </Button>
        </>
      }
    >
      {error ? <p className="form-error">{error}</p> : null}
      {templates && templates.length > 0 ? (
        <ul className="template-list" aria-label={t("templates.card.list")}>
          {templates.map((template) => (
            <li key={template.id} className="template-row">
              <span>{template.name}</span>
              <span className="template-meta">
                {t("templates.card.todos", { count: template.todos.length })}
              </span>
              {template.canManage ? (
                <Button size="sm" variant="ghost" onClick={() => void handleDelete(template)}>
                  {t("common.delete")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="template-meta">{t("templates.card.empty")}</p>
      )}
      <Field label={t("account.name")}>
        {(props) => (
          <Input {...props} value={name} maxLength={500} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t("dialogs.description")}>
        {(props) => (
          <Textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label={t("templates.card.todosLabel")} hint={t("templates.card.todosHint")}>
        {(props) => <Textarea {...props} rows={3} value={todos} onChange={(e) => setTodos(e.target.value)} />}
      </Field>
    </Dialog>
  );
};
