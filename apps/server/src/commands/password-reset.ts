/**
 * "Forgot password". Asking answers the same whether or not the address has an account; if it has,
 * a single-use link valid for an hour is queued (in the person's language) in the same transaction
 * that stores its hash. Using
 * the link sets the password, uses up every open link of the person and ends all their sessions, in
 * one transaction.
 */
import { type Database, tables } from "@lattice/db";
import { createTranslator, DomainError, ErrorCode, type RefusalKey } from "@lattice/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { enqueueMail } from "../mail/queue.js";
import { passwordResetMail } from "../mail/render.js";
import { hashLinkToken, newLinkToken } from "../mail/tokens.js";

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/** Returns whether a message was queued (for the caller to wake the sender; never for the reply). */
export const requestPasswordReset = async (
  db: Database,
  email: string,
  publicUrl: string,
): Promise<boolean> =>
  db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: tables.users.id,
        name: tables.users.name,
        email: tables.users.email,
        locale: tables.users.locale,
        timeZone: tables.users.timeZone,
      })
      .from(tables.users)
      .where(eq(sql`lower(${tables.users.email})`, email));
    if (!user) return false;
    const { token, hash } = newLinkToken();
    await tx.insert(tables.passwordResets).values({
      tokenHash: hash,
      userId: user.id,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
    });
    await enqueueMail(tx, {
      kind: "password_reset",
      to: user.email,
      ...passwordResetMail(createTranslator(user.locale, user.timeZone), {
        publicUrl,
        name: user.name,
        token,
        validForMs: PASSWORD_RESET_TTL_MS,
      }),
    });
    return true;
  });

const badLink = (message: string, key: RefusalKey): DomainError =>
  new DomainError(ErrorCode.validationFailed, message, [{ field: "body.token", message }], {
    key,
    fields: [{ key }],
  });

/** Sets the password behind a reset link; returns the ended sessions' ids (to close their sockets). */
export const resetPassword = async (db: Database, token: string, passwordHash: string): Promise<string[]> =>
  db.transaction(async (tx) => {
    const resets = tables.passwordResets;
    // Security: locked, so the same link used twice at once sets one password, not two.
    const [reset] = await tx
      .select()
      .from(resets)
      .where(eq(resets.tokenHash, hashLinkToken(token)))
      .for("update");
    if (!reset) throw badLink("This link is not valid; ask for a new one", "refusal.passwordReset.invalid");
    if (reset.usedAt)
      throw badLink("This link was already used; ask for a new one", "refusal.passwordReset.used");
    if (reset.expiresAt.getTime() <= Date.now())
      throw badLink("This link has expired; ask for a new one", "refusal.passwordReset.expired");
    await tx.update(tables.users).set({ passwordHash }).where(eq(tables.users.id, reset.userId));
    await tx
      .update(resets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(resets.userId, reset.userId), isNull(resets.usedAt), gt(resets.expiresAt, sql`now()`)));
    const ended = await tx
      .delete(tables.sessions)
      .where(eq(tables.sessions.userId, reset.userId))
      .returning({ id: tables.sessions.id });
    return ended.map((row) => row.id);
  });
