/**
 * Appending to the event log. Every mutation calls `runMutation`, which runs the change and appends
 * its events in one transaction. The channel counter row is incremented with an upsert, which holds
 * its row lock until commit: two transactions on one channel serialize there, so seq order equals
 * commit order and the log has no gaps a reader could skip.
 */
import type { Channel, DomainEvent, DraftEvent } from "@lattice/domain";
import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Database, Transaction } from "./client.js";
import { type FinalStatement, isNodePg, runFoldedTransaction } from "./pg-transaction.js";
import { executePrepared, runsOneTransactionAtATime } from "./prepared.js";
import { channels, events } from "./schema/index.js";

export interface MutationMeta {
  actorId: string | null;
  mutationId: string | null;
}

export interface NotificationMailSettings {
  publicUrl: string;
  delayMs: number;
}

export interface MutationContext {
  tx: Transaction;
  emit(event: DraftEvent): void;
  /**
   * Takes the channel's lock now instead of at the end of the transaction: later statements then
   * see every change committed before ours, which a command needs when it computes something from
   * the current state (an ordering key from its neighbours, the number of owners left).
   */
  lock(channel: Channel): Promise<void>;
  /**
   * Sends a data-modifying statement (no WITH of its own: PostgreSQL takes those only at the top)
   * with the event append, as a common table expression of that one statement: the command's last write costs no round trip of its own. Only for a write
   * nothing later in the command reads back (the statement runs after the command returns).
   * Absent on a context a command rebuilds for a helper; `writeLast` covers both.
   */
  writeWithEvents?: (statement: SQL) => void;
  /**
   * Set by the server for commands whose notifications may be e-mailed: where links in messages
   * point and how long an "instantly" message waits. Absent, notifications are not e-mailed.
   */
  mail?: NotificationMailSettings | undefined;
}

/** The command's last write: with the event append when the context allows it, else now. */
export const writeLast = async (ctx: MutationContext, statements: readonly SQL[]): Promise<void> => {
  for (const statement of statements) {
    if (ctx.writeWithEvents) ctx.writeWithEvents(statement);
    else await executePrepared(ctx.tx, statement);
  }
};

export const lockChannel = async (tx: Transaction, channel: Channel): Promise<void> => {
  if (runsOneTransactionAtATime(tx)) return;
  await tx
    .insert(channels)
    .values({ channel, seq: 0 })
    .onConflictDoUpdate({ target: channels.channel, set: { seq: sql`${channels.seq}` } });
};

const workspaceIdOf = (event: DraftEvent): string | null => {
  const p = event.payload as Record<string, unknown>;
  for (const key of [
    "workspace",
    "member",
    "folder",
    "space",
    "status",
    "card",
    "todo",
    "label",
    "comment",
    "attachment",
    "blocking",
    "relation",
    "notification",
  ]) {
    const entity = p[key] as { workspaceId?: string; id?: string } | undefined;
    if (entity) return key === "workspace" ? (entity.id ?? null) : (entity.workspaceId ?? null);
  }
  return typeof p.workspaceId === "string" ? p.workspaceId : null;
};

/**
 * One statement, one round trip: the counter rows are bumped (in channel order, so two transactions
 * touching the same channels lock them in the same order and cannot deadlock) and the events are
 * inserted with the seqs the bump handed out.
 */
const PREPARED_MAX_EVENTS = 4;

