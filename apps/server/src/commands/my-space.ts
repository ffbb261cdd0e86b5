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
  countMySpacePlacements,
  type Database,
  deleteMySpaceColumnRow,
  deleteMySpacePlacement,
  type Executor,
  hasMySpaceColumns,
  insertMySpaceColumns,
  isOnMySpace,
  lastMySpaceKeyIn,
  loadMySpace,
  type MutationContext,
  moveMySpacePlacements,
  mySpaceColumnCards,
  mySpaceColumnsOf,
  mySpacePlacementIdsIn,
  mySpacePlacementOf,
  runMutation,
  type Transaction,
  updateMySpaceColumnRow,
  upsertMySpacePlacement,
} from "@lattice/db";
import {
  type CreateMySpaceColumnBody,
  createTranslator,
  DomainError,
  type DomainEvent,
  defaultMySpaceColumnsIn,
  draft,
  ErrorCode,
  keysBetween,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceLimits,
  notFound,
  type PlaceOnMySpaceBody,
  positionAmong,
  type UpdateMySpaceColumnBody,
  type User,
  userChannel,
} from "@lattice/domain";
import { authorize, invalidField } from "./authorize.js";

/** The card is in a space the person reads now; else 404, the same answer as for no card at all. */
const readableCard = async (db: Executor, actor: User, cardId: string) =>
  authorize(await cardAccess(db, actor.id, cardId), "read", "Card").card;

/**
 * Makes the default columns the first time a person opens My space. Returns the events to announce
 * (none when the person already has columns). Two first opens at once: the second waits on the
 * person's channel lock and then finds the columns made.
 */
export const ensureMySpace = async (db: Database, actor: User): Promise<DomainEvent[]> => {
  if (await hasMySpaceColumns(db, actor.id)) return [];
  const { events } = await runMutation(db, { actorId: actor.id, mutationId: null }, (ctx) =>
    columnsMadeIfNone(ctx, actor),
  );
  return events;
};

/** The person's columns, the defaults made first if they have none; under their channel lock. */
const columnsMadeIfNone = async (ctx: MutationContext, actor: User): Promise<MySpaceColumn[]> => {
  await ctx.lock(userChannel(actor.id));
  const existing = await mySpaceColumnsOf(ctx.tx, actor.id);
  if (existing.length > 0) return existing;
  const names = defaultMySpaceColumnsIn(createTranslator(actor.locale));
  const keys = keysBetween(null, null, names.length);
  const made = await insertMySpaceColumns(
    ctx.tx,
    actor.id,
    names.map((name, i) => ({ name, position: keys[i] ?? "" })),
  );
  for (const column of made) ctx.emit(draft(userChannel(actor.id), "my_space.column_created", { column }));
  return made;
};

/** The person's My space as it is now; run inside one repeatable-read transaction (seqs and data agree). */
export const readMySpace = (tx: Transaction, actor: User): Promise<MySpace> => loadMySpace(tx, actor.id);

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
  const existing = await mySpaceColumnsOf(ctx.tx, actor.id);
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
  const [column] = await insertMySpaceColumns(ctx.tx, actor.id, [{ name: body.name, position }]);
  if (!column) throw new Error("insert returned no row");
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
  const existing = await mySpaceColumnsOf(ctx.tx, actor.id);
  const current = existing.find((c) => c.id === columnId);
  if (!current) throw columnNotFound();
  const isReordered = body.afterId !== undefined || body.beforeId !== undefined;
  const next: MySpaceColumn = {
    ...current,
    name: body.name ?? current.name,
    position: isReordered ? columnKey(existing, body, columnId) : current.position,
  };
  if (next.name === current.name && next.position === current.position) return current;
  await updateMySpaceColumnRow(ctx.tx, actor.id, next);
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
  const existing = await mySpaceColumnsOf(ctx.tx, actor.id);
  const index = existing.findIndex((c) => c.id === columnId);
  if (index < 0) throw columnNotFound();
  const target = existing[index - 1] ?? existing[index + 1];
  if (!target)
    throw new DomainError(ErrorCode.conflict, "My space keeps at least one column", [], {
      key: "refusal.mySpace.lastColumn",
    });
  const moving = await mySpacePlacementIdsIn(ctx.tx, columnId);
  if (moving.length > 0) {
    const keys = keysBetween(await lastMySpaceKeyIn(ctx.tx, target.id), null, moving.length);
    await moveMySpacePlacements(
      ctx.tx,
      moving.map((id, i) => ({ id, columnId: target.id, position: keys[i] ?? "" })),
    );
  }
  await deleteMySpaceColumnRow(ctx.tx, actor.id, columnId);
  ctx.emit(draft(userChannel(actor.id), "my_space.column_deleted", { columnId, movedTo: target.id }));
};

/** The caller's place of a card on My space, or null (404 when the card cannot be read). */
export const getMySpacePlacement = async (
  db: Executor,
  actor: User,
  cardId: string,
): Promise<(MySpacePlacement & { columnName: string }) | null> => {
  await readableCard(db, actor, cardId);
  return mySpacePlacementOf(db, actor.id, cardId);
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
  if (!(await isOnMySpace(ctx.tx, actor.id, cardId))) {
    if ((await countMySpacePlacements(ctx.tx, actor.id)) >= mySpaceLimits.placementsMax)
      throw new DomainError(
        ErrorCode.conflict,
        `My space holds at most ${mySpaceLimits.placementsMax} cards`,
        [],
        { key: "refusal.mySpace.cardsMax", values: { count: mySpaceLimits.placementsMax } },
      );
  }
  const siblings = await mySpaceColumnCards(ctx.tx, column.id);
  const placed = positionAmong(siblings, body, cardId);
  if ("invalidField" in placed)
    throw invalidField(`body.${placed.invalidField}`, "is not another card in that column of your My space", {
      key: "refusal.field.notOtherMySpaceCard",
    });
  const placement = await upsertMySpacePlacement(ctx.tx, actor.id, {
    cardId,
    workspaceId: card.workspaceId,
    columnId: column.id,
    position: placed.position,
  });
  ctx.emit(draft(userChannel(actor.id), "my_space.card_placed", { placement }));
  return placement;
};

/** Takes a card off the caller's My space (nothing to take off is not an error). */
export const removeFromMySpace = async (ctx: MutationContext, actor: User, cardId: string): Promise<void> => {
  await readableCard(ctx.tx, actor, cardId);
  await ctx.lock(userChannel(actor.id));
  if (await deleteMySpacePlacement(ctx.tx, actor.id, cardId))
    ctx.emit(draft(userChannel(actor.id), "my_space.card_removed", { cardId }));
};
