/**
 * To-do lists of a card. Order: fractional keys computed from the card's current items inside the
 * transaction, after taking the space channel's lock, so two concurrent inserts or moves on one card
 * never compute the same key. Each change also re-announces the card (`card.updated`), whose to-do
 * counts drive the progress shown on boards.
 */
import { randomUUID } from "node:crypto";
import {
  cardAccess,
  type Executor,
  loadTodoContext,
  lockSpaceOf,
  type MutationContext,
  persistTodo,
  tables,
} from "@lattice/db";
import {
  type createTodoBody,
  isRefusal,
  createTodo as mutateCreateTodo,
  deleteTodo as mutateDeleteTodo,
  updateTodo as mutateUpdateTodo,
  type TodoItem,
  type User,
  type updateTodoBody,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { authorize } from "./authorize.js";

export const toTodo = (row: typeof tables.todoItems.$inferSelect): TodoItem => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  cardId: row.cardId,
  text: row.text,
  isDone: row.isDone,
  position: row.position,
  doneAt: row.doneAt ? row.doneAt.toISOString() : null,
  doneBy: row.doneBy,
  createdAt: row.createdAt.toISOString(),
});

const todosOf = (db: Executor, cardId: string) =>
  db
    .select()
    .from(tables.todoItems)
    .where(eq(tables.todoItems.cardId, cardId))
    .orderBy(asc(tables.todoItems.position), asc(tables.todoItems.id));

export const listTodos = async (db: Executor, actor: User, cardId: string): Promise<TodoItem[]> => {
  authorize(await cardAccess(db, actor.id, cardId), "read", "Card");
  return (await todosOf(db, cardId)).map(toTodo);
};

/** lock → load the card, the role and its to-dos → the domain's mutator → persist → emit. */
export const createTodo = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  input: z.infer<typeof createTodoBody>,
): Promise<TodoItem> => {
  await lockSpaceOf(tx, "card", cardId);
  const context = await loadTodoContext(tx, actor.id, { cardId });
  const result = mutateCreateTodo({ ...context, todoId: randomUUID() }, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistTodo(tx, result.changes, "created");
  for (const event of result.events) emit(event);
  return result.changes.todo;
};

/** lock → load the to-do, its card, the role and its siblings → the domain's mutator → persist → emit. */
export const updateTodo = async (
  { tx, emit }: MutationContext,
  actor: User,
  todoId: string,
  input: z.infer<typeof updateTodoBody>,
): Promise<TodoItem> => {
  await lockSpaceOf(tx, "todo", todoId);
  const context = await loadTodoContext(tx, actor.id, { todoId });
  const result = mutateUpdateTodo(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistTodo(tx, result.changes, "updated");
  for (const event of result.events) emit(event);
  return result.changes.todo;
};

export const deleteTodo = async (
  { tx, emit }: MutationContext,
  actor: User,
  todoId: string,
): Promise<void> => {
  await lockSpaceOf(tx, "todo", todoId);
  const context = await loadTodoContext(tx, actor.id, { todoId });
  const result = mutateDeleteTodo(context, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistTodo(tx, result.changes, "deleted");
  for (const event of result.events) emit(event);
};
