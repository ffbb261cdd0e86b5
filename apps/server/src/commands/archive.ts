/**
 * The archive view: archived folders, spaces and cards of a workspace (or a space's cards), each
 * with where it is and who archived it. Only what the caller may read is listed: a private space
 * and its cards stay with its readers. Restoring is the ordinary `PATCH … {archived: false}`.
 */
import { type Executor, likePattern, spacesWithRoles, tables, userNames, workspaceAccess } from "@lattice/db";
import { Action, type ArchiveItem, can } from "@lattice/domain";
import { and, eq, ilike, inArray, isNotNull } from "drizzle-orm";

export interface ArchiveFilter {
  workspaceId: string;
  /** Only this space's archived cards. */
  spaceId?: string;
  q?: string | undefined;
  limit: number;
}

const topLevel = "Top level";

export const listArchive = async (
  db: Executor,
  userId: string,
  filter: ArchiveFilter,
): Promise<ArchiveItem[]> => {
  const workspaceRole = (await workspaceAccess(db, userId, filter.workspaceId))?.role ?? null;
  if (!workspaceRole) return [];
  const readable = await spacesWithRoles(db, userId, { workspaceId: filter.workspaceId });
  const spaces = new Map(readable.map((r) => [r.space.id, r]));
  const folderRows = await db
    .select()
    .from(tables.folders)
    .where(eq(tables.folders.workspaceId, filter.workspaceId));
  const folders = new Map(folderRows.map((f) => [f.id, f]));
  const named = filter.q ? filter.q.toLowerCase() : null;
  const matches = (name: string) => named === null || name.toLowerCase().includes(named);

  /** The nearest archived folder at or above `folderId`. */
  const archivedFolder = (folderId: string | null): ArchiveItem["archivedParent"] => {
    for (
      let f = folderId ? folders.get(folderId) : undefined;
      f;
      f = f.parentFolderId ? folders.get(f.parentFolderId) : undefined
    ) {
      if (f.archivedAt)
        return {
          kind: "folder",
          id: f.id,
          name: f.name,
          canRestore: can(workspaceRole, Action.removeHierarchy),
        };
    }
    return null;
  };
  const folderName = (folderId: string | null) =>
    folderId ? (folders.get(folderId)?.name ?? topLevel) : topLevel;

  const found: Array<Omit<ArchiveItem, "archivedByName">> = [];
  if (!filter.spaceId) {
    for (const f of folderRows) {
      if (!f.archivedAt || !matches(f.name)) continue;
      found.push({
        kind: "folder",
        id: f.id,
        name: f.name,
        workspaceId: f.workspaceId,
        spaceId: null,
        placeName: folderName(f.parentFolderId),
        archivedAt: f.archivedAt.toISOString(),
        archivedBy: f.archivedBy,
        archivedParent: archivedFolder(f.parentFolderId),
        canRestore: can(workspaceRole, Action.removeHierarchy),
      });
    }
    for (const { space, role } of readable) {
      if (!space.archivedAt || !matches(space.name)) continue;
      found.push({
        kind: "space",
        id: space.id,
        name: space.name,
        workspaceId: space.workspaceId,
        spaceId: space.id,
        placeName: folderName(space.folderId),
        archivedAt: space.archivedAt.toISOString(),
        archivedBy: space.archivedBy,
        archivedParent: archivedFolder(space.folderId),
        canRestore: can(role, Action.removeHierarchy),
      });
    }
  }
  const spaceIds = filter.spaceId ? (spaces.has(filter.spaceId) ? [filter.spaceId] : []) : [...spaces.keys()];
  if (spaceIds.length > 0) {
    const cards = await db
      .select({
        id: tables.cards.id,
        name: tables.cards.name,
        spaceId: tables.cards.spaceId,
        archivedAt: tables.cards.archivedAt,
        archivedBy: tables.cards.archivedBy,
        statusName: tables.statuses.name,
      })
      .from(tables.cards)
      .innerJoin(tables.statuses, eq(tables.statuses.id, tables.cards.statusId))
      .where(
        and(
          inArray(tables.cards.spaceId, spaceIds),
          isNotNull(tables.cards.archivedAt),
          filter.q ? ilike(tables.cards.name, likePattern(filter.q)) : undefined,
        ),
      );
    for (const card of cards) {
      const access = spaces.get(card.spaceId);
      if (!access || !card.archivedAt) continue;
      const { space, role } = access;
      found.push({
        kind: "card",
        id: card.id,
        name: card.name,
        workspaceId: space.workspaceId,
        spaceId: space.id,
        placeName: `${space.name} › ${card.statusName}`,
        archivedAt: card.archivedAt.toISOString(),
        archivedBy: card.archivedBy,
        archivedParent: space.archivedAt
          ? { kind: "space", id: space.id, name: space.name, canRestore: can(role, Action.removeHierarchy) }
          : archivedFolder(space.folderId),
        canRestore: can(role, Action.writeCards),
      });
    }
  }
  const items = found
    .sort((a, b) => b.archivedAt.localeCompare(a.archivedAt) || a.id.localeCompare(b.id))
    .slice(0, filter.limit);
  const names = await userNames(
    db,
    items.map((i) => i.archivedBy),
  );
  return items.map((i) => ({
    ...i,
    archivedByName: i.archivedBy ? (names.get(i.archivedBy) ?? "Someone") : "Someone",
  }));
};