export const appendEvents = async (
  tx: Transaction,
  drafts: DraftEvent[],
  meta: MutationMeta,
  writes: readonly SQL[] = [],
  /** How the transaction's last statement is sent (on `pg`, with its COMMIT); else as the others. */
  final?: FinalStatement,
): Promise<DomainEvent[]> => {
  if (drafts.length === 0) {
    for (const [i, write] of writes.entries()) {
      if (final && i === writes.length - 1) await final(write, true);
      else await executePrepared(tx, write);
    }
    return [];
  }
  const countByChannel = new Map<Channel, number>();
  const ordinals = drafts.map((d) => {
    const ordinal = (countByChannel.get(d.channel) ?? 0) + 1;
    countByChannel.set(d.channel, ordinal);
    return ordinal;
  });
  const counters = [...countByChannel].sort(([a], [b]) => (a < b ? -1 : 1));
  const at = new Date();
  const statement = sql`
    WITH ${sql.join(
      writes.map((write, i) => sql`${sql.raw(`written_${i}`)} AS (${write}), `),
      sql``,
    )}bumped AS (
      INSERT INTO ${channels} (channel, seq)
      VALUES ${sql.join(
        counters.map(([channel, count]) => sql`(${channel}, ${count})`),
        sql`, `,
      )}
      ON CONFLICT (channel) DO UPDATE SET seq = ${channels}.seq + excluded.seq
      RETURNING channel, seq
    )
    INSERT INTO ${events} (channel, seq, workspace_id, type, payload, actor_id, mutation_id, at)
    SELECT d.channel, bumped.seq - d.count + d.ordinal, d.workspace_id::uuid, d.type, d.payload::jsonb,
      ${meta.actorId}::uuid, ${meta.mutationId}::text, ${at.toISOString()}::timestamptz
    FROM (VALUES ${sql.join(
      drafts.map(
        (d, i) =>
          sql`(${d.channel}, ${ordinals[i] ?? 1}::bigint, ${countByChannel.get(d.channel) ?? 1}::bigint, ${workspaceIdOf(d)}::text, ${d.type}, ${JSON.stringify(d.payload)}::text)`,
      ),
      sql`, `,
    )}) AS d(channel, ordinal, count, workspace_id, type, payload)
    JOIN bumped ON bumped.channel = d.channel
    RETURNING channel, seq
  `;
  // The usual few events share a handful of shapes: prepared once per connection (see prepared.ts);
  // on PostgreSQL the statement also carries the COMMIT (pg-transaction.ts).
  const rows = (
    final
      ? await final(statement, drafts.length <= PREPARED_MAX_EVENTS)
      : drafts.length <= PREPARED_MAX_EVENTS
        ? await executePrepared(tx, statement)
        : ((await tx.execute(statement)) as unknown as { rows: unknown[] }).rows
  ) as Array<{ channel: string; seq: string | number }>;
  const firstSeq = new Map<string, number>();
  for (const row of rows) {
    const seq = Number(row.seq);
    firstSeq.set(row.channel, Math.min(firstSeq.get(row.channel) ?? seq, seq));
  }
  return drafts.map(
    (d, i) =>
      ({
        channel: d.channel,
        seq: (firstSeq.get(d.channel) ?? 1) + (ordinals[i] ?? 1) - 1,
        type: d.type,
        payload: d.payload,
        actorId: meta.actorId,
        mutationId: meta.mutationId,
        at: at.toISOString(),
      }) as DomainEvent,
  );
};

/**
 * Runs `fn` and appends its events in one transaction. On PostgreSQL, BEGIN goes with the first
 * statement and COMMIT with the event append (see pg-transaction.ts); PGlite runs its transactions
 * in process.
 */
export const runMutation = async <T>(
  db: Database,
  meta: MutationMeta,
  fn: (ctx: MutationContext) => Promise<T>,
): Promise<{ result: T; events: DomainEvent[] }> => {
  const mutate = async (tx: Transaction, final?: FinalStatement) => {
    const drafts: DraftEvent[] = [];
    const writes: SQL[] = [];
    const result = await fn({
      tx,
      emit: (event) => drafts.push(event),
      lock: (channel) => lockChannel(tx, channel),
      writeWithEvents: (statement) => writes.push(statement),
    });
    const appended = await appendEvents(tx, drafts, meta, writes, final);
    return { result, events: appended };
  };
  return isNodePg(db) ? runFoldedTransaction(db, mutate) : db.transaction((tx) => mutate(tx));
};

export const latestSeq = async (db: Database | Transaction, channel: Channel): Promise<number> => {
  const [row] = await db.select({ seq: channels.seq }).from(channels).where(eq(channels.channel, channel));
  return row?.seq ?? 0;
};

export const eventsAfter = async (
  db: Database,
  channel: Channel,
  since: number,
  limit = 1000,
): Promise<DomainEvent[]> => {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.channel, channel), gt(events.seq, since)))
    .orderBy(asc(events.seq))
    .limit(limit);
  return rows.map(
    (r) =>
      ({
        channel: r.channel as Channel,
        seq: r.seq,
        type: r.type,
        payload: r.payload,
        actorId: r.actorId,
        mutationId: r.mutationId,
        at: r.at.toISOString(),
      }) as DomainEvent,
  );
};
