/**
 * The instance administrator's view of accounts: every person, deactivating and reactivating one.
 * A deactivated person cannot sign in (by password or single sign-on) and every session of theirs
 * ends in the same transaction; their cards, comments and memberships stay, under their name, so
 * reactivating gives everything back.
 */
import { type Database, type Executor, tables } from "@lattice/db";
import { type AdminUser, DomainError, ErrorCode, type User } from "@lattice/domain";
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";

export const requireAdmin = (actor: User): void => {
  if (!actor.isAdmin)
    throw new DomainError(
      ErrorCode.forbidden,
      "Only an instance administrator may see and manage accounts",
      [],
      { key: "refusal.accounts.adminOnly" },
    );
};

const adminUsers = (db: Executor, userId?: string) =>
  db
    .select({
      id: tables.users.id,
      email: tables.users.email,
      name: tables.users.name,
      isAdmin: tables.users.isAdmin,
      createdAt: tables.users.createdAt,
      deactivatedAt: tables.users.deactivatedAt,
      sessions: count(tables.sessions.id),
    })
    .from(tables.users)
    .leftJoin(
      tables.sessions,
      and(eq(tables.sessions.userId, tables.users.id), gt(tables.sessions.expiresAt, new Date())),
    )
    .where(userId ? eq(tables.users.id, userId) : undefined)
    .groupBy(tables.users.id)
    .orderBy(asc(tables.users.name), asc(tables.users.email));

const toAdminUser = (row: Awaited<ReturnType<typeof adminUsers>>[number]): AdminUser => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  deactivatedAt: row.deactivatedAt ? row.deactivatedAt.toISOString() : null,
});

export const listAccounts = async (db: Database, actor: User): Promise<AdminUser[]> => {
  requireAdmin(actor);
  return (await adminUsers(db)).map(toAdminUser);
};

/**
 * Sets whether the account may sign in. Returns the account and the ids of the sessions that ended
 * (the caller closes their live sockets after commit).
 */
export const setAccountActive = async (
  db: Database,
  actor: User,
  userId: string,
  isActive: boolean,
): Promise<{ account: AdminUser; endedSessionIds: string[] }> => {
  requireAdmin(actor);
  // Security: an administrator locking themself out would leave the instance without one.
  if (!isActive && userId === actor.id)
    throw new DomainError(
      ErrorCode.conflict,
      "You cannot deactivate your own account",
      [{ field: "params.id", message: "is your own account" }],
      { key: "refusal.accounts.ownAccount" },
    );
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tables.users)
      .set({ deactivatedAt: isActive ? null : new Date() })
      .where(
        and(
          eq(tables.users.id, userId),
          // Deactivating twice keeps the first moment.
          isActive ? undefined : isNull(tables.users.deactivatedAt),
        ),
      )
      .returning({ id: tables.users.id });
    if (!updated) {
      const [exists] = await tx
        .select({ id: tables.users.id })
        .from(tables.users)
        .where(eq(tables.users.id, userId));
      if (!exists)
        throw new DomainError(ErrorCode.notFound, "Account not found", [], {
          key: "refusal.notFound.account",
        });
    }
    const ended = isActive
      ? []
      : await tx
          .delete(tables.sessions)
          .where(eq(tables.sessions.userId, userId))
          .returning({ id: tables.sessions.id });
    const [row] = await adminUsers(tx, userId);
    if (!row) throw new Error("account vanished inside its own transaction");
    return { account: toAdminUser(row), endedSessionIds: ended.map((s) => s.id) };
  });
};
