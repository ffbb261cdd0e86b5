/**
 * The board snapshot as GET /api/spaces/:id/board sends it: compact, and turned back into the `Board`
 * the web app works with by `expandBoard`.
 *
 * Compact means:
 * - nothing null, empty, zero, false or default: an absent field is that value (`updatedAt` absent:
 *   the card was not changed since it was made; `version` absent: 1);
 * - cards grouped by status id (`cardsByStatus`), so a card does not repeat its status, space or
 *   workspace (the reply's space gives those);
 * - people (creator, responsible person, co-workers) by their index in `people`, the ids of the people
 *   the cards name, each once;
 * - start and due dates as days (`YYYY-MM-DD`), as everywhere; instants stay ISO 8601.
 *
 * A card of 1,000 on a new board is about a quarter of its full shape (docs/PERFORMANCE.md).
 */
import { z } from "zod";
import { relationSchema } from "./coordination-schemas.js";
import { boardFieldValuesSchema, customFieldSchema, type SpaceBoard } from "./field-schemas.js";
import { workspaceRoles } from "./roles.js";
import {
  type Card,
  calendarDate,
  cardRepeatSchema,
  id,
  isoTime,
  spaceSchema,
  statusSchema,
} from "./schemas.js";

/** An index into the reply's `people`. */
const personIndex = z.number().int().nonnegative();
const positiveCount = z.number().int().positive();

export const boardReplyCardSchema = z.object({
  id,
  name: z.string(),
  /** Absent: no description. */
  description: z.string().min(1).optional(),
  position: z.string(),
  /** Who made the card (index in `people`); absent: unknown (a deleted account, an import). */
  creator: personIndex.optional(),
  /** The responsible person (index in `people`); absent: nobody. */
  responsible: personIndex.optional(),
  /** Co-workers (indexes in `people`), in the card's order; absent: none. */
  coworkers: z.array(personIndex).min(1).optional(),
  /** Absent: no labels. */
  labelIds: z.array(id).min(1).optional(),
  /** Absent: no start date. */
  startDate: calendarDate.optional(),
  /** Absent: no due date. */
  dueDate: calendarDate.optional(),
  /** Absent: no to-dos. */
  todoTotal: positiveCount.optional(),
  /** Absent: none done. */
  todoDone: positiveCount.optional(),
  /** Present only while the card is blocked. */
  isBlocked: z.literal(true).optional(),
  /** Absent: no documents. */
  attachmentCount: positiveCount.optional(),
  /** Absent: no cover image. */
  coverAttachmentId: id.optional(),
  createdAt: isoTime,
  /** Absent: not changed since `createdAt`. */
  updatedAt: isoTime.optional(),
  /** Absent: not completed. */
  completedAt: isoTime.optional(),
  /** Absent: not archived (a board lists live cards only). */
  archivedAt: isoTime.optional(),
  /** Absent: 1, a card never changed. */
  version: z.number().int().optional(),
  /** Absent: not a repeating card's current occurrence. */
  repeat: cardRepeatSchema.optional(),
});
export type BoardReplyCard = z.infer<typeof boardReplyCardSchema>;

/** GET /api/spaces/:id/board. Keys in the order the server writes them. */
export const boardReplySchema = z
  .object({
    space: spaceSchema,
    role: z.enum(workspaceRoles),
    statuses: z.array(statusSchema),
    /** The ids of the people the cards name; a card names them by index in this list. */
    people: z.array(id),
    /** Live cards by status id, each list in board order (by position); a status without cards is left out. */
    cardsByStatus: z.record(z.string(), z.array(boardReplyCardSchema)),
    /** Latest event seq of the space channel when the snapshot was taken: subscribe since it. */
    seq: z.number().int(),
    relations: z.array(relationSchema),
    fields: z.array(customFieldSchema),
    fieldValues: boardFieldValuesSchema,
  })
  .superRefine((reply, ctx) => {
    const count = reply.people.length;
    for (const [statusId, column] of Object.entries(reply.cardsByStatus)) {
      column.forEach((card, index) => {
        const named = [card.creator, card.responsible, ...(card.coworkers ?? [])];
        if (named.some((person) => person !== undefined && person >= count)) {
          ctx.addIssue({
            code: "custom",
            message: "names a person not in people",
            path: ["cardsByStatus", statusId, index],
          });
        }
      });
    }
  });
export type BoardReply = z.infer<typeof boardReplySchema>;

/** The people cards name, each given an index once; indexes never change while it lives. */
export interface PeopleIndex {
  readonly ids: readonly string[];
  indexOf(personId: string): number;
}

export const createPeopleIndex = (ids: readonly string[] = []): PeopleIndex => {
  const list = [...ids];
  const indexes = new Map(list.map((personId, index) => [personId, index]));
  return {
    ids: list,
    indexOf(personId) {
      let index = indexes.get(personId);
      if (index === undefined) {
        index = list.length;
        list.push(personId);
        indexes.set(personId, index);
      }
      return index;
    },
  };
};

