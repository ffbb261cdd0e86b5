import {
  addSpaceOwnerIfAbsent,
  insertSpace,
  isFolderOfWorkspace,
  type MutationContext,
  type SpaceChanges,
  siblingSpaces,
  spaceAccess,
  spacesPrivacyOf,
  toSpace,
  toStatus,
  updateSpaceRow,
  workspaceAccess,
} from "@lattice/db";
import {
  type CreateSpaceBody,
  createTranslator,
  defaultStatusesIn,
  draft,
  keysBetween,
  positionAmong,
  type Space,
  spaceChannel,
  type UpdateSpaceBody,
  type User,
  workspaceChannel,
} from "@lattice/domain";
import { announceAccessChange } from "./access-changes.js";
import { authorize, invalidField } from "./authorize.js";

type Tx = MutationContext["tx"];

export const checkFolder = async (tx: Tx, workspaceId: string, folderId: string): Promise<void> => {
  if (!(await isFolderOfWorkspace(tx, workspaceId, folderId)))
    throw invalidField("body.folderId", "is not a folder of this workspace", {
      key: "refusal.field.notFolderOfWorkspace",
    });
};

export const createSpace = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateSpaceBody,
): Promise<Space> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "create_hierarchy", "Workspace");
  const folderId = input.folderId ?? null;
  if (folderId) await checkFolder(tx, workspaceId, folderId);
  const placed = positionAmong(await siblingSpaces(tx, workspaceId, folderId), {});
  if (!("position" in placed)) throw new Error("unreachable");
  // Named in the creator's language; from then on they are the space's own names.
  const defaultStatuses = defaultStatusesIn(createTranslator(actor.locale));
  const keys = keysBetween(null, null, defaultStatuses.length);
  // The creator of a private space is made its owner, so they can see it.
  const { space: row, statuses: statusRows } = await insertSpace(
    tx,
    {
      workspaceId,
      folderId,
      name: input.name,
      description: input.description ?? "",
      isPrivate: input.isPrivate ?? false,
      position: placed.position,
    },
    actor.id,
    defaultStatuses.map((s, i) => ({ name: s.name, role: s.role, position: keys[i] ?? "" })),
  );
  const space = toSpace(row);
  emit(draft(workspaceChannel(workspaceId), "space.created", { space }));
  for (const status of statusRows)
    emit(draft(spaceChannel(row.id), "status.created", { status: toStatus(status) }));
  return space;
};

export const updateSpace = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  spaceId: string,
  input: UpdateSpaceBody,
): Promise<Space> => {
  const before = await spaceAccess(tx, actor.id, spaceId);
  if (before) await lock(workspaceChannel(before.space.workspaceId));
  const action =
    input.archived !== undefined || input.isPrivate !== undefined
      ? "remove_hierarchy"
      : input.description !== undefined || input.serviceLevelDays !== undefined
        ? "manage_settings"
        : "rename_hierarchy";
  const { space, workspace } = authorize(await spaceAccess(tx, actor.id, spaceId), action, "Space");
  const changes: SpaceChanges = { updatedAt: new Date() };
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.serviceLevelDays !== undefined) changes.serviceLevelDays = input.serviceLevelDays;
  if (input.isPrivate !== undefined) changes.isPrivate = input.isPrivate;
  if (input.archived !== undefined) {
    changes.archivedAt = input.archived ? new Date() : null;
    changes.archivedBy = input.archived ? actor.id : null;
  }
  const folderId = input.folderId !== undefined ? input.folderId : space.folderId;
  if (input.folderId !== undefined) {
    if (folderId) await checkFolder(tx, workspace.id, folderId);
    changes.folderId = folderId;
  }
  if (input.folderId !== undefined || input.afterId !== undefined || input.beforeId !== undefined) {
    // Security: a private sibling the caller may not see is answered like one that does not exist.
    for (const field of ["afterId", "beforeId"] as const) {
      const neighbourId = input[field];
      if (neighbourId && !(await spaceAccess(tx, actor.id, neighbourId)))
        throw invalidField(`body.${field}`, "is not a sibling space", {
          key: "refusal.field.notSiblingSpace",
        });
    }
    const placed = positionAmong(await siblingSpaces(tx, workspace.id, folderId), input, spaceId);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not a sibling space", {
        key: "refusal.field.notSiblingSpace",
      });
    changes.position = placed.position;
  }
  if (input.isPrivate === true && !space.isPrivate) {
    await addSpaceOwnerIfAbsent(tx, { spaceId, workspaceId: workspace.id, userId: actor.id });
  }
  const row = await updateSpaceRow(tx, spaceId, changes);
  if (!row) throw new Error("space vanished inside its own lock");
  const updated = toSpace(row);
  emit(draft(workspaceChannel(workspace.id), "space.updated", { space: updated }));
  emit(draft(spaceChannel(spaceId), "space.updated", { space: updated }));
  if (input.isPrivate !== undefined && input.isPrivate !== space.isPrivate) {
    await announceAccessChange({ tx, emit, lock }, workspace.id, null, [spaceId]);
    // Who finds this space in the workspace's tree changed too: clients reload the tree on it.
    emit(
      draft(workspaceChannel(workspace.id), "access.changed", { workspaceId: workspace.id, userId: null }),
    );
  }
  return updated;
};

/** Emits `space.deleted` for spaces about to disappear, so open boards learn of it. */
export const announceSpacesDeleted = async (
  { tx, emit }: MutationContext,
  workspaceId: string,
  spaceIds: string[],
): Promise<void> => {
  if (spaceIds.length === 0) return;
  const rows = await spacesPrivacyOf(tx, workspaceId, spaceIds);
  for (const { id, isPrivate } of rows) {
    emit(draft(workspaceChannel(workspaceId), "space.deleted", { spaceId: id, workspaceId, isPrivate }));
    emit(draft(spaceChannel(id), "space.deleted", { spaceId: id, workspaceId, isPrivate }));
  }
  // Only the workspace's owners are told a private space went (its own members are gone with it):
  // everyone reloads the tree instead, so nobody keeps showing it.
  if (rows.some((r) => r.isPrivate))
    emit(draft(workspaceChannel(workspaceId), "access.changed", { workspaceId, userId: null }));
};
