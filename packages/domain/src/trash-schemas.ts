/**
 * The archive view and the trash, as the API answers them. An archived thing stays where it was,
 * out of the live views; a trashed one is out of every view until restored or purged (after the
 * instance's retention, TRASH_DAYS).
 */
import { z } from "zod";
import { id, isoTime } from "./schemas.js";

export const trashKinds = ["card", "space", "folder"] as const;
export type TrashKind = (typeof trashKinds)[number];

/** An archived or trashed thing's parent that is itself archived or in the trash. */
export const blockingParentSchema = z.object({
  kind: z.enum(["space", "folder"]),
  id,
  name: z.string(),
  /** Whether the caller may restore it. */
  canRestore: z.boolean(),
});

export const archiveItemSchema = z.object({
  kind: z.enum(trashKinds),
  id,
  name: z.string(),
  workspaceId: id,
  /** A card: its space; a space: itself; a folder: null. */
  spaceId: id.nullable(),
  /** Where it is ("Roadmap › Doing", a folder's name, "Top level"). */
  placeName: z.string(),
  archivedAt: isoTime,
  archivedBy: id.nullable(),
  archivedByName: z.string(),
  /** Restoring it may wait on this archived parent (restored, it is still inside an archived one). */
  archivedParent: blockingParentSchema.nullable(),
  canRestore: z.boolean(),
});
export type ArchiveItem = z.infer<typeof archiveItemSchema>;
export const archiveListSchema = z.object({ items: z.array(archiveItemSchema) });
export type ArchiveList = z.infer<typeof archiveListSchema>;

export const listQuery = z.object({
  q: z.string().trim().max(200, { error: "at most 200 characters" }).optional().describe("Part of the name"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const trashEntrySchema = z.object({
  kind: z.enum(trashKinds),
  /** The trashed card's, space's or folder's own id (restore and purge take it). */
  id,
  name: z.string(),
  workspaceId: id,
  spaceId: id.nullable(),
  placeName: z.string(),
  trashedAt: isoTime,
  trashedBy: id.nullable(),
  trashedByName: z.string(),
  /** When the sweeper deletes it for good. */
  purgeAt: isoTime,
  /** What went with it (a space's cards, a folder's spaces and folders). */
  contents: z.object({ cards: z.number().int(), spaces: z.number().int(), folders: z.number().int() }),
  /** Restoring it needs this parent back first (a card whose space is in the trash). */
  trashedParent: blockingParentSchema.nullable(),
  canRestore: z.boolean(),
  canPurge: z.boolean(),
});
export type TrashEntry = z.infer<typeof trashEntrySchema>;
export const trashListSchema = z.object({
  items: z.array(trashEntrySchema),
  retentionDays: z.number().int(),
});
export type TrashList = z.infer<typeof trashListSchema>;

export const restoredSchema = z.object({
  kind: z.enum(trashKinds),
  id,
  name: z.string(),
  workspaceId: id,
  spaceId: id.nullable(),
  /** Where it is now. */
  placeName: z.string(),
  /** Set when it could not go back exactly where it was: says where it went instead. */
  note: z.string().nullable(),
});
export type Restored = z.infer<typeof restoredSchema>;
