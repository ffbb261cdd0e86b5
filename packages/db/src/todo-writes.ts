/**
 * The SQL of a card's to-dos: the context (the card, the actor's role, the card's to-dos in order)
 * in one statement after the space's lock; the rules in the domain's to-do mutators.
 */
import type { TodoChanges, TodoItem } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import { loadCardWithRole, persistCardTouches } from "./card-writes.js";
import type { Executor } from "./client.js";
import { todoItems } from "./schema/index.js";
import { iso, isoOrNull, json } from "./write-sql.js";

export interface LoadedTodoContext {
  role: import("@lattice/domain").WorkspaceRole | null;
  card: import("@lattice/domain").Card | null;
  todos: TodoItem[];
  /** The to-do named by id, when loading by to-do. */
  todo: TodoItem | null;
}

/** By card (to add one) or by to-do (to change or remove it). */
export const loadTodoContext = async (
  db: Executor,
  actorId: string,
  of: { cardId: string } | { todoId: string },
): Promise<LoadedTodoContext> => {
  const todoItemsOf = sql`, (SELECT coalesce(json_agg(json_build_object('id', t.id,
      'workspaceId', t.workspace_id, 'spaceId', t.space_id, 'cardId', t.card_id, 'text', t.text,
      'isDone', t.is_done, 'position', t.position, 'doneAt', t.done_at, 'doneBy', t.done_by,
      'createdAt', t.created_at) ORDER BY t.position COLLATE "C", t.id), '[]')
    FROM todo_items t WHERE t.card_id = c.id) AS todos`;
  const cardId =
    "cardId" in of
      ? of.cardId
      : ((await db.select({ cardId: todoItems.cardId }).from(todoItems).where(eq(todoItems.id, of.todoId)))[0]
          ?.cardId ?? null);
  if (!cardId) return { role: null, card: null, todos: [], todo: null };
  const { role, card, row } = await loadCardWithRole(db, actorId, cardId, todoItemsOf);
  const todos = json<TodoItem[]>(row?.todos ?? "[]").map((t) => ({
    ...t,
    doneAt: isoOrNull(t.doneAt),
    createdAt: iso(t.createdAt),
  }));
  const todo = "todoId" in of ? (todos.find((t) => t.id === of.todoId) ?? null) : null;
  return { role, card, todos, todo };
};

const todoRow = (todo: TodoItem) => ({
  text: todo.text,
  isDone: todo.isDone,
  position: todo.position,
  doneAt: todo.doneAt ? new Date(todo.doneAt) : null,
  doneBy: todo.doneBy,
});

export const persistTodo = async (
  db: Executor,
  changes: TodoChanges,
  kind: "created" | "updated" | "deleted",
): Promise<void> => {
  const { todo } = changes;
  if (kind === "created") {
    await db.insert(todoItems).values({
      id: todo.id,
      workspaceId: todo.workspaceId,
      spaceId: todo.spaceId,
      cardId: todo.cardId,
      createdAt: new Date(todo.createdAt),
      ...todoRow(todo),
    });
  } else if (kind === "updated") {
    await db.update(todoItems).set(todoRow(todo)).where(eq(todoItems.id, todo.id));
  } else {
    await db.delete(todoItems).where(eq(todoItems.id, todo.id));
  }
  await persistCardTouches(db, [changes.card]);
};
