/**
 * Secrets carried by links in messages (invitations, password resets). 32 random bytes, base64url;
 * only their SHA-256 is stored, so a leaked table holds no usable link.
 */
import { createHash, randomBytes } from "node:crypto";

export const hashLinkToken = (token: string): string =>
  createHash("sha256").update(token).digest("base64url");

export const newLinkToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
};