/**
 * A card in the reply's shape (parsing it with `boardReplyCardSchema` puts its keys in the schema's
 * order). `people` gains the card's people it did not know yet. Status, space and workspace are left to the reply (see `boardReplySchema`).
 */
export const compactCard = (card: Card, people: PeopleIndex): BoardReplyCard => {
  const compact: BoardReplyCard = {
    id: card.id,
    name: card.name,
    position: card.position,
    createdAt: card.createdAt,
  };
  if (card.description !== "") compact.description = card.description;
  if (card.createdBy !== null) compact.creator = people.indexOf(card.createdBy);
  if (card.responsibleId !== null) compact.responsible = people.indexOf(card.responsibleId);
  if (card.coworkerIds.length > 0) compact.coworkers = card.coworkerIds.map((p) => people.indexOf(p));
  if (card.labelIds.length > 0) compact.labelIds = card.labelIds;
  if (card.startDate !== null) compact.startDate = card.startDate;
  if (card.dueDate !== null) compact.dueDate = card.dueDate;
  if (card.todoTotal !== 0) compact.todoTotal = card.todoTotal;
  if (card.todoDone !== 0) compact.todoDone = card.todoDone;
  if (card.isBlocked) compact.isBlocked = true;
  if (card.attachmentCount !== 0) compact.attachmentCount = card.attachmentCount;
  if (card.coverAttachmentId !== null) compact.coverAttachmentId = card.coverAttachmentId;
  if (card.updatedAt !== card.createdAt) compact.updatedAt = card.updatedAt;
  if (card.completedAt !== null) compact.completedAt = card.completedAt;
  if (card.archivedAt !== null) compact.archivedAt = card.archivedAt;
  if (card.version !== 1) compact.version = card.version;
  if (card.repeat !== null) compact.repeat = card.repeat;
  return compact;
};

/** A reply card in the full card shape, keys in `cardSchema`'s order. */
export const expandCard = (
  card: BoardReplyCard,
  where: { workspaceId: string; spaceId: string; statusId: string },
  people: readonly string[],
): Card => {
  const person = (index: number): string => {
    const personId = people[index];
    // The schema cannot say that an index is within the list; a reply that breaks it is refused.
    if (personId === undefined) throw new RangeError(`person ${index} is not in the reply's people`);
    return personId;
  };
  return {
    id: card.id,
    workspaceId: where.workspaceId,
    spaceId: where.spaceId,
    statusId: where.statusId,
    name: card.name,
    description: card.description ?? "",
    position: card.position,
    createdBy: card.creator === undefined ? null : person(card.creator),
    responsibleId: card.responsible === undefined ? null : person(card.responsible),
    coworkerIds: (card.coworkers ?? []).map(person),
    labelIds: card.labelIds ?? [],
    startDate: card.startDate ?? null,
    dueDate: card.dueDate ?? null,
    todoTotal: card.todoTotal ?? 0,
    todoDone: card.todoDone ?? 0,
    isBlocked: card.isBlocked === true,
    attachmentCount: card.attachmentCount ?? 0,
    coverAttachmentId: card.coverAttachmentId ?? null,
    createdAt: card.createdAt,
    updatedAt: card.updatedAt ?? card.createdAt,
    completedAt: card.completedAt ?? null,
    archivedAt: card.archivedAt ?? null,
    version: card.version ?? 1,
    repeat: card.repeat ?? null,
  };
};

/**
 * The board in the reply's shape: cards grouped by their status in the order given (board order).
 * Every card must be in the board's space (as every card a board lists is).
 */
export const compactBoard = (board: SpaceBoard): BoardReply => {
  const people = createPeopleIndex();
  const cardsByStatus: Record<string, BoardReplyCard[]> = {};
  for (const card of board.cards) {
    if (card.spaceId !== board.space.id || card.workspaceId !== board.space.workspaceId) {
      throw new RangeError(`card ${card.id} is not in the board's space`);
    }
    const compact = compactCard(card, people);
    const column = cardsByStatus[card.statusId];
    if (column) column.push(compact);
    else cardsByStatus[card.statusId] = [compact];
  }
  return {
    space: board.space,
    role: board.role,
    statuses: board.statuses,
    people: [...people.ids],
    cardsByStatus,
    seq: board.seq,
    relations: board.relations,
    fields: board.fields,
    fieldValues: board.fieldValues,
  };
};

/** The reply as the full board: every card with its status, space, people and defaults filled in. */
export const expandBoard = (reply: BoardReply): SpaceBoard => {
  const where = { workspaceId: reply.space.workspaceId, spaceId: reply.space.id };
  const cards: Card[] = [];
  for (const [statusId, column] of Object.entries(reply.cardsByStatus)) {
    for (const card of column) cards.push(expandCard(card, { ...where, statusId }, reply.people));
  }
  return {
    space: reply.space,
    role: reply.role,
    statuses: reply.statuses,
    cards,
    seq: reply.seq,
    relations: reply.relations,
    fields: reply.fields,
    fieldValues: reply.fieldValues,
  };
};
