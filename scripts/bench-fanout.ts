/**
 * `pnpm bench:fanout` (also part of `pnpm bench`): live-sync fan-out.
 *
 * 1. Latency from an HTTP card move to its event's arrival at N subscribed WebSockets (N = 100, 500,
 *    1,000), sequential moves, each waiting until every socket has the event before the next.
 *    - PGlite: one server built in-process exactly as `server.ts` builds it, on loopback.
 *    - PostgreSQL (a fresh database, dropped at the end): two server processes, A and B, started as
 *      `server.ts` is in production. Moves go through A; half the sockets are on A, half on B, so B's
 *      arrivals are the cross-instance path (commit → NOTIFY → B reads the events → B's sockets).
 *    - The in-memory reference (scripts/bench-fanout-reference.ts): the same protocol on this path with
 *      no database, measured with the same client code and socket counts in the same run: in-process
 *      beside the PGlite row, and as two child processes (A forwarding each frame to B over TCP)
 *      beside the PostgreSQL rows. The ratio p99(ours) / p99(reference) is printed for both.
 * 2. Server memory with 1,000 sockets open (RSS and heap after a GC, before and after the sockets).
 * 3. Write throughput on PostgreSQL: concurrent writers creating cards through A, first with A alone,
 *    then with B running and holding subscribed sockets on the written space. The wake-up NOTIFY is
 *    sent after the commit, so a listening instance must not serialize the writes.
 *
 * The measuring client is this process; it parses only what it needs (a regex for the seq of an event
 * frame). Everything is bounded: fixed move counts, fixed durations, per-step timeouts; children are
 * killed and the database dropped on the way out, also after a failure or Ctrl-C.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { createDb } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import WebSocket from "ws";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { startReference } from "./bench-fanout-reference.js";
import { percentile } from "./bench-support.js";

const SOCKET_COUNTS = [100, 500, 1_000];
const REFERENCE = "reference";
const REFERENCE_PAIR = "reference x2";
const MEMORY_SOCKETS = 1_000;
// The memory stage runs first, so the RSS baseline is not raised by sockets opened and closed before.
const RUN_ORDER = [MEMORY_SOCKETS, ...SOCKET_COUNTS.filter((n) => n !== MEMORY_SOCKETS)];
const WARMUP_MOVES = 3;
const MOVES = 30;
const MOVE_TIMEOUT_MS = 15_000;
const SEED_CARDS = 12;
const OPEN_BATCH = 50;
const WRITERS = 8;
const WRITE_WARMUP_MS = 1_000;
const WRITE_MS = 10_000;
const LISTENER_SOCKETS = 200;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const probeUrl = pathToFileURL(path.join(repoRoot, "scripts/bench-fanout-probe.ts")).href;
const referenceScript = path.join(repoRoot, "scripts/bench-fanout-reference.ts");

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

// ---------- cleanup: children and sockets go away on every exit path ----------

const children = new Set<ChildProcess>();
const openSocketSets = new Set<Fleet>();
const cleanups: Array<() => Promise<void>> = [];

const runCleanups = async (): Promise<void> => {
  for (const fleet of openSocketSets) fleet.terminate();
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await cleanup?.().catch((error: unknown) => console.error("cleanup failed:", error));
  }
};
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the database`);
    const force = setTimeout(() => process.exit(130), 10_000);
    force.unref();
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------- statistics and tables ----------

const stats = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
};

/** Prints a table: the first `textColumns` columns left-aligned, the rest (numbers) right-aligned. */
const printTable = (title: string, header: string[], body: string[][], textColumns: number): void => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}\n\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const row of body) console.log(line(row));
};

const ms = (value: number): string => (Number.isNaN(value) ? "-" : value.toFixed(2));
const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
const kbPerSocket = (delta: number, sockets: number): string => (delta / 1024 / sockets).toFixed(1);

// ---------- HTTP ----------

interface Status {
  id: string;
}
interface Card {
  id: string;
  statusId: string;
}

class Client {
  cookie = "";
  constructor(readonly base: string) {}

  async request<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers["content-type"] = "application/json";
    // A change without a JSON body must say it comes from a client (the server's forgery check).
    else if (method !== "GET") headers["x-lattice-client"] = "bench";
    const response = await fetch(`${this.base}${urlPath}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${urlPath} → ${response.status}: ${text.slice(0, 300)}`);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("lattice_session="));
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return (text ? JSON.parse(text) : null) as T;
  }

  /** The same session against another instance (sessions live in the shared database). */
  on(base: string): Client {
    const other = new Client(base);
    other.cookie = this.cookie;
    return other;
  }
}

