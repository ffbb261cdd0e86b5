/**
 * One schema, two drivers: PostgreSQL through `pg` when a URL is given, embedded PGlite (a data
 * directory, or memory) otherwise. Both give the same drizzle API; everything above this file is
 * driver-agnostic except the live-sync bus, which needs LISTEN on a real server.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema/index.js";

export * from "./data-dir-lock.js";
export * from "./unavailable.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type Driver = "pg" | "pglite";

export interface DbHandle {
  db: Database;
  driver: Driver;
  /** Set for the `pg` driver: the pool, used by the live-sync bus for LISTEN/NOTIFY. */
  pool: pg.Pool | null;
  /** Set for the `pg` driver: the connection string, for dedicated listener connections. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… ; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined with `inMemory`) keeps everything in memory. */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** What opens a PGlite data directory ("server", "seed"…): named to any process refused by its lock. */
  purpose?: string | undefined;
  /** Where the pool reports a connection that failed while checked out (it is replaced). */
  onConnectionError?: ((error: Error) => void) | undefined;
  /** Sees the text of every statement sent (tests count a request's database round trips with it). */
  onQuery?: ((query: string) => void) | undefined;
}

// A request waiting longer than this for a connection gets a 503 instead of hanging.
const CONNECT_TIMEOUT_MS = 5_000;

const queryLogger = ({ onQuery }: DbOptions) =>
  onQuery ? { logQuery: (query: string) => onQuery(query) } : false;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../migrations");

// Two instances starting at once must not both apply the same migration.
const MIGRATION_LOCK = 7_240_311;

/**
 * PGlite's own buffer cache. Its default, 128MB, is zeroed inside the WebAssembly memory at start, so
 * it is all resident from the first second (about 110 MiB more RSS than 16MB); the data files are
 * still cached by the operating system behind it, as they are for PostgreSQL.
 */
const PGLITE_SHARED_BUFFERS = "16MB";

export const createDb = async (options: DbOptions = {}): Promise<DbHandle> => {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    const onConnectionError = options.onConnectionError ?? (() => {});
    // A connection that dies (PostgreSQL restarted, network lost) emits 'error' on its client, idle
    // or checked out; unheard, that would end the process. The query in flight fails on its own and
    // the pool opens a new connection for the next one.
    pool.on("error", onConnectionError);
    pool.on("connect", (client) => client.on("error", onConnectionError));
    const db = drizzleNodePg(pool, { schema, logger: queryLogger(options) }) as unknown as Database;
    const lockClient = await pool.connect();
    try {
      await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateNodePg(drizzleNodePg(lockClient, { schema }), { migrationsFolder });
    } finally {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      lockClient.release();
    }
    return {
      db,
      driver: "pg",
      pool,
      databaseUrl: options.databaseUrl,
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  const isInMemory = dataDir.startsWith("memory://");
  if (!isInMemory) mkdirSync(dataDir, { recursive: true });
  // Before anything reads the files: a second process would silently diverge from the first.
  const lock = isInMemory ? null : await lockDataDir(dataDir, options.purpose ?? "process");
  try {
    const client = await PGlite.create(dataDir, {
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    const pgliteDb = drizzlePglite(client, { schema, logger: queryLogger(options) });
    await migratePglite(pgliteDb, { migrationsFolder }).catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    return {
      db: pgliteDb as unknown as Database,
      driver: "pglite",
      pool: null,
      databaseUrl: null,
      close: async () => {
        try {
          await client.close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
};
