/**
 * My space: a person's own board of mirrored cards (docs/MY-SPACE.md).
 *
 * Invariants:
 * - Columns and placements are the person's alone: every statement names `user_id = actor`, and
 *   every event goes to `user:<actor>` only. Another person's column id is answered as unknown.
 * - A placement never shows a card the person may not read now: the snapshot keeps only cards of
 *   live spaces they can read, not archived (archived or hidden cards keep their place, unseen, and
 *   come back there). Deleting a card deletes its placements (foreign key).
 * - Order uses the domain's fractional keys, computed here under the person's channel lock from the
 *   committed neighbours, so two tabs moving at once never produce equal keys.
 * - A My space has at least one column once opened: the defaults are made on first read, and the
 *   last column cannot be deleted.
 */
import {
  cardAccess,
  type Database,
  type Executor,
  loadCards,
  type MutationContext,
  readableSpaceIds,
  runMutation,
  type Transaction,
  tables,
} from "@lattice/db";
import {
  type Channel,
  type CreateMySpaceColumnBody,
  createTranslator,
  DomainError,
  type DomainEvent,
  defaultMySpaceColumnsIn,
  draft,
  ErrorCode,
  keysBetween,
  type MirrorCard,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceLimits,
  notFound,
  type PlaceOnMySpaceBody,
  positionAmong,
  spaceChannel,
  type UpdateMySpaceColumnBody,
  type User,
  userChannel,
} from "@lattice/domain";
import { and, asc, count, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";

const { mySpaceColumns: columns, mySpacePlacements: placements } = tables;

const toColumn = (row: typeof columns.$inferSelect): MySpaceColumn => ({
  id: row.id,
  name: row.name,
  position: row.position,
});

const toPlacement = (row: typeof placements.$inferSelect): MySpacePlacement => ({
  cardId: row.cardId,
  columnId: row.columnId,
  position: row.position,
});

const columnsOf = (db: Executor, userId: string) =>
  db.select().from(columns).where(eq(columns.userId, userId)).orderBy(asc(columns.position));

/** The card is in a space the person reads now; else 404, the same answer as for no card at all. */
const readableCard = async (db: Executor, actor: User, cardId: string) =>
  authorize(await cardAccess(db, actor.id, cardId), "read", "Card").card;

/**
 * Makes the default columns the first time a person opens My space. Returns the events to announce
 * (none when the person already has columns). Two first opens at once: the second waits on the
 * person's channel lock and then finds the columns made.
 */
export const ensureMySpace = async (db: Database, actor: User): Promise<DomainEvent[]> => {
  const [existing] = await db
    .select({ id: columns.id })
    .from(columns)
    .where(eq(columns.userId, actor.id))
    .limit(1);
  if (existing) return [];
  const { events } = await runMutation(db, { actorId: actor.id, mutationId: null }, (ctx) =>
    columnsMadeIfNone(ctx, actor),
  );
  return events;
};

/** The person's columns, the defaults made first if they have none; under their channel lock. */
const columnsMadeIfNone = async (ctx: MutationContext, actor: User): Promise<MySpaceColumn[]> => {
  await ctx.lock(userChannel(actor.id));
  const existing = await columnsOf(ctx.tx, actor.id);
  if (existing.length > 0) return existing.map(toColumn);
  const names = defaultMySpaceColumnsIn(createTranslator(actor.locale));
  const keys = keysBetween(null, null, names.length);
  const rows = await ctx.tx
    .insert(columns)
    .values(names.map((name, i) => ({ userId: actor.id, name, position: keys[i] ?? "" })))
    .returning();
  const made = rows.map(toColumn).sort((a, b) => (a.position < b.position ? -1 : 1));
  for (const column of made) ctx.emit(draft(userChannel(actor.id), "my_space.column_created", { column }));
  return made;
};

const openRoles = ["not_started", "in_progress", "information"] as const;

/** The person's My space as it is now; run inside one repeatable-read transaction (seqs and data agree). */
export const readMySpace = async (tx: Transaction, actor: User): Promise<MySpace> => {
  const columnRows = await columnsOf(tx, actor.id);
  const readable = await readableSpaceIds(tx, actor.id);
  const [userSeq] = await tx
    .select({ seq: tables.channels.seq })
    .from(tables.channels)
    .where(eq(tables.channels.channel, userChannel(actor.id)));
  const empty: MySpace = {
    columns: columnRows.map(toColumn),
    placements: [],
    cards: [],
    suggestions: [],
    labels: [],
    people: [],
    spaces: [],
    seq: userSeq?.seq ?? 0,
  };
  if (readable.length === 0) return empty;

  const placementRows = await tx
    .select({ placement: placements })
    .from(placements)
    .innerJoin(tables.cards, eq(tables.cards.id, placements.cardId))
    .where(
      and(
        eq(placements.userId, actor.id),
        isNull(tables.cards.archivedAt),
        inArray(tables.cards.spaceId, readable),
      ),
    )
    .orderBy(asc(placements.columnId), asc(placements.position));
  const placedIds = placementRows.map((r) => r.placement.cardId);

  const coworking = tx
    .select({ cardId: tables.cardCoworkers.cardId })
    .from(tables.cardCoworkers)
    .where(eq(tables.cardCoworkers.userId, actor.id));
  const mine = tx
    .select({ cardId: placements.cardId })
    .from(placements)
    .where(eq(placements.userId, actor.id));
  const suggestionRows = await tx
    .select({ id: tables.cards.id })
    .from(tables.cards)
    .innerJoin(tables.statuses, eq(tables.statuses.id, tables.cards.statusId))
    .where(
      and(
        isNull(tables.cards.archivedAt),
        inArray(tables.cards.spaceId, readable),
        or(eq(tables.cards.responsibleId, actor.id), inArray(tables.cards.id, coworking)),
        inArray(tables.statuses.role, [...openRoles]),
        notInArray(tables.cards.id, mine),
      ),
    )
    .orderBy(sql`${tables.cards.dueDate} ASC NULLS LAST`, asc(tables.cards.createdAt))
    .limit(mySpaceLimits.suggestionsMax);
  const suggestions = suggestionRows.map((r) => r.id);

  const ids = [...placedIds, ...suggestions];
  if (ids.length === 0) return empty;
  const meta = await tx
    .select({
      id: tables.cards.id,
      spaceName: tables.spaces.name,
      statusName: tables.statuses.name,
      statusRole: tables.statuses.role,
    })
    .from(tables.cards)
    .innerJoin(tables.spaces, eq(tables.spaces.id, tables.cards.spaceId))
    .innerJoin(tables.statuses, eq(tables.statuses.id, tables.cards.statusId))
    .where(inArray(tables.cards.id, ids));
  const metaById = new Map(meta.map((m) => [m.id, m]));
  const loaded = new Map((await loadCards(tx, { ids })).map((card) => [card.id, card]));
  const cards: MirrorCard[] = [];
  for (const cardId of ids) {
    const card = loaded.get(cardId);
    const m = metaById.get(cardId);
    if (card && m)
      cards.push({ ...card, spaceName: m.spaceName, statusName: m.statusName, statusRole: m.statusRole });
  }

  const labelIds = [...new Set(cards.flatMap((c) => c.labelIds))];
  const labelRows = labelIds.length
    ? await tx.select().from(tables.labels).where(inArray(tables.labels.id, labelIds))
    : [];
  const peopleIds = [
    ...new Set(cards.flatMap((c) => (c.responsibleId ? [c.responsibleId, ...c.coworkerIds] : c.coworkerIds))),
  ];
  const people = peopleIds.length
    ? await tx
        .select({ id: tables.users.id, name: tables.users.name })
        .from(tables.users)
        .where(inArray(tables.users.id, peopleIds))
    : [];
  const spaceIds = [...new Set(cards.map((c) => c.spaceId))];
  const seqRows = await tx
    .select({ channel: tables.channels.channel, seq: tables.channels.seq })
    .from(tables.channels)
    .where(
      inArray(
        tables.channels.channel,
        spaceIds.map((s) => spaceChannel(s)),
      ),
    );
  const seqByChannel = new Map(seqRows.map((r) => [r.channel as Channel, r.seq]));

  return {
    ...empty,
    placements: placementRows.map((r) => toPlacement(r.placement)),
    cards,
    suggestions,
    labels: labelRows.map((l) => ({
      id: l.id,
      workspaceId: l.workspaceId,
      spaceId: l.spaceId,
      name: l.name,
      color: l.color,
      serviceLevelDays: l.serviceLevelDays,
    })),
    people,
    spaces: spaceIds.map((spaceId) => ({ id: spaceId, seq: seqByChannel.get(spaceChannel(spaceId)) ?? 0 })),
  };
};

const columnNotFound = () => notFound("Column");

/** The key among the person's columns (sorted) for `afterId` / `beforeId`, or a 400 naming the field. */
const columnKey = (
  sorted: readonly MySpaceColumn[],
  place: { afterId?: string | null | undefined; beforeId?: string | null | undefined },
  movingId?: string,
): string => {
  const placed = positionAmong(sorted, place, movingId);
  if ("invalidField" in placed)
    throw invalidField(`body.${placed.invalidField}`, "is not another column of your My space", {
      key: "refusal.field.notOtherMySpaceColumn",
    });
  return placed.position;
};

export const createMySpaceColumn = async (
  ctx: MutationContext,
  actor: User,
  body: CreateMySpaceColumnBody,
): Promise<MySpaceColumn> => {
  await ctx.lock(userChannel(actor.id));
  const existing = (await columnsOf(ctx.tx, actor.id)).map(toColumn);
  if (existing.length >= mySpaceLimits.columnsMax)
    throw new DomainError(
      ErrorCode.conflict,
      `My space has at most ${mySpaceLimits.columnsMax} columns`,
      [],
      {
        key: "refusal.mySpace.columnsMax",
        values: { count: mySpaceLimits.columnsMax },
      },
    );
  const position = columnKey(existing, body);
  const [row] = await ctx.tx
    .insert(columns)
    .values({ userId: actor.id, name: body.name, position })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const column = toColumn(row);
  ctx.emit(draft(userChannel(actor.id), "my_space.column_created", { column }));
  return column;
};

export const updateMySpaceColumn = async (
  ctx: MutationContext,
  actor: User,
  columnId: string,
  body: UpdateMySpaceColumnBody,
): Promise<MySpaceColumn> => {
  await ctx.lock(userChannel(actor.id));
  const existing = (await columnsOf(ctx.tx, actor.id)).map(toColumn);
  const current = existing.find((c) => c.id === columnId);
  if (!current) throw columnNotFound();
  const isReordered = body.afterId !== undefined || body.beforeId !== undefined;
  const next: MySpaceColumn = {
    ...current,
    name: body.name ?? current.name,
    position: isReordered ? columnKey(existing, body, columnId) : current.position,
  };
  if (next.name === current.name && next.position === current.position) return current;
  await ctx.tx
    .update(columns)
    .set({ name: next.name, position: next.position })
    .where(and(eq(columns.id, columnId), eq(columns.userId, actor.id)));
  ctx.emit(draft(userChannel(actor.id), "my_space.column_updated", { column: next }));
  return next;
};

/** Deletes a column; its cards go to the end of the column before it (or after it, for the first). */
export const deleteMySpaceColumn = async (
  ctx: MutationContext,
  actor: User,
  columnId: string,
): Promise<void> => {
  await ctx.lock(userChannel(actor.id));
  const existing = await columnsOf(ctx.tx, actor.id);
  const index = existing.findIndex((c) => c.id === columnId);
  if (index < 0) throw columnNotFound();
  const target = existing[index - 1] ?? existing[index + 1];
  if (!target)
    throw new DomainError(ErrorCode.conflict, "My space keeps at least one column", [], {
      key: "refusal.mySpace.lastColumn",
    });
  const moving = await ctx.tx
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.columnId, columnId))
    .orderBy(asc(placements.position));
  if (moving.length > 0) {
    const [last] = await ctx.tx
      .select({ position: placements.position })
      .from(placements)
      .where(eq(placements.columnId, target.id))
      .orderBy(sql`${placements.position} DESC`)
      .limit(1);
    const keys = keysBetween(last?.position ?? null, null, moving.length);
    for (const [i, row] of moving.entries())
      await ctx.tx
        .update(placements)
        .set({ columnId: target.id, position: keys[i] ?? "" })
        .where(eq(placements.id, row.id));
  }
  await ctx.tx.delete(columns).where(and(eq(columns.id, columnId), eq(columns.userId, actor.id)));
  ctx.emit(draft(userChannel(actor.id), "my_space.column_deleted", { columnId, movedTo: target.id }));
};

