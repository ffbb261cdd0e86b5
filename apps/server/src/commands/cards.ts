/**
 * Card commands. Ordering: every command that places a card first locks the space channel, so
 * placements in one space run one after another and each computes its key from committed
 * neighbours; a move rewrites only the moving card's row. The unique (status_id, position) index is
 * the last line of defence. What a move or a create means (permission, the blocked rule,
 * completedAt, the key) is the domain's mutator, the same one the web app runs optimistically.
 */
import { randomUUID } from "node:crypto";
import {
  cardAccess,
  createWrites,
  loadCard,
  loadCreateCardContext,
  loadMoveCardContext,
  lockSpaceOfCard,
  type MutationContext,
  moveWrites,
  tables,
  writeLast,
} from "@lattice/db";
import {
  type Card,
  type CreateCardBody,
  createCardAim,
  draft,
  isRefusal,
  type MoveCardBody,
  moveCardAim,
  createCard as mutateCreateCard,
  moveCard as mutateMoveCard,
  spaceChannel,
  type UpdateCardBody,
  type User,
} from "@lattice/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";
import { scrubCardComments } from "./comments.js";
import { notify, readersOfSpace } from "./notifications.js";

type Tx = MutationContext["tx"];

/** The whole card (people, labels, to-dos, blockings) as events and replies carry it. */
export const mustLoadCard = async (tx: Tx, id: string): Promise<Card> => {
  const card = await loadCard(tx, id);
  if (!card) throw new Error(`card ${id} vanished inside its own transaction`);
  return card;
};

