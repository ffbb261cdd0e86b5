/**
 * Moving a card to another space and copying a card. Both spaces' channels are locked, in channel
 * order (the order the event append bumps them in, so two moves in opposite directions cannot
 * deadlock), before the context is read: the landing key is computed from committed neighbours.
 * The space is read once without a lock to know which channels to take, and checked again after.
 */
import { randomUUID } from "node:crypto";
import {
  copyAttachments,
  copyRelations,
  copyWrites,
  keyAfter,
  loadCard,
  loadMoveCardToSpaceContext,
  type MutationContext,
  moveToSpaceWrites,
  runWrites,
  spaceOfCard,
} from "@lattice/db";
import {
  type Card,
  type CopyCardBody,
  DomainError,
  draft,
  ErrorCode,
  isRefusal,
  type MoveCardToSpaceBody,
  copyCard as mutateCopyCard,
  moveCardToSpace as mutateMoveCardToSpace,
  spaceChannel,
  type User,
} from "@lattice/domain";

const lockSpaces = async (ctx: MutationContext, spaceIds: readonly string[]): Promise<void> => {
  for (const channel of [...new Set(spaceIds.map(spaceChannel))].sort()) await ctx.lock(channel);
};

/** Takes both spaces' locks; the card's space as it was when locked (null: no such card). */
const lockCardAndTarget = async (
  ctx: MutationContext,
  cardId: string,
  targetSpaceId: string,
): Promise<string | null> => {
  const sourceSpaceId = await spaceOfCard(ctx.tx, cardId);
  await lockSpaces(ctx, sourceSpaceId ? [sourceSpaceId, targetSpaceId] : [targetSpaceId]);
  if (sourceSpaceId && (await spaceOfCard(ctx.tx, cardId)) !== sourceSpaceId) {
    throw new DomainError(ErrorCode.conflict, "The card moved to another space meanwhile; try again", [], {
      key: "refusal.move.movedMeanwhile",
    });
  }
  return sourceSpaceId;
};

/** lock both spaces → load → the domain's mutator → re-home what the card owns → emit on both. */
export const moveCardToSpace = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: MoveCardToSpaceBody,
): Promise<Card> => {
  await lockCardAndTarget(ctx, cardId, input.spaceId);
  const context = await loadMoveCardToSpaceContext(ctx.tx, actor.id, cardId, input.spaceId);
  const result = mutateMoveCardToSpace(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await runWrites(ctx.tx, moveToSpaceWrites(result.changes, actor.id, context.reminderOwnerIdsLosingAccess));
  for (const event of result.events) ctx.emit(event);
  return result.changes.card;
};

/** lock → load → the domain's mutator → the copy's rows (to-dos, relations when asked) → emit. */
export const copyCard = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: CopyCardBody,
): Promise<Card> => {
  const sourceSpaceId = await spaceOfCard(ctx.tx, cardId);
  const targetSpaceId = input.spaceId ?? sourceSpaceId ?? cardId;
  await lockCardAndTarget(ctx, cardId, targetSpaceId);
  const loaded = await loadMoveCardToSpaceContext(ctx.tx, actor.id, cardId, targetSpaceId);
  const context = {
    ...loaded,
    keyAfterOriginal: loaded.card ? await keyAfter(ctx.tx, loaded.card) : null,
    copyId: randomUUID(),
  };
  const result = mutateCopyCard(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  const copy = result.changes.card;
  await runWrites(ctx.tx, copyWrites(result.changes, cardId, input.include));
  for (const event of result.events) ctx.emit(event);
  if (input.include.documents && (await copyAttachments(ctx.tx, cardId, copy)) > 0) {
    const withDocuments = await loadCard(ctx.tx, copy.id);
    if (withDocuments) ctx.emit(draft(spaceChannel(copy.spaceId), "card.updated", { card: withDocuments }));
  }
  if (input.include.relations) {
    for (const { relation, otherSpaceId } of await copyRelations(ctx.tx, cardId, copy, actor.id)) {
      for (const spaceId of new Set([copy.spaceId, otherSpaceId])) {
        ctx.emit(draft(spaceChannel(spaceId), "relation.created", { relation }));
      }
    }
  }
  return copy;
};
