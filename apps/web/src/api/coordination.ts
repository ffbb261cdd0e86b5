/**
 * Typed calls for what makes a card coordinate work: people and dates (through PATCH /api/cards),
 * to-dos, comments, blockings and the personal reminder (the lookups many views share have their own
 * modules: members.ts, labels.ts, relations.ts, blocker-types.ts, search.ts). Every reply is checked
 * against the shared domain schema.
 */
import {
  blockingSchema,
  type CardMySpace,
  cardMySpaceSchema,
  cardSchema,
  commentSchema,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceColumnSchema,
  mySpacePlacementSchema,
  mySpaceSchema,
  type Reminder,
  reminderSchema,
  todoSchema,
  type UpdateCardBody,
} from "@lattice/domain";
import { type ReplySchema, request, requestEmpty } from "./client";

const listOf = <T>(item: ReplySchema<T>): ReplySchema<T[]> => ({
  safeParse(data) {
    if (!Array.isArray(data)) return { success: false };
    const out: T[] = [];
    for (const value of data) {
      const parsed = item.safeParse(value);
      if (!parsed.success) return { success: false };
      out.push(parsed.data);
    }
    return { success: true, data: out };
  },
});

const nullableReminder: ReplySchema<Reminder | null> = {
  safeParse(data) {
    if (data === null) return { success: true, data: null };
    return reminderSchema.safeParse(data);
  },
};

export type CardFieldsPatch = Pick<
  UpdateCardBody,
  "responsibleId" | "coworkerIds" | "startDate" | "dueDate" | "labelIds" | "name" | "description"
>;

export const coordinationApi = {
  updateCard: (cardId: string, body: CardFieldsPatch, mutationId?: string) =>
    request("PATCH", `/api/cards/${cardId}`, cardSchema, mutationId ? { body, mutationId } : { body }),

  todos: (cardId: string) => request("GET", `/api/cards/${cardId}/todos`, listOf(todoSchema)),
  addTodo: (cardId: string, text: string) =>
    request("POST", `/api/cards/${cardId}/todos`, todoSchema, { body: { text } }),
  updateTodo: (
    todoId: string,
    body: { text?: string; isDone?: boolean; afterId?: string | null; beforeId?: string | null },
  ) => request("PATCH", `/api/todos/${todoId}`, todoSchema, { body }),
  deleteTodo: (todoId: string) => requestEmpty("DELETE", `/api/todos/${todoId}`),

  comments: (cardId: string) => request("GET", `/api/cards/${cardId}/comments`, listOf(commentSchema)),
  addComment: (cardId: string, body: string) =>
    request("POST", `/api/cards/${cardId}/comments`, commentSchema, { body: { body } }),
  editComment: (commentId: string, body: string) =>
    request("PATCH", `/api/comments/${commentId}`, commentSchema, { body: { body } }),
  deleteComment: (commentId: string) => requestEmpty("DELETE", `/api/comments/${commentId}`),

  blockings: (cardId: string) => request("GET", `/api/cards/${cardId}/blockings`, listOf(blockingSchema)),
  block: (cardId: string, body: { blockerTypeId: string; reason: string; responsibleId?: string | null }) =>
    request("POST", `/api/cards/${cardId}/blockings`, blockingSchema, { body }),
  clearBlocking: (blockingId: string) =>
    request("POST", `/api/blockings/${blockingId}/clear`, blockingSchema),

  reminder: (cardId: string) => request("GET", `/api/cards/${cardId}/reminder`, nullableReminder),
  setReminder: (cardId: string, body: { remindAt: string; note?: string }) =>
    request("PUT", `/api/cards/${cardId}/reminder`, reminderSchema, { body }),
  deleteReminder: (cardId: string) => requestEmpty("DELETE", `/api/cards/${cardId}/reminder`),
};

// ---------- My space (docs/MY-SPACE.md) ----------

const nullablePlacement: ReplySchema<CardMySpace | null> = {
  safeParse(data) {
    if (data === null) return { success: true, data: null };
    return cardMySpaceSchema.safeParse(data);
  },
};

export interface Neighbours {
  afterId?: string | null;
  beforeId?: string | null;
}

export const mySpaceApi = {
  load: (): Promise<MySpace> => request("GET", "/api/me/space", mySpaceSchema),
  createColumn: (body: { name: string } & Neighbours): Promise<MySpaceColumn> =>
    request("POST", "/api/me/space/columns", mySpaceColumnSchema, { body }),
  updateColumn: (id: string, body: { name?: string } & Neighbours): Promise<MySpaceColumn> =>
    request("PATCH", `/api/me/space/columns/${id}`, mySpaceColumnSchema, { body }),
  deleteColumn: (id: string): Promise<void> => requestEmpty("DELETE", `/api/me/space/columns/${id}`),
  placement: (cardId: string): Promise<CardMySpace | null> =>
    request("GET", `/api/cards/${cardId}/my-space`, nullablePlacement),
  /** No column: the end of the first one. */
  place: (cardId: string, body: { columnId?: string } & Neighbours): Promise<MySpacePlacement> =>
    request("PUT", `/api/cards/${cardId}/my-space`, mySpacePlacementSchema, { body }),
  remove: (cardId: string): Promise<void> => requestEmpty("DELETE", `/api/cards/${cardId}/my-space`),
};
