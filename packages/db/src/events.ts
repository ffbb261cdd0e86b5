/**
 * Appending to the event log. Every mutation calls `runMutation`, which runs the change and appends
 * its events in one transaction. The channel counter row is incremented with an upsert, which holds
 * its row lock until commit: two transactions on one channel serialize there, so seq order equals
 * commit order and the log has no gaps a reader could skip.
 */
import type { Channel, DomainEvent, DraftEvent } from "@lattice/domain";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database, Transaction } from "./client.js";
import { channels, events } from "./schema/index.js";

export interface MutationMeta {
  actorId: string | null;
  mutationId: string | null;
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
}

export const lockChannel = async (tx: Transaction, channel: Channel): Promise<void> => {
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
export const appendEvents = async (
  tx: Transaction,
  drafts: DraftEvent[],
  meta: MutationMeta,
): Promise<DomainEvent[]> => {
  if (drafts.length === 0) return [];
  const countByChannel = new Map<Channel, number>();
  const ordinals = drafts.map((d) => {
    const ordinal = (countByChannel.get(d.channel) ?? 0) + 1;
    countByChannel.set(d.channel, ordinal);
    return ordinal;
  });
  const counters = [...countByChannel].sort(([a], [b]) => (a < b ? -1 : 1));
  const at = new Date();
  const result = await tx.execute(sql`
    WITH bumped AS (
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
  `);
  const firstSeq = new Map<string, number>();
  for (const row of (result as unknown as { rows: Array<{ channel: string; seq: string | number }> }).rows) {
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

export const runMutation = async <T>(
  db: Database,
  meta: MutationMeta,
  fn: (ctx: MutationContext) => Promise<T>,
): Promise<{ result: T; events: DomainEvent[] }> =>
  db.transaction(async (tx) => {
    const drafts: DraftEvent[] = [];
    const result = await fn({
      tx,
      emit: (event) => drafts.push(event),
      lock: (channel) => lockChannel(tx, channel),
    });
    const appended = await appendEvents(tx, drafts, meta);
    return { result, events: appended };
  });

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
