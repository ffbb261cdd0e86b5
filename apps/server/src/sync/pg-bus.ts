/**
 * The PostgreSQL bus: LISTEN on a dedicated connection, NOTIFY after commit.
 *
 * Why not NOTIFY inside the data transaction: a transaction that issues NOTIFY takes a
 * database-wide lock at commit, which would serialize every write in the system. So wake-ups are
 * sent after the commit, coalesced per channel over a couple of milliseconds, and carry only
 * `{channel, seq}`; the hubs read the events themselves. A lost wake-up (connection drop, crash
 * between commit and NOTIFY) only delays delivery: the hub's periodic check and the reconnect
 * catch-up read the channels' seqs from the table.
 */
import { randomUUID } from "node:crypto";
import type { Channel } from "@lattice/domain";
import pg from "pg";
import { type EventBus, Listeners, latestByChannel, type PresenceBroadcast } from "./bus.js";

const WAKE_CHANNEL = "lattice_events";
const PRESENCE_CHANNEL = "lattice_presence";
// NOTIFY payloads must stay under 8000 bytes.
const MAX_PAYLOAD = 7000;

export interface PgBusOptions {
  databaseUrl: string;
  pool: pg.Pool;
  coalesceMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export const createPgBus = async ({
  databaseUrl,
  pool,
  coalesceMs = 2,
  log = () => {},
}: PgBusOptions): Promise<EventBus> => {
  const instanceId = randomUUID();
  const wakes = new Listeners<[Channel, number]>();
  const reconnects = new Listeners<[]>();
  const presence = new Listeners<[PresenceBroadcast]>();
  const pending = new Map<Channel, number>();
  let flushTimer: NodeJS.Timeout | null = null;
  let listener: pg.Client | null = null;
  let isClosed = false;
  let retryMs = 100;

  const onNotification = (message: pg.Notification) => {
    if (!message.payload) return;
    try {
      if (message.channel === WAKE_CHANNEL) {
        for (const [channel, seq] of JSON.parse(message.payload) as Array<[Channel, number]>)
          wakes.emit(channel, seq);
      } else if (message.channel === PRESENCE_CHANNEL) {
        const broadcast = JSON.parse(message.payload) as PresenceBroadcast;
        if (broadcast.instanceId !== instanceId) presence.emit(broadcast);
      }
    } catch (error) {
      log("ignoring a malformed notification", error);
    }
  };

  let reconnectTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    client.on("notification", onNotification);
    // 'error' and 'end' both mean the LISTEN is gone (PostgreSQL restarted, network lost); only the
    // connection in use schedules a reconnect, once. A failed attempt is retried by its caller.
    const lost = (error?: unknown) => {
      client.removeAllListeners("notification");
      if (listener !== client) return;
      listener = null;
      log("bus listener connection lost; reconnecting", error);
      void client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("notification");
      await client.end().catch(() => {});
      throw error;
    }
    if (isClosed) {
      await client.end().catch(() => {});
      return;
    }
    listener = client;
    retryMs = 100;
  };

  const scheduleReconnect = () => {
    if (isClosed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect()
        // Wake-ups sent while nobody listened are lost: the hub catches every channel up now.
        .then(() => reconnects.emit())
        .catch((error) => {
          log("bus reconnect failed; retrying", error);
          retryMs = Math.min(retryMs * 2, 2000);
          scheduleReconnect();
        });
    }, retryMs);
    reconnectTimer.unref();
  };

  const flush = () => {
    flushTimer = null;
    const entries = [...pending];
    pending.clear();
    let batch: Array<[Channel, number]> = [];
    let size = 2;
    const send = (items: Array<[Channel, number]>) =>
      pool.query("SELECT pg_notify($1, $2)", [WAKE_CHANNEL, JSON.stringify(items)]).catch((error) => {
        // Not fatal: the hubs' periodic check will find these seqs in the table.
        log("wake-up NOTIFY failed", error);
      });
    for (const entry of entries) {
      const entrySize = entry[0].length + 20;
      if (size + entrySize > MAX_PAYLOAD) {
        void send(batch);
        batch = [];
        size = 2;
      }
      batch.push(entry);
      size += entrySize;
    }
    if (batch.length > 0) void send(batch);
  };

  await connect();

  return {
    instanceId,
    published(events) {
      for (const [channel, seq] of latestByChannel(events)) {
        // This instance's own hub needs no round trip through the database.
        wakes.emit(channel, seq);
        pending.set(channel, Math.max(pending.get(channel) ?? 0, seq));
      }
      if (!flushTimer && !isClosed) flushTimer = setTimeout(flush, coalesceMs);
    },
    onWake: (l) => wakes.add(l),
    onReconnect: (l) => reconnects.add(l),
    publishPresence(message) {
      const payload = JSON.stringify({ ...message, entries: message.entries.slice(0, 40) });
      if (payload.length > MAX_PAYLOAD) return;
      pool.query("SELECT pg_notify($1, $2)", [PRESENCE_CHANNEL, payload]).catch((error) => {
        log("presence NOTIFY failed", error);
      });
    },
    onPresence: (l) => presence.add(l),
    async close() {
      isClosed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (flushTimer) {
        clearTimeout(flushTimer);
        flush();
      }
      wakes.clear();
      reconnects.clear();
      presence.clear();
      const client = listener;
      listener = null;
      if (client) {
        client.removeAllListeners("error");
        client.removeAllListeners("end");
        client.on("error", () => {});
        await client.end().catch(() => {});
      }
    },
  };
};
