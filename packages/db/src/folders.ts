/**
 * The SQL of folders in a workspace's tree: their order among siblings, the tree's parent links
 * (for cycle checks and what a deleted folder takes with it), making and changing one.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "./client.js";
import { folders, spaces } from "./schema/index.js";

type FolderRow = typeof folders.$inferSelect;
export type FolderChanges = Partial<typeof folders.$inferInsert>;

/** The folders with the same parent (or at the top level) of a workspace, by position. */
export const siblingFolders = (
  db: Executor,
  workspaceId: string,
  parentFolderId: string | null,
): Promise<{ id: string; position: string }[]> =>
  db
    .select({ id: folders.id, position: folders.position })
    .from(folders)
    .where(
      and(
        eq(folders.workspaceId, workspaceId),
        parentFolderId ? eq(folders.parentFolderId, parentFolderId) : isNull(folders.parentFolderId),
      ),
    )
    .orderBy(asc(folders.position));

/** Every folder of a workspace with its parent. */
export const folderTreeOf = (
  db: Executor,
  workspaceId: string,
): Promise<{ id: string; parentFolderId: string | null }[]> =>
  db
    .select({ id: folders.id, parentFolderId: folders.parentFolderId })
    .from(folders)
    .where(eq(folders.workspaceId, workspaceId));

export const insertFolder = async (
  db: Executor,
  values: { workspaceId: string; parentFolderId: string | null; name: string; position: string },
): Promise<FolderRow> => {
  const [row] = await db.insert(folders).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
};

export const updateFolderRow = async (
  db: Executor,
  folderId: string,
  changes: FolderChanges,
): Promise<FolderRow | null> => {
  const [row] = await db.update(folders).set(changes).where(eq(folders.id, folderId)).returning();
  return row ?? null;
};

/** The ids of the spaces directly in these folders. */
export const spaceIdsInFolders = async (db: Executor, folderIds: readonly string[]): Promise<string[]> =>
  (
    await db
      .select({ id: spaces.id })
      .from(spaces)
      .where(inArray(spaces.folderId, [...folderIds]))
  ).map((s) => s.id);
