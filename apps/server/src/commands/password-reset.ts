/**
 * "Forgot password". Asking answers the same whether or not the address has an account; if it has,
 * a single-use link valid for an hour is queued (in the person's language) in the same transaction
 * that stores its hash. Using
 * the link sets the password, uses up every open link of the person and ends all their sessions, in
 * one transaction.
 */
import {
  type Database,
  endSessionsOf,
  insertPasswordReset,
  lockPasswordReset,
  setPasswordHash,
  userRowByEmail,
  useUpPasswordResets,
} from "@lattice/db";
import { createTranslator, DomainError, ErrorCode, type RefusalKey } from "@lattice/domain";
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
    const user = await userRowByEmail(tx, email);
    if (!user) return false;
    const { token, hash } = newLinkToken();
    await insertPasswordReset(tx, {
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
    // Security: locked, so the same link used twice at once sets one password, not two.
    const reset = await lockPasswordReset(tx, hashLinkToken(token));
    if (!reset) throw badLink("This link is not valid; ask for a new one", "refusal.passwordReset.invalid");
    if (reset.usedAt)
      throw badLink("This link was already used; ask for a new one", "refusal.passwordReset.used");
    if (reset.expiresAt.getTime() <= Date.now())
      throw badLink("This link has expired; ask for a new one", "refusal.passwordReset.expired");
    await setPasswordHash(tx, reset.userId, passwordHash);
    await useUpPasswordResets(tx, reset.userId);
    return endSessionsOf(tx, reset.userId);
  });