interface Space {
  id: string;
  statusIds: string[];
}

const signUp = async (client: Client): Promise<string> => {
  await client.request("POST", "/api/auth/signup", {
    email: `bench-fanout-${Date.now()}@example.com`,
    name: "Bench",
    password: "bench-password-1",
  });
  const workspace = await client.request<{ id: string }>("POST", "/api/workspaces", { name: "Fan-out" });
  return workspace.id;
};

const createSpace = async (client: Client, workspaceId: string, name: string): Promise<Space> => {
  const space = await client.request<{ id: string }>("POST", `/api/workspaces/${workspaceId}/spaces`, {
    name,
  });
  const board = await client.request<{ statuses: Status[] }>("GET", `/api/spaces/${space.id}/board`);
  const statusIds = board.statuses.map((s) => s.id);
  if (statusIds.length < 2) throw new Error("a new space needs at least two statuses to move cards between");
  return { id: space.id, statusIds };
};

const createCard = (client: Client, space: Space, n: number): Promise<Card> =>
  client.request<Card>("POST", `/api/spaces/${space.id}/cards`, {
    name: `Card ${n}`,
    statusId: space.statusIds[n % space.statusIds.length],
  });

// ---------- sockets ----------

// Only an event frame's seq is read, with a regex on the frame's start; nothing is JSON-parsed.
const EVENT_SEQ = /^\{"type":"event","channel":"[^"]*","seq":(\d+)/;
const SUBSCRIBED = '{"type":"subscribed"';
// `{"type":"ev…`: bytes 9 and 10 of an event frame, checked on the Buffer without decoding it.
const isEventFrame = (data: Buffer): boolean => data[9] === 0x65 && data[10] === 0x76;

/** The move being measured: every socket records the first event with seq ≥ `seq`. */
interface Measurement {
  seq: number;
  cardId: string;
  t0: number;
  remaining: number;
  maxSeq: number;
  isChecked: boolean;
  cardIdMismatch: boolean;
  arrivals: number[][];
  done: () => void;
}
let measuring: Measurement | null = null;

interface Sock {
  ws: WebSocket;
  group: number;
  /** Highest move seq this socket has recorded. */
  recorded: number;
  subscribedSeq: number;
  events: number;
}

/** A set of sockets on one or more instances, all subscribed to one channel. */
class Fleet {
  readonly sockets: Sock[] = [];
  constructor() {
    openSocketSets.add(this);
  }

  /** Opens `count` sockets to `base` with `cookie`, each subscribed to `channel`, `OPEN_BATCH` at a time. */
  async open(base: string, cookie: string, channel: string, count: number, group: number): Promise<void> {
    const url = `${base.replace(/^http/, "ws")}/api/ws`;
    for (let i = 0; i < count; i += OPEN_BATCH) {
      const batch = Math.min(OPEN_BATCH, count - i);
      const opened = await Promise.all(
        Array.from({ length: batch }, () => this.openOne(url, cookie, channel, group)),
      );
      this.sockets.push(...opened);
    }
  }

  private openOne(url: string, cookie: string, channel: string, group: number): Promise<Sock> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
      const sock: Sock = { ws, group, recorded: 0, subscribedSeq: -1, events: 0 };
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`socket to ${url} not subscribed within 15 s`));
      }, 15_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      ws.once("error", fail);
      ws.once("unexpected-response", (req, res) => {
        req.destroy();
        fail(new Error(`upgrade refused: ${res.statusCode}`));
      });
      ws.once("open", () => ws.send(JSON.stringify({ type: "subscribe", channel })));
      ws.on("message", (data: Buffer) => {
        if (sock.subscribedSeq < 0) {
          const text = data.toString();
          if (text.startsWith(SUBSCRIBED)) {
            sock.subscribedSeq = Number(/"seq":(\d+)/.exec(text)?.[1] ?? 0);
            clearTimeout(timer);
            ws.off("error", fail);
            ws.on("error", () => {});
            resolve(sock);
          } else if (text.startsWith('{"type":"error"') || text.startsWith('{"type":"resync"')) {
            ws.terminate();
            fail(new Error(`subscribe refused: ${text.slice(0, 200)}`));
          }
          return;
        }
        if (!isEventFrame(data)) return;
        sock.events += 1;
        const m = measuring;
        if (!m || sock.recorded >= m.seq) return;
        const seq = Number(EVENT_SEQ.exec(data.toString())?.[1] ?? -1);
        if (seq < m.seq) return;
        const at = performance.now();
        // The first arrival of each move also checks that the frame is about the moved card.
        if (!m.isChecked) {
          m.isChecked = true;
          if (!data.toString().includes(m.cardId)) m.cardIdMismatch = true;
        }
        sock.recorded = m.seq;
        m.maxSeq = Math.max(m.maxSeq, seq);
        m.arrivals[sock.group]?.push(at - m.t0);
        m.remaining -= 1;
        if (m.remaining === 0) m.done();
      });
    });
  }

  get latestSeq(): number {
    return Math.max(0, ...this.sockets.map((s) => s.subscribedSeq));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.sockets.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              s.ws.terminate();
              resolve();
            }, 3_000);
            s.ws.once("close", () => {
              clearTimeout(timer);
              resolve();
            });
            s.ws.close();
          }),
      ),
    );
    openSocketSets.delete(this);
  }

  terminate(): void {
    for (const s of this.sockets) s.ws.terminate();
    openSocketSets.delete(this);
  }
}

