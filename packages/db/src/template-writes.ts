/**
 * The SQL of templates: reading a space as the domain's `SpaceSnapshot` (to save it as a template),
 * and writing a template's space in bulk (a few multi-row statements per table, like an import), all
 * inside the caller's one transaction, so a space made from a 200-card template appears whole or not
 * at all. The domain has decided every name, day and person; this only turns them into rows.
 */
import { randomUUID } from "node:crypto";
import {
  keysBetween,
  type SpaceSnapshot,
  type SpaceTemplateContent,
  type TemplatePlan,
} from "@lattice/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "./client.js";
import { loadSpaceFields } from "./field-writes.js";
import {
  blockerTypes,
  cardCoworkers,
  cardFollowers,
  cardLabels,
  cardRelations,
  cardStatusChanges,
  cards,
  customFields,
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

const groupBy = <T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

/** A space's statuses, labels, local blocker types, fields and live cards, in board order. */
export const loadSpaceSnapshot = async (db: Executor, spaceId: string): Promise<SpaceSnapshot> => {
  const statusRows = await db
    .select()
    .from(statuses)
    .where(eq(statuses.spaceId, spaceId))
    .orderBy(asc(statuses.position), asc(statuses.id));
  const labelRows = await db
    .select()
    .from(labels)
    .where(eq(labels.spaceId, spaceId))
    .orderBy(asc(labels.createdAt), asc(labels.id));
  const blockerRows = await db
    .select({ name: blockerTypes.name, description: blockerTypes.description })
    .from(blockerTypes)
    .where(
      and(eq(blockerTypes.spaceId, spaceId), eq(blockerTypes.kind, "local"), isNull(blockerTypes.archivedAt)),
    )
    .orderBy(asc(blockerTypes.createdAt), asc(blockerTypes.id));
  const fields = await loadSpaceFields(db, spaceId);
  const cardRows = await db
    .select()
    .from(cards)
    .where(and(eq(cards.spaceId, spaceId), isNull(cards.archivedAt)));
  const statusOrder = new Map(statusRows.map((s, i) => [s.id, i]));
  cardRows.sort(
    (a, b) =>
      (statusOrder.get(a.statusId) ?? 0) - (statusOrder.get(b.statusId) ?? 0) ||
      (a.position < b.position ? -1 : a.position > b.position ? 1 : 0),
  );
  const cardIds = cardRows.map((c) => c.id);
  const [todoRows, labelLinks, coworkerRows, relationRows] =
    cardIds.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db
            .select({ cardId: todoItems.cardId, text: todoItems.text })
            .from(todoItems)
            .where(eq(todoItems.spaceId, spaceId))
            .orderBy(asc(todoItems.position), asc(todoItems.id)),
          db
            .select({ cardId: cardLabels.cardId, labelId: cardLabels.labelId })
            .from(cardLabels)
            .where(inArray(cardLabels.cardId, cardIds)),
          db
            .select({ cardId: cardCoworkers.cardId, userId: cardCoworkers.userId })
            .from(cardCoworkers)
            .where(inArray(cardCoworkers.cardId, cardIds))
            .orderBy(asc(cardCoworkers.createdAt)),
          db
            .select({
              kind: cardRelations.kind,
              fromCardId: cardRelations.fromCardId,
              toCardId: cardRelations.toCardId,
            })
            .from(cardRelations)
            .where(and(inArray(cardRelations.fromCardId, cardIds), inArray(cardRelations.toCardId, cardIds)))
            .orderBy(asc(cardRelations.createdAt), asc(cardRelations.id)),
        ]);
  const todosOf = groupBy(todoRows, (r) => r.cardId);
  const labelsOf = groupBy(labelLinks, (r) => r.cardId);
  const coworkersOf = groupBy(coworkerRows, (r) => r.cardId);
  return {
    statuses: statusRows.map((s) => ({ id: s.id, name: s.name, role: s.role, wipLimit: s.wipLimit })),
    labels: labelRows.map((l) => ({ id: l.id, name: l.name, color: l.color })),
    blockerTypes: blockerRows,
    fields: fields.map((f) => ({ name: f.name, kind: f.kind, options: f.options, showOnCard: f.showOnCard })),
    cards: cardRows.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      statusId: c.statusId,
      labelIds: (labelsOf.get(c.id) ?? []).map((l) => l.labelId),
      todos: (todosOf.get(c.id) ?? []).map((t) => t.text),
      startDate: c.startDate,
      dueDate: c.dueDate,
      responsibleId: c.responsibleId,
      coworkerIds: (coworkersOf.get(c.id) ?? []).map((w) => w.userId),
    })),
    relations: relationRows,
  };
};

