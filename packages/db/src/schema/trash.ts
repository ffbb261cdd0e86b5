import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf, oneOfCheck } from "./columns.js";
import { workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const trashKinds = ["card", "space", "folder"] as const;

/**
 * The trash. Deleting a card, a space or a folder moves it here: its own row and every row that
 * would have gone with it (ON DELETE CASCADE, followed through the catalog) are kept as JSON in
 * `snapshot`, then deleted from their tables. So a trashed thing is gone from every query of the
 * product by construction (board, search, charts, feeds, counts), and restoring puts the same rows
 * back with the same ids. Purging, or the sweeper after TRASH_DAYS, deletes the entry.
 */
export const trashEntries = pgTable(
  "trash_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: oneOf("kind", trashKinds).notNull(),
    /** The trashed card's, space's or folder's own id: it is in the trash at most once. */
    itemId: uuid("item_id").notNull().unique(),
    name: text("name").notNull(),
    /** A card: the space it was in; a space: itself. No foreign key: that space may be gone too. */
    spaceId: uuid("space_id"),
    /** A space: its folder; a folder: its parent folder; a card: its status. */
    parentId: uuid("parent_id"),
    /** Where it was, in words, at the time it was trashed ("Roadmap › Doing", a folder's name). */
    placeName: text("place_name").notNull(),
    /** A private space (or a card of one): who could read it. Null: every member of the workspace. */
    readerIds: uuid("reader_ids").array(),
    trashedBy: uuid("trashed_by").references(() => users.id, { onDelete: "set null" }),
    trashedAt: timestamp("trashed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Cards, spaces and folders that went with it (a space's cards, a folder's spaces). */
    contents: jsonb("contents").$type<{ cards: number; spaces: number; folders: number }>().notNull(),
    snapshot: jsonb("snapshot").$type<TrashSnapshot>().notNull(),
  },
  (t) => [
    index("trash_entries_workspace_idx").on(t.workspaceId, t.trashedAt),
    index("trash_entries_space_idx").on(t.spaceId),
    // The sweeper reads the oldest entries across every workspace.
    index("trash_entries_trashed_at_idx").on(t.trashedAt),
    oneOfCheck("trash_entries", t.kind, trashKinds),
  ],
);

/** Rows per table, parents before children, as `to_jsonb` wrote them. */
export type TrashSnapshot = Array<{ table: string; rows: unknown[] }>;