// ---------- fan-out latency ----------

interface FanoutResult {
  /** One array of arrival latencies (ms) per socket group. */
  arrivals: number[][];
  replies: number[];
  missing: number;
  cardIdMismatches: number;
  /**
   * CPU the server(s) used per measured move, in ms: the listed processes, or this whole process
   * (server and client) when none are listed. Unlike the latencies, it hardly depends on the load.
   */
  cpuMsPerMove: number;
}

/**
 * Moves cards through `client` one at a time and records, per socket group, the time from sending the
 * move to the arrival of its event at each socket. A move's event has the next seq of the channel.
 */
const measureMoves = async (
  client: Client,
  space: Space,
  cards: Card[],
  fleet: Fleet,
  groups: number,
  serverPids: readonly (number | undefined)[] = [],
): Promise<FanoutResult> => {
  const result: FanoutResult = {
    arrivals: Array.from({ length: groups }, () => []),
    replies: [],
    missing: 0,
    cardIdMismatches: 0,
    cpuMsPerMove: Number.NaN,
  };
  const cpuSeconds = (): number =>
    serverPids.length === 0
      ? (({ user, system }) => (user + system) / 1e6)(process.cpuUsage())
      : serverPids.reduce<number>((sum, pid) => sum + processCpuSeconds(pid), 0);
  let cpuFrom = Number.NaN;
  let expected = fleet.latestSeq + 1;
  for (let i = 0; i < WARMUP_MOVES + MOVES; i++) {
    const card = cards[i % cards.length];
    if (!card) throw new Error("no cards to move");
    const from = space.statusIds.indexOf(card.statusId);
    const statusId = space.statusIds[(from + 1) % space.statusIds.length];
    const isWarmup = i < WARMUP_MOVES;
    if (i === WARMUP_MOVES) cpuFrom = cpuSeconds();
    let done = () => {};
    const arrived = new Promise<void>((resolve) => {
      done = resolve;
    });
    const m: Measurement = {
      seq: expected,
      cardId: card.id,
      t0: performance.now(),
      remaining: fleet.sockets.length,
      maxSeq: expected,
      isChecked: false,
      cardIdMismatch: false,
      arrivals: Array.from({ length: groups }, () => []),
      done,
    };
    measuring = m;
    if (m.remaining === 0) done();
    const moved = await client.request<Card>("POST", `/api/cards/${card.id}/move`, { statusId });
    const reply = performance.now() - m.t0;
    card.statusId = moved.statusId;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      arrived,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, MOVE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    measuring = null;
    expected = m.maxSeq + 1;
    if (isWarmup) continue;
    result.replies.push(reply);
    result.missing += m.remaining;
    if (m.cardIdMismatch) result.cardIdMismatches += 1;
    m.arrivals.forEach((a, g) => {
      result.arrivals[g]?.push(...a);
    });
  }
  result.cpuMsPerMove = ((cpuSeconds() - cpuFrom) * 1000) / MOVES;
  return result;
};

interface LatencyRow {
  driver: string;
  /** Sockets in the whole run, for sorting. */
  n: number;
  sockets: string;
  path: string;
  samples: number[];
  replies: number[];
  missing: number;
  cpuMsPerMove?: number;
}

// ---------- memory ----------

interface Memory {
  rss: number;
  heapUsed: number;
}

const inProcessMemory = (): Memory => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

interface MemoryRow {
  what: string;
  sockets: number;
  before: Memory;
  after: Memory;
}

