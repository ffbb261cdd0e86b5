/**
 * The SQL of card documents: staging an upload chunk by chunk, publishing it, reading it back chunk
 * by chunk, and the metadata changes. See schema/attachments.ts for the staging rule.
 */
import type { Attachment } from "@lattice/domain";
import { and, asc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { attachmentChunks, attachments } from "./schema/index.js";

type AttachmentRow = typeof attachments.$inferSelect;

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  cardId: row.cardId,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  uploaderId: row.uploaderId,
  isCover: row.isCover,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export interface StagedAttachment {
  workspaceId: string;
  spaceId: string;
  cardId: string;
  uploaderId: string;
  name: string;
  contentType: string;
}

/** A row for an upload that is starting; invisible until `publishAttachment`. */
export const stageAttachment = async (db: Executor, staged: StagedAttachment): Promise<string> => {
  const [row] = await db.insert(attachments).values(staged).returning({ id: attachments.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
};

export const writeAttachmentChunk = async (
  db: Executor,
  attachmentId: string,
  seq: number,
  data: Uint8Array,
): Promise<void> => {
  await db.insert(attachmentChunks).values({ attachmentId, seq, data });
};

/** Makes a staged upload a document of its card, with its final size; null if it is gone (card deleted). */
export const publishAttachment = async (
  db: Executor,
  attachmentId: string,
  size: number,
): Promise<Attachment | null> => {
  const [row] = await db
    .update(attachments)
    .set({ size, uploadedAt: new Date(), createdAt: new Date(), updatedAt: new Date() })
    .where(and(eq(attachments.id, attachmentId), isNull(attachments.uploadedAt)))
    .returning();
  return row ? toAttachment(row) : null;
};

/** Removes an attachment, staged or published; its chunks go with it (cascade). */
export const removeAttachment = async (db: Executor, attachmentId: string): Promise<void> => {
  await db.delete(attachments).where(eq(attachments.id, attachmentId));
};

/** Staged uploads older than `before`: left by a process that stopped mid-upload. Answers how many. */
export const sweepStagedAttachments = async (db: Executor, before: Date): Promise<number> => {
  const gone = await db
    .delete(attachments)
    .where(and(isNull(attachments.uploadedAt), lt(attachments.createdAt, before)))
    .returning({ id: attachments.id });
  return gone.length;
};

/** A published attachment, or null (also for one still being uploaded). */
export const findAttachment = async (db: Executor, attachmentId: string): Promise<Attachment | null> => {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), isNotNull(attachments.uploadedAt)));
  return row ? toAttachment(row) : null;
};

export const listAttachments = async (db: Executor, cardId: string): Promise<Attachment[]> =>
  (
    await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.cardId, cardId), isNotNull(attachments.uploadedAt)))
      .orderBy(asc(attachments.createdAt), asc(attachments.id))
  ).map(toAttachment);

/** One chunk's bytes, or null past the last one. */
export const readAttachmentChunk = async (
  db: Executor,
  attachmentId: string,
  seq: number,
): Promise<Uint8Array | null> => {
  const [row] = await db
    .select({ data: attachmentChunks.data })
    .from(attachmentChunks)
    .where(and(eq(attachmentChunks.attachmentId, attachmentId), eq(attachmentChunks.seq, seq)));
  return row?.data ?? null;
};

export const updateAttachmentRow = async (
  db: Executor,
  attachmentId: string,
  patch: { name?: string; isCover?: boolean },
): Promise<Attachment> => {
  if (patch.isCover) {
    // At most one cover per card (a unique partial index): the old one steps down first.
    await db
      .update(attachments)
      .set({ isCover: false, updatedAt: new Date() })
      .where(
        and(
          eq(attachments.cardId, sql`(SELECT card_id FROM attachments WHERE id = ${attachmentId}::uuid)`),
          eq(attachments.isCover, true),
        ),
      );
  }
  const [row] = await db
    .update(attachments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(attachments.id, attachmentId))
    .returning();
  if (!row) throw new Error("attachment vanished inside its own transaction");
  return toAttachment(row);
};
