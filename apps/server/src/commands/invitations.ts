/**
 * Invitations by e-mail. Inviting answers the same whether or not the address has an account, so an
 * owner learns nothing about who uses the instance. Each invitation holds one live link: the token is
 * only in the queued message, its hash in the row; resending replaces it, so an older link stops
 * working. Accepting is single-use: the row is locked and marked accepted in the transaction that adds
 * the member. Invariant: at most one open (neither accepted nor revoked) invitation per workspace
 * and address, and per space and address (partial unique indexes), so inviting again renews it.
 *
 * An invitation to a private space (its owners or the workspace's owners invite) carries the space
 * and a role in it; accepting makes the person a member of the space with that role and, if they
 * are not in the workspace yet, a visitor of the workspace, in the same transaction. Every change of
 * the pending list appends `invitations.changed` (no address) to the workspace's or the space's
 * channel, so the managers' lists reload.
 */
import {
  type Executor,
  type InvitationRow,
  type InvitationScope,
  invitationPreviewByToken,
  invitationWorkspaceByToken,
  isMemberByEmail,
  isPrivateSpace,
  localesOfAddressAndInviter,
  lockInvitation,
  lockInvitationByToken,
  type MutationContext,
  markInvitationAccepted,
  openInvitationOf,
  openInvitationsOf,
  openInvitationsTo,
  renewInvitationLink,
  revokeInvitationRow,
  spaceAccess,
  spaceMembershipRole,
  upsertOpenInvitation,
  workspaceAccess,
  workspaceMembershipRole,
  workspaceNameOf,
} from "@lattice/db";
import {
  type AcceptedInvitation,
  type CreateInvitationBody,
  type CreateSpaceInvitationBody,
  createTranslator,
  DomainError,
  draft,
  ErrorCode,
  type Invitation,
  type InvitationPreview,
  type InvitationState,
  type RefusalKey,
  spaceChannel,
  spaceInvitationWorkspaceRole,
  type User,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { enqueueMail } from "../mail/queue.js";
import { invitationMail } from "../mail/render.js";
import { hashLinkToken, newLinkToken } from "../mail/tokens.js";
import { authorize } from "./authorize.js";
import { insertMember } from "./members.js";
import { insertSpaceMember, lockAndAuthorize, managerRole } from "./space-members.js";

export const INVITATION_TTL_MS = 7 * 86_400_000;

const toInvitation = (row: InvitationRow, inviter: { id: string; name: string } | null): Invitation => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  spaceRole: row.spaceRole,
  email: row.email,
  role: row.role,
  invitedBy: inviter,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

const stateOf = (row: InvitationRow, now: Date): InvitationState => {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
};

/**
 * The language of an invitation: the addressee's, when the address has an account; else the
 * inviter's (the person who chose to write to them), in the inviter's time zone.
 */
const invitationTranslator = async (tx: Executor, email: string, inviterId: string) => {
  const rows = await localesOfAddressAndInviter(tx, email, inviterId);
  const reader = rows.find((r) => r.id !== inviterId) ?? rows.find((r) => r.id === inviterId);
  return createTranslator(reader?.locale, reader?.timeZone);
};

/** Queues the message carrying a fresh link for `row`; returns the new token's hash to store. */
const queueInvitationMail = async (
  tx: Executor,
  publicUrl: string,
  scope: Scope,
  inviter: User,
  row: { email: string; role: string; spaceRole: string | null },
): Promise<string> => {
  const { workspace, space } = scope;
  const { token, hash } = newLinkToken();
  await enqueueMail(tx, {
    kind: "invitation",
    to: row.email,
    workspaceId: workspace.id,
    ...invitationMail(await invitationTranslator(tx, row.email, inviter.id), {
      publicUrl,
      workspaceName: workspace.name,
      inviterName: inviter.name,
      role: row.role,
      space: space && row.spaceRole ? { name: space.name, role: row.spaceRole } : null,
      token,
      validForMs: INVITATION_TTL_MS,
    }),
  });
  return hash;
};

/** What an invitation is to: a workspace, or one space of it. */
interface Scope {
  workspace: { id: string; name: string };
  space: { id: string; name: string } | null;
}

/** Which pending list a route names: a workspace's own, or a space's. */
export type InvitationTarget = { workspaceId: string } | { spaceId: string };

/**
 * Locks the workspace channel (membership changes of a workspace run one at a time) and checks the
 * actor manages the target's members: the workspace's owners; for a space, also the space's owners.
 */
const manage = async (ctx: MutationContext, actor: User, target: InvitationTarget): Promise<Scope> => {
  if ("spaceId" in target) {
    const { workspace, space } = await lockAndAuthorize(ctx, actor, target.spaceId, "manage_members");
    return { workspace, space };
  }
  await ctx.lock(workspaceChannel(target.workspaceId));
  const { workspace } = authorize(
    await workspaceAccess(ctx.tx, actor.id, target.workspaceId),
    "manage_members",
    "Workspace",
  );
  return { workspace, space: null };
};

const ofScope = (scope: Scope): InvitationScope => ({
  workspaceId: scope.workspace.id,
  spaceId: scope.space?.id ?? null,
});

/** Tells the managers' lists to reload; names no address (every reader of the channel gets it). */
const announceInvitations = (ctx: MutationContext, scope: Scope): void =>
  ctx.emit(
    draft(
      scope.space ? spaceChannel(scope.space.id) : workspaceChannel(scope.workspace.id),
      "invitations.changed",
      {
        workspaceId: scope.workspace.id,
        spaceId: scope.space?.id ?? null,
      },
    ),
  );

/** Refuses an address that is already in: of the workspace, or for a space, of the space. */
const refuseMember = async (tx: Executor, scope: Scope, email: string): Promise<void> => {
  const member = await isMemberByEmail(tx, ofScope(scope), email);
  if (member)
    throw new DomainError(
      ErrorCode.conflict,
      `${email} is already a member of this ${scope.space ? "space" : "workspace"}`,
      [
        {
          field: "body.email",
          message: `is already a member of this ${scope.space ? "space" : "workspace"}`,
        },
      ],
      scope.space
        ? {
            key: "refusal.spaceMembers.alreadyMember",
            values: { name: email },
            fields: [{ key: "refusal.field.alreadySpaceMember" }],
          }
        : {
            key: "refusal.members.alreadyMember",
            values: { name: email },
            fields: [{ key: "refusal.field.alreadyWorkspaceMember" }],
          },
    );
};

export const createInvitation = async (
  ctx: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateInvitationBody,
  publicUrl: string,
): Promise<Invitation> => invite(ctx, actor, { workspaceId }, input.email, input.role, null, publicUrl);

/** Invites to a private space with a role in it; a newcomer joins the workspace as a visitor. */
export const createSpaceInvitation = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateSpaceInvitationBody,
  publicUrl: string,
): Promise<Invitation> =>
  invite(ctx, actor, { spaceId }, input.email, spaceInvitationWorkspaceRole, input.role, publicUrl);

