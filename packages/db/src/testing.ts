/**
 * Test databases. PGlite runs in memory. PostgreSQL gets a fresh database with a unique name that is
 * dropped afterwards, so no test depends on data another run left behind. In CI (CI=true) or with
 * REQUIRE_POSTGRES=1 a missing server is an error; elsewhere the PostgreSQL suites are skipped with a
 * loud note so a newcomer without PostgreSQL can still run the rest.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle, type DbOptions } from "./client.js";

export const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const isPostgresRequired = (): boolean =>
  process.env.CI === "true" || process.env.CI === "1" || process.env.REQUIRE_POSTGRES === "1";

export const isPostgresReachable = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
};

/**
 * Whether the PostgreSQL suites run: always when PostgreSQL is required (then a missing server makes
 * the suite fail, not skip), and locally when a server answers.
 */
export const shouldRunPostgres = async (): Promise<boolean> => {
  if (isPostgresRequired()) return true;
  const reachable = await isPostgresReachable();
  if (!reachable)
    console.warn("PostgreSQL is not reachable: skipping the PostgreSQL suites (they fail in CI).");
  return reachable;
};

const withDatabaseName = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export interface TestDatabase {
  handle: DbHandle;
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database for one test file. */
export const createPostgresTestDatabase = async (
  poolSize?: number,
  options: Pick<DbOptions, "onQuery"> = {},
): Promise<TestDatabase> => {
  const name = `lattice_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(adminUrl, name);
  const handle = await createDb({ ...options, databaseUrl: url, poolSize });
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};

export const createPgliteTestDatabase = async (
  options: Pick<DbOptions, "onQuery"> = {},
): Promise<TestDatabase> => {
  const handle = await createDb({ ...options, dataDir: "memory://" });
  return { handle, url: null, drop: () => handle.close() };
};

export type TestDriver = "pglite" | "pg";

export const createTestDatabase = (
  driver: TestDriver,
  options: Pick<DbOptions, "onQuery"> = {},
): Promise<TestDatabase> =>
  driver === "pg" ? createPostgresTestDatabase(undefined, options) : createPgliteTestDatabase(options);
