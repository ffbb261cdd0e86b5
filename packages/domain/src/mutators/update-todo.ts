/**
 * Changing a to-do: its text, whether it is done (recording who and when, cleared when undone),
 * and its place in the card's list (after or before another to-do of the same card).
 */
import type { TodoItem } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import { positionAmong } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type TodoChanges, withCardCounts, writableTodoCard } from "./todo-card.js";
import { type Actor, invalidFieldError, type MutatorResult } from "./types.js";

export interface UpdateTodoArgs {
  text?: string | undefined;
  isDone?: boolean | undefined;
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
}

export interface UpdateTodoContext {
  role: WorkspaceRole | null;
  todo: TodoItem | null;
  card: Card | null;
  /** The card's to-dos in order, this one included. */
  todos: readonly TodoItem[];
}

export const updateTodo = (
  context: UpdateTodoContext,
  args: UpdateTodoArgs,
  actor: Actor,
  now: Date,
): MutatorResult<TodoChanges> => {
  const { todo } = context;
  const card = writableTodoCard(context.role, todo, context.card);
  if (card instanceof DomainError || !todo) return card as DomainError;
  if (args.afterId && args.beforeId)
    return invalidFieldError("body.beforeId", "cannot be given with afterId", {
      key: "refusal.field.beforeWithAfter",
    });
  const next: TodoItem = { ...todo };
  if (args.text !== undefined) next.text = args.text;
  if (args.isDone !== undefined && args.isDone !== todo.isDone) {
    next.isDone = args.isDone;
    next.doneAt = args.isDone ? now.toISOString() : null;
    next.doneBy = args.isDone ? actor.id : null;
  }
  if (args.afterId !== undefined || args.beforeId !== undefined) {
    const placement = {
      ...(args.afterId !== undefined ? { afterId: args.afterId } : {}),
      ...(args.beforeId !== undefined ? { beforeId: args.beforeId } : {}),
    };
    if (placement.afterId === todo.id || placement.beforeId === todo.id) {
      return invalidFieldError(
        placement.afterId === todo.id ? "body.afterId" : "body.beforeId",
        "cannot be the to-do itself",
        { key: "refusal.field.todoItself" },
      );
    }
    const placed = positionAmong(context.todos, placement, todo.id);
    if ("invalidField" in placed)
      return invalidFieldError(`body.${placed.invalidField}`, "is not a to-do of this card", {
        key: "refusal.field.notTodoOfCard",
      });
    next.position = placed.position;
  }
  const todos = context.todos.map((t) => (t.id === todo.id ? next : t));
  return withCardCounts(card, todos, next, "todo.updated", now);
};
