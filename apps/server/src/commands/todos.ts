/**
 * To-do lists of a card. Order: fractional keys computed from the card's current items inside the
 * transaction, after taking the space channel's lock, so two concurrent inserts or moves on one card
 * never compute the same key. Each change also re-announces the card (`card.updated`), whose to-do
 * counts drive the progress shown on boards.
 */
import { cardAccess, type Executor, type MutationContext, tables } from "@lattice/db";
import {
  type createTodoBody,
  DomainError,
  draft,
  ErrorCode,
  positionAmong,
  spaceChannel,
  type TodoItem,
  type User,
  type updateTodoBody,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { authorize, invalidField } from "./authorize.js";
import { touchCards } from "./labels.js";

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

const emitCard = async ({ tx, emit }: MutationContext, cardId: string, spaceId: string) => {
  for (const card of await touchCards(tx, [cardId])) {
    emit(draft(spaceChannel(spaceId), "card.updated", { card }));
  }
};

export const createTodo = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: z.infer<typeof createTodoBody>,
): Promise<TodoItem> => {
  const { tx, emit, lock } = ctx;
  const seen = await cardAccess(tx, actor.id, cardId);
  if (seen) await lock(spaceChannel(seen.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const placed = positionAmong(await todosOf(tx, cardId), {});
  if (!("position" in placed)) throw new Error("appending needs no neighbour");
  const [row] = await tx
    .insert(tables.todoItems)
    .values({
      workspaceId: card.workspaceId,
      spaceId: card.spaceId,
      cardId,
      text: input.text,
      position: placed.position,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const todo = toTodo(row);
  emit(draft(spaceChannel(card.spaceId), "todo.created", { todo }));
  await emitCard(ctx, cardId, card.spaceId);
  return todo;
};

/** The to-do and the caller's access to its card, the space channel locked. 404 when unseen. */
const lockedTodo = async (ctx: MutationContext, actor: User, todoId: string) => {
  const [todo] = await ctx.tx.select().from(tables.todoItems).where(eq(tables.todoItems.id, todoId));
  const seen = todo ? await cardAccess(ctx.tx, actor.id, todo.cardId) : null;
  if (!todo || !seen) throw new DomainError(ErrorCode.notFound, "To-do not found");
  await ctx.lock(spaceChannel(seen.card.spaceId));
  authorize(seen, "write_cards", "To-do");
  return todo;
};

export const updateTodo = async (
  ctx: MutationContext,
  actor: User,
  todoId: string,
  input: z.infer<typeof updateTodoBody>,
): Promise<TodoItem> => {
  const { tx, emit } = ctx;
  const todo = await lockedTodo(ctx, actor, todoId);
  if (input.afterId && input.beforeId) throw invalidField("body.beforeId", "cannot be given with afterId");
  const changes: Partial<typeof tables.todoItems.$inferInsert> = {};
  if (input.text !== undefined) changes.text = input.text;
  if (input.isDone !== undefined && input.isDone !== todo.isDone) {
    changes.isDone = input.isDone;
    changes.doneAt = input.isDone ? new Date() : null;
    changes.doneBy = input.isDone ? actor.id : null;
  }
  if (input.afterId !== undefined || input.beforeId !== undefined) {
    const placement = {
      ...(input.afterId !== undefined ? { afterId: input.afterId } : {}),
      ...(input.beforeId !== undefined ? { beforeId: input.beforeId } : {}),
    };
    if (placement.afterId === todoId || placement.beforeId === todoId) {
      throw invalidField(
        placement.afterId === todoId ? "body.afterId" : "body.beforeId",
        "cannot be the to-do itself",
      );
    }
    const placed = positionAmong(await todosOf(tx, todo.cardId), placement, todoId);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not a to-do of this card");
    changes.position = placed.position;
  }
  const [row] =
    Object.keys(changes).length > 0
      ? await tx.update(tables.todoItems).set(changes).where(eq(tables.todoItems.id, todoId)).returning()
      : [todo];
  if (!row) throw new Error("to-do vanished inside its own lock");
  const updated = toTodo(row);
  emit(draft(spaceChannel(todo.spaceId), "todo.updated", { todo: updated }));
  await emitCard(ctx, todo.cardId, todo.spaceId);
  return updated;
};

export const deleteTodo = async (ctx: MutationContext, actor: User, todoId: string): Promise<void> => {
  const todo = await lockedTodo(ctx, actor, todoId);
  await ctx.tx.delete(tables.todoItems).where(eq(tables.todoItems.id, todoId));
  ctx.emit(draft(spaceChannel(todo.spaceId), "todo.deleted", { todoId, cardId: todo.cardId }));
  await emitCard(ctx, todo.cardId, todo.spaceId);
};
