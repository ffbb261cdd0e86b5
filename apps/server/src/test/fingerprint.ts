/**
 * A fingerprint of everything the database holds, to prove a refused request changed nothing: per
 * table of the application's schema, the row count and an MD5 of all rows as text in a fixed order.
 * One statement, so it is cheap enough to take after every request of a fuzz run.
 */
import type { Database } from "@lattice/db";
import { sql } from "drizzle-orm";

/**
 * Columns that legitimately change on a request that is otherwise refused or read-only: signing in
 * keeps a session's last use and address current. Only which sessions exist counts for them.
 */
const fingerprintedColumns: Record<string, string> = { sessions: "t.id::text" };

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Both drivers answer a raw statement with `{ rows }`. */
const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (result as { rows: Record<string, unknown>[] }).rows;

export type Fingerprint = Record<string, { rows: number; hash: string }>;

export const tableNames = async (db: Database): Promise<string[]> => {
  const result = await db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rowsOf(result).map((row) => String(row.tablename));
};

/** Builds the statement once per table list; each call then costs one round trip. */
export const fingerprinter = async (db: Database): Promise<() => Promise<Fingerprint>> => {
  const tables = await tableNames(db);
  const statement = tables
    .map((table) => {
      const row = fingerprintedColumns[table] ?? "t::text";
      return `SELECT ${quoteLiteral(table)} AS name, count(*)::int AS rows,
        md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS hash FROM ${quoteIdent(table)} t`;
    })
    .join("\nUNION ALL\n");
  return async () => {
    const result = await db.execute(sql.raw(statement));
    return Object.fromEntries(
      rowsOf(result).map((row) => [String(row.name), { rows: Number(row.rows), hash: String(row.hash) }]),
    );
  };
};

/** The tables whose fingerprint differs, for a readable failure. */
export const changedTables = (before: Fingerprint, after: Fingerprint): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter(
      (table) => before[table]?.rows !== after[table]?.rows || before[table]?.hash !== after[table]?.hash,
    )
    .sort();