export interface TemplateSpaceInput {
  workspaceId: string;
  folderId: string | null;
  name: string;
  description: string;
  position: string;
  actorId: string;
  content: SpaceTemplateContent;
  plan: TemplatePlan;
  now: Date;
}

export type TemplateSpace = {
  space: typeof spaces.$inferSelect;
  statuses: Array<typeof statuses.$inferSelect>;
};

/** Writes a template's space: its shape, then (when planned) its cards and everything on them. */
export const insertTemplateSpace = async (
  tx: Executor,
  input: TemplateSpaceInput,
): Promise<TemplateSpace> => {
  const { workspaceId, content, plan, actorId, now } = input;
  const [space] = await tx
    .insert(spaces)
    .values({
      workspaceId,
      folderId: input.folderId,
      name: input.name,
      description: input.description,
      position: input.position,
    })
    .returning();
  if (!space) throw new Error("insert returned no space");
  const spaceId = space.id;

  const statusKeys = keysBetween(null, null, content.statuses.length);
  const statusRows = await tx
    .insert(statuses)
    .values(
      content.statuses.map((status, i) => ({
        workspaceId,
        spaceId,
        name: status.name,
        role: status.role,
        wipLimit: status.wipLimit,
        position: statusKeys[i] ?? "",
      })),
    )
    .returning();
  // RETURNING keeps the VALUES order.
  const statusIdAt = statusRows.map((row) => row.id);
  const roleAt = statusRows.map((row) => row.role);

  const labelIdAt = content.labels.length
    ? (
        await tx
          .insert(labels)
          .values(
            content.labels.map((label) => ({ workspaceId, spaceId, name: label.name, color: label.color })),
          )
          .returning({ id: labels.id })
      ).map((row) => row.id)
    : [];

  if (content.blockerTypes.length > 0)
    await tx.insert(blockerTypes).values(
      content.blockerTypes.map((type) => ({
        kind: "local" as const,
        workspaceId,
        spaceId,
        name: type.name,
        description: type.description,
        createdBy: actorId,
      })),
    );

  if (content.fields.length > 0) {
    const fieldKeys = keysBetween(null, null, content.fields.length);
    await tx.insert(customFields).values(
      content.fields.map((field, i) => ({
        workspaceId,
        spaceId,
        name: field.name,
        kind: field.kind,
        options: field.options.map((option) => ({
          id: randomUUID(),
          name: option.name,
          color: option.color,
        })),
        showOnCard: field.showOnCard,
        position: fieldKeys[i] ?? "",
      })),
    );
  }

  if (plan.cards.length === 0) return { space, statuses: statusRows };

  const countPerStatus = content.statuses.map(
    (_, i) => plan.cards.filter((card) => card.status === i).length,
  );
  const keysPerStatus = countPerStatus.map((count) => keysBetween(null, null, count));
  const nextKey = content.statuses.map(() => 0);
  const cardIds = plan.cards.map(() => randomUUID());
  const isClosed = (role: string | undefined) => role === "completed" || role === "cancelled";

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
      createdAt: now,
      updatedAt: now,
      completedAt: isClosed(roleAt[card.status]) ? now : null,
    };
  });
  await insertInChunks(cardRows, (chunk) => tx.insert(cards).values(chunk));

  const byCard = <T>(make: (card: TemplatePlan["cards"][number], cardId: string) => T[]): T[] =>
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
        at: now,
      },
    ]),
    (chunk) => tx.insert(cardStatusChanges).values(chunk),
  );
  await insertInChunks(
    byCard((card, cardId) => card.labels.map((i) => ({ cardId, labelId: labelIdAt[i] ?? "", workspaceId }))),
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
      return card.todos.map((text, i) => ({ workspaceId, spaceId, cardId, text, position: keys[i] ?? "" }));
    }),
    (chunk) => tx.insert(todoItems).values(chunk),
  );
  await insertInChunks(
    plan.relations.map((relation) => ({
      workspaceId,
      kind: relation.kind,
      fromCardId: cardIds[relation.from] ?? "",
      toCardId: cardIds[relation.to] ?? "",
      createdBy: actorId,
      createdAt: now,
    })),
    (chunk) => tx.insert(cardRelations).values(chunk).onConflictDoNothing(),
  );
  return { space, statuses: statusRows };
};