const invite = async (
  ctx: MutationContext,
  actor: User,
  target: InvitationTarget,
  email: string,
  role: WorkspaceRole,
  spaceRole: WorkspaceRole | null,
  publicUrl: string,
): Promise<Invitation> => {
  const { tx } = ctx;
  const scope = await manage(ctx, actor, target);
  if (scope.space && !(await isPrivateSpace(tx, scope.space.id)))
    throw new DomainError(
      ErrorCode.conflict,
      "Everyone in the workspace sees this space; invite people to the workspace instead, or make the space private",
      [],
      { key: "refusal.spaceInvitation.public" },
    );
  // Only members are named here; the reply never says whether the address has an account.
  await refuseMember(tx, scope, email);
  const tokenHash = await queueInvitationMail(tx, publicUrl, scope, actor, { email, role, spaceRole });
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const row = await upsertOpenInvitation(tx, {
    workspaceId: scope.workspace.id,
    spaceId: scope.space?.id ?? null,
    spaceRole,
    email,
    role,
    tokenHash,
    invitedBy: actor.id,
    expiresAt,
  });
  announceInvitations(ctx, scope);
  return toInvitation(row, { id: actor.id, name: actor.name });
};

/** Who may read the list: managers of the workspace, or of the space (workspace owners included). */
const readScope = async (db: Executor, actor: User, target: InvitationTarget): Promise<Scope> => {
  if ("spaceId" in target) {
    const { workspace, space } = authorize(
      managerRole(await spaceAccess(db, actor.id, target.spaceId)),
      "manage_members",
      "Space",
    );
    return { workspace, space };
  }
  const { workspace } = authorize(
    await workspaceAccess(db, actor.id, target.workspaceId),
    "manage_members",
    "Workspace",
  );
  return { workspace, space: null };
};

export const listInvitations = async (
  db: Executor,
  actor: User,
  target: InvitationTarget,
): Promise<Invitation[]> => {
  const scope = await readScope(db, actor, target);
  const rows = await openInvitationsOf(db, ofScope(scope));
  return rows.map((r) => toInvitation(r.invitation, r.inviter));
};

const openInvitation = async (tx: Executor, scope: Scope, invitationId: string) => {
  const row = await openInvitationOf(tx, ofScope(scope), invitationId);
  if (!row)
    throw new DomainError(ErrorCode.notFound, "No such pending invitation", [], {
      key: "refusal.notFound.invitation",
    });
  return row;
};

/** Sends a new link (the old one stops working) and gives it a full validity again. */
export const resendInvitation = async (
  ctx: MutationContext,
  actor: User,
  target: InvitationTarget,
  invitationId: string,
  publicUrl: string,
): Promise<Invitation> => {
  const { tx } = ctx;
  const scope = await manage(ctx, actor, target);
  const { invitation, inviter } = await openInvitation(tx, scope, invitationId);
  const tokenHash = await queueInvitationMail(tx, publicUrl, scope, actor, invitation);
  const row = await renewInvitationLink(
    tx,
    invitationId,
    tokenHash,
    new Date(Date.now() + INVITATION_TTL_MS),
  );
  announceInvitations(ctx, scope);
  return toInvitation(row, inviter);
};

