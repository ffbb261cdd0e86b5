/**
 * Comments on a card. Visitors may comment; only the author edits or deletes a comment.
 * Mentions (`@[Name](user-id)`) count only for people who can read the card's space: anyone else is
 * ignored, not an error, and never learns the card exists. A newly mentioned person is notified and
 * starts following the card; the card's other followers are told of the comment.
 */
import {
  blankCommentText,
  type CommentRow,
  cardAccess,
  commentAuthorsOfCard,
  commentById,
  commentsOfCard,
  deleteCommentRow,
  type Executor,
  insertComment,
  type MutationContext,
  updateCommentBody,
} from "@lattice/db";
import {
  type Comment,
  type commentBody,
  DomainError,
  draft,
  ErrorCode,
  extractMentionIds,
  spaceChannel,
  type User,
} from "@lattice/domain";
import type { z } from "zod";
import { authorize } from "./authorize.js";
import { follow, followersOf, notify, readersOfSpace } from "./notifications.js";

type Body = z.infer<typeof commentBody>;

const toComment = (row: CommentRow, readers: ReadonlySet<string>): Comment => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  cardId: row.cardId,
  authorId: row.authorId,
  body: row.body,
  mentionIds: extractMentionIds(row.body).filter((id) => readers.has(id)),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The comments with their mentions resolved against the space's readers, in one query. */
const toComments = async (db: Executor, spaceId: string, rows: CommentRow[]): Promise<Comment[]> => {
  const mentioned = rows.flatMap((r) => extractMentionIds(r.body));
  const readers = new Set(await readersOfSpace(db, spaceId, mentioned));
  return rows.map((r) => toComment(r, readers));
};

export const listComments = async (db: Executor, actor: User, cardId: string): Promise<Comment[]> => {
  const { card } = authorize(await cardAccess(db, actor.id, cardId), "read", "Card");
  const rows = await commentsOfCard(db, cardId);
  return toComments(db, card.spaceId, rows);
};

/** Notifies and makes followers of those mentioned now who were not before (never the author). */
const welcomeMentioned = async (
  ctx: MutationContext,
  actor: User,
  card: { id: string; workspaceId: string },
  comment: Comment,
  mentionedBefore: readonly string[],
): Promise<void> => {
  const fresh = comment.mentionIds.filter((id) => id !== actor.id && !mentionedBefore.includes(id));
  if (fresh.length === 0) return;
  await follow(ctx.tx, card, fresh);
  await notify(ctx, {
    userIds: fresh,
    kind: "mentioned",
    cardId: card.id,
    workspaceId: card.workspaceId,
    actorId: actor.id,
    data: { commentId: comment.id, actorName: actor.name },
  });
};

export const createComment = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: Body,
): Promise<Comment> => {
  const { card } = authorize(await cardAccess(ctx.tx, actor.id, cardId), "comment", "Card");
  const row = await insertComment(ctx.tx, {
    workspaceId: card.workspaceId,
    spaceId: card.spaceId,
    cardId,
    authorId: actor.id,
    body: input.body,
  });
  const [comment] = await toComments(ctx.tx, card.spaceId, [row]);
  if (!comment) throw new Error("comment lost in mapping");
  ctx.emit(draft(spaceChannel(card.spaceId), "comment.created", { comment }));
  // Followers hear of the comment; those it mentions hear of the mention instead.
  const followers = (await followersOf(ctx.tx, cardId)).filter((id) => !comment.mentionIds.includes(id));
  await notify(ctx, {
    userIds: followers,
    kind: "commented",
    cardId,
    workspaceId: card.workspaceId,
    actorId: actor.id,
    data: { commentId: comment.id, actorName: actor.name },
  });
  await welcomeMentioned(ctx, actor, card, comment, []);
  return comment;
};

/**
 * Security: 404 when the caller cannot read the card (as for a comment that does not exist), 403
 * when they can but did not write it.
 */
const ownComment = async (db: Executor, actor: User, commentId: string) => {
  const row = await commentById(db, commentId);
  const access = row ? await cardAccess(db, actor.id, row.cardId) : null;
  if (!row || !access)
    throw new DomainError(ErrorCode.notFound, "Comment not found", [], { key: "refusal.notFound.comment" });
  authorize(access, "comment", "Comment");
  if (row.authorId !== actor.id) {
    throw new DomainError(ErrorCode.forbidden, "Only the author can change or delete a comment", [], {
      key: "refusal.comment.authorOnly",
    });
  }
  return { row, card: access.card };
};

export const updateComment = async (
  ctx: MutationContext,
  actor: User,
  commentId: string,
  input: Body,
): Promise<Comment> => {
  const { row: before, card } = await ownComment(ctx.tx, actor, commentId);
  const row = await updateCommentBody(ctx.tx, commentId, input.body);
  if (!row) throw new Error("comment vanished inside its own transaction");
  const [previous, comment] = await toComments(ctx.tx, card.spaceId, [before, row]);
  if (!previous || !comment) throw new Error("comment lost in mapping");
  ctx.emit(draft(spaceChannel(card.spaceId), "comment.updated", { comment }));
  await welcomeMentioned(ctx, actor, card, comment, previous.mentionIds);
  return comment;
};

/**
 * Security: a deleted comment's text must not be served again, to anyone. Its copies live in the
 * event log (a `since=0` replay would resend `comment.created` and every `comment.updated`) and in
 * the stored replies of idempotent requests; both are blanked in the deleting transaction. The
 * events keep their seq and shape (the text becomes empty, the mentions go), so replays stay
 * gapless and the client's reducer still applies them (`blankCommentText`).
 *
 * Blanks the text of every comment of a card about to be deleted (the comments go with it).
 */
export const scrubCardComments = async (
  tx: MutationContext["tx"],
  card: { id: string; spaceId: string },
): Promise<void> => {
  const rows = await commentAuthorsOfCard(tx, card.id);
  await blankCommentText(tx, card.spaceId, rows);
};

export const deleteComment = async (ctx: MutationContext, actor: User, commentId: string): Promise<void> => {
  const { row, card } = await ownComment(ctx.tx, actor, commentId);
  await deleteCommentRow(ctx.tx, commentId);
  await blankCommentText(ctx.tx, card.spaceId, [row]);
  ctx.emit(draft(spaceChannel(card.spaceId), "comment.deleted", { commentId, cardId: row.cardId }));
};
