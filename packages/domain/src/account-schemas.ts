/**
 * Schemas of a person's own account: changing the password and the list of their sessions (the
 * browsers they are logged in on). Shared by server and web.
 */
import { z } from "zod";
import { id, isoTime, limits } from "./schemas.js";

/** POST /api/me/password: the current password proves it is the person, not a borrowed session. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, "is required").max(limits.passwordMax),
  newPassword: z
    .string()
    .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
    .max(limits.passwordMax, `must be at most ${limits.passwordMax} characters`),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** One place a person is logged in. `id` names the session; it is not its token and cannot log in. */
export const accountSessionSchema = z.object({
  id,
  /** The browser's user agent when the session started (empty when it sent none). */
  device: z.string(),
  /** The client address last seen for this session. */
  address: z.string(),
  createdAt: isoTime,
  lastUsedAt: isoTime,
  /** The session this request was made with. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** GET /api/me/sessions: most recently used first. */
export const accountSessionListSchema = z.array(accountSessionSchema);

/** POST /api/me/sessions/sign-out-others: how many sessions were ended. */
export const signedOutSchema = z.object({ ended: z.number().int().nonnegative() });
export type SignedOut = z.infer<typeof signedOutSchema>;
