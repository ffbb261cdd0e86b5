/**
 * Invitations by e-mail. Inviting answers the same whether or not the address has an account, so an
 * owner learns nothing about who uses the instance. Each invitation holds one live link: the token is
 * only in the queued message, its hash in the row; resending replaces it, so an older link stops
 * working. Accepting is single-use: the row is locked and marked accepted in the transaction that adds
 * the member. Invariant: at most one open (neither accepted nor revoked) invitation per workspace
 * and address (a partial unique index), so inviting again renews it.
 */
import { type Executor, type MutationContext, tables, workspaceAccess } from "@lattice/db";
import {
  type AcceptedInvitation,
  type CreateInvitationBody,
  DomainError,
  ErrorCode,
  type Invitation,
  type InvitationPreview,
  type InvitationState,
  type User,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { enqueueMail } from "../mail/queue.js";
import { invitationMail } from "../mail/render.js";
import { hashLinkToken, newLinkToken } from "../mail/tokens.js";
import { authorize } from "./authorize.js";
import { insertMember } from "./members.js";

export const INVITATION_TTL_MS = 7 * 86_400_000;

const inv = tables.invitations;

type InvitationRow = typeof inv.$inferSelect;

const toInvitation = (row: InvitationRow, inviter: { id: string; name: string } | null): Invitation => ({
  id: row.id,
  workspaceId: row.workspaceId,
  email: row.email,
  role: row.role as WorkspaceRole,
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

const isOpen = and(isNull(inv.acceptedAt), isNull(inv.revokedAt));

/** Queues the message carrying a fresh link for `row`; returns the new token's hash to store. */
const queueInvitationMail = async (
  tx: Executor,
  publicUrl: string,
  workspace: { id: string; name: string },
  inviter: User,
  email: string,
  role: string,
): Promise<string> => {
  const { token, hash } = newLinkToken();
  await enqueueMail(tx, {
    kind: "invitation",
    to: email,
    workspaceId: workspace.id,
    ...invitationMail({
      publicUrl,
      workspaceName: workspace.name,
      inviterName: inviter.name,
      role,
      token,
      validForMs: INVITATION_TTL_MS,
    }),
  });
  return hash;
};

export const createInvitation = async (
  { tx, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateInvitationBody,
  publicUrl: string,
): Promise<Invitation> => {
  await lock(workspaceChannel(workspaceId));
  const { workspace } = authorize(
    await workspaceAccess(tx, actor.id, workspaceId),
    "manage_members",
    "Workspace",
  );
  // Only members are named here; the reply never says whether the address has an account.
  const [member] = await tx
    .select({ userId: tables.users.id })
    .from(tables.workspaceMembers)
    .innerJoin(tables.users, eq(tables.users.id, tables.workspaceMembers.userId))
    .where(
      and(
        eq(tables.workspaceMembers.workspaceId, workspaceId),
        eq(sql`lower(${tables.users.email})`, input.email),
      ),
    );
  if (member)
    throw new DomainError(ErrorCode.conflict, `${input.email} is already a member of this workspace`, [
      { field: "body.email", message: "is already a member" },
    ]);
  const tokenHash = await queueInvitationMail(tx, publicUrl, workspace, actor, input.email, input.role);
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const [row] = await tx
    .insert(inv)
    .values({ workspaceId, email: input.email, role: input.role, tokenHash, invitedBy: actor.id, expiresAt })
    .onConflictDoUpdate({
      target: [inv.workspaceId, inv.email],
      targetWhere: sql`accepted_at IS NULL AND revoked_at IS NULL`,
      set: { role: input.role, tokenHash, invitedBy: actor.id, expiresAt, sentAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return toInvitation(row, { id: actor.id, name: actor.name });
};

export const listInvitations = async (
  db: Executor,
  actor: User,
  workspaceId: string,
): Promise<Invitation[]> => {
  authorize(await workspaceAccess(db, actor.id, workspaceId), "manage_members", "Workspace");
  const rows = await db
    .select({ invitation: inv, inviter: { id: tables.users.id, name: tables.users.name } })
    .from(inv)
    .leftJoin(tables.users, eq(tables.users.id, inv.invitedBy))
    .where(and(eq(inv.workspaceId, workspaceId), isOpen))
    .orderBy(inv.email);
  return rows.map((r) => toInvitation(r.invitation, r.inviter));
};

const openInvitation = async (tx: Executor, workspaceId: string, invitationId: string) => {
  const [row] = await tx
    .select({ invitation: inv, inviter: { id: tables.users.id, name: tables.users.name } })
    .from(inv)
    .leftJoin(tables.users, eq(tables.users.id, inv.invitedBy))
    .where(and(eq(inv.id, invitationId), eq(inv.workspaceId, workspaceId), isOpen));
  if (!row) throw new DomainError(ErrorCode.notFound, "No such pending invitation");
  return row;
};

/** Sends a new link (the old one stops working) and gives it a full validity again. */
export const resendInvitation = async (
  { tx, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  invitationId: string,
  publicUrl: string,
): Promise<Invitation> => {
  await lock(workspaceChannel(workspaceId));
  const { workspace } = authorize(
    await workspaceAccess(tx, actor.id, workspaceId),
    "manage_members",
    "Workspace",
  );
  const { invitation, inviter } = await openInvitation(tx, workspaceId, invitationId);
  const tokenHash = await queueInvitationMail(
    tx,
    publicUrl,
    workspace,
    actor,
    invitation.email,
    invitation.role,
  );
  const [row] = await tx
    .update(inv)
    .set({ tokenHash, sentAt: sql`now()`, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
    .where(eq(inv.id, invitationId))
    .returning();
  if (!row) throw new Error("update returned no row");
  return toInvitation(row, inviter);
};

export const revokeInvitation = async (
  { tx, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  invitationId: string,
): Promise<void> => {
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "manage_members", "Workspace");
  await openInvitation(tx, workspaceId, invitationId);
  await tx.update(inv).set({ revokedAt: sql`now()` }).where(eq(inv.id, invitationId));
};

const invalidLink = (): DomainError =>
  new DomainError(ErrorCode.notFound, "This invitation link is not valid; ask for a new invitation");

/** What the link's holder may learn: the workspace, the address invited and the link's state. */
export const previewInvitation = async (db: Executor, token: string): Promise<InvitationPreview> => {
  const [row] = await db
    .select({ invitation: inv, workspaceName: tables.workspaces.name, inviterName: tables.users.name })
    .from(inv)
    .innerJoin(tables.workspaces, eq(tables.workspaces.id, inv.workspaceId))
    .leftJoin(tables.users, eq(tables.users.id, inv.invitedBy))
    .where(eq(inv.tokenHash, hashLinkToken(token)));
  if (!row) throw invalidLink();
  return {
    state: stateOf(row.invitation, new Date()),
    workspaceId: row.invitation.workspaceId,
    workspaceName: row.workspaceName,
    email: row.invitation.email,
    role: row.invitation.role as WorkspaceRole,
    inviterName: row.inviterName,
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
};

const unusableMessage: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation was already used",
  expired: "This invitation has expired; ask for a new one",
  revoked: "This invitation was withdrawn",
};

/**
 * Locks the invitation behind `token` and checks it can still be used.
 * Security: locked before the check, so two acceptances of one link cannot both pass it.
 */
const claimInvitation = async ({ tx, lock }: Pick<MutationContext, "tx" | "lock">, token: string) => {
  const [found] = await tx
    .select({ workspaceId: inv.workspaceId })
    .from(inv)
    .where(eq(inv.tokenHash, hashLinkToken(token)));
  if (!found) throw invalidLink();
  await lock(workspaceChannel(found.workspaceId));
  const [row] = await tx
    .select()
    .from(inv)
    .where(eq(inv.tokenHash, hashLinkToken(token)))
    .for("update");
  if (!row) throw invalidLink();
  const state = stateOf(row, new Date());
  if (state !== "pending") throw new DomainError(ErrorCode.conflict, unusableMessage[state]);
  return row;
};

/** Joins `user` to the invitation's workspace (or keeps their membership) and uses the link up. */
export const acceptInvitation = async (
  ctx: MutationContext,
  user: { id: string; email: string; name: string },
  token: string,
): Promise<AcceptedInvitation> => acceptClaimed(ctx, user, await claimInvitation(ctx, token));

/** Accepts an invitation row already locked and checked to be pending. */
const acceptClaimed = async (
  ctx: MutationContext,
  user: { id: string; email: string; name: string },
  row: InvitationRow,
): Promise<AcceptedInvitation> => {
  const [existing] = await ctx.tx
    .select({ role: tables.workspaceMembers.role })
    .from(tables.workspaceMembers)
    .where(
      and(
        eq(tables.workspaceMembers.workspaceId, row.workspaceId),
        eq(tables.workspaceMembers.userId, user.id),
      ),
    );
  // Someone already in keeps their role: an invitation never demotes.
  const role = (existing?.role ?? row.role) as WorkspaceRole;
  if (!existing) await insertMember(ctx, row.workspaceId, user, role);
  await ctx.tx.update(inv).set({ acceptedAt: sql`now()`, acceptedBy: user.id }).where(eq(inv.id, row.id));
  return { workspaceId: row.workspaceId, role };
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
  user: { id: string; email: string; name: string },
): Promise<AcceptedInvitation[]> => {
  const address = user.email.toLowerCase();
  const candidates = await ctx.tx
    .select({ id: inv.id, workspaceId: inv.workspaceId })
    .from(inv)
    .where(and(eq(inv.email, address), isOpen))
    .orderBy(inv.workspaceId);
  const accepted: AcceptedInvitation[] = [];
  for (const candidate of candidates) {
    await ctx.lock(workspaceChannel(candidate.workspaceId));
    const [row] = await ctx.tx.select().from(inv).where(eq(inv.id, candidate.id)).for("update");
    if (!row || stateOf(row, new Date()) !== "pending") continue;
    accepted.push(await acceptClaimed(ctx, user, row));
  }
  return accepted;
};