/** lock → load the context → the domain's mutator (authorize, rules, key) → persist → emit. */
export const createCard = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateCardBody,
): Promise<Card> => {
  const { tx, emit, lock } = ctx;
  await lock(spaceChannel(spaceId));
  const aim = createCardAim(input);
  const context = await loadCreateCardContext(tx, actor.id, spaceId, input.statusId, aim, randomUUID());
  const result = mutateCreateCard(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await writeLast(ctx, createWrites(result.changes));
  for (const event of result.events) emit(event);
  return result.changes.card;
};

/** Users among `userIds` who cannot read the space (so cannot be put on its cards). */
const usersOutsideSpace = async (tx: Tx, spaceId: string, userIds: readonly string[]): Promise<string[]> => {
  const readers = new Set(await readersOfSpace(tx, spaceId, userIds));
  return [...new Set(userIds)].filter((id) => !readers.has(id));
};

export const updateCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
  input: UpdateCardBody,
): Promise<Card> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const changes: Partial<typeof tables.cards.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.archived !== undefined) changes.archivedAt = input.archived ? new Date() : null;
  if (input.startDate !== undefined) changes.startDate = input.startDate;
  if (input.dueDate !== undefined) changes.dueDate = input.dueDate;
  const startDate = input.startDate !== undefined ? input.startDate : card.startDate;
  const dueDate = input.dueDate !== undefined ? input.dueDate : card.dueDate;
  if (startDate && dueDate && startDate > dueDate) {
    throw invalidField(
      input.dueDate !== undefined ? "body.dueDate" : "body.startDate",
      "must not put the due date before the start date",
    );
  }
  const newPeople: string[] = [];
  let newResponsible: string | null = null;
  let newCoworkers: string[] = [];
  if (input.responsibleId !== undefined) {
    if (
      input.responsibleId &&
      (await usersOutsideSpace(tx, card.spaceId, [input.responsibleId])).length > 0
    ) {
      throw invalidField("body.responsibleId", "is not a user of this space");
    }
    changes.responsibleId = input.responsibleId;
    if (input.responsibleId && input.responsibleId !== card.responsibleId) {
      newPeople.push(input.responsibleId);
      newResponsible = input.responsibleId;
    }
  }
  if (input.coworkerIds !== undefined) {
    const wanted = [...new Set(input.coworkerIds)];
    if ((await usersOutsideSpace(tx, card.spaceId, wanted)).length > 0) {
      throw invalidField("body.coworkerIds", "must all be users of this space");
    }
    const current = (
      await tx
        .select({ userId: tables.cardCoworkers.userId })
        .from(tables.cardCoworkers)
        .where(eq(tables.cardCoworkers.cardId, cardId))
    ).map((r) => r.userId);
    const removed = current.filter((u) => !wanted.includes(u));
    const added = wanted.filter((u) => !current.includes(u));
    if (removed.length > 0) {
      await tx
        .delete(tables.cardCoworkers)
        .where(and(eq(tables.cardCoworkers.cardId, cardId), inArray(tables.cardCoworkers.userId, removed)));
    }
    if (added.length > 0) {
      await tx
        .insert(tables.cardCoworkers)
        .values(added.map((userId) => ({ cardId, userId, workspaceId: card.workspaceId })));
      newPeople.push(...added);
      newCoworkers = added;
    }
  }
  if (newPeople.length > 0) {
    // People on a card follow it automatically.
    await tx
      .insert(tables.cardFollowers)
      .values([...new Set(newPeople)].map((userId) => ({ cardId, userId, workspaceId: card.workspaceId })))
      .onConflictDoNothing();
  }
  if (input.labelIds !== undefined) {
    const wanted = [...new Set(input.labelIds)];
    if (wanted.length > 0) {
      const found = await tx
        .select({ id: tables.labels.id })
        .from(tables.labels)
        .where(and(eq(tables.labels.spaceId, card.spaceId), inArray(tables.labels.id, wanted)));
      if (found.length !== wanted.length)
        throw invalidField("body.labelIds", "must all be labels of this card's space");
    }
    await tx.delete(tables.cardLabels).where(eq(tables.cardLabels.cardId, cardId));
    if (wanted.length > 0) {
      await tx
        .insert(tables.cardLabels)
        .values(wanted.map((labelId) => ({ cardId, labelId, workspaceId: card.workspaceId })));
    }
  }
  const [row] = await tx
    .update(tables.cards)
    .set({ ...changes, updatedAt: new Date(), version: sql`${tables.cards.version} + 1` })
    .where(eq(tables.cards.id, cardId))
    .returning();
  if (!row) throw new Error("card vanished inside its own lock");
  const updated = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(card.spaceId), "card.updated", { card: updated }));
  const about = { cardId, workspaceId: card.workspaceId, actorId: actor.id };
  if (newResponsible)
    await notify({ tx, emit }, { ...about, userIds: [newResponsible], kind: "assigned_responsible" });
  if (newCoworkers.length > 0)
    await notify({ tx, emit }, { ...about, userIds: newCoworkers, kind: "assigned_coworker" });
  return updated;
};

/** lock → load the context → the domain's mutator (authorize, rules, key) → persist → emit. */
export const moveCard = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: MoveCardBody,
): Promise<Card> => {
  const { tx, emit } = ctx;
  // The lock comes first so the neighbours read next are the committed ones (see the header).
  await lockSpaceOfCard(tx, cardId);
  const context = await loadMoveCardContext(tx, actor.id, cardId, input.statusId, moveCardAim(input));
  const result = mutateMoveCard(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await writeLast(ctx, moveWrites(result.changes, actor.id));
  for (const event of result.events) emit(event);
  const { card, statusChange } = result.changes;
  if (statusChange && context.followerIds.length > 0) {
    await notify(
      { tx, emit },
      {
        userIds: context.followerIds,
        kind: "status_changed",
        cardId,
        workspaceId: card.workspaceId,
        actorId: actor.id,
        data: { fromStatus: context.source?.name ?? "", toStatus: context.target?.name ?? "" },
      },
    );
  }
  return card;
};

export const deleteCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
): Promise<void> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  await scrubCardComments(tx, card);
  await tx.delete(tables.cards).where(eq(tables.cards.id, cardId));
  emit(draft(spaceChannel(card.spaceId), "card.deleted", { cardId, spaceId: card.spaceId }));
};
