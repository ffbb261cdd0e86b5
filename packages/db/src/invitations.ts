/**
 * The SQL of invitations by e-mail: the open (neither accepted nor revoked) invitations of a
 * workspace or a space, the upsert that renews an open one, the token's lookups and the row locks
 * that make a link single-use, and the membership rows accepting one reads. Only the token's hash is
 * ever passed here. Who may invite, and what an invitation's state means, is decided by the caller.
 */
import type { WorkspaceRole } from "@lattice/domain";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import {
  invitations as inv,
  spaceMembers,
  spaces,
  users,
  workspaceMembers,
  workspaces,
} from "./schema/index.js";

export type InvitationRow = typeof inv.$inferSelect;

/** Whose pending list: a workspace's own (`spaceId` null), or one space's. */
export interface InvitationScope {
  workspaceId: string;
  spaceId: string | null;
}

export interface InvitationWithInviter {
  invitation: InvitationRow;
  /** Null when the inviter's account is gone. */
  inviter: { id: string; name: string } | null;
}

const isOpen = and(isNull(inv.acceptedAt), isNull(inv.revokedAt));

const ofScope = (scope: InvitationScope): SQL | undefined =>
  scope.spaceId
    ? eq(inv.spaceId, scope.spaceId)
    : and(eq(inv.workspaceId, scope.workspaceId), isNull(inv.spaceId));

