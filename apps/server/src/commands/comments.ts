/**
 * Comments on a card. Visitors may comment; only the author edits or deletes a comment.
 * Mentions (`@[Name](user-id)`) count only for people who can read the card's space: anyone else is
 * ignored, not an error, and never learns the card exists. A newly mentioned person is notified and
 * starts following the card; the card's other followers are told of the comment.
 */
import { cardAccess, type Executor, type MutationContext, tables } from "@lattice/db";
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
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize } from "./authorize.js";
import { follow, followersOf, notify, readersOfSpace } from "./notifications.js";

type CommentRow = typeof tables.comments.$inferSelect;
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
  const rows = await db
    .select()
    .from(tables.comments)
    .where(eq(tables.comments.cardId, cardId))
    .orderBy(asc(tables.comments.createdAt), asc(tables.comments.id));
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
  const [row] = await ctx.tx
    .insert(tables.comments)
    .values({
      workspaceId: card.workspaceId,
      spaceId: card.spaceId,
      cardId,
      authorId: actor.id,
      body: input.body,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
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
  const [row] = await db.select().from(tables.comments).where(eq(tables.comments.id, commentId));
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
  const [row] = await ctx.tx
    .update(tables.comments)
    .set({ body: input.body, updatedAt: new Date() })
    .where(eq(tables.comments.id, commentId))
    .returning();
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
 * gapless and the client's reducer still applies them.
 */
const scrubCommentText = async (
  tx: MutationContext["tx"],
  spaceId: string,
  comments: ReadonlyArray<{ id: string; authorId: string | null }>,
): Promise<void> => {
  if (comments.length === 0) return;
  const ids = comments.map((c) => c.id);
  await tx.execute(sql`
    UPDATE events
    SET payload = jsonb_set(jsonb_set(payload, '{comment,body}', '""'), '{comment,mentionIds}', '[]')
    WHERE channel = ${spaceChannel(spaceId)}
      AND type IN ('comment.created', 'comment.updated')
      AND payload->'comment'->>'id' = ANY(${sql.param(ids)}::text[])
  `);
  const authorIds = [...new Set(comments.flatMap((c) => (c.authorId ? [c.authorId] : [])))];
  if (authorIds.length === 0) return;
  await tx
    .update(tables.idempotencyKeys)
    .set({ body: sql`jsonb_set(${tables.idempotencyKeys.body}, '{body}', '""')` })
    .where(
      and(
        inArray(tables.idempotencyKeys.userId, authorIds),
        sql`${tables.idempotencyKeys.body}->>'id' = ANY(${sql.param(ids)}::text[])`,
        sql`${tables.idempotencyKeys.body} ? 'body'`,
      ),
    );
};

/** Blanks the text of every comment of a card about to be deleted (the comments go with it). */
export const scrubCardComments = async (
  tx: MutationContext["tx"],
  card: { id: string; spaceId: string },
): Promise<void> => {
  const rows = await tx
    .select({ id: tables.comments.id, authorId: tables.comments.authorId })
    .from(tables.comments)
    .where(eq(tables.comments.cardId, card.id));
  await scrubCommentText(tx, card.spaceId, rows);
};

export const deleteComment = async (ctx: MutationContext, actor: User, commentId: string): Promise<void> => {
  const { row, card } = await ownComment(ctx.tx, actor, commentId);
  await ctx.tx.delete(tables.comments).where(eq(tables.comments.id, commentId));
  await scrubCommentText(ctx.tx, card.spaceId, [row]);
  ctx.emit(draft(spaceChannel(card.spaceId), "comment.deleted", { commentId, cardId: row.cardId }));
};
