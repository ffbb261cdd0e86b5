/** Password hashing with scrypt (node:crypto): memory-hard, salted, compared in constant time. */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 16_384;
const r = 8;
const p = 1;
const keyLength = 64;

const derive = (password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      keyLength,
      { N: n, r: rr, p: pp, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, rr, pp, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !rr || !pp || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
export const decoyHash = hashPassword("decoy-password-for-unknown-emails");
