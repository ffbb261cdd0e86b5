/**
 * Trash snapshots. Trashing takes the thing's own rows and every row that ON DELETE CASCADE would
 * take with them (found in the catalog, so a table added later joins without being listed here),
 * keeps them as JSON, and then deletes the root rows. Restoring inserts them back with the same
 * ids, parents before children.
 *
 * Invariants:
 * - What is in the trash is in no product table, so no query (board, search, charts, feeds,
 *   notifications, counts) has to remember to leave it out.
 * - A restored row whose reference is gone meanwhile (a relation to a card since deleted, a label
 *   since removed) is left out; a reference that would have been set to null on delete (a person
 *   who left the instance) comes back as null. So a restore never fails on a foreign key.
 * - Notifications and their mail are not kept: they were news about the thing, not part of it.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import type { TrashSnapshot } from "./schema/trash.js";
import { rowsOf } from "./write-sql.js";

interface ForeignKey {
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
  /** `c` cascade, `n` set null, `a`/`r` no action / restrict, `d` set default. */
  onDelete: string;
}

interface Catalog {
  keys: ForeignKey[];
  /** Insertable columns of each table (generated ones left out). */
  columns: Map<string, string[]>;
}

/** Tables never kept in a snapshot (see the header). */
const notKept = new Set(["notifications", "mail_messages", "trash_entries"]);

const readCatalog = async (db: Executor): Promise<Catalog> => {
  const keyRows = rowsOf(
    await db.execute(sql`
      SELECT child.relname::text AS child, parent.relname::text AS parent, c.confdeltype::text AS on_delete,
        ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS child_columns,
        ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS parent_columns
      FROM pg_constraint c
      JOIN pg_class child ON child.oid = c.conrelid
      JOIN pg_class parent ON parent.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()
      ORDER BY c.conname`),
  );
  const columnRows = rowsOf(
    await db.execute(sql`
      SELECT cl.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_attribute a
      JOIN pg_class cl ON cl.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = current_schema() AND cl.relkind = 'r' AND a.attnum > 0
        AND NOT a.attisdropped AND a.attgenerated = ''
      GROUP BY cl.relname`),
  );
  return {
    keys: keyRows.map((r) => ({
      child: String(r.child),
      parent: String(r.parent),
      childColumns: r.child_columns as string[],
      parentColumns: r.parent_columns as string[],
      onDelete: String(r.on_delete),
    })),
    columns: new Map(columnRows.map((r) => [String(r.name), r.columns as string[]])),
  };
};

let sharedCatalog: Promise<Catalog> | null = null;
/** One read per process: every database of a process is migrated to the same schema. */
const catalog = (db: Executor): Promise<Catalog> => {
  sharedCatalog ??= readCatalog(db).catch((error: unknown) => {
    sharedCatalog = null;
    throw error;
  });
  return sharedCatalog;
};

const ident = (name: string): SQL => sql.raw(`"${name.replaceAll('"', '""')}"`);
const columnList = (alias: string, columns: readonly string[]): SQL =>
  sql.raw(columns.map((c) => `${alias}."${c.replaceAll('"', '""')}"`).join(", "));

type Predicate = (alias: string, depth: number) => SQL;

/**
 * The tables a delete of `root` rows reaches through ON DELETE CASCADE (self-references left out:
 * the caller names every row of a tree as roots), parents before children.
 */
const reachedTables = (keys: ForeignKey[], root: string): string[] => {
  const reached = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const k of keys) {
      if (k.onDelete === "c" && reached.has(k.parent) && !reached.has(k.child) && !notKept.has(k.child)) {
        reached.add(k.child);
        grew = true;
      }
    }
  }
  // Parents before children by every foreign key between reached tables (a blocking after its type).
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < reached.size) {
    const next = [...reached].find(
      (t) =>
        !placed.has(t) &&
        keys.every((k) => k.child !== t || k.parent === t || !reached.has(k.parent) || placed.has(k.parent)),
    );
    if (!next) throw new Error("foreign keys between trashed tables form a cycle");
    order.push(next);
    placed.add(next);
  }
  return order;
};

/**
 * Every row that deleting `root` rows `ids` would delete (but notifications), as JSON, parents
 * before children. Call it inside the transaction that then deletes them.
 */