// ---------- child server processes ----------

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

interface Instance {
  name: string;
  base: string;
  child: ChildProcess;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

/**
 * Starts `apps/server/src/server.ts` as its own process. It runs under `node --import tsx` (what the
 * `tsx` command does in a second process) so that the pid is the server's own, for `ps`.
 */
const startInstance = async (name: string, databaseUrl: string): Promise<Instance> => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", probeUrl, path.join(repoRoot, "apps/server/src/server.ts")],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        WEB_DIST: "",
        LOG_LEVEL: "warn",
        LOGIN_RATE_LIMIT: "100000",
        // Every socket here is the same person's.
        SOCKETS_PER_USER: "5000",
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  children.add(child);
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) console.error(`  [${name}] ${line}`);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      children.delete(child);
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (exitCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);

  const base = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (exitCode !== null) throw new Error(`instance ${name} exited with ${exitCode} before serving`);
    if (performance.now() > deadline) throw new Error(`instance ${name} not serving within 60 s`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const memory = async (): Promise<Memory> => {
    const heapUsed = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`instance ${name} did not report its memory`)), 5_000);
      const onMessage = (message: unknown) => {
        const m = message as { type?: string; heapUsed?: number };
        if (m.type !== "memory") return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve(m.heapUsed ?? Number.NaN);
      };
      child.on("message", onMessage);
      child.send("memory");
    });
    const rssKb = Number(
      execFileSync("ps", ["-o", "rss=", "-p", String(child.pid)])
        .toString()
        .trim(),
    );
    return { rss: rssKb * 1024, heapUsed };
  };
  return { name, base, child, memory, stop };
};

