/**
 * Card commands. Ordering: every command that places a card first locks the space channel, so
 * placements in one space run one after another and each computes its key from committed
 * neighbours; a move rewrites only the moving card's row. The unique (status_id, position) index is
 * the last line of defence. What a move or a create means (permission, the blocked rule,
 * completedAt, the key) is the domain's mutator, the same one the web app runs optimistically.
 */
import { randomUUID } from "node:crypto";
import {
  createWrites,
  loadCard,
  loadCreateCardContext,
  loadMoveCardContext,
  loadUpdateCardContext,
  lockSpaceOf,
  lockSpaceOfCard,
  type MutationContext,
  moveWrites,
  persistUpdate,
  tables,
  writeLast,
} from "@lattice/db";
import {
  type Card,
  type CreateCardBody,
  createCardAim,
  isRefusal,
  type MoveCardBody,
  moveCardAim,
  createCard as mutateCreateCard,
  moveCard as mutateMoveCard,
  updateCard as mutateUpdateCard,
  spaceChannel,
  type UpdateCardBody,
  type User,
} from "@lattice/domain";
import { eq } from "drizzle-orm";
import { notify } from "./notifications.js";

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

/** lock → load the context → the domain's mutator (authorize, dates, people, labels) → persist → emit. */
export const updateCard = async (
  { tx, emit, mail }: MutationContext,
  actor: User,
  cardId: string,
  input: UpdateCardBody,
): Promise<Card> => {
  await lockSpaceOf(tx, "card", cardId);
  const context = await loadUpdateCardContext(tx, actor.id, cardId, input);
  const result = mutateUpdateCard(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistUpdate(tx, result.changes);
  if (input.archived !== undefined) {
    // Who archived it, for the archive view.
    await tx
      .update(tables.cards)
      .set({ archivedBy: result.changes.card.archivedAt ? actor.id : null })
      .where(eq(tables.cards.id, cardId));
  }
  for (const event of result.events) emit(event);
  const { card, newResponsibleId, newCoworkerIds } = result.changes;
  const about = { cardId, workspaceId: card.workspaceId, actorId: actor.id };
  if (newResponsibleId)
    await notify({ tx, emit, mail }, { ...about, userIds: [newResponsibleId], kind: "assigned_responsible" });
  if (newCoworkerIds.length > 0)
    await notify({ tx, emit, mail }, { ...about, userIds: newCoworkerIds, kind: "assigned_coworker" });
  return card;
};

/** lock → load the context → the domain's mutator (authorize, rules, key) → persist → emit. */
export const moveCard = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: MoveCardBody,
): Promise<Card> => {
  const { tx, emit, mail } = ctx;
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
      { tx, emit, mail },
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