export const snapshotRows = async (
  db: Executor,
  root: string,
  ids: readonly string[],
): Promise<TrashSnapshot> => {
  const { keys } = await catalog(db);
  const order = reachedTables(keys, root);
  const predicates = new Map<string, Predicate>();
  predicates.set(root, (alias) => sql`${sql.raw(alias)}.id = ANY(${sql.param([...ids])}::uuid[])`);
  for (const table of order.slice(1)) {
    const parts = keys
      .filter(
        (k) => k.child === table && k.onDelete === "c" && k.parent !== table && predicates.has(k.parent),
      )
      .map((k): Predicate => {
        const parentPredicate = predicates.get(k.parent);
        if (!parentPredicate) throw new Error(`no predicate for ${k.parent}`);
        return (alias, depth) => {
          const inner = `p${depth}`;
          return sql`(${columnList(alias, k.childColumns)}) IN (SELECT ${columnList(inner, k.parentColumns)} FROM ${ident(k.parent)} ${sql.raw(inner)} WHERE ${parentPredicate(inner, depth + 1)})`;
        };
      });
    predicates.set(table, (alias, depth) =>
      sql.join(
        parts.map((p) => sql`(${p(alias, depth)})`),
        sql` OR `,
      ),
    );
  }
  const snapshot: TrashSnapshot = [];
  for (const table of order) {
    const predicate = predicates.get(table);
    if (!predicate) continue;
    const [row] = rowsOf(
      await db.execute(
        sql`SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) AS rows FROM ${ident(table)} t WHERE ${predicate("t", 0)}`,
      ),
    );
    const rows = (typeof row?.rows === "string" ? JSON.parse(row.rows) : row?.rows) as unknown[];
    if (rows.length > 0) snapshot.push({ table, rows });
  }
  return snapshot;
};

/** The rows of `table` in a snapshot (empty when none). */
export const snapshotTable = <T = Record<string, unknown>>(snapshot: TrashSnapshot, table: string): T[] =>
  (snapshot.find((s) => s.table === table)?.rows ?? []) as T[];

/**
 * Puts a snapshot's rows back (see the header for rows whose references are gone). Returns how
 * many rows of each table went back.
 */
export const restoreRows = async (db: Executor, snapshot: TrashSnapshot): Promise<Map<string, number>> => {
  const { keys, columns } = await catalog(db);
  const restored = new Map<string, number>();
  for (const { table, rows } of snapshot) {
    const tableColumns = columns.get(table);
    if (!tableColumns || rows.length === 0) continue;
    const tableKeys = keys.filter((k) => k.child === table);
    const exists = (k: ForeignKey): SQL => {
      const pairs = k.childColumns.map((c, i) => sql`p.${ident(k.parentColumns[i] ?? c)} = r.${ident(c)}`);
      return sql`EXISTS (SELECT 1 FROM ${ident(k.parent)} p WHERE ${sql.join(pairs, sql` AND `)})`;
    };
    const anyNull = (k: ForeignKey): SQL =>
      sql.join(
        k.childColumns.map((c) => sql`r.${ident(c)} IS NULL`),
        sql` OR `,
      );
    const selected = tableColumns.map((column) => {
      const nulling = tableKeys.find(
        (k) => k.onDelete === "n" && k.childColumns.length === 1 && k.childColumns[0] === column,
      );
      return nulling
        ? sql`CASE WHEN ${exists(nulling)} THEN r.${ident(column)} END`
        : sql`r.${ident(column)}`;
    });
    const required = tableKeys
      .filter((k) => !(k.onDelete === "n" && k.childColumns.length === 1))
      .map((k) => sql`(${anyNull(k)} OR ${exists(k)})`);
    const statement = sql`INSERT INTO ${ident(table)} (${sql.raw(tableColumns.map((c) => `"${c}"`).join(", "))})
      SELECT ${sql.join(selected, sql`, `)}
      FROM jsonb_populate_recordset(NULL::${ident(table)}, ${JSON.stringify(rows)}::jsonb) r
      WHERE ${required.length > 0 ? sql.join(required, sql` AND `) : sql`true`}
      ON CONFLICT DO NOTHING RETURNING 1`;
    // A table that references itself (nested folders) goes back level by level: each pass adds the
    // rows whose parent is now there.
    const selfReferencing = tableKeys.some((k) => k.parent === table);
    let count = 0;
    for (let pass = 0; pass <= (selfReferencing ? rows.length : 0); pass += 1) {
      const added = rowsOf(await db.execute(statement)).length;
      count += added;
      if (added === 0 || count >= rows.length) break;
    }
    restored.set(table, count);
  }
  return restored;
};
