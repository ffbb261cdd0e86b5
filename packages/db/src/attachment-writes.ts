/**
 * The SQL of card documents: staging an upload chunk by chunk, publishing it, reading it back chunk
 * by chunk, and the metadata changes. See schema/attachments.ts for the staging rule.
 */
import type { Attachment } from "@lattice/domain";
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { attachmentChunks, attachments, objectDeletions } from "./schema/index.js";
import { rowsOf, uuids } from "./write-sql.js";

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
  /** Given when the bytes go to the object store under a key made from it; else generated. */
  id?: string;
  /** The object's key in the S3-compatible store; absent: the bytes go to `attachment_chunks`. */
  objectKey?: string;
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

/** Where a published attachment's bytes are: the object store's key, or null for the database's chunks. */
export const attachmentObjectKey = async (db: Executor, attachmentId: string): Promise<string | null> => {
  const [row] = await db
    .select({ objectKey: attachments.objectKey })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  return row?.objectKey ?? null;
};

/**
 * Gives the copy of a card the original's published documents: new rows (same name, type, size,
 * uploader, cover), the database's chunks copied, an object in the store shared (its deletion waits
 * until no row names it). The originals are locked FOR SHARE, so a concurrent delete of one waits
 * for this copy and its object is then still named. Answers how many were copied.
 */
export const copyAttachments = async (
  db: Executor,
  originalCardId: string,
  copy: { id: string; spaceId: string; workspaceId: string },
): Promise<number> => {
  const copied = rowsOf(
    await db.execute(sql`
      WITH originals AS (
        SELECT id, gen_random_uuid() AS copy_id FROM attachments
        WHERE card_id = ${originalCardId}::uuid AND uploaded_at IS NOT NULL
        FOR SHARE
      ), inserted AS (
        INSERT INTO attachments (id, workspace_id, space_id, card_id, uploader_id, name, content_type,
          size, is_cover, object_key, uploaded_at, created_at, updated_at)
        SELECT o.copy_id, ${copy.workspaceId}::uuid, ${copy.spaceId}::uuid, ${copy.id}::uuid,
          a.uploader_id, a.name, a.content_type, a.size, a.is_cover, a.object_key, now(), a.created_at, now()
        FROM originals o JOIN attachments a ON a.id = o.id
        RETURNING id
      )
      SELECT o.id AS original_id, o.copy_id FROM originals o JOIN inserted i ON i.id = o.copy_id`),
  );
  if (copied.length === 0) return 0;
  await db.execute(sql`
    INSERT INTO attachment_chunks (attachment_id, seq, data)
    SELECT pairs.copy_id, c.seq, c.data
    FROM unnest(${uuids(copied.map((r) => r.original_id as string))},
                ${uuids(copied.map((r) => r.copy_id as string))}) AS pairs(original_id, copy_id)
    JOIN attachment_chunks c ON c.attachment_id = pairs.original_id`);
  return copied.length;
};

/**
 * Up to `limit` queued object keys, split into those no attachment row or trash entry names any more
 * (to delete from the store) and those still named (a copy shares it, the trash holds it, a restore
 * brought it back: only to forget; purging the trash entry queues the key again).
 */
export const queuedObjectDeletions = async (
  db: Executor,
  limit: number,
): Promise<{ orphaned: string[]; stillNamed: string[] }> => {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT d.object_key,
        EXISTS (SELECT 1 FROM attachments a WHERE a.object_key = d.object_key)
        -- A document of a card (space, folder) in the trash keeps its object until purged.
        OR EXISTS (SELECT 1 FROM trash_entries t WHERE t.snapshot @> jsonb_build_array(jsonb_build_object(
          'table', 'attachments', 'rows', jsonb_build_array(jsonb_build_object('object_key', d.object_key)))))
          AS still_named
      FROM object_deletions d ORDER BY d.queued_at, d.object_key LIMIT ${limit}`),
  );
  return {
    orphaned: rows.filter((r) => !r.still_named).map((r) => r.object_key as string),
    stillNamed: rows.filter((r) => r.still_named).map((r) => r.object_key as string),
  };
};

export const forgetObjectDeletions = async (db: Executor, keys: readonly string[]): Promise<void> => {
  if (keys.length === 0) return;
  await db.delete(objectDeletions).where(inArray(objectDeletions.objectKey, [...keys]));
};
