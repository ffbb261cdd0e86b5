/** The card's checklist: add, tick, rename inline, reorder (drag or up/down), delete. */
import type { Card, TodoItem } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { useCardEvents } from "./coordination-store";

const byPosition = (a: TodoItem, b: TodoItem) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1;

const TodoText = ({
  todo,
  canWrite,
  onRename,
}: {
  todo: TodoItem;
  canWrite: boolean;
  onRename: (text: string) => void;
}) => {
  const { t } = useTranslator();
  const [text, setText] = useState(todo.text);
  useEffect(() => setText(todo.text), [todo.text]);
  if (!canWrite) return <span className="todo-text">{todo.text}</span>;
  return (
    // A textarea that grows with its text (CSS field-sizing), so a long to-do wraps instead of being
    // cut; Enter still saves, as a to-do is one line of text.
    <textarea
      className="todo-text"
      aria-label={t("card.todos.rename", { text: todo.text })}
      value={text}
      rows={1}
      maxLength={500}
      onChange={(e) => setText(e.target.value.replace(/\n/g, " "))}
      onBlur={() => {
        const trimmed = text.trim();
        if (!trimmed) setText(todo.text);
        else if (trimmed !== todo.text) onRename(trimmed);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          e.currentTarget.blur();
        }
        if (e.key === "Escape") {
          e.stopPropagation();
          e.preventDefault();
          setText(todo.text);
          e.currentTarget.blur();
        }
      }}
    />
  );
};

export const TodosSection = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const { t } = useTranslator();
  const [todos, setTodos] = useState<TodoItem[] | null>(null);
  const [draft, setDraft] = useState("");
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const reload = useCallback(() => {
    coordinationApi.todos(card.id).then(
      (list) => setTodos([...list].sort(byPosition)),
      () => setTodos([]),
    );
  }, [card.id]);
  useEffect(reload, [reload]);
  useCardEvents(card.id, ["todo."], reload);

  const run = async (failure: MessageKey, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      toast.error(translate(failure, { reason: describeError(e) }));
    }
    reload();
  };
  const patchLocal = (id: string, patch: Partial<TodoItem>) =>
    setTodos((list) => list?.map((item) => (item.id === id ? { ...item, ...patch } : item)) ?? list);

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    setDraft("");
    void run("card.todos.addFailed", () => coordinationApi.addTodo(card.id, text));
  };
  const toggle = (todo: TodoItem) => {
    patchLocal(todo.id, { isDone: !todo.isDone });
    void run("card.todos.tickFailed", () => coordinationApi.updateTodo(todo.id, { isDone: !todo.isDone }));
  };
  const rename = (todo: TodoItem, text: string) => {
    patchLocal(todo.id, { text });
    void run("card.todos.renameFailed", () => coordinationApi.updateTodo(todo.id, { text }));
  };
  const remove = (todo: TodoItem) => {
    setTodos((list) => list?.filter((item) => item.id !== todo.id) ?? list);
    void run("card.todos.deleteFailed", () => coordinationApi.deleteTodo(todo.id));
  };
  /** Moves `id` next to `targetId` (before or after it), locally first. */
  const place = (id: string, targetId: string, where: "before" | "after") => {
    if (id === targetId || !todos) return;
    const moving = todos.find((item) => item.id === id);
    if (!moving) return;
    const rest = todos.filter((item) => item.id !== id);
    const at = rest.findIndex((item) => item.id === targetId) + (where === "after" ? 1 : 0);
    setTodos([...rest.slice(0, at), moving, ...rest.slice(at)]);
    void run("card.todos.moveFailed", () =>
      coordinationApi.updateTodo(id, where === "after" ? { afterId: targetId } : { beforeId: targetId }),
    );
  };

  const list = todos ?? [];
  const done = list.filter((todo) => todo.isDone).length;
  return (
    <div data-testid="todos">
      {list.length > 0 ? (
        <p className="coord-muted">{t("card.todos.count", { done, total: list.length })}</p>
      ) : null}
      {todos && list.length === 0 ? <p className="coord-muted">{t("card.todos.none")}</p> : null}
      <ul className="todo-list" aria-label={t("card.section.todos")}>
        {list.map((todo, index) => (
          <li
            key={todo.id}
            className={`todo-item${todo.isDone ? " is-done" : ""}${overId === todo.id && dragId !== todo.id ? " is-drag-over" : ""}`}
            onDragOver={(e) => {
              if (!dragId) return;
              e.preventDefault();
              setOverId(todo.id);
            }}
            onDragLeave={() => setOverId((o) => (o === todo.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              if (dragId) {
                const from = list.findIndex((item) => item.id === dragId);
                place(dragId, todo.id, from < index ? "after" : "before");
              }
              setDragId(null);
              setOverId(null);
            }}
          >
            {canWrite ? (
              <span
                className="todo-grip"
                draggable
                title={t("card.todos.drag")}
                aria-hidden="true"
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", todo.id);
                  setDragId(todo.id);
                }}
                onDragEnd={() => {
                  setDragId(null);
                  setOverId(null);
                }}
              >
                ⠿
              </span>
            ) : null}
            <input
              type="checkbox"
              checked={todo.isDone}
              disabled={!canWrite}
              aria-label={t("card.todos.done", { text: todo.text })}
              onChange={() => toggle(todo)}
            />
            <TodoText todo={todo} canWrite={canWrite} onRename={(text) => rename(todo, text)} />
            {canWrite ? (
              <span className="todo-tools">
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("card.todos.up", { text: todo.text })}
                  disabled={index === 0}
                  onClick={() => {
                    const prev = list[index - 1];
                    if (prev) place(todo.id, prev.id, "before");
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("card.todos.down", { text: todo.text })}
                  disabled={index === list.length - 1}
                  onClick={() => {
                    const next = list[index + 1];
                    if (next) place(todo.id, next.id, "after");
                  }}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("card.todos.delete", { text: todo.text })}
                  onClick={() => remove(todo)}
                >
                  ✕
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <form
          className="coord-row"
          style={{ marginTop: 8 }}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            className="input"
            style={{ flex: 1 }}
            aria-label={t("card.todos.new")}
            placeholder={t("card.todos.placeholder")}
            maxLength={500}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button size="sm" type="submit" disabled={!draft.trim()}>
            {t("common.add")}
          </Button>
        </form>
      ) : null}
    </div>
  );
};
