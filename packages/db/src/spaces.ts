/**
 * The SQL of spaces in a workspace's tree: their order among siblings, a folder's membership of a
 * workspace, making a space with its first statuses (and its creator as the owner of a private
 * one), changing one, and what announcing deleted spaces reads. The rules are the caller's.
 */
import type { StatusRole } from "@lattice/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "./client.js";
import { folders, spaceMembers, spaces, statuses } from "./schema/index.js";

type SpaceRow = typeof spaces.$inferSelect;
type StatusRow = typeof statuses.$inferSelect;
export type SpaceChanges = Partial<typeof spaces.$inferInsert>;

/** The spaces in the same folder (or at the top level) of a workspace, by position. */
export const siblingSpaces = (
  db: Executor,
  workspaceId: string,
  folderId: string | null,
): Promise<{ id: string; position: string }[]> =>
  db
    .select({ id: spaces.id, position: spaces.position })
    .from(spaces)
    .where(
      and(
        eq(spaces.workspaceId, workspaceId),
        folderId ? eq(spaces.folderId, folderId) : isNull(spaces.folderId),
      ),
    )
    .orderBy(asc(spaces.position));

export const isFolderOfWorkspace = async (
  db: Executor,
  workspaceId: string,
  folderId: string,
): Promise<boolean> => {
  const [folder] = await db
    .select({ id: folders.id })
    .from(folders)
    .where(and(eq(folders.id, folderId), eq(folders.workspaceId, workspaceId)));
  return folder !== undefined;
};

/**
 * Makes a space with its statuses (in the order given, at the keys given); a private space gets
 * `ownerId` as its owner, so its creator can see it.
 */
export const insertSpace = async (
  db: Executor,
  space: {
    workspaceId: string;
    folderId: string | null;
    name: string;
    description: string;
    isPrivate: boolean;
    position: string;
  },
  ownerId: string,
  firstStatuses: readonly { name: string; role: StatusRole; position: string }[],
): Promise<{ space: SpaceRow; statuses: StatusRow[] }> => {
  const [row] = await db.insert(spaces).values(space).returning();
  if (!row) throw new Error("insert returned no row");
  if (row.isPrivate)
    await db
      .insert(spaceMembers)
      .values({ spaceId: row.id, workspaceId: space.workspaceId, userId: ownerId, role: "owner" });
  const statusRows = await db
    .insert(statuses)
    .values(firstStatuses.map((s) => ({ workspaceId: space.workspaceId, spaceId: row.id, ...s })))
    .returning();
  return { space: row, statuses: statusRows };
};

/** Makes the person an owner of the space (kept as is when already a member). */
export const addSpaceOwnerIfAbsent = async (
  db: Executor,
  of: { spaceId: string; workspaceId: string; userId: string },
): Promise<void> => {
  await db
    .insert(spaceMembers)
    .values({ ...of, role: "owner" })
    .onConflictDoNothing();
};

export const updateSpaceRow = async (
  db: Executor,
  spaceId: string,
  changes: SpaceChanges,
): Promise<SpaceRow | null> => {
  const [row] = await db.update(spaces).set(changes).where(eq(spaces.id, spaceId)).returning();
  return row ?? null;
};

/** Of these spaces, those of the workspace, with whether each is private. */
export const spacesPrivacyOf = (
  db: Executor,
  workspaceId: string,
  spaceIds: readonly string[],
): Promise<{ id: string; isPrivate: boolean }[]> =>
  db
    .select({ id: spaces.id, isPrivate: spaces.isPrivate })
    .from(spaces)
    .where(and(eq(spaces.workspaceId, workspaceId), inArray(spaces.id, [...spaceIds])));
