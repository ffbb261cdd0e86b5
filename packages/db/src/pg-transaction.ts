/**
 * A mutation's transaction on PostgreSQL in two round trips fewer: `BEGIN` travels with the
 * transaction's first statement and `COMMIT` with its last, each pair as one simple-protocol query
 * (PostgreSQL runs the statements of one query string in order, each with its own snapshot, and
 * stops at the first error). The `pg` driver sends one query at a time and waits for its answer, so
 * a separate `BEGIN` and `COMMIT` would each cost a full round trip, and on a busy machine each
 * round trip also costs both processes a wake-up.
 *
 * The simple protocol takes no parameters: a folded statement carries its values as literals,
 * written the way `pg` would send them as parameters (`prepareValue`) and quoted by `pg`'s own
 * `escapeLiteral`. A literal of unknown type is resolved from its context exactly as an untyped
 * parameter is. A statement whose values cannot be written that way (binary data) or whose text
 * has quoting this reader does not follow (dollar quotes, E'' strings) is sent on its own as before.
 */
import type { SQL } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database, Transaction } from "./client.js";
import { type Row, statementName } from "./prepared.js";

interface QueryConfig {
  text: string;
  name?: string | undefined;
  rowMode?: "array" | undefined;
  types?: pg.CustomTypesConfig | undefined;
}

// `pg` exports its value preparation on the default export without declaring it.
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

/** `values` as SQL literals, written as `pg` sends parameters; null when one is binary. */
const literalsOf = (values: readonly unknown[]): string[] | null => {
  const literals: string[] = [];
  for (const value of values) {
    const prepared = value === undefined ? null : prepareValue(value);
    if (prepared === null) literals.push("NULL");
    else if (typeof prepared === "string") literals.push(pg.escapeLiteral(prepared));
    else return null;
  }
  return literals;
};

