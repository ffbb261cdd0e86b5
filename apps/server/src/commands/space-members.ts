/**
 * A space's own members. For a private space they are the list of who may see it (with the
 * workspace's owners, who always may, to manage it); for any space their role overrides the
 * workspace role there. Managed by the space's owners and the workspace's owners.
 *
 * Every change appends `access.changed` to the space channel (the hub re-checks its subscribers at
 * that point of the sequence, so a removed person receives nothing after it) and to the workspace
 * channel (the person's tree gains or loses the space).
 */
import {
  type Database,
  type MutationContext,
  type SpaceAccess,
  spaceAccess,
  tables,
  workspaceAccess,
} from "@lattice/db";
import {
  type AddSpaceMemberBody,
  DomainError,
  draft,
  ErrorCode,
  type SpaceMember,
  spaceChannel,
  type User,
  userChannel,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { and, asc, eq } from "drizzle-orm";
import { announceAccessChange } from "./access-changes.js";
import { authorize, invalidField } from "./authorize.js";

type Tx = MutationContext["tx"];

/** A workspace owner manages every space of it, whatever role a space membership gives them there. */
export const managerRole = (access: SpaceAccess | null) =>
  access && { ...access, role: access.workspaceRole === "owner" ? ("owner" as const) : access.role };

const rowsOf = (db: Tx | Database, spaceId: string, userId?: string) =>
  db
    .select({
      spaceId: tables.spaceMembers.spaceId,
      userId: tables.spaceMembers.userId,
      role: tables.spaceMembers.role,
      createdAt: tables.spaceMembers.createdAt,
      email: tables.users.email,
      name: tables.users.name,
    })
    .from(tables.spaceMembers)
    .innerJoin(tables.users, eq(tables.users.id, tables.spaceMembers.userId))
    .where(
      and(
        eq(tables.spaceMembers.spaceId, spaceId),
        userId ? eq(tables.spaceMembers.userId, userId) : undefined,
      ),
    )
    .orderBy(asc(tables.users.name));

const toSpaceMember = (row: Awaited<ReturnType<typeof rowsOf>>[number]): SpaceMember => ({
  ...row,
  role: row.role as WorkspaceRole,
  createdAt: row.createdAt.toISOString(),
});

export const listSpaceMembers = async (
  db: Database,
  actor: User,
  spaceId: string,
): Promise<SpaceMember[]> => {
  authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  return (await rowsOf(db, spaceId)).map(toSpaceMember);
};

/** Locks the workspace channel (access changes of one workspace run one at a time), then authorizes. */
export const lockAndAuthorize = async (
  { tx, lock }: MutationContext,
  actor: User,
  spaceId: string,
  action: "manage_members" | "read",
): Promise<SpaceAccess> => {
  const before = await spaceAccess(tx, actor.id, spaceId);
  if (before) await lock(workspaceChannel(before.space.workspaceId));
  return authorize(managerRole(await spaceAccess(tx, actor.id, spaceId)), action, "Space");
};

export const announce = async (
  ctx: MutationContext,
  workspaceId: string,
  spaceId: string,
  userId: string,
) => {
  await announceAccessChange(ctx, workspaceId, userId, [spaceId]);
  ctx.emit(draft(workspaceChannel(workspaceId), "access.changed", { workspaceId, userId }));
};

export const addSpaceMember = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  input: AddSpaceMemberBody,
): Promise<SpaceMember> => {
  const { tx } = ctx;
  const { space } = await lockAndAuthorize(ctx, actor, spaceId, "manage_members");
  // Security: someone outside the workspace is refused like an id that names nobody.
  if (!(await workspaceAccess(tx, input.userId, space.workspaceId)))
    throw invalidField("body.userId", "is not a member of this workspace", {
      key: "refusal.field.notWorkspaceMember",
    });
  const [existing] = await rowsOf(tx, spaceId, input.userId);
  if (existing)
    throw new DomainError(
      ErrorCode.conflict,
      `${existing.name} is already a member of this space`,
      [{ field: "body.userId", message: "is already a member of this space" }],
      { key: "refusal.spaceMembers.alreadyMember", values: { name: existing.name } },
    );
  return insertSpaceMember(ctx, space.workspaceId, spaceId, input.userId, input.role);
};

/**
 * Gives `userId` (a member of the workspace, not yet of the space; the caller has checked both
 * under the workspace channel's lock) a role on the space, and tells the space, them and the tree.
 */
export const insertSpaceMember = async (
  ctx: MutationContext,
  workspaceId: string,
  spaceId: string,
  userId: string,
  role: WorkspaceRole,
): Promise<SpaceMember> => {
  await ctx.tx.insert(tables.spaceMembers).values({ spaceId, workspaceId, userId, role });
  const [row] = await rowsOf(ctx.tx, spaceId, userId);
  if (!row) throw new Error("inserted space member not found");
  const member = toSpaceMember(row);
  ctx.emit(draft(spaceChannel(spaceId), "space_member.added", { member }));
  ctx.emit(draft(userChannel(member.userId), "space_member.added", { member }));
  await announce(ctx, workspaceId, spaceId, member.userId);
  return member;
};

export const updateSpaceMember = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  userId: string,
  role: WorkspaceRole,
): Promise<SpaceMember> => {
  const { tx, emit } = ctx;
  const { space } = await lockAndAuthorize(ctx, actor, spaceId, "manage_members");
  const [existing] = await rowsOf(tx, spaceId, userId);
  if (!existing)
    throw new DomainError(ErrorCode.notFound, "Space member not found", [], {
      key: "refusal.notFound.spaceMember",
    });
  await tx
    .update(tables.spaceMembers)
    .set({ role })
    .where(and(eq(tables.spaceMembers.spaceId, spaceId), eq(tables.spaceMembers.userId, userId)));
  const member = toSpaceMember({ ...existing, role });
  emit(draft(spaceChannel(spaceId), "space_member.updated", { member }));
  emit(draft(userChannel(userId), "space_member.updated", { member }));
  if (existing.role !== role) await announce(ctx, space.workspaceId, spaceId, userId);
  return member;
};

export const removeSpaceMember = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  userId: string,
): Promise<void> => {
  const { tx, emit } = ctx;
  // Anyone may leave a space; removing someone else takes an owner of the space or the workspace.
  const { space } = await lockAndAuthorize(
    ctx,
    actor,
    spaceId,
    actor.id === userId ? "read" : "manage_members",
  );
  const [existing] = await rowsOf(tx, spaceId, userId);
  if (!existing)
    throw new DomainError(ErrorCode.notFound, "Space member not found", [], {
      key: "refusal.notFound.spaceMember",
    });
  await tx
    .delete(tables.spaceMembers)
    .where(and(eq(tables.spaceMembers.spaceId, spaceId), eq(tables.spaceMembers.userId, userId)));
  emit(draft(spaceChannel(spaceId), "space_member.removed", { spaceId, userId }));
  emit(draft(userChannel(userId), "space_member.removed", { spaceId, userId }));
  await announce(ctx, space.workspaceId, spaceId, userId);
};
