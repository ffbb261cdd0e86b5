import {
  type FolderChanges,
  folderAccess,
  folderTreeOf,
  insertFolder,
  type MutationContext,
  siblingFolders,
  spaceIdsInFolders,
  toFolder,
  updateFolderRow,
  workspaceAccess,
} from "@lattice/db";
import {
  type CreateFolderBody,
  draft,
  type Folder,
  positionAmong,
  type UpdateFolderBody,
  type User,
  workspaceChannel,
} from "@lattice/domain";
import { authorize, invalidField } from "./authorize.js";
import { trashFolder } from "./trash.js";

type Tx = MutationContext["tx"];

/** A parent folder must exist in the same workspace and must not be the folder or one of its descendants. */
const checkParent = async (
  tx: Tx,
  workspaceId: string,
  parentId: string,
  movingId?: string,
): Promise<void> => {
  const all = await folderTreeOf(tx, workspaceId);
  const parentOf = new Map(all.map((f) => [f.id, f.parentFolderId]));
  if (!parentOf.has(parentId))
    throw invalidField("body.parentFolderId", "is not a folder of this workspace", {
      key: "refusal.field.notFolderOfWorkspace",
    });
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === movingId)
      throw invalidField("body.parentFolderId", "would put the folder inside itself", {
        key: "refusal.field.folderInsideItself",
      });
  }
};

export const createFolder = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateFolderBody,
): Promise<Folder> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "create_hierarchy", "Workspace");
  const parentFolderId = input.parentFolderId ?? null;
  if (parentFolderId) await checkParent(tx, workspaceId, parentFolderId);
  const placed = positionAmong(await siblingFolders(tx, workspaceId, parentFolderId), {});
  if (!("position" in placed)) throw new Error("unreachable");
  const row = await insertFolder(tx, {
    workspaceId,
    parentFolderId,
    name: input.name,
    position: placed.position,
  });
  const folder = toFolder(row);
  emit(draft(workspaceChannel(workspaceId), "folder.created", { folder }));
  return folder;
};

export const updateFolder = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  folderId: string,
  input: UpdateFolderBody,
): Promise<Folder> => {
  const before = await folderAccess(tx, actor.id, folderId);
  if (before) await lock(workspaceChannel(before.folder.workspaceId));
  const access = authorize(
    await folderAccess(tx, actor.id, folderId),
    input.archived !== undefined ? "remove_hierarchy" : "rename_hierarchy",
    "Folder",
  );
  const { folder, workspace } = access;
  const changes: FolderChanges = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.archived !== undefined) {
    changes.archivedAt = input.archived ? new Date() : null;
    changes.archivedBy = input.archived ? actor.id : null;
  }
  const parentFolderId = input.parentFolderId !== undefined ? input.parentFolderId : folder.parentFolderId;
  if (input.parentFolderId !== undefined) {
    if (parentFolderId) await checkParent(tx, workspace.id, parentFolderId, folderId);
    changes.parentFolderId = parentFolderId;
  }
  if (input.parentFolderId !== undefined || input.afterId !== undefined || input.beforeId !== undefined) {
    const placed = positionAmong(await siblingFolders(tx, workspace.id, parentFolderId), input, folderId);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not a sibling folder", {
        key: "refusal.field.notSiblingFolder",
      });
    changes.position = placed.position;
  }
  const row = Object.keys(changes).length > 0 ? await updateFolderRow(tx, folderId, changes) : folder;
  if (!row) throw new Error("folder vanished inside its own lock");
  const updated = toFolder(row);
  emit(draft(workspaceChannel(workspace.id), "folder.updated", { folder: updated }));
  return updated;
};

export const deleteFolder = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  folderId: string,
): Promise<void> => {
  const before = await folderAccess(tx, actor.id, folderId);
  if (before) await lock(workspaceChannel(before.folder.workspaceId));
  const { workspace, folder } = authorize(
    await folderAccess(tx, actor.id, folderId),
    "remove_hierarchy",
    "Folder",
  );
  // Nested folders and their spaces go to the trash with it, as one entry; open boards are told first.
  const all = await folderTreeOf(tx, workspace.id);
  const doomed = new Set([folderId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of all) {
      if (f.parentFolderId && doomed.has(f.parentFolderId) && !doomed.has(f.id)) {
        doomed.add(f.id);
        grew = true;
      }
    }
  }
  const spaceIds = await spaceIdsInFolders(tx, [...doomed]);
  await trashFolder({ tx, emit, lock }, actor, folder, [...doomed], spaceIds);
};