/** The language settings of the account with this address (any case) and of the inviter. */
export const localesOfAddressAndInviter = (
  db: Executor,
  email: string,
  inviterId: string,
): Promise<{ id: string; locale: string; timeZone: string | null }[]> =>
  db
    .select({ id: users.id, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email}) OR ${users.id} = ${inviterId}`);

/** Whether the (lower-cased) address belongs to a member of the scope: the space's, else the workspace's. */
export const isMemberByEmail = async (
  db: Executor,
  scope: InvitationScope,
  email: string,
): Promise<boolean> => {
  const [member] = scope.spaceId
    ? await db
        .select({ userId: users.id })
        .from(spaceMembers)
        .innerJoin(users, eq(users.id, spaceMembers.userId))
        .where(and(eq(spaceMembers.spaceId, scope.spaceId), eq(sql`lower(${users.email})`, email)))
    : await db
        .select({ userId: users.id })
        .from(workspaceMembers)
        .innerJoin(users, eq(users.id, workspaceMembers.userId))
        .where(
          and(eq(workspaceMembers.workspaceId, scope.workspaceId), eq(sql`lower(${users.email})`, email)),
        );
  return member !== undefined;
};

export const isPrivateSpace = async (db: Executor, spaceId: string): Promise<boolean> => {
  const [row] = await db.select({ isPrivate: spaces.isPrivate }).from(spaces).where(eq(spaces.id, spaceId));
  return row?.isPrivate ?? false;
};

/**
 * Inserts an invitation, or renews the open one to the same address in the same scope (the partial
 * unique indexes): new role, link, inviter and expiry, sent now.
 */
export const upsertOpenInvitation = async (
  db: Executor,
  values: {
    workspaceId: string;
    spaceId: string | null;
    spaceRole: WorkspaceRole | null;
    email: string;
    role: WorkspaceRole;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<InvitationRow> => {
  const { role, spaceRole, tokenHash, invitedBy, expiresAt } = values;
  const renewal = { role, spaceRole, tokenHash, invitedBy, expiresAt, sentAt: sql`now()` };
  const [row] = values.spaceId
    ? await db
        .insert(inv)
        .values(values)
        .onConflictDoUpdate({
          target: [inv.spaceId, inv.email],
          targetWhere: sql`accepted_at IS NULL AND revoked_at IS NULL AND space_id IS NOT NULL`,
          set: renewal,
        })
        .returning()
    : await db
        .insert(inv)
        .values(values)
        .onConflictDoUpdate({
          target: [inv.workspaceId, inv.email],
          targetWhere: sql`accepted_at IS NULL AND revoked_at IS NULL AND space_id IS NULL`,
          set: renewal,
        })
        .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
};

/** The scope's open invitations by address, each with who sent it. */
export const openInvitationsOf = (db: Executor, scope: InvitationScope): Promise<InvitationWithInviter[]> =>
  db
    .select({ invitation: inv, inviter: { id: users.id, name: users.name } })
    .from(inv)
    .leftJoin(users, eq(users.id, inv.invitedBy))
    .where(and(ofScope(scope), isOpen))
    .orderBy(inv.email);

/** One open invitation of the scope, or null (another scope's id is not found either). */
export const openInvitationOf = async (
  db: Executor,
  scope: InvitationScope,
  invitationId: string,
): Promise<InvitationWithInviter | null> => {
  const [row] = await db
    .select({ invitation: inv, inviter: { id: users.id, name: users.name } })
    .from(inv)
    .leftJoin(users, eq(users.id, inv.invitedBy))
    .where(and(eq(inv.id, invitationId), ofScope(scope), isOpen));
  return row ?? null;
};

/** Gives an invitation a new link (the old one stops working) valid until `expiresAt`, sent now. */
export const renewInvitationLink = async (
  db: Executor,
  invitationId: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<InvitationRow> => {
  const [row] = await db
    .update(inv)
    .set({ tokenHash, sentAt: sql`now()`, expiresAt })
    .where(eq(inv.id, invitationId))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
};

export const revokeInvitationRow = async (db: Executor, invitationId: string): Promise<void> => {
  await db.update(inv).set({ revokedAt: sql`now()` }).where(eq(inv.id, invitationId));
};

export const markInvitationAccepted = async (
  db: Executor,
  invitationId: string,
  userId: string,
): Promise<void> => {
  await db.update(inv).set({ acceptedAt: sql`now()`, acceptedBy: userId }).where(eq(inv.id, invitationId));
};

/** What a link's holder may learn: the invitation with its workspace's, space's and inviter's names. */
export const invitationPreviewByToken = async (
  db: Executor,
  tokenHash: string,
): Promise<{
  invitation: InvitationRow;
  workspaceName: string;
  spaceName: string | null;
  inviterName: string | null;
} | null> => {
  const [row] = await db
    .select({
      invitation: inv,
      workspaceName: workspaces.name,
      spaceName: spaces.name,
      inviterName: users.name,
    })
    .from(inv)
    .innerJoin(workspaces, eq(workspaces.id, inv.workspaceId))
    .leftJoin(spaces, eq(spaces.id, inv.spaceId))
    .leftJoin(users, eq(users.id, inv.invitedBy))
    .where(eq(inv.tokenHash, tokenHash));
  return row ?? null;
};

/** The workspace of the invitation behind a token (to lock its channel first), or null. */
export const invitationWorkspaceByToken = async (db: Executor, tokenHash: string): Promise<string | null> => {
  const [found] = await db
    .select({ workspaceId: inv.workspaceId })
    .from(inv)
    .where(eq(inv.tokenHash, tokenHash));
  return found?.workspaceId ?? null;
};

/** The invitation behind a token, row-locked until the transaction ends (FOR UPDATE), or null. */
export const lockInvitationByToken = async (
  db: Executor,
  tokenHash: string,
): Promise<InvitationRow | null> => {
  const [row] = await db.select().from(inv).where(eq(inv.tokenHash, tokenHash)).for("update");
  return row ?? null;
};

/** An invitation by id, row-locked until the transaction ends (FOR UPDATE), or null. */
export const lockInvitation = async (db: Executor, invitationId: string): Promise<InvitationRow | null> => {
  const [row] = await db.select().from(inv).where(eq(inv.id, invitationId)).for("update");
  return row ?? null;
};

/** The open invitations to a (lower-cased) address, in workspace order (the order their locks are taken). */
export const openInvitationsTo = (
  db: Executor,
  email: string,
): Promise<{ id: string; workspaceId: string }[]> =>
  db
    .select({ id: inv.id, workspaceId: inv.workspaceId })
    .from(inv)
    .where(and(eq(inv.email, email), isOpen))
    .orderBy(inv.workspaceId);

/** The person's own membership row's role in a workspace (not the effective role), or null. */
export const workspaceMembershipRole = async (
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceRole | null> => {
  const [row] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return row?.role ?? null;
};

/** The person's own membership row's role in a space (not the effective role), or null. */
export const spaceMembershipRole = async (
  db: Executor,
  spaceId: string,
  userId: string,
): Promise<WorkspaceRole | null> => {
  const [row] = await db
    .select({ role: spaceMembers.role })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
  return row?.role ?? null;
};

export const workspaceNameOf = async (db: Executor, workspaceId: string): Promise<string | null> => {
  const [row] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.name ?? null;
};
