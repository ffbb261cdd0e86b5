/**
 * Card templates of a space: the ones saved from cards or made here from scratch (name, description,
 * to-dos one per line). The add-card control of every column offers them; their makers and the
 * space's owners delete them.
 */
import type { CardTemplate } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { createCardTemplate, deleteCardTemplate, listCardTemplates } from "../../api/templates";
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
      toast.error(`Could not make the card template. ${describeError(err)}`);
    } finally {
      setIsSaving(false);
    }
  };

  const handleDelete = async (template: CardTemplate) => {
    try {
      await deleteCardTemplate(template.id);
      await load();
    } catch (err) {
      toast.error(`Could not delete “${template.name}”. ${describeError(err)}`);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      title="Card templates"
      description="Offered by “Add card” in every column. Save a card as a template from its panel, or make one here."
      onClose={onClose}
      onSubmit={() => void handleCreate()}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          <Button variant="primary" type="submit" isBusy={isSaving} disabled={!name.trim()}>
            Make card template
          </Button>
        </>
      }
    >
      {error ? <p className="form-error">{error}</p> : null}
      {templates && templates.length > 0 ? (
        <ul className="template-list" aria-label="Card templates of this space">
          {templates.map((t) => (
            <li key={t.id} className="template-row">
              <span>{t.name}</span>
              <span className="template-meta">
                {t.todos.length} to-do{t.todos.length === 1 ? "" : "s"}
              </span>
              {t.canManage ? (
                <Button size="sm" variant="ghost" onClick={() => void handleDelete(t)}>
                  Delete
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="template-meta">No card templates yet.</p>
      )}
      <Field label="Name">
        {(props) => (
          <Input {...props} value={name} maxLength={500} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label="Description">
        {(props) => (
          <Textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label="To-dos" hint="One per line.">
        {(props) => <Textarea {...props} rows={3} value={todos} onChange={(e) => setTodos(e.target.value)} />}
      </Field>
    </Dialog>
  );
};
