/**
 * Writes an imported board as a new space in bulk: a few multi-row statements per table instead of
 * one request per card, so 5,000 cards arrive in seconds. The plan (from the domain) has already
 * decided every name, day, person and order; this only turns it into rows.
 */
import { randomUUID } from "node:crypto";
import { keysBetween, type TrelloImportPlan } from "@lattice/domain";
import type { Executor } from "./client.js";
import {
  cardCoworkers,
  cardFollowers,
  cardLabels,
  cardStatusChanges,
  cards,
  comments,
  labels,
  spaces,
  statuses,
  todoItems,
} from "./schema/index.js";

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const rowsPerStatement = 1_000;

const insertInChunks = async <T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> => {
  for (let start = 0; start < rows.length; start += rowsPerStatement)
    await insert(rows.slice(start, start + rowsPerStatement));
};

export interface ImportedSpaceInput {
  workspaceId: string;
  folderId: string | null;
  name: string;
  position: string;
  actorId: string;
  plan: TrelloImportPlan;
  now: Date;
}

export type ImportedSpace = {
  space: typeof spaces.$inferSelect;
  statuses: Array<typeof statuses.$inferSelect>;
};

export const insertImportedSpace = async (
  tx: Executor,
  input: ImportedSpaceInput,
): Promise<ImportedSpace> => {
  const { workspaceId, plan, actorId, now } = input;
  const [space] = await tx
    .insert(spaces)
    .values({ workspaceId, folderId: input.folderId, name: input.name, position: input.position })
    .returning();
  if (!space) throw new Error("insert returned no space");
  const spaceId = space.id;

  const statusKeys = keysBetween(null, null, plan.statuses.length);
  const statusRows = await tx
    .insert(statuses)
    .values(
      plan.statuses.map((status, i) => ({
        workspaceId,
        spaceId,
        name: status.name,
        role: status.role,
        position: statusKeys[i] ?? "",
      })),
    )
    .returning();
  // RETURNING keeps the VALUES order.
  const statusIdAt = statusRows.map((row) => row.id);
  const roleAt = statusRows.map((row) => row.role);

  const labelRows = plan.labels.length
    ? await tx
        .insert(labels)
        .values(plan.labels.map((label) => ({ workspaceId, spaceId, name: label.name, color: label.color })))
        .returning({ id: labels.id })
    : [];
  const labelIdOf = new Map(plan.labels.map((label, i) => [label.trelloId, labelRows[i]?.id ?? ""]));

  // Each status's cards get keys in the plan's order.
  const countPerStatus = plan.statuses.map((_, i) => plan.cards.filter((card) => card.status === i).length);
  const keysPerStatus = countPerStatus.map((count) => keysBetween(null, null, count));
  const nextKey = plan.statuses.map(() => 0);
  const cardIds = plan.cards.map(() => randomUUID());

  const cardRows = plan.cards.map((card, i) => {
    const keyIndex = nextKey[card.status] ?? 0;
    nextKey[card.status] = keyIndex + 1;
    return {
      id: cardIds[i] ?? "",
      workspaceId,
      spaceId,
      statusId: statusIdAt[card.status] ?? "",
      name: card.name,
      description: card.description,
      position: keysPerStatus[card.status]?.[keyIndex] ?? "",
      createdBy: actorId,
      responsibleId: card.responsibleId,
      startDate: card.startDate,
      dueDate: card.dueDate,
      createdAt: new Date(card.createdAt),
      updatedAt: now,
      completedAt: card.completedAt ? new Date(card.completedAt) : null,
      archivedAt: card.archived ? now : null,
    };
  });
  await insertInChunks(cardRows, (chunk) => tx.insert(cards).values(chunk));

  const byCard = <T>(make: (card: TrelloImportPlan["cards"][number], cardId: string) => T[]): T[] =>
    plan.cards.flatMap((card, i) => make(card, cardIds[i] ?? ""));

  await insertInChunks(
    byCard((card, cardId) => [
      {
        workspaceId,
        spaceId,
        cardId,
        fromStatusId: null,
        toStatusId: statusIdAt[card.status] ?? "",
        fromRole: null,
        toRole: roleAt[card.status] ?? "not_started",
        actorId,
        at: new Date(card.createdAt),
      },
    ]),
    (chunk) => tx.insert(cardStatusChanges).values(chunk),
  );
  await insertInChunks(
    byCard((card, cardId) =>
      card.labels.map((trelloId) => ({ cardId, labelId: labelIdOf.get(trelloId) ?? "", workspaceId })),
    ),
    (chunk) => tx.insert(cardLabels).values(chunk).onConflictDoNothing(),
  );
  await insertInChunks(
    byCard((card, cardId) => card.coworkerIds.map((userId) => ({ cardId, userId, workspaceId }))),
    (chunk) => tx.insert(cardCoworkers).values(chunk).onConflictDoNothing(),
  );
  // The responsible person and co-workers follow their cards, as they do when set by hand.
  await insertInChunks(
    byCard((card, cardId) =>
      [...new Set([card.responsibleId, ...card.coworkerIds].filter((u): u is string => !!u))].map(
        (userId) => ({
          cardId,
          userId,
          workspaceId,
        }),
      ),
    ),
    (chunk) => tx.insert(cardFollowers).values(chunk).onConflictDoNothing(),
  );
  await insertInChunks(
    byCard((card, cardId) => {
      const keys = keysBetween(null, null, card.todos.length);
      return card.todos.map((todo, i) => ({
        workspaceId,
        spaceId,
        cardId,
        text: todo.text,
        isDone: todo.done,
        position: keys[i] ?? "",
        doneAt: todo.done ? now : null,
      }));
    }),
    (chunk) => tx.insert(todoItems).values(chunk),
  );
  await insertInChunks(
    byCard((card, cardId) =>
      card.comments.map((comment) => ({
        workspaceId,
        spaceId,
        cardId,
        authorId: comment.authorId ?? actorId,
        // Someone not in the workspace keeps their name on what they wrote.
        body: comment.authorId ? comment.body : `*${comment.authorName} wrote in Trello:*\n\n${comment.body}`,
        createdAt: new Date(comment.at),
        updatedAt: new Date(comment.at),
      })),
    ),
    (chunk) => tx.insert(comments).values(chunk),
  );
  return { space, statuses: statusRows };
};
