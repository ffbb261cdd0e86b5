/**
 * The SQL of comments on cards, and of blanking a deleted comment's text wherever a copy of it is
 * kept: the event log (events keep their seq and shape, so replays stay gapless) and the stored
 * replies of idempotent requests. Who may comment, and whom a mention counts for, is decided by
 * the caller.
 */
import { spaceChannel } from "@lattice/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { comments, idempotencyKeys } from "./schema/index.js";

export type CommentRow = typeof comments.$inferSelect;

/** A card's comments, oldest first. */
export const commentsOfCard = (db: Executor, cardId: string): Promise<CommentRow[]> =>
  db
    .select()
    .from(comments)
    .where(eq(comments.cardId, cardId))
    .orderBy(asc(comments.createdAt), asc(comments.id));

export const commentById = async (db: Executor, commentId: string): Promise<CommentRow | null> => {
  const [row] = await db.select().from(comments).where(eq(comments.id, commentId));
  return row ?? null;
};

export const insertComment = async (
  db: Executor,
  values: { workspaceId: string; spaceId: string; cardId: string; authorId: string; body: string },
): Promise<CommentRow> => {
  const [row] = await db.insert(comments).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
};

/** A comment with its new text (stamping `updatedAt`); null when it is gone. */
export const updateCommentBody = async (
  db: Executor,
  commentId: string,
  body: string,
): Promise<CommentRow | null> => {
  const [row] = await db
    .update(comments)
    .set({ body, updatedAt: new Date() })
    .where(eq(comments.id, commentId))
    .returning();
  return row ?? null;
};

export const deleteCommentRow = async (db: Executor, commentId: string): Promise<void> => {
  await db.delete(comments).where(eq(comments.id, commentId));
};

/** A card's comments' ids and authors (what blanking their text needs). */
export const commentAuthorsOfCard = (
  db: Executor,
  cardId: string,
): Promise<{ id: string; authorId: string | null }[]> =>
  db
    .select({ id: comments.id, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.cardId, cardId));

/**
 * Blanks the text and mentions of these comments in the space channel's events and in their
 * authors' stored idempotent replies.
 */
export const blankCommentText = async (
  db: Executor,
  spaceId: string,
  of: ReadonlyArray<{ id: string; authorId: string | null }>,
): Promise<void> => {
  if (of.length === 0) return;
  const ids = of.map((c) => c.id);
  await db.execute(sql`
    UPDATE events
    SET payload = jsonb_set(jsonb_set(payload, '{comment,body}', '""'), '{comment,mentionIds}', '[]')
    WHERE channel = ${spaceChannel(spaceId)}
      AND type IN ('comment.created', 'comment.updated')
      AND payload->'comment'->>'id' = ANY(${sql.param(ids)}::text[])
  `);
  const authorIds = [...new Set(of.flatMap((c) => (c.authorId ? [c.authorId] : [])))];
  if (authorIds.length === 0) return;
  await db
    .update(idempotencyKeys)
    .set({ body: sql`jsonb_set(${idempotencyKeys.body}, '{body}', '""')` })
    .where(
      and(
        inArray(idempotencyKeys.userId, authorIds),
        sql`${idempotencyKeys.body}->>'id' = ANY(${sql.param(ids)}::text[])`,
        sql`${idempotencyKeys.body} ? 'body'`,
      ),
    );
};