const plain = /[^'"$/-]+/y;

/**
 * `text` with its `$n` parameters replaced by `values` as SQL literals, or null when that cannot
 * be done safely (see the header).
 */
export const inlineParameters = (text: string, values: readonly unknown[]): string | null => {
  if (values.length === 0) return text;
  if (/\$[A-Za-z_]*\$|\b[Ee]'/.test(text)) return null;
  const literals = literalsOf(values);
  if (literals === null) return null;
  let inlined = "";
  let at = 0;
  while (at < text.length) {
    // Runs of plain text are copied whole; only quotes, comments and `$` need a look.
    plain.lastIndex = at;
    const run = plain.exec(text);
    if (run) {
      inlined += run[0];
      at += run[0].length;
      continue;
    }
    const char = text[at];
    const next = text[at + 1];
    let end = at + 1;
    if (char === "'" || char === '"') {
      // A doubled quote inside is read as two adjacent quoted runs, which copies it unchanged.
      end = text.indexOf(char, at + 1) + 1;
      if (end === 0) return null;
    } else if (char === "-" && next === "-") {
      end = text.indexOf("\n", at);
      if (end === -1) end = text.length;
    } else if (char === "/" && next === "*") {
      end = text.indexOf("*/", at + 2) + 2;
      if (end === 1) return null;
    } else if (char === "$" && !/[\w$]/.test(text[at - 1] ?? "")) {
      const digits = /^\d+/.exec(text.slice(at + 1))?.[0];
      if (digits) {
        const literal = literals[Number(digits) - 1];
        if (literal === undefined) return null;
        inlined += literal;
        at += 1 + digits.length;
        continue;
      }
    }
    inlined += text.slice(at, end);
    at = end;
  }
  return inlined;
};

/** A statement as one part of a query string, and the prepared statement it creates, if any. */
interface Folded {
  text: string;
  /** The number of statements `text` holds (PREPARE and EXECUTE: two). */
  count: number;
  prepares?: { name: string; text: string };
}

/**
 * The connection a folded transaction runs on, in the shape drizzle's session calls (`query`).
 * Every round trip it makes is reported to `logQuery` with the text sent.
 */
class FoldingConnection {
  private state: "unopened" | "open" | "ended" = "unopened";
  /** A PREPARE sent in a query that failed: whether it ran is asked after the rollback. */
  private unconfirmedPrepare: { name: string; text: string } | null = null;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly logQuery: (text: string) => void,
  ) {}

  /** The first statement opens the transaction in the same round trip. */
  async query(config: QueryConfig, values: unknown[] = []): Promise<pg.QueryResult> {
    if (this.state === "open") return this.send(config, values);
    if (this.state === "ended") throw new Error("a statement after its transaction's COMMIT");
    // Open before the answer: a failure after BEGIN ran leaves a transaction to roll back.
    this.state = "open";
    const folded = this.fold(config, values);
    if (folded === null) {
      await this.send({ text: "BEGIN" }, []);
      return this.send(config, values);
    }
    const results = await this.sendMany(config, `BEGIN; ${folded.text}`, folded);
    return results[folded.count] as pg.QueryResult;
  }

  /** The transaction's last statement, committed in the same round trip. */
  async queryAndCommit(config: QueryConfig, values: unknown[]): Promise<pg.QueryResult> {
    if (this.state === "ended") throw new Error("a statement after its transaction's COMMIT");
    const folded = this.fold(config, values);
    if (folded === null) {
      const result = await this.query(config, values);
      await this.commit();
      return result;
    }
    const opens = this.state === "unopened";
    this.state = "open";
    const results = await this.sendMany(config, `${opens ? "BEGIN; " : ""}${folded.text}; COMMIT`, folded);
    this.state = "ended";
    return results[(opens ? 1 : 0) + folded.count - 1] as pg.QueryResult;
  }

  /** Nothing sent: nothing to commit. */
  async commit(): Promise<void> {
    if (this.state === "open") await this.send({ text: "COMMIT" }, []);
    this.state = "ended";
  }

  async rollback(): Promise<void> {
    if (this.state === "open") await this.send({ text: "ROLLBACK" }, []);
    this.state = "ended";
    const unsure = this.unconfirmedPrepare;
    this.unconfirmedPrepare = null;
    // A PREPARE outlives the rollback of its transaction: pg must know the name is taken.
    if (unsure) {
      const { rows } = await this.send({ text: "SELECT 1 FROM pg_prepared_statements WHERE name = $1" }, [
        unsure.name,
      ]);
      if (rows.length > 0) this.parsedStatements[unsure.name] = unsure.text;
    }
  }

  /** The names `pg` has prepared on this connection, with their text (`pg` keeps them there). */
  private get parsedStatements(): Record<string, string | undefined> {
    return (
      this.client as unknown as { connection: { parsedStatements: Record<string, string | undefined> } }
    ).connection.parsedStatements;
  }

  /**
   * The statement as a part of a query string: a named statement (see prepared.ts) runs as EXECUTE
   * of the statement prepared on this connection, PREPARE'd first when it is not yet, so folding
   * keeps its plan; any other with its values written in.
   */
  private fold(config: QueryConfig, values: unknown[]): Folded | null {
    if (!config.name) {
      const text = inlineParameters(config.text, values);
      return text === null ? null : { text, count: 1 };
    }
    const literals = literalsOf(values);
    if (literals === null) return null;
    const name = pg.escapeIdentifier(config.name);
    const execute = `EXECUTE ${name}${literals.length > 0 ? `(${literals.join(", ")})` : ""}`;
    const parsed = this.parsedStatements[config.name];
    if (parsed === config.text) return { text: execute, count: 1 };
    if (parsed !== undefined) return null;
    return {
      text: `PREPARE ${name} AS ${config.text}; ${execute}`,
      count: 2,
      prepares: { name: config.name, text: config.text },
    };
  }

  private send(config: QueryConfig, values: unknown[]): Promise<pg.QueryResult> {
    this.logQuery(config.text);
    return this.client.query(config as pg.QueryConfig, values);
  }

  /** Several statements in one query string: `pg` answers each one's result, in order. */
  private async sendMany(config: QueryConfig, text: string, folded: Folded): Promise<pg.QueryResult[]> {
    this.logQuery(text);
    const { name: _sentAsText, ...unnamed } = config;
    if (folded.prepares) this.unconfirmedPrepare = folded.prepares;
    const results = (await this.client.query({
      ...unnamed,
      text,
    } as pg.QueryConfig)) as unknown as pg.QueryResult[];
    if (folded.prepares) {
      this.parsedStatements[folded.prepares.name] = folded.prepares.text;
      this.unconfirmedPrepare = null;
    }
    return results;
  }
}

interface NodePgInternals {
  dialect: PgDialect;
  session: {
    client: pg.Pool;
    schema: unknown;
    options: { logger?: { logQuery(query: string, params: unknown[]): void } };
  };
}

/** Whether `db` talks to PostgreSQL through `pg` (not embedded PGlite). */
export const isNodePg = (db: Database): boolean =>
  (db as unknown as { session?: unknown }).session instanceof NodePgSession;

/**
 * Runs a statement as the transaction's last one, with its COMMIT; answers its rows. `prepared`: as
 * a named prepared statement (see prepared.ts), prepared on the connection first if need be.
 */
export type FinalStatement = (statement: SQL, prepared: boolean) => Promise<Row[]>;

/**
 * `run` in one transaction on `db` (a `pg` database), with BEGIN sent with its first statement and,
 * when `run` ends by calling `final`, COMMIT with that one. Rolled back when `run` throws.
 */
export const runFoldedTransaction = async <T>(
  db: Database,
  run: (tx: Transaction, final: FinalStatement) => Promise<T>,
): Promise<T> => {
  const { dialect, session } = db as unknown as NodePgInternals;
  const logger = session.options.logger;
  const client = await session.client.connect();
  const connection = new FoldingConnection(client, (text) => logger?.logQuery(text, []));
  // Statements are reported by the connection, each round trip once, with what was sent.
  const { logger: _reportedByTheConnection, ...options } = session.options;
  const txSession = new NodePgSession(
    connection as unknown as pg.PoolClient,
    dialect,
    session.schema as never,
    options,
  );
  const tx = new NodePgTransaction(dialect, txSession, session.schema as never) as unknown as Transaction;
  const final: FinalStatement = async (statement, prepared) => {
    const built = dialect.sqlToQuery(statement);
    const name = prepared ? statementName(built.sql) : undefined;
    return (await connection.queryAndCommit({ text: built.sql, name }, built.params)).rows as Row[];
  };
  let released = false;
  try {
    const result = await run(tx, final);
    await connection.commit();
    return result;
  } catch (error) {
    try {
      await connection.rollback();
    } catch (rollbackError) {
      // The connection is unusable (it died mid-transaction): the pool must not hand it out again.
      client.release(rollbackError as Error);
      released = true;
    }
    throw error;
  } finally {
    if (!released) client.release();
  }
};
