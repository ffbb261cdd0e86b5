/**
 * The SQL of "forgot password" links (only the token's hash is stored) and of ending a person's
 * sessions when their password is set through one. Whether a link may still be used is decided by
 * the caller, after `lockPasswordReset`.
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { passwordResets, sessions } from "./schema/index.js";

export type PasswordResetRow = typeof passwordResets.$inferSelect;

export const insertPasswordReset = async (
  db: Executor,
  values: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> => {
  await db.insert(passwordResets).values(values);
};

/** The link with this token hash, row-locked until the transaction ends (FOR UPDATE), or null. */
export const lockPasswordReset = async (
  db: Executor,
  tokenHash: string,
): Promise<PasswordResetRow | null> => {
  const [reset] = await db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash))
    .for("update");
  return reset ?? null;
};

/** Uses up every open (unused, unexpired) link of the person. */
export const useUpPasswordResets = async (db: Executor, userId: string): Promise<void> => {
  await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResets.userId, userId),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    );
};

/** Ends every session of the person; their ids (to close their sockets). */
export const endSessionsOf = async (db: Executor, userId: string): Promise<string[]> =>
  (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).map(
    (row) => row.id,
  );
