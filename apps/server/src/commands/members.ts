/**
 * Workspace membership. Invariant: a workspace always keeps at least one owner. Commands lock the
 * workspace channel before counting owners, so two concurrent demotions cannot both pass the check.
 */
import {
  coMemberByEmail,
  type Database,
  deleteMembership,
  insertMembership,
  type MutationContext,
  memberOf,
  membersOf,
  ownerCount,
  toMember,
  updateMembership,
  workspaceAccess,
} from "@lattice/db";
import {
  type AddMemberBody,
  DomainError,
  draft,
  ErrorCode,
  type Member,
  type UpdateMemberBody,
  type User,
  userChannel,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { announceAccessChange } from "./access-changes.js";
import { authorize, invalidField } from "./authorize.js";

export const addMember = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: AddMemberBody,
): Promise<Member> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "manage_members", "Workspace");
  // Security: only someone the caller already shares a workspace with may be added directly (their
  // address is in a member list the caller reads anyway). Any other address, with or without an
  // account, gets the same answer, so this route does not tell whether an address has an account.
  const user = await coMemberByEmail(tx, actor.id, input.email);
  if (!user)
    throw invalidField(
      "body.email",
      "is not someone you share a workspace with; invite them by e-mail instead",
      { key: "refusal.field.notSharedWorkspace" },
    );
  if (await memberOf(tx, workspaceId, user.id)) {
    throw new DomainError(
      ErrorCode.conflict,
      `${user.name} is already a member of this workspace`,
      [{ field: "body.email", message: "is already a member" }],
      { key: "refusal.members.alreadyMember", values: { name: user.name } },
    );
  }
  return insertMember({ tx, emit }, workspaceId, user, input.role);
};

/** Makes `user` a member (the caller has checked they are not one) and tells the workspace and them. */
export const insertMember = async (
  { tx, emit }: Pick<MutationContext, "tx" | "emit">,
  workspaceId: string,
  user: { id: string; email: string; name: string; color: string | null },
  role: WorkspaceRole,
): Promise<Member> => {
  const row = await insertMembership(tx, { workspaceId, userId: user.id, role });
  const member = toMember({ ...row, email: user.email, name: user.name, color: user.color });
  emit(draft(workspaceChannel(workspaceId), "member.added", { member }));
  emit(draft(userChannel(user.id), "member.added", { member }));
  return member;
};

export const updateMember = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  userId: string,
  changes: UpdateMemberBody,
): Promise<Member> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "manage_members", "Workspace");
  const existing = await memberOf(tx, workspaceId, userId);
  if (!existing)
    throw new DomainError(ErrorCode.notFound, "Member not found", [], { key: "refusal.notFound.member" });
  const role = changes.role ?? existing.role;
  const capacityPerWeek =
    changes.capacityPerWeek === undefined ? existing.capacityPerWeek : changes.capacityPerWeek;
  if (existing.role === "owner" && role !== "owner" && (await ownerCount(tx, workspaceId)) <= 1) {
    throw new DomainError(ErrorCode.lastOwner, "This is the only owner; make someone else owner first", [], {
      key: "refusal.members.lastOwner",
    });
  }
  await updateMembership(tx, workspaceId, userId, { role, capacityPerWeek });
  const member: Member = { ...existing, role, capacityPerWeek };
  // The workspace channel carries it to every open members list and Workload view.
  emit(draft(workspaceChannel(workspaceId), "member.updated", { member }));
  emit(draft(userChannel(userId), "member.updated", { member }));
  // An owner sees every private space; one who is no longer an owner must stop receiving them.
  if (existing.role !== role) await announceAccessChange({ tx, emit, lock }, workspaceId, userId);
  return member;
};

export const removeMember = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  userId: string,
): Promise<void> => {
  await lock(workspaceChannel(workspaceId));
  const access = await workspaceAccess(tx, actor.id, workspaceId);
  // Anyone may leave a workspace; removing someone else takes an owner.
  authorize(access, actor.id === userId ? "read" : "manage_members", "Workspace");
  const existing = await memberOf(tx, workspaceId, userId);
  if (!existing)
    throw new DomainError(ErrorCode.notFound, "Member not found", [], { key: "refusal.notFound.member" });
  if (existing.role === "owner" && (await ownerCount(tx, workspaceId)) <= 1) {
    throw new DomainError(ErrorCode.lastOwner, "This is the only owner; make someone else owner first", [], {
      key: "refusal.members.lastOwner",
    });
  }
  await deleteMembership(tx, workspaceId, userId);
  emit(draft(workspaceChannel(workspaceId), "member.removed", { workspaceId, userId }));
  emit(draft(userChannel(userId), "member.removed", { workspaceId, userId }));
  await announceAccessChange({ tx, emit, lock }, workspaceId, userId);
};

export const listMembers = (tx: MutationContext["tx"] | Database, workspaceId: string): Promise<Member[]> =>
  membersOf(tx, workspaceId);
