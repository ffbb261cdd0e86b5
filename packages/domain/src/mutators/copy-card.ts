/**
 * Copying a card: a new card named "… (copy)" with the original's description, dates, people (those
 * who may read the target) and labels (by name in the target). In the original's own status it lands
 * right after the original; elsewhere at the end of the status chosen as for a move. To-dos,
 * relations and documents come along when asked (the server copies those rows); comments, blockings and history
 * stay with the original: they are things that happened to it.
 */
import { DomainError, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { keyBetween } from "../ordering.js";
import { type Card, type CopyCardBody, limits } from "../schemas.js";
import { type MoveCardToSpaceContext, matchLabels, placeInTarget } from "./move-card-to-space.js";
import { type Actor, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface CopyCardContext
  extends Pick<
    MoveCardToSpaceContext,
    "role" | "card" | "sourceStatus" | "targetRole" | "target" | "cardLabels" | "targetReaderIds"
  > {
  /** The key of the card right after the original in its status (null: it is the last). */
  keyAfterOriginal: string | null;
  copyId: string;
}

export interface CopyCardChanges {
  card: Card;
  /** The copy's first status history row. */
  statusChange: { toStatusId: string; toRole: NonNullable<CopyCardContext["sourceStatus"]>["role"] };
}

const copySuffix = " (copy)";

/** The copy's name: the original's with " (copy)", shortened to fit the name limit. */
export const copyName = (name: string): string =>
  name.length + copySuffix.length <= limits.cardNameMax
    ? `${name}${copySuffix}`
    : `${name.slice(0, limits.cardNameMax - copySuffix.length - 1)}…${copySuffix}`;

export const copyCard = (
  context: CopyCardContext,
  args: CopyCardBody,
  actor: Actor,
  now: Date,
): MutatorResult<CopyCardChanges> => {
  const { card } = context;
  const refused = refuseUnlessAllowed(card ? context.role : null, "read", "Card");
  if (refused || !card) return refused ?? notFound("Card");
  const isSameSpace = (args.spaceId ?? card.spaceId) === card.spaceId;
  const statusId = args.statusId ?? (isSameSpace ? card.statusId : undefined);
  const placed = placeInTarget(context, card, statusId);
  if (placed instanceof DomainError) return placed;
  const { target, status } = placed;
  const position =
    status.id === card.statusId ? keyBetween(card.position, context.keyAfterOriginal) : placed.position;
  const readers = new Set(context.targetReaderIds);
  const at = now.toISOString();
  const copy: Card = {
    ...card,
    id: context.copyId,
    spaceId: target.id,
    statusId: status.id,
    name: copyName(card.name),
    position,
    createdBy: actor.id,
    responsibleId: card.responsibleId && readers.has(card.responsibleId) ? card.responsibleId : null,
    coworkerIds: card.coworkerIds.filter((userId) => readers.has(userId)),
    labelIds: isSameSpace ? card.labelIds : matchLabels(context.cardLabels, target.labels).labelIds,
    todoTotal: args.include.todos ? card.todoTotal : 0,
    todoDone: args.include.todos ? card.todoDone : 0,
    // The copy's documents are new rows: the cover (an id of the original's) is announced after they are.
    attachmentCount: args.include.documents ? card.attachmentCount : 0,
    coverAttachmentId: null,
    isBlocked: false,
    createdAt: at,
    updatedAt: at,
    completedAt: status.role === "completed" ? at : null,
    archivedAt: null,
    version: 1,
    // The copy is a card of its own: it does not take the original's place in a series.
    repeat: null,
  };
  return {
    changes: { card: copy, statusChange: { toStatusId: status.id, toRole: status.role } },
    events: [draft(spaceChannel(target.id), "card.created", { card: copy })],
  };
};