export const revokeInvitation = async (
  ctx: MutationContext,
  actor: User,
  target: InvitationTarget,
  invitationId: string,
): Promise<void> => {
  const scope = await manage(ctx, actor, target);
  await openInvitation(ctx.tx, scope, invitationId);
  await revokeInvitationRow(ctx.tx, invitationId);
  announceInvitations(ctx, scope);
};

const invalidLink = (): DomainError =>
  new DomainError(ErrorCode.notFound, "This invitation link is not valid; ask for a new invitation", [], {
    key: "refusal.invitation.invalidLink",
  });

/** What the link's holder may learn: the workspace, the address invited and the link's state. */
export const previewInvitation = async (db: Executor, token: string): Promise<InvitationPreview> => {
  const row = await invitationPreviewByToken(db, hashLinkToken(token));
  if (!row) throw invalidLink();
  return {
    state: stateOf(row.invitation, new Date()),
    workspaceId: row.invitation.workspaceId,
    workspaceName: row.workspaceName,
    spaceId: row.invitation.spaceId,
    spaceName: row.spaceName,
    spaceRole: row.invitation.spaceRole,
    email: row.invitation.email,
    role: row.invitation.role,
    inviterName: row.inviterName,
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
};

const unusable: Record<Exclude<InvitationState, "pending">, { message: string; key: RefusalKey }> = {
  accepted: { message: "This invitation was already used", key: "refusal.invitation.used" },
  expired: { message: "This invitation has expired; ask for a new one", key: "refusal.invitation.expired" },
  revoked: { message: "This invitation was withdrawn", key: "refusal.invitation.revoked" },
};

/**
 * Locks the invitation behind `token` and checks it can still be used.
 * Security: locked before the check, so two acceptances of one link cannot both pass it.
 */
const claimInvitation = async ({ tx, lock }: Pick<MutationContext, "tx" | "lock">, token: string) => {
  const workspaceId = await invitationWorkspaceByToken(tx, hashLinkToken(token));
  if (!workspaceId) throw invalidLink();
  await lock(workspaceChannel(workspaceId));
  const row = await lockInvitationByToken(tx, hashLinkToken(token));
  if (!row) throw invalidLink();
  const state = stateOf(row, new Date());
  if (state !== "pending")
    throw new DomainError(ErrorCode.conflict, unusable[state].message, [], { key: unusable[state].key });
  return row;
};

/** Joins `user` to the invitation's workspace (or keeps their membership) and uses the link up. */
export const acceptInvitation = async (
  ctx: MutationContext,
  user: { id: string; email: string; name: string; color: string | null },
  token: string,
): Promise<AcceptedInvitation> => acceptClaimed(ctx, user, await claimInvitation(ctx, token));

/** Accepts an invitation row already locked and checked to be pending. */
const acceptClaimed = async (
  ctx: MutationContext,
  user: { id: string; email: string; name: string; color: string | null },
  row: InvitationRow,
): Promise<AcceptedInvitation> => {
  const existing = await workspaceMembershipRole(ctx.tx, row.workspaceId, user.id);
  // Someone already in keeps their role: an invitation never demotes.
  const role = existing ?? row.role;
  if (!existing) await insertMember(ctx, row.workspaceId, user, role);
  if (row.spaceId && row.spaceRole) {
    const inSpace = await spaceMembershipRole(ctx.tx, row.spaceId, user.id);
    if (!inSpace) await insertSpaceMember(ctx, row.workspaceId, row.spaceId, user.id, row.spaceRole);
  }
  await markInvitationAccepted(ctx.tx, row.id, user.id);
  const workspaceName = await workspaceNameOf(ctx.tx, row.workspaceId);
  announceInvitations(ctx, {
    workspace: { id: row.workspaceId, name: workspaceName ?? "" },
    space: row.spaceId ? { id: row.spaceId, name: "" } : null,
  });
  return { workspaceId: row.workspaceId, role, spaceId: row.spaceId };
};

/** For a new account: the invited address, checked to be usable before the account is made. */
export const invitationForNewAccount = async (
  ctx: Pick<MutationContext, "tx" | "lock">,
  token: string,
): Promise<{ email: string }> => {
  const row = await claimInvitation(ctx, token);
  return { email: row.email };
};

/**
 * For a first single sign-on with a provider-verified address: accepts every pending invitation to
 * that address, as following each link would. Returns what was accepted (empty: nobody invited it).
 * Security: each row is locked (its workspace channel first, in a fixed order) and checked again, so
 * an invitation revoked or used meanwhile is not accepted.
 */
export const acceptPendingInvitationsFor = async (
  ctx: MutationContext,
  user: { id: string; email: string; name: string; color: string | null },
): Promise<AcceptedInvitation[]> => {
  const address = user.email.toLowerCase();
  const candidates = await openInvitationsTo(ctx.tx, address);
  const accepted: AcceptedInvitation[] = [];
  for (const candidate of candidates) {
    await ctx.lock(workspaceChannel(candidate.workspaceId));
    const row = await lockInvitation(ctx.tx, candidate.id);
    if (!row || stateOf(row, new Date()) !== "pending") continue;
    accepted.push(await acceptClaimed(ctx, user, row));
  }
  return accepted;
};
