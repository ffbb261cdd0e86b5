/**
 * Documents on cards, stored in the database itself so that a backup holds everything and every
 * instance serves every file. The metadata row and its bytes in ordered chunks (at most
 * `attachmentChunkBytes` each), so an upload and a download each hold one chunk in memory at a time.
 *
 * An upload is staged: its row exists with `uploaded_at` null while the chunks arrive, and is
 * published (with its events) in one transaction once the last byte is in. A staged row is never
 * listed, counted or served; a failed upload deletes it (its chunks go with it), and rows left
 * staged by a crash are swept at start. Deleting the card, space or workspace cascades to both tables.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cards } from "./board.js";
import { createdAt, updatedAt } from "./columns.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

/** 256 KiB: few enough rows for a large file, small enough to keep memory flat while streaming. */
export const attachmentChunkBytes = 256 * 1024;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    cardId: uuid("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    isCover: boolean("is_cover").notNull().default(false),
    /**
     * Where the bytes are: null in `attachment_chunks` (the default), else the key of the object in
     * the S3-compatible store (S3_BUCKET). Copies of a card's documents share their object.
     */
    objectKey: text("object_key"),
    /** Null while the upload is still arriving (staged); set when it is published. */
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("attachments_card_idx").on(t.cardId, t.createdAt),
    index("attachments_object_key_idx").on(t.objectKey).where(sql`${t.objectKey} IS NOT NULL`),
    uniqueIndex("attachments_one_cover_idx").on(t.cardId).where(sql`${t.isCover}`),
    index("attachments_search_idx").using(
      "gin",
      sql`to_tsvector('simple', translate(${t.name}, '._-', '   '))`,
    ),
  ],
);

export const attachmentChunks = pgTable(
  "attachment_chunks",
  {
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.seq] })],
);

/**
 * Objects of the S3-compatible store whose attachment row is gone (deleted, or cascaded from its
 * card, space or workspace), queued by a trigger on `attachments` in the same transaction, so the
 * store is cleaned up also when the row went by a cascade. The sweeper deletes each object unless
 * another row (a copy) still names it, then forgets the key.
 */
export const objectDeletions = pgTable("object_deletions", {
  objectKey: text("object_key").primaryKey(),
  queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
});
