import {
  deleteWorkspaceRow,
  insertWorkspace,
  lockWorkspaceOrder,
  type MutationContext,
  toMember,
  toWorkspace,
  updateWorkspaceRow,
  type WorkspaceChanges,
  workspaceAccess,
  workspaceKeys,
} from "@lattice/db";
import {
  type CreateWorkspaceBody,
  draft,
  positionAmong,
  type UpdateWorkspaceBody,
  type User,
  userChannel,
  type Workspace,
  workspaceChannel,
} from "@lattice/domain";
import { announceAccessChange } from "./access-changes.js";
import { authorize, invalidField } from "./authorize.js";

export const createWorkspace = async (
  { tx, emit }: MutationContext,
  actor: User,
  input: CreateWorkspaceBody,
): Promise<Workspace> => {
  // Workspaces have no parent channel to lock; placements among them take this lock instead.
  await lockWorkspaceOrder(tx);
  const placed = positionAmong(await workspaceKeys(tx), {});
  if (!("position" in placed)) throw new Error("unreachable");
  const { workspace: row, owner: memberRow } = await insertWorkspace(tx, {
    name: input.name,
    description: input.description ?? "",
    visibility: input.visibility,
    position: placed.position,
    createdBy: actor.id,
  });
  const workspace = toWorkspace(row, "owner");
  emit(draft(workspaceChannel(row.id), "workspace.created", { workspace: { ...workspace, role: null } }));
  emit(
    draft(userChannel(actor.id), "member.added", {
      member: toMember({ ...memberRow, email: actor.email, name: actor.name, color: actor.color }),
    }),
  );
  return workspace;
};

export const updateWorkspace = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: UpdateWorkspaceBody,
): Promise<Workspace> => {
  await lock(workspaceChannel(workspaceId));
  const access = await workspaceAccess(tx, actor.id, workspaceId);
  const isRenameOnly =
    input.archived === undefined && input.visibility === undefined && input.joinRole === undefined;
  authorize(
    access,
    isRenameOnly && input.description === undefined ? "rename_hierarchy" : "manage_settings",
    "Workspace",
  );
  const changes: WorkspaceChanges = { updatedAt: new Date() };
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.visibility !== undefined) changes.visibility = input.visibility;
  if (input.joinRole !== undefined) changes.joinRole = input.joinRole;
  if (input.archived !== undefined) changes.archivedAt = input.archived ? new Date() : null;
  if (input.afterId !== undefined || input.beforeId !== undefined) {
    // Security: a neighbour the caller may not see is answered exactly like one that does not exist.
    for (const field of ["afterId", "beforeId"] as const) {
      const neighbourId = input[field];
      if (neighbourId && !(await workspaceAccess(tx, actor.id, neighbourId)))
        throw invalidField(`body.${field}`, "is not a workspace", { key: "refusal.field.notWorkspace" });
    }
    await lockWorkspaceOrder(tx);
    const placed = positionAmong(await workspaceKeys(tx), input, workspaceId);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not a workspace", {
        key: "refusal.field.notWorkspace",
      });
    changes.position = placed.position;
  }
  const row = await updateWorkspaceRow(tx, workspaceId, changes);
  if (!row || !access) throw new Error("workspace vanished inside its own lock");
  emit(draft(workspaceChannel(workspaceId), "workspace.updated", { workspace: toWorkspace(row, null) }));
  if (input.visibility !== undefined && input.visibility !== access.workspace.visibility) {
    await announceAccessChange({ tx, emit, lock }, workspaceId, null);
  }
  return toWorkspace(row, access.role);
};

export const deleteWorkspace = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
): Promise<void> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "manage_settings", "Workspace");
  await deleteWorkspaceRow(tx, workspaceId);
  emit(draft(workspaceChannel(workspaceId), "workspace.deleted", { workspaceId }));
};
