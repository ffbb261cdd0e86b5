/**
 * Whether the PostgreSQL the tests use answers, and whether it must. Kept apart from testing.ts
 * (only `pg`, no drizzle or PGlite) so the vitest config can ask before it sets up the projects.
 */
import pg from "pg";

export const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The admin URL without its password, for messages. */
export const adminUrlForDisplay = (): string => {
  const url = new URL(adminUrl);
  if (url.password) url.password = "***";
  return url.toString();
};

/** In CI (CI=true) or with REQUIRE_POSTGRES=1 a missing PostgreSQL is an error, not a skip. */
export const isPostgresRequired = (): boolean =>
  process.env.CI === "true" || process.env.CI === "1" || process.env.REQUIRE_POSTGRES === "1";

/** Connects and runs `SELECT 1`; the reason it could not, or null when it can. */
export const postgresUnreachableReason = async (): Promise<string | null> => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    // A refused localhost is an AggregateError (IPv6 and IPv4) with an empty message but a code.
    const { message, code } = error as { message?: string; code?: string };
    return message || code || String(error);
  } finally {
    await client.end().catch(() => {});
  }
};

export const isPostgresReachable = async (): Promise<boolean> => (await postgresUnreachableReason()) === null;