/** Starts the reference as its own process; answers its base URL and pid once it serves. */
const startReferenceChild = async (
  name: string,
  env: Record<string, string>,
): Promise<{ base: string; pid: number | undefined }> => {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", referenceScript], {
    cwd: repoRoot,
    env: { ...process.env, ...env, REFERENCE_PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.add(child);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      children.delete(child);
      resolve();
    });
  });
  cleanups.push(async () => {
    if (exitCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (exitCode !== null) throw new Error(`${name} exited with ${exitCode} before serving`);
    if (performance.now() > deadline) throw new Error(`${name} not serving within 60 s`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, pid: child.pid };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

// ---------- CPU accounting (Linux /proc; "-" elsewhere) ----------

const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds a process has used (user + system), or NaN when /proc is not there. */
const processCpuSeconds = (pid: number | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return Number.NaN;
  }
};

/** CPU seconds the whole machine spent busy (all cores, not idle or waiting on I/O). */
const machineBusySeconds = (): number => {
  try {
    const [, ...ticks] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
    const values = ticks.map(Number);
    const total = values.reduce((sum, v) => sum + v, 0);
    return (total - (values[3] ?? 0) - (values[4] ?? 0)) / clockTicks;
  } catch {
    return Number.NaN;
  }
};

type Pids = Record<string, number | undefined | number[]>;

/**
 * Starts counting; the returned function gives the cores used on average since: per named process
 * (or group of processes), by this process ("client"), by the whole machine ("machine"), and by
 * everything else on the machine ("others": another job sharing the cores shows up there). A process
 * of a group that ends meanwhile (a pooled connection closed) counts for nothing.
 */
const cpuMeter = (pids: Pids) => {
  const wall = performance.now();
  const machine = machineBusySeconds();
  const self = process.cpuUsage();
  const groups = Object.entries(pids).map(([name, p]) => {
    const list = Array.isArray(p) ? p : [p];
    return { name, start: list.map((pid) => ({ pid, cpu: processCpuSeconds(pid) })) };
  });
  return (): Record<string, number> => {
    const seconds = (performance.now() - wall) / 1000;
    const used = process.cpuUsage(self);
    const cores: Record<string, number> = {
      client: (used.user + used.system) / 1e6 / seconds,
      machine: (machineBusySeconds() - machine) / seconds,
    };
    let ours = cores.client ?? 0;
    for (const { name, start } of groups) {
      let cpu = 0;
      for (const { pid, cpu: before } of start) {
        const now = processCpuSeconds(pid);
        if (!Number.isNaN(now) && !Number.isNaN(before)) cpu += now - before;
      }
      cores[name] = cpu / seconds;
      ours += cpu / seconds;
    }
    cores.others = Math.max(0, (cores.machine ?? 0) - ours);
    return cores;
  };
};

/** Cores the machine keeps busy while this benchmark does nothing: other jobs sharing the cores. */
const backgroundLoad = async (ms = 1_000): Promise<number> => {
  const meter = cpuMeter({});
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter().machine ?? Number.NaN;
};

// ---------- write throughput ----------

interface ThroughputRow {
  setup: string;
  seconds: number;
  mutations: number;
  errors: number;
  cores: Record<string, number>;
  delivered: string;
}

/** `WRITERS` loops creating cards as fast as they are answered: a warm-up, then `WRITE_MS` measured. */
const measureWrites = async (
  client: Client,
  space: Space,
  pids: () => Promise<Pids>,
): Promise<Omit<ThroughputRow, "setup" | "delivered">> => {
  let counting = false;
  let mutations = 0;
  let errors = 0;
  let n = 0;
  const end = performance.now() + WRITE_WARMUP_MS + WRITE_MS;
  const writer = async (): Promise<void> => {
    while (performance.now() < end) {
      try {
        await createCard(client, space, n++);
        if (counting) mutations += 1;
      } catch (error) {
        errors += 1;
        if (errors === 1) console.error("  write failed:", error);
      }
    }
  };
  const writers = Promise.all(Array.from({ length: WRITERS }, writer));
  await new Promise((resolve) => setTimeout(resolve, WRITE_WARMUP_MS));
  // After the warm-up, so that the pools' connections (PostgreSQL backends) are all open.
  const meter = cpuMeter(await pids());
  counting = true;
  const measuredFrom = performance.now();
  await writers;
  const cores = meter();
  return { seconds: (performance.now() - measuredFrom) / 1000, mutations, errors, cores };
};

// ---------- the runs ----------

const seedCards = async (client: Client, space: Space): Promise<Card[]> => {
  const cards: Card[] = [];
  for (let i = 0; i < SEED_CARDS; i++) cards.push(await createCard(client, space, i));
  return cards;
};

/** Moves with no socket subscribed: the POST alone, for reference. */
const baselineRow = async (
  driver: string,
  client: Client,
  space: Space,
  cards: Card[],
): Promise<LatencyRow> => {
  const r = await measureMoves(client, space, cards, new Fleet(), 0);
  return {
    driver,
    n: 0,
    sockets: "0",
    path: "no sockets: POST only",
    samples: [],
    replies: r.replies,
    missing: Number.NaN,
  };
};

const benchPglite = async (
  latency: LatencyRow[],
  memory: MemoryRow[],
): Promise<{ space: Space; cards: Card[] }> => {
  const handle = await createDb({ dataDir: "memory://" });
  cleanups.push(() => handle.close());
  const app = await buildApp({
    handle,
    config: { ...loadConfig(), webDist: null, loginRateLimit: 100_000, socketsPerUser: 5_000 },
  });
  cleanups.push(() => app.close());
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const client = new Client(base);
  const workspaceId = await signUp(client);
  const space = await createSpace(client, workspaceId, "Fan-out");
  const cards = await seedCards(client, space);
  latency.push(await baselineRow("pglite", client, space, cards));

  const before = inProcessMemory();
  for (const n of RUN_ORDER) {
    const fleet = new Fleet();
    try {
      await fleet.open(base, client.cookie, `space:${space.id}`, n, 0);
      if (n === MEMORY_SOCKETS)
        memory.push({
          what: "pglite: server + client, in-process",
          sockets: n,
          before,
          after: inProcessMemory(),
        });
      const r = await measureMoves(client, space, cards, fleet, 1);
      if (r.cardIdMismatches > 0)
        console.error(`  pglite N=${n}: ${r.cardIdMismatches} moves' frames missed their card id`);
      latency.push({
        driver: "pglite",
        n,
        sockets: String(n),
        path: "in-process",
        samples: r.arrivals[0] ?? [],
        cpuMsPerMove: r.cpuMsPerMove,
        replies: r.replies,
        missing: r.missing,
      });
      console.log(`  pglite: N=${n} done`);
    } finally {
      await fleet.close();
    }
  }
  return { space, cards };
};

/** The reference in this process, as the PGlite server is: the same moves to the same socket counts. */
const benchReference = async (latency: LatencyRow[], space: Space, cards: Card[]): Promise<void> => {
  const reference = await startReference({ port: 0 });
  cleanups.push(() => reference.close());
  const client = new Client(reference.base);
  const copies = structuredClone(cards);
  await client.request("POST", "/api/reference/cards", { cards: copies });
  for (const n of RUN_ORDER) {
    const fleet = new Fleet();
    try {
      await fleet.open(reference.base, "", `space:${space.id}`, n, 0);
      const r = await measureMoves(client, space, copies, fleet, 1);
      latency.push({
        driver: REFERENCE,
        n,
        sockets: String(n),
        path: "in-process",
        samples: r.arrivals[0] ?? [],
        cpuMsPerMove: r.cpuMsPerMove,
        replies: r.replies,
        missing: r.missing,
      });
      console.log(`  reference: N=${n} done`);
    } finally {
      await fleet.close();
    }
  }
};

/** The reference as two processes, as the PostgreSQL instances are: moves through A, half the sockets on B. */
const benchReferencePair = async (latency: LatencyRow[], space: Space, cards: Card[]): Promise<void> => {
  const busPort = await freePort();
  const b = await startReferenceChild("reference B", { REFERENCE_BUS_PORT: String(busPort) });
  const a = await startReferenceChild("reference A", { REFERENCE_PEER_BUS_PORT: String(busPort) });
  const client = new Client(a.base);
  const copies = structuredClone(cards);
  await client.request("POST", "/api/reference/cards", { cards: copies });
  for (const n of RUN_ORDER) {
    const fleet = new Fleet();
    try {
      await fleet.open(a.base, "", `space:${space.id}`, n / 2, 0);
      await fleet.open(b.base, "", `space:${space.id}`, n / 2, 1);
      const r = await measureMoves(client, space, copies, fleet, 2, [a.pid, b.pid]);
      const [onA = [], onB = []] = r.arrivals;
      const row = { driver: REFERENCE_PAIR, n, replies: [], missing: Number.NaN };
      latency.push(
        {
          ...row,
          sockets: String(n),
          path: "all (A+B)",
          samples: [...onA, ...onB],
          cpuMsPerMove: r.cpuMsPerMove,
          replies: r.replies,
          missing: r.missing,
        },
        { ...row, sockets: `${n / 2} on A`, path: "A: same instance", samples: onA },
        { ...row, sockets: `${n / 2} on B`, path: "B: via TCP from A", samples: onB },
      );
      console.log(`  reference x2: N=${n} done`);
    } finally {
      await fleet.close();
    }
  }
};

const benchPostgres = async (
  latency: LatencyRow[],
  memory: MemoryRow[],
  throughput: ThroughputRow[],
): Promise<void> => {
  const database = await createPostgresTestDatabase();
  cleanups.push(() => database.drop());
  if (!database.url) throw new Error("the PostgreSQL test database has no URL");
  const url = database.url;

  const a = await startInstance("A", url);
  let b = await startInstance("B", url);
  const client = new Client(a.base);
  const workspaceId = await signUp(client);
  const space = await createSpace(client, workspaceId, "Fan-out");
  const cards = await seedCards(client, space);
  await client.on(b.base).request("GET", `/api/spaces/${space.id}/board`);
  latency.push(await baselineRow("postgres", client, space, cards));

  const beforeA = await a.memory();
  const beforeB = await b.memory();
  const beforeClient = inProcessMemory();
  for (const n of RUN_ORDER) {
    const fleet = new Fleet();
    try {
      await fleet.open(a.base, client.cookie, `space:${space.id}`, n / 2, 0);
      await fleet.open(b.base, client.cookie, `space:${space.id}`, n / 2, 1);
      if (n === MEMORY_SOCKETS) {
        memory.push(
          { what: "postgres: instance A (child)", sockets: n / 2, before: beforeA, after: await a.memory() },
          { what: "postgres: instance B (child)", sockets: n / 2, before: beforeB, after: await b.memory() },
          {
            what: "measuring client (ws, this process)",
            sockets: n,
            before: beforeClient,
            after: inProcessMemory(),
          },
        );
      }
      const r = await measureMoves(client, space, cards, fleet, 2, [a.child.pid, b.child.pid]);
      if (r.cardIdMismatches > 0)
        console.error(`  postgres N=${n}: ${r.cardIdMismatches} moves' frames missed their card id`);
      const [onA = [], onB = []] = r.arrivals;
      const row = { driver: "postgres", n, replies: [], missing: Number.NaN };
      latency.push(
        {
          ...row,
          sockets: String(n),
          path: "all (A+B)",
          samples: [...onA, ...onB],
          cpuMsPerMove: r.cpuMsPerMove,
          replies: r.replies,
          missing: r.missing,
        },
        { ...row, sockets: `${n / 2} on A`, path: "A: same instance", samples: onA },
        { ...row, sockets: `${n / 2} on B`, path: "B: via NOTIFY", samples: onB },
      );
      console.log(`  postgres: N=${n} done`);
    } finally {
      await fleet.close();
    }
  }

  // The PostgreSQL backends serving this database (the instances' pools and LISTEN connections).
  const pool = database.handle.pool;
  const backends = async (): Promise<number[]> => {
    if (!pool) return [];
    const { rows } = await pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows.map((r) => r.pid);
  };

  // (a) Instance A alone.
  await b.stop();
  const alone = await measureWrites(
    client,
    await createSpace(client, workspaceId, "Writes, A alone"),
    async () => ({ A: a.child.pid, postgres: await backends() }),
  );
  throughput.push({ setup: "A only", ...alone, delivered: "" });
  console.log("  postgres: writes with A alone done");

  // (b) A fresh instance B listening (its bus hears every wake-up) with no socket on the space.
  b = await startInstance("B", url);
  const bPid = b.child.pid;
  const pids = async (): Promise<Pids> => ({ A: a.child.pid, B: bPid, postgres: await backends() });
  const idle = await measureWrites(client, await createSpace(client, workspaceId, "Writes, B idle"), pids);
  throughput.push({ setup: "A + B listening, 0 sockets", ...idle, delivered: "" });
  console.log("  postgres: writes with B listening, no sockets done");

  // (c) B holding subscribed sockets on the written space: every write is read and pushed by B.
  const written = await createSpace(client, workspaceId, "Writes, B pushing");
  const listeners = new Fleet();
  try {
    await listeners.open(b.base, client.cookie, `space:${written.id}`, LISTENER_SOCKETS, 0);
    const startSeq = listeners.latestSeq;
    const withB = await measureWrites(client, written, pids);
    // Every card created is one event; wait (bounded) for B's sockets to have all of them.
    const { seq } = await client.request<{ seq: number }>("GET", `/api/spaces/${written.id}/board`);
    const wanted = seq - startSeq;
    const least = () => Math.min(...listeners.sockets.map((s) => s.events));
    const deadline = performance.now() + 10_000;
    while (least() < wanted && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    throughput.push({
      setup: `A + B, ${LISTENER_SOCKETS} sockets on B`,
      ...withB,
      delivered: `${least()}/${wanted}`,
    });
    console.log(`  postgres: writes with ${LISTENER_SOCKETS} sockets on B done`);
  } finally {
    await listeners.close();
  }
};

const main = async (): Promise<void> => {
  const started = performance.now();
  const latency: LatencyRow[] = [];
  const memory: MemoryRow[] = [];
  const throughput: ThroughputRow[] = [];

  console.log(
    `Live-sync fan-out: ${MOVES} sequential moves per N (after ${WARMUP_MOVES} warm-up moves), N = ${SOCKET_COUNTS.join(", ")} sockets.`,
  );
  console.log(
    `The measuring client and the server(s) share this machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? ""}.`,
  );
  const load = await backgroundLoad();
  console.log(
    `Background load before starting: ${load.toFixed(2)} of ${os.cpus().length} cores busy${load > 0.3 ? " (the machine is shared: expect slower, noisier figures)" : ""}.`,
  );
  try {
    const { space, cards } = await benchPglite(latency, memory);
    await runCleanups();
    await benchReference(latency, space, cards);
    await runCleanups();
    if (await isPostgresReachable()) {
      await benchPostgres(latency, memory, throughput);
      await runCleanups();
      await benchReferencePair(latency, space, cards);
    } else {
      console.log(
        "  postgres: skipped — no PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432)",
      );
    }
  } finally {
    await runCleanups();
  }

  const drivers = ["pglite", REFERENCE, "postgres", REFERENCE_PAIR];
  latency.sort((x, y) => drivers.indexOf(x.driver) - drivers.indexOf(y.driver) || x.n - y.n);
  printTable(
    "Move → event arrival at every subscribed socket (ms from sending the POST; one sample per socket × move)",
    [
      "driver",
      "sockets",
      "path",
      "arrivals",
      "median ms",
      "p99 ms",
      "max ms",
      "missing",
      "POST reply median ms",
    ],
    latency.map((r) => {
      const s = stats(r.samples);
      return [
        r.driver,
        r.sockets,
        r.path,
        String(s.n),
        ms(s.median),
        ms(s.p99),
        ms(s.max),
        Number.isNaN(r.missing) ? "" : String(r.missing),
        r.replies.length > 0 ? ms(stats(r.replies).median) : "",
      ];
    }),
    3,
  );
  const rowOf = (driver: string, n: number, path: string) =>
    latency.find((r) => r.driver === driver && r.n === n && r.path === path);
  const ratioRows = SOCKET_COUNTS.flatMap((n) =>
    [
      { ours: "pglite", reference: REFERENCE, path: "in-process", what: "one instance" },
      { ours: "postgres", reference: REFERENCE_PAIR, path: "all (A+B)", what: "across two" },
    ].flatMap(({ ours, reference, path: p, what }) => {
      const oursRow = rowOf(ours, n, p);
      const referenceRow = rowOf(reference, n, p);
      const o = stats(oursRow?.samples ?? []);
      const r = stats(referenceRow?.samples ?? []);
      if (o.n === 0 || r.n === 0) return [];
      return [
        [
          what,
          String(n),
          ms(o.median),
          ms(o.p99),
          ms(r.median),
          ms(r.p99),
          (o.p99 / r.p99).toFixed(2),
          ms(oursRow?.cpuMsPerMove ?? Number.NaN),
          ms(referenceRow?.cpuMsPerMove ?? Number.NaN),
        ],
      ];
    }),
  );
  printTable(
    "Ours beside the in-memory reference (same client, same socket counts, same run; target: p99 ratio ≤ 1.5)",
    [
      "setup",
      "sockets",
      "ours p50 ms",
      "ours p99 ms",
      "ref p50 ms",
      "ref p99 ms",
      "p99 ours/ref",
      "ours CPU ms/move",
      "ref CPU ms/move",
    ],
    ratioRows,
    1,
  );
  console.log(
    [
      "  CPU ms/move: CPU time per measured move of the server process(es): one instance in-process",
      "  counts this whole process (server and client, for ours and the reference alike); across two,",
      "  the two child processes. It depends far less on the machine's load than the latencies.",
      "  pglite: server and measuring client are one process and one event loop (as the brief of this",
      "  benchmark asks), so the client's socket work is inside these figures. postgres: A and B are",
      "  separate processes; moves go through A; B's sockets get each event through LISTEN/NOTIFY.",
    ].join("\n"),
  );

  printTable(
    `Memory with ${MEMORY_SOCKETS} sockets open (after a full GC; RSS from ps for the child processes)`,
    [
      "process",
      "sockets",
      "RSS before MB",
      "RSS after MB",
      "RSS KB/socket",
      "heap before MB",
      "heap after MB",
      "heap KB/socket",
    ],
    memory.map((r) => [
      r.what,
      String(r.sockets),
      mb(r.before.rss),
      mb(r.after.rss),
      kbPerSocket(r.after.rss - r.before.rss, r.sockets),
      mb(r.before.heapUsed),
      mb(r.after.heapUsed),
      kbPerSocket(r.after.heapUsed - r.before.heapUsed, r.sockets),
    ]),
    1,
  );
  console.log(
    [
      "  The pglite row holds both ends of every socket; the last row is the client end alone. RSS moves",
      "  in allocator-sized steps and is not given back promptly, so heap KB/socket is the steadier figure.",
    ].join("\n"),
  );

  const cores = (value: number | undefined): string =>
    value === undefined || Number.isNaN(value) ? "" : value.toFixed(2);
  if (throughput.length > 0) {
    printTable(
      `Write throughput on PostgreSQL: ${WRITERS} concurrent writers creating cards through A for ${WRITE_MS / 1000} s (cores = CPU used on average)`,
      [
        "setup",
        "seconds",
        "mutations",
        "mutations/s",
        "errors",
        "cores A",
        "cores B",
        "cores PG",
        "cores client",
        "cores others",
        "cores busy",
        "events at each B socket",
      ],
      throughput.map((r) => [
        r.setup,
        r.seconds.toFixed(1),
        String(r.mutations),
        (r.mutations / r.seconds).toFixed(0),
        String(r.errors),
        cores(r.cores.A),
        cores(r.cores.B),
        cores(r.cores.postgres),
        cores(r.cores.client),
        cores(r.cores.others),
        cores(r.cores.machine),
        r.delivered,
      ]),
      1,
    );
    console.log(
      [
        `  "events at each B socket": the fewest events any of B's sockets received / cards created on that`,
        "  space (warm-up included). cores PG: the PostgreSQL backends of this database; cores others:",
        `  whatever else kept the machine's ${os.cpus().length} cores busy (another job on the box lowers every figure).`,
      ].join("\n"),
    );
  }
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
// fetch keeps idle connections to the stopped servers for a while; nothing else is left to wait for.
process.exit();
