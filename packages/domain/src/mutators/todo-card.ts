/**
 * What a card's to-dos mean for the card: its counts, which drive the progress shown on boards.
 * Every to-do change re-announces the card with counts recomputed from its to-dos after the change.
 */
import type { TodoItem } from "../coordination-schemas.js";
import { type DomainError, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";
import { type MutationOutcome, touchedCard, writableCard } from "./types.js";

export interface TodoChanges {
  /** The to-do as it is after the change (as it was, for a deletion). */
  todo: TodoItem;
  card: Card;
}

/** The to-do's card when the caller may change it; an unseen card hides the to-do too (404). */
export const writableTodoCard = (
  role: WorkspaceRole | null,
  todo: TodoItem | null,
  card: Card | null,
): Card | DomainError => {
  if (!todo || !card || role === null) return notFound("To-do");
  return writableCard(role, card, "To-do");
};

/** The card with counts from its to-dos after the change, and the events: the to-do's, then the card's. */
export const withCardCounts = (
  card: Card,
  todos: readonly TodoItem[],
  todo: TodoItem,
  event: "todo.created" | "todo.updated" | "todo.deleted",
  now: Date,
): MutationOutcome<TodoChanges> => {
  const after = touchedCard(
    card,
    { todoTotal: todos.length, todoDone: todos.filter((t) => t.isDone).length },
    now,
  );
  const channel = spaceChannel(card.spaceId);
  const todoEvent =
    event === "todo.deleted"
      ? draft(channel, event, { todoId: todo.id, cardId: card.id })
      : draft(channel, event, { todo });
  return {
    changes: { todo, card: after },
    events: [todoEvent, draft(channel, "card.updated", { card: after })],
  };
};
