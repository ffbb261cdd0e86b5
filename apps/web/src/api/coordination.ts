/**
 * Typed calls for what makes a card coordinate work: people and dates (through PATCH /api/cards),
 * relations, to-dos, comments, blockers, the personal reminder and search (members and labels have
 * their own modules, api/members.ts and api/labels.ts). Every reply is checked against the shared
 * domain schema.
 */
import {
  blockerTypeSchema,
  blockingSchema,
  type CardMySpace,
  type CardRelation,
  cardMySpaceSchema,
  cardSchema,
  commentSchema,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceColumnSchema,
  mySpacePlacementSchema,
  mySpaceSchema,
  type RelatedCard,
  type Reminder,
  relatedCardSchema,
  relationSchema,
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export type RelatedEntry = RelatedCard & { relationId: string };
const relatedEntry: ReplySchema<RelatedEntry> = {
  safeParse(data) {
    if (!isRecord(data) || typeof data.relationId !== "string") return { success: false };
    const parsed = relatedCardSchema.safeParse(data);
    return parsed.success
      ? { success: true, data: { ...parsed.data, relationId: data.relationId } }
      : { success: false };
  },
};

export interface CardRelations {
  parents: RelatedEntry[];
  children: RelatedEntry[];
  previous: RelatedEntry[];
  next: RelatedEntry[];
}
const relationsReply: ReplySchema<CardRelations> = {
  safeParse(data) {
    if (!isRecord(data)) return { success: false };
    const out: Partial<CardRelations> = {};
    for (const key of ["parents", "children", "previous", "next"] as const) {
      const parsed = listOf(relatedEntry).safeParse(data[key]);
      if (!parsed.success) return { success: false };
      out[key] = parsed.data;
    }
    return { success: true, data: out as CardRelations };
  },
};
export type RelationType = "parent" | "child" | "previous" | "next";

export interface SearchHit {
  cardId: string;
  spaceId: string;
  workspaceId: string;
  name: string;
  snippet: string;
  matchedIn: "card" | "comment" | "attachment";
}
const searchReply: ReplySchema<{ items: SearchHit[] }> = {
  safeParse(data) {
    if (!isRecord(data) || !Array.isArray(data.items)) return { success: false };
    const items: SearchHit[] = [];
    for (const item of data.items) {
      if (!isRecord(item)) return { success: false };
      const { cardId, spaceId, workspaceId, name, snippet, matchedIn } = item;
      if (
        typeof cardId !== "string" ||
        typeof spaceId !== "string" ||
        typeof workspaceId !== "string" ||
        typeof name !== "string" ||
        typeof snippet !== "string" ||
        (matchedIn !== "card" && matchedIn !== "comment" && matchedIn !== "attachment")
      )
        return { success: false };
      items.push({ cardId, spaceId, workspaceId, name, snippet, matchedIn });
    }
    return { success: true, data: { items } };
  },
};

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

const enc = encodeURIComponent;

export const coordinationApi = {
  updateCard: (cardId: string, body: CardFieldsPatch, mutationId?: string) =>
    request("PATCH", `/api/cards/${cardId}`, cardSchema, mutationId ? { body, mutationId } : { body }),

  search: (q: string, limit = 10) =>
    request("GET", `/api/search?q=${enc(q)}&limit=${limit}`, searchReply).then((r) => r.items),

  relations: (cardId: string) => request("GET", `/api/cards/${cardId}/relations`, relationsReply),
  addRelation: (cardId: string, type: RelationType, otherCardId: string): Promise<CardRelation> =>
    request("POST", `/api/cards/${cardId}/relations`, relationSchema, {
      body: { type, cardId: otherCardId },
    }),
  removeRelation: (relationId: string) => requestEmpty("DELETE", `/api/relations/${relationId}`),

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

  blockerTypes: (spaceId: string) =>
    request("GET", `/api/spaces/${spaceId}/blocker-types`, listOf(blockerTypeSchema)),
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
