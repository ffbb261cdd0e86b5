/**
 * Server-side prepared statements for the hot write path. Planning the one-statement contexts of a
 * card move (joins, lateral neighbour reads, sub-selects) costs PostgreSQL several times what running
 * them does; a named statement is parsed and planned once per connection and then only bound and
 * executed. The name is a digest of the text, so each shape of a statement gets its own name and the
 * same text always reuses it. Opt-in, for statements whose set of shapes is small and fixed: every
 * name stays prepared on its connection for the connection's life.
 *
 * PGlite runs every statement in process and ignores the name; the answer is the same on both drivers.
 */
import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Executor } from "./client.js";

export type Row = Record<string, unknown>;

const nameByText = new Map<string, string>();
/** A guard, not a tuning knob: the hot path has a few dozen shapes. */
const MAX_NAMES = 1_000;

/** The name of the prepared statement of `text`. */
export const statementName = (text: string): string => {
  let name = nameByText.get(text);
  if (name === undefined) {
    name = `lattice_${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
    if (nameByText.size < MAX_NAMES) nameByText.set(text, name);
  }
  return name;
};

/** Runs `query` as a named prepared statement and answers its rows. */
export const executePrepared = async (db: Executor, query: SQL): Promise<Row[]> => {
  // drizzle keeps its dialect and session internal; both are present on databases and transactions.
  const internal = db as unknown as { dialect: PgDialect; session: PgSession };
  const built = internal.dialect.sqlToQuery(query);
  const result = (await internal.session
    .prepareQuery(built, undefined, statementName(built.sql), false)
    .execute()) as { rows: Row[] };
  return result.rows;
};

/**
 * Embedded PGlite runs one statement and one transaction at a time for the whole process (its
 * queries and transactions share one exclusive lock), so the channel locks that order concurrent
 * writers on PostgreSQL would only cost a statement there.
 */
export const runsOneTransactionAtATime = (db: Executor): boolean =>
  (db as unknown as { session?: unknown }).session instanceof PgliteSession;
