/** Adding a to-do at the end of a card's list. The caller may write the card. */
import type { TodoItem } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import { repairedKeyBetween } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type TodoChanges, withCardCounts } from "./todo-card.js";
import { type Actor, type MutatorResult, writableCard } from "./types.js";

export interface CreateTodoContext {
  role: WorkspaceRole | null;
  card: Card | null;
  /** The card's to-dos in order. */
  todos: readonly TodoItem[];
  todoId: string;
}

export const createTodo = (
  context: CreateTodoContext,
  args: { text: string },
  _actor: Actor,
  now: Date,
): MutatorResult<TodoChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  const todo: TodoItem = {
    id: context.todoId,
    workspaceId: card.workspaceId,
    spaceId: card.spaceId,
    cardId: card.id,
    text: args.text,
    isDone: false,
    position: repairedKeyBetween(context.todos.at(-1)?.position ?? null, null),
    doneAt: null,
    doneBy: null,
    createdAt: now.toISOString(),
  };
  return withCardCounts(card, [...context.todos, todo], todo, "todo.created", now);
};
