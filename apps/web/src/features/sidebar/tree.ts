/**
 * The workspace tree as the sidebar shows it. Folders and spaces are ordered among siblings of the
 * same kind by their fractional `position` (byte-wise, via `byPosition`); archived items are hidden.
 */
import { byPosition, type Folder, type Tree } from "@lattice/domain";

export type TreeSpace = Tree["spaces"][number];

export interface FolderNode {
  folder: Folder;
  folders: FolderNode[];
  spaces: TreeSpace[];
}

export interface TreeView {
  folders: FolderNode[];
  spaces: TreeSpace[];
}

export const buildTree = (tree: Tree): TreeView => {
  const folders = tree.folders.filter((f) => f.archivedAt === null);
  const spaces = tree.spaces.filter((s) => s.archivedAt === null);
  const build = (parentId: string | null): FolderNode[] =>
    folders
      .filter((f) => f.parentFolderId === parentId)
      .sort(byPosition)
      .map((folder) => ({
        folder,
        folders: build(folder.id),
        spaces: spaces.filter((s) => s.folderId === folder.id).sort(byPosition),
      }));
  return {
    folders: build(null),
    // Spaces inside an archived folder disappear with it: they are only reached through their folder.
    spaces: spaces.filter((s) => s.folderId === null).sort(byPosition),
  };
};

/** Siblings-aware neighbours for "move up/down": the PATCH body that moves `id` one step. */
export const stepPlacement = <T extends { id: string }>(
  siblings: T[],
  id: string,
  direction: "up" | "down",
): { beforeId: string } | { afterId: string } | null => {
  const index = siblings.findIndex((s) => s.id === id);
  if (index < 0) return null;
  if (direction === "up") {
    const previous = siblings[index - 1];
    return previous ? { beforeId: previous.id } : null;
  }
  const next = siblings[index + 1];
  return next ? { afterId: next.id } : null;
};

/** Names from the workspace down to the space: workspace › folder › … › space. */
export const spacePath = (tree: Tree, spaceId: string): string[] => {
  const space = tree.spaces.find((s) => s.id === spaceId);
  if (!space) return [tree.workspace.name];
  const byId = new Map(tree.folders.map((f) => [f.id, f]));
  const folders: string[] = [];
  const seen = new Set<string>();
  let current = space.folderId ? byId.get(space.folderId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    folders.unshift(current.name);
    current = current.parentFolderId ? byId.get(current.parentFolderId) : undefined;
  }
  return [tree.workspace.name, ...folders, space.name];
};

/** Folder choices for a "create in…" select, indented by depth. */
export const folderOptions = (view: TreeView): Array<{ id: string; label: string }> => {
  const out: Array<{ id: string; label: string }> = [];
  const walk = (nodes: FolderNode[], depth: number) => {
    for (const node of nodes) {
      out.push({ id: node.folder.id, label: `${"\u00a0\u00a0".repeat(depth)}${node.folder.name}` });
      walk(node.folders, depth + 1);
    }
  };
  walk(view.folders, 0);
  return out;
};
