/** Removing a to-do from its card. The caller may write the card. */
import type { TodoItem } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type TodoChanges, withCardCounts, writableTodoCard } from "./todo-card.js";
import type { Actor, MutatorResult } from "./types.js";

export interface DeleteTodoContext {
  role: WorkspaceRole | null;
  todo: TodoItem | null;
  card: Card | null;
  /** The card's to-dos in order, this one included. */
  todos: readonly TodoItem[];
}

export const deleteTodo = (
  context: DeleteTodoContext,
  _args: Record<string, never>,
  _actor: Actor,
  now: Date,
): MutatorResult<TodoChanges> => {
  const { todo } = context;
  const card = writableTodoCard(context.role, todo, context.card);
  if (card instanceof DomainError || !todo) return card as DomainError;
  const todos = context.todos.filter((t) => t.id !== todo.id);
  return withCardCounts(card, todos, todo, "todo.deleted", now);
};
