/**
 * The SQL of accounts by address: making one (under the sign-up lock, the first becoming the
 * administrator), finding one by its address in any case, and the password hash. Addresses are
 * compared lower-cased; callers pass them lower-cased.
 */
import type { User } from "@lattice/domain";
import { count, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "./client.js";
import { toUser } from "./mappers.js";
import { users } from "./schema/index.js";

export type UserRow = typeof users.$inferSelect;

/** Serializes account creation to the end of the transaction, so exactly one first account is made. */
export const lockSignups = async (tx: Transaction): Promise<void> => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lattice:signup'))`);
};

export const countUsers = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ value: count() }).from(users);
  return row?.value ?? 0;
};

/** The id of the account with this address (any case), or null. */
export const userIdByEmail = async (db: Executor, email: string): Promise<string | null> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row?.id ?? null;
};

/** The whole row (password hash included) of the account with this address (any case), or null. */
export const userRowByEmail = async (db: Executor, email: string): Promise<UserRow | null> => {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row ?? null;
};

export const insertUser = async (
  db: Executor,
  values: { email: string; name: string; passwordHash: string; isAdmin: boolean; locale?: string },
): Promise<User> => {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return toUser(row);
};

export const passwordHashOf = async (db: Executor, userId: string): Promise<string | null> => {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
};

export const setPasswordHash = async (db: Executor, userId: string, passwordHash: string): Promise<void> => {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
};

/** A person's language and time zone settings, or null when there is no such account. */
export const userLocaleOf = async (
  db: Executor,
  userId: string,
): Promise<{ locale: string; timeZone: string | null } | null> => {
  const [row] = await db
    .select({ locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
};
