/**
 * Card commands. Ordering: every command that places a card first locks the space channel, so
 * placements in one space run one after another and each computes its key from committed
 * neighbours; a move rewrites only the moving card's row. The unique (status_id, position) index is
 * the last line of defence.
 */
import { cardAccess, loadCard, type MutationContext, spaceAccess, tables } from "@lattice/db";
import {
  type Card,
  type CreateCardBody,
  DomainError,
  draft,
  ErrorCode,
  keyBetween,
  type MoveCardBody,
  spaceChannel,
  type UpdateCardBody,
  type User,
} from "@lattice/domain";
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";
import { scrubCardComments } from "./comments.js";
import { followersOf, notify, readersOfSpace } from "./notifications.js";

type Tx = MutationContext["tx"];

/** The whole card (people, labels, to-dos, blockings) as events and replies carry it. */
export const mustLoadCard = async (tx: Tx, id: string): Promise<Card> => {
  const card = await loadCard(tx, id);
  if (!card) throw new Error(`card ${id} vanished inside its own transaction`);
  return card;
};

const statusInSpace = async (tx: Tx, statusId: string, spaceId: string, field: string) => {
  const [status] = await tx
    .select()
    .from(tables.statuses)
    .where(and(eq(tables.statuses.id, statusId), eq(tables.statuses.spaceId, spaceId)));
  if (!status) throw invalidField(field, "is not a status of this card's space");
  return status;
};

/** The key of the card next to `position` in a column, on one side, ignoring the moving card. */
const neighbourKey = async (
  tx: Tx,
  statusId: string,
  position: string,
  side: "after" | "before",
  movingId: string | null,
): Promise<string | null> => {
  const [row] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(
      and(
        eq(tables.cards.statusId, statusId),
        side === "after" ? gt(tables.cards.position, position) : lt(tables.cards.position, position),
        movingId ? ne(tables.cards.id, movingId) : undefined,
      ),
    )
    .orderBy(side === "after" ? asc(tables.cards.position) : desc(tables.cards.position))
    .limit(1);
  return row?.position ?? null;
};

const edgeKey = async (tx: Tx, statusId: string, edge: "top" | "bottom", movingId: string | null) => {
  const [row] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(and(eq(tables.cards.statusId, statusId), movingId ? ne(tables.cards.id, movingId) : undefined))
    .orderBy(edge === "top" ? asc(tables.cards.position) : desc(tables.cards.position))
    .limit(1);
  const key = row?.position ?? null;
  return edge === "top" ? keyBetween(null, key) : keyBetween(key, null);
};

const placeInColumn = async (
  tx: Tx,
  statusId: string,
  placement: { afterId?: string | null | undefined; beforeId?: string | null | undefined },
  movingId: string | null,
): Promise<string> => {
  const anchorId = placement.afterId ?? placement.beforeId;
  if (!anchorId) return edgeKey(tx, statusId, placement.afterId === null ? "top" : "bottom", movingId);
  const field = placement.afterId ? "body.afterId" : "body.beforeId";
  if (anchorId === movingId) throw invalidField(field, "cannot be the moving card itself");
  const [anchor] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(and(eq(tables.cards.id, anchorId), eq(tables.cards.statusId, statusId)));
  if (!anchor) throw invalidField(field, "is not a card in the target status");
  if (placement.afterId) {
    return keyBetween(anchor.position, await neighbourKey(tx, statusId, anchor.position, "after", movingId));
  }
  return keyBetween(await neighbourKey(tx, statusId, anchor.position, "before", movingId), anchor.position);
};

/** A blocked card cannot change status until every blocking on it is cleared. */
const refuseIfBlocked = async (tx: Tx, card: { id: string; name: string }): Promise<void> => {
  const open = await tx
    .select({ reason: tables.cardBlockings.reason, name: tables.blockerTypes.name })
    .from(tables.cardBlockings)
    .innerJoin(tables.blockerTypes, eq(tables.blockerTypes.id, tables.cardBlockings.blockerTypeId))
    .where(and(eq(tables.cardBlockings.cardId, card.id), isNull(tables.cardBlockings.clearedAt)));
  if (open.length === 0) return;
  const list = open.map((b) => `${b.name} (${b.reason})`).join("; ");
  throw new DomainError(
    ErrorCode.blocked,
    `'${card.name}' is blocked by ${list}; clear ${open.length === 1 ? "it" : "them"} before changing its status`,
  );
};

export const createCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateCardBody,
): Promise<Card> => {
  await lock(spaceChannel(spaceId));
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "write_cards", "Space");
  const status = input.statusId
    ? await statusInSpace(tx, input.statusId, spaceId, "body.statusId")
    : (
        await tx
          .select()
          .from(tables.statuses)
          .where(eq(tables.statuses.spaceId, spaceId))
          .orderBy(asc(tables.statuses.position))
          .limit(1)
      )[0];
  if (!status) throw invalidField("body.statusId", "is required: the space has no status");
  const position = await edgeKey(tx, status.id, input.at, null);
  const now = new Date();
  const [row] = await tx
    .insert(tables.cards)
    .values({
      workspaceId: space.workspaceId,
      spaceId,
      statusId: status.id,
      name: input.name,
      description: input.description ?? "",
      position,
      createdBy: actor.id,
      completedAt: status.role === "completed" ? now : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await tx.insert(tables.cardStatusChanges).values({
    workspaceId: space.workspaceId,
    spaceId,
    cardId: row.id,
    fromStatusId: null,
    toStatusId: status.id,
    fromRole: null,
    toRole: status.role,
    actorId: actor.id,
    at: row.createdAt,
  });
  const card = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(spaceId), "card.created", { card }));
  return card;
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

export const moveCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
  input: MoveCardBody,
): Promise<Card> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const target = await statusInSpace(tx, input.statusId, card.spaceId, "body.statusId");
  const isStatusChange = target.id !== card.statusId;
  if (isStatusChange) await refuseIfBlocked(tx, card);
  const position = await placeInColumn(tx, target.id, input, cardId);
  const now = new Date();
  const changes: Partial<typeof tables.cards.$inferInsert> = {
    statusId: target.id,
    position,
    updatedAt: now,
  };
  if (isStatusChange) {
    const [from] = await tx.select().from(tables.statuses).where(eq(tables.statuses.id, card.statusId));
    changes.completedAt = target.role === "completed" ? (card.completedAt ?? now) : null;
    await tx.insert(tables.cardStatusChanges).values({
      workspaceId: card.workspaceId,
      spaceId: card.spaceId,
      cardId,
      fromStatusId: card.statusId,
      toStatusId: target.id,
      fromRole: from?.role ?? null,
      toRole: target.role,
      actorId: actor.id,
      at: now,
    });
  }
  const [row] = await tx
    .update(tables.cards)
    .set({ ...changes, version: sql`${tables.cards.version} + 1` })
    .where(eq(tables.cards.id, cardId))
    .returning();
  if (!row) throw new Error("card vanished inside its own lock");
  const moved = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(card.spaceId), "card.moved", { card: moved, fromStatusId: card.statusId }));
  if (isStatusChange) {
    const [from] = await tx
      .select({ name: tables.statuses.name })
      .from(tables.statuses)
      .where(eq(tables.statuses.id, card.statusId));
    await notify(
      { tx, emit },
      {
        userIds: await followersOf(tx, cardId),
        kind: "status_changed",
        cardId,
        workspaceId: card.workspaceId,
        actorId: actor.id,
        data: { fromStatus: from?.name ?? "", toStatus: target.name },
      },
    );
  }
  return moved;
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