/** The caller's place of a card on My space, or null (404 when the card cannot be read). */
export const getMySpacePlacement = async (
  db: Executor,
  actor: User,
  cardId: string,
): Promise<(MySpacePlacement & { columnName: string }) | null> => {
  await readableCard(db, actor, cardId);
  const [row] = await db
    .select({ placement: placements, columnName: columns.name })
    .from(placements)
    .innerJoin(columns, eq(columns.id, placements.columnId))
    .where(and(eq(placements.userId, actor.id), eq(placements.cardId, cardId)));
  return row ? { ...toPlacement(row.placement), columnName: row.columnName } : null;
};

/** Puts a card the caller can read on their My space, or moves it there. */
export const placeOnMySpace = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  body: PlaceOnMySpaceBody,
): Promise<MySpacePlacement> => {
  const card = await readableCard(ctx.tx, actor, cardId);
  if (card.archivedAt)
    throw new DomainError(ErrorCode.conflict, "An archived card cannot be put on My space", [], {
      key: "refusal.mySpace.archived",
    });
  const mine = await columnsMadeIfNone(ctx, actor);
  const column = body.columnId === undefined ? mine[0] : mine.find((c) => c.id === body.columnId);
  if (!column)
    throw invalidField("body.columnId", "is not a column of your My space", {
      key: "refusal.field.notMySpaceColumn",
    });
  const [already] = await ctx.tx
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.userId, actor.id), eq(placements.cardId, cardId)));
  if (!already) {
    const [total] = await ctx.tx
      .select({ value: count() })
      .from(placements)
      .where(eq(placements.userId, actor.id));
    if ((total?.value ?? 0) >= mySpaceLimits.placementsMax)
      throw new DomainError(
        ErrorCode.conflict,
        `My space holds at most ${mySpaceLimits.placementsMax} cards`,
        [],
        { key: "refusal.mySpace.cardsMax", values: { count: mySpaceLimits.placementsMax } },
      );
  }
  const siblings = (
    await ctx.tx
      .select({ id: placements.cardId, position: placements.position })
      .from(placements)
      .where(eq(placements.columnId, column.id))
      .orderBy(asc(placements.position))
  ).map((s) => ({ id: s.id, position: s.position }));
  const placed = positionAmong(siblings, body, cardId);
  if ("invalidField" in placed)
    throw invalidField(`body.${placed.invalidField}`, "is not another card in that column of your My space", {
      key: "refusal.field.notOtherMySpaceCard",
    });
  const [row] = await ctx.tx
    .insert(placements)
    .values({
      userId: actor.id,
      cardId,
      workspaceId: card.workspaceId,
      columnId: column.id,
      position: placed.position,
    })
    .onConflictDoUpdate({
      target: [placements.userId, placements.cardId],
      set: { columnId: column.id, position: placed.position, workspaceId: card.workspaceId },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  const placement = toPlacement(row);
  ctx.emit(draft(userChannel(actor.id), "my_space.card_placed", { placement }));
  return placement;
};

/** Takes a card off the caller's My space (nothing to take off is not an error). */
export const removeFromMySpace = async (ctx: MutationContext, actor: User, cardId: string): Promise<void> => {
  await readableCard(ctx.tx, actor, cardId);
  await ctx.lock(userChannel(actor.id));
  const removed = await ctx.tx
    .delete(placements)
    .where(and(eq(placements.userId, actor.id), eq(placements.cardId, cardId)))
    .returning({ id: placements.id });
  if (removed.length > 0) ctx.emit(draft(userChannel(actor.id), "my_space.card_removed", { cardId }));
};
