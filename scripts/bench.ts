/**
 * `pnpm bench`: latency of the two hottest requests — loading a board and moving a card — for a space of
 * 1,000 cards, on embedded PGlite (a fresh data directory) and on PostgreSQL (a fresh database, dropped
 * at the end); then board reads of 1,000 and 5,000 cards, cold and warm, plain and gzipped
 * (`pnpm bench:board` runs those alone; `pnpm bench:writes` leaves them out).
 *
 * The server runs as production runs it, in its own process, and is driven over real HTTP on loopback,
 * so the figures include routing, validation, authorization, the transaction with its event row, JSON
 * serialization and request logging. Everything is bounded: fixed request counts, no outside address.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import WebSocket from "ws";
import { percentile } from "./bench-support.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const CARDS = 1_000;
const WARMUP = 20;
const BOARD_LOADS = 200;
const MOVES = 500;
const CONCURRENT_CLIENTS = 16;
const CONCURRENT_MOVES_EACH = 60;
/**
 * Creates into one status as it grows to 5,000 cards, timed per block (PostgreSQL only);
 * BENCH_GROW_CREATES=0 leaves them out for a quicker before/after of the moves.
 */
const GROW_CREATES = Number(process.env.BENCH_GROW_CREATES ?? 5_000);
const GROW_BLOCK = 1_000;

interface Status {
  id: string;
  name: string;
}
interface Card {
  id: string;
  statusId: string;
  position: string;
}
/** The board reply's parts the benchmark reads: cards come grouped by status id (`boardReplySchema`). */
interface Board {
  statuses: Status[];
  cardsByStatus: Record<string, Array<Omit<Card, "statusId">>>;
}
const cardsOf = (board: Board): Card[] =>
  Object.entries(board.cardsByStatus).flatMap(([statusId, cards]) =>
    cards.map((card) => ({ ...card, statusId })),
  );

interface Row {
  driver: string;
  operation: string;
  n: number;
  median: number;
  p99: number;
  max: number;
  note: string;
}

/** A tiny deterministic PRNG so two runs do the same moves. */
const random = (() => {
  let state = 0x9e3779b9;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
})();
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

const summarize = (driver: string, operation: string, samples: number[], note = ""): Row => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    driver,
    operation,
    n: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    note,
  };
};

/** Keep-alive HTTP over loopback, as a browser holds its connection (lighter than fetch on the shared cores). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

class Client {
  /** The session cookie once signed in. */
  cookie = "";
  constructor(private readonly base: URL) {}

  request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; bytes: number }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    // A change without a JSON body must say it comes from a client (the server's forgery check).
    else if (method !== "GET") headers["x-lattice-client"] = "bench";
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(new Error(`${method} ${path} → ${status}: ${text.slice(0, 300)}`));
              return;
            }
            const setCookie = (response.headers["set-cookie"] ?? []).find((c) =>
              c.startsWith("lattice_session="),
            );
            if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
            resolve({ data: (text ? JSON.parse(text) : null) as T, bytes: Buffer.byteLength(text) });
          });
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }
}

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** Creates `count` cards one after another, in `statusId` (or the default status); returns each latency. */
const createSequentially = async (
  client: Client,
  spaceId: string,
  count: number,
  statusIdOf: (n: number) => string | undefined,
): Promise<{ cards: Card[]; latencies: number[] }> => {
  const cards: Card[] = [];
  const latencies: number[] = [];
  for (let n = 0; n < count; n++) {
    const statusId = statusIdOf(n);
    const start = performance.now();
    const { data } = await client.request<Card>("POST", `/api/spaces/${spaceId}/cards`, {
      name: `Card ${n + 1}`,
      ...(statusId ? { statusId } : {}),
    });
    latencies.push(performance.now() - start);
    cards.push(data);
  }
  return { cards, latencies };
};

/** Lines per driver: what a sequential create and a sequential move cost each process in CPU. */
const cpuPerMove: string[] = [];

const perSecond = (count: number, ms: number): number => (count * 1000) / ms;

/** CPU time (user + system, ms) a Linux process has used, from /proc; null where there is no /proc. */
const processCpuMs = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
};
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time of every PostgreSQL process on this machine (the server and its backends). */
const postgresCpuMs = (): number | null => {
  if (!existsSync("/proc")) return null;
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, "utf8").trim();
      if (comm !== "postgres") continue;
    } catch {
      continue;
    }
    total += processCpuMs(Number(entry)) ?? 0;
  }
  return total;
};

/**
 * CPU per operation of the server, PostgreSQL and this client: on shared, noisy cores the CPU an
 * operation costs is steadier than its wall time, and tells which process to make cheaper.
 */
const cpuMeter = (serverPid: number | undefined) => {
  const read = () => ({
    server: serverPid === undefined ? null : processCpuMs(serverPid),
    postgres: postgresCpuMs(),
    client: process.cpuUsage(),
  });
  const start = read();
  return (count: number): string => {
    const end = read();
    const per = (a: number | null, b: number | null) =>
      a === null || b === null ? "n/a" : `${((b - a) / count).toFixed(2)}`;
    const client = (end.client.user + end.client.system - start.client.user - start.client.system) / 1000;
    return `server ${per(start.server, end.server)} ms, postgres ${per(start.postgres, end.postgres)} ms, client ${(client / count).toFixed(2)} ms`;
  };
};

/** A port nothing listens on now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** `pnpm start`'s command after its build: the compiled server (built once per run, if stale). */
const compiledServer = [
  "--conditions=lattice-compiled",
  "--enable-source-maps",
  "apps/server/dist/server.js",
];
let isServerBuilt = false;
const buildServer = (): void => {
  if (isServerBuilt) return;
  execFileSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/build-server.ts"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  isServerBuilt = true;
};

/**
 * The server as production runs it: its own process (the compiled `apps/server/dist/server.js`,
 * logging at info), so the benchmark client and the server each have their own event loop on the
 * shared cores.
 */
const startServer = async (
  database: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<{ url: URL; pid: number | undefined; stop: () => Promise<void> }> => {
  buildServer();
  const port = await freePort();
  // BENCH_CPU_PROFILE_DIR=dir writes the server's V8 CPU profile there when it stops, to see where a move's time goes.
  const profile = process.env.BENCH_CPU_PROFILE_DIR;
  const profileArgs = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...profileArgs, ...compiledServer], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...database,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: "",
      LOGIN_RATE_LIMIT: "1000",
      SIGNUP_RATE_LIMIT: "1000",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = new URL(`http://127.0.0.1:${port}`);
  // Minutes, not seconds: a fresh PGlite directory migrates first, slowly at a load average of 20.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with ${child.exitCode} before it answered`);
    if (Date.now() > deadline) {
      // Not left running against a data directory the caller is about to remove.
      child.kill("SIGTERM");
      await exited;
      throw new Error("the server did not answer /api/health within 180 s");
    }
    const healthy = await new Promise<boolean>((resolve) => {
      const probe = http.get({ host: url.hostname, port, path: "/api/health" }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      probe.on("error", () => resolve(false));
    });
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
};

const benchDriver = async (
  driver: string,
  database: Record<string, string>,
  growCreates: number,
): Promise<Row[]> => {
  const server = await startServer(database);
  try {
    const address = server.url;
    const client = new Client(address);

    const benchEmail = `bench-${driver}-${Date.now()}@example.com`;
    await client.request("POST", "/api/auth/signup", {
      email: benchEmail,
      name: "Bench",
      password: "bench-password-1",
    });
    const { data: workspace } = await client.request<{ id: string }>("POST", "/api/workspaces", {
      name: "Bench",
    });
    const { data: space } = await client.request<{ id: string }>(
      "POST",
      `/api/workspaces/${workspace.id}/spaces`,
      { name: "Board of 1,000" },
    );
    const boardPath = `/api/spaces/${space.id}/board`;
    const { data: empty } = await client.request<Board>("GET", boardPath);
    const statusIds = empty.statuses.map((s) => s.id);
    if (statusIds.length === 0) throw new Error("a new space has no statuses");

    // The seed is the create benchmark: one client, one create after another, spread over the statuses.
    const seedStart = performance.now();
    const createMeter = cpuMeter(server.pid);
    const seeded = await createSequentially(client, space.id, CARDS, (n) => statusIds[n % statusIds.length]);
    const seedMs = performance.now() - seedStart;
    cpuPerMove.push(`  ${driver}: CPU per create (1 client): ${createMeter(CARDS)}`);
    console.log(`  ${driver}: seeded ${CARDS} cards in ${(seedMs / 1000).toFixed(1)} s`);

    let payloadBytes = 0;
    let cards: Card[] = [];
    for (let i = 0; i < WARMUP; i++) {
      const { data, bytes } = await client.request<Board>("GET", boardPath);
      payloadBytes = bytes;
      cards = cardsOf(data);
    }
    if (cards.length !== CARDS) throw new Error(`board has ${cards.length} cards, expected ${CARDS}`);

    const loads: number[] = [];
    for (let i = 0; i < BOARD_LOADS; i++) loads.push(await timed(() => client.request("GET", boardPath)));

    // Keep a local copy of the board in order, so every move names real neighbours.
    const columns = new Map<string, Card[]>(statusIds.map((id) => [id, []]));
    for (const card of [...cards].sort((a, b) =>
      a.position < b.position ? -1 : a.position > b.position ? 1 : 0,
    ))
      columns.get(card.statusId)?.push(card);

    const move = async (): Promise<void> => {
      const card = pick(cards);
      const from = columns.get(card.statusId) ?? [];
      from.splice(from.indexOf(card), 1);
      const statusId = pick(statusIds);
      const to = columns.get(statusId) ?? [];
      const body: { statusId: string; afterId?: string; beforeId?: string } = { statusId };
      let index = to.length;
      if (to.length > 0) {
        const neighbourIndex = Math.floor(random() * to.length);
        const neighbour = to[neighbourIndex];
        if (neighbour && random() < 0.5) {
          body.afterId = neighbour.id;
          index = neighbourIndex + 1;
        } else if (neighbour) {
          body.beforeId = neighbour.id;
          index = neighbourIndex;
        }
      }
      const { data: moved } = await client.request<Card>("POST", `/api/cards/${card.id}/move`, body);
      card.statusId = moved.statusId;
      card.position = moved.position;
      to.splice(index, 0, card);
    };

    for (let i = 0; i < WARMUP; i++) await move();
    const moves: number[] = [];
    const sequentialStart = performance.now();
    const meter = cpuMeter(server.pid);
    for (let i = 0; i < MOVES; i++) moves.push(await timed(move));
    const sequentialMs = performance.now() - sequentialStart;
    cpuPerMove.push(`  ${driver}: CPU per move (1 client): ${meter(MOVES)}`);

    // Concurrent clients, each with a session of its own and cards of its own: every move goes to the
    // top or the bottom of a random status, so no client names a neighbour another one is moving.
    const clients = await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async () => {
        const other = new Client(address);
        await other.request("POST", "/api/auth/login", { email: benchEmail, password: "bench-password-1" });
        return other;
      }),
    );
    const concurrent: number[] = [];
    const concurrentStart = performance.now();
    await Promise.all(
      clients.map(async (other, c) => {
        const own = cards.filter((_, i) => i % CONCURRENT_CLIENTS === c);
        for (let i = 0; i < CONCURRENT_MOVES_EACH; i++) {
          const card = pick(own);
          const body =
            random() < 0.5 ? { statusId: pick(statusIds) } : { statusId: pick(statusIds), afterId: null };
          concurrent.push(await timed(() => other.request("POST", `/api/cards/${card.id}/move`, body)));
        }
      }),
    );
    const concurrentMs = performance.now() - concurrentStart;

    const rows = [
      summarize(driver, "GET board", loads, `${(payloadBytes / 1024).toFixed(0)} KB`),
      summarize(driver, "POST card (1 client)", seeded.latencies, `${perSecond(CARDS, seedMs).toFixed(0)}/s`),
      summarize(driver, "POST move (1 client)", moves, `${perSecond(MOVES, sequentialMs).toFixed(0)}/s`),
      summarize(
        driver,
        `POST move (${CONCURRENT_CLIENTS} clients)`,
        concurrent,
        `${perSecond(concurrent.length, concurrentMs).toFixed(0)}/s`,
      ),
    ];

    // Creates as one status grows: the rate of each block of 1,000 should stay flat.
    if (growCreates > 0) {
      const { data: tall } = await client.request<{ id: string }>(
        "POST",
        `/api/workspaces/${workspace.id}/spaces`,
        { name: "One tall status" },
      );
      const { data: tallBoard } = await client.request<Board>("GET", `/api/spaces/${tall.id}/board`);
      const tallStatusId = tallBoard.statuses[0]?.id;
      for (let done = 0; done < growCreates; done += GROW_BLOCK) {
        const start = performance.now();
        const block = await createSequentially(client, tall.id, GROW_BLOCK, () => tallStatusId);
        const ms = performance.now() - start;
        rows.push(
          summarize(
            driver,
            `POST card (${done + 1}-${done + GROW_BLOCK} in a status)`,
            block.latencies,
            `${perSecond(GROW_BLOCK, ms).toFixed(0)}/s`,
          ),
        );
      }
    }
    return rows;
  } finally {
    await server.stop();
  }
};

/** A GET as a browser sends it, with or without `Accept-Encoding: gzip`: its time and the bytes on the wire. */
const getBoard = (
  base: URL,
  cookie: string,
  path: string,
  gzip: boolean,
): Promise<{ ms: number; wireBytes: number; encoding: string }> =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const headers: Record<string, string> = { cookie, ...(gzip ? { "accept-encoding": "gzip" } : {}) };
    const request = http.request(
      { host: base.hostname, port: base.port, path, headers, agent },
      (response) => {
        let wireBytes = 0;
        response.on("data", (chunk: Buffer) => {
          wireBytes += chunk.length;
        });
        response.on("error", reject);
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`GET ${path} → ${response.statusCode}`));
          // A server without compression answers plain whatever the client accepts: the row says so.
          else
            resolve({
              ms: performance.now() - start,
              wireBytes,
              encoding: response.headers["content-encoding"] ?? "plain",
            });
        });
      },
    );
    request.on("error", reject);
    request.end();
  });

/** BENCH_BOARD_SIZES=1000 measures one size only, for a quicker before/after. */
const BOARD_SIZES = (process.env.BENCH_BOARD_SIZES ?? "1000,5000").split(",").map(Number);
const BOARD_READS = 100;
const BOARD_READS_AFTER_CHANGE = 40;
const BOARD_READS_COLD = 40;

/**
 * Board reads for spaces of 1,000 and 5,000 cards: warm (nothing changed since the last read: the
 * snapshot cache answers), after one change (a move, then a read: the cache follows the event), and
 * cold (a second server on the same database with BOARD_CACHE_MB=0: every read loads the whole
 * board), each plain and gzipped, with the reply's size raw and on the wire.
 */
const benchBoardReads = async (driver: string, database: Record<string, string>): Promise<Row[]> => {
  const rows: Row[] = [];
  const spaces: Array<{
    cards: number;
    spaceId: string;
    path: string;
    cardIds: string[];
    statusIds: string[];
  }> = [];
  const email = `board-bench-${driver}-${Date.now()}@example.com`;
  let workspaceId = "";
  let cookie = "";
  const seeding = await startServer(database);
  try {
    const client = new Client(seeding.url);
    await client.request("POST", "/api/auth/signup", { email, name: "Bench", password: "bench-password-1" });
    const { data: workspace } = await client.request<{ id: string }>("POST", "/api/workspaces", {
      name: "Reads",
    });
    workspaceId = workspace.id;
    for (const size of BOARD_SIZES) {
      const { data: space } = await client.request<{ id: string }>(
        "POST",
        `/api/workspaces/${workspace.id}/spaces`,
        { name: `Board of ${size}` },
      );
      const path = `/api/spaces/${space.id}/board`;
      const { data: empty } = await client.request<Board>("GET", path);
      const statusIds = empty.statuses.map((s) => s.id);
      const seedStart = performance.now();
      const { cards } = await createSequentially(
        client,
        space.id,
        size,
        (n) => statusIds[n % statusIds.length],
      );
      console.log(
        `  ${driver}: seeded ${size} cards in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
      );
      spaces.push({ cards: size, spaceId: space.id, path, cardIds: cards.map((c) => c.id), statusIds });
    }
  } finally {
    await seeding.stop();
  }

  const measure = async (cacheMegabytes: string, label: string, cached: boolean): Promise<void> => {
    const server = await startServer(database, { BOARD_CACHE_MB: cacheMegabytes });
    try {
      const client = new Client(server.url);
      await client.request("POST", "/api/auth/login", { email, password: "bench-password-1" });
      cookie = client.cookie;
      for (const space of spaces) {
        const reads = cached ? BOARD_READS : BOARD_READS_COLD;
        for (const gzip of [false, true]) {
          for (let i = 0; i < WARMUP; i++) await getBoard(server.url, cookie, space.path, gzip);
          const samples: number[] = [];
          let wire = 0;
          let sent = "";
          const meter = cpuMeter(server.pid);
          for (let i = 0; i < reads; i++) {
            const { ms, wireBytes, encoding } = await getBoard(server.url, cookie, space.path, gzip);
            samples.push(ms);
            wire = wireBytes;
            sent = encoding;
          }
          const operation = `GET board ${space.cards} ${label}${gzip ? " gzip" : ""}`;
          cpuPerBoardRead.push(`  ${driver}: ${operation}: ${meter(reads)}`);
          rows.push(summarize(driver, operation, samples, `${(wire / 1024).toFixed(0)} KiB ${sent}`));
        }
        if (!cached) continue;
        for (const gzip of [false, true]) {
          const samples: number[] = [];
          for (let i = 0; i < BOARD_READS_AFTER_CHANGE; i++) {
            const cardId = pick(space.cardIds);
            await client.request("POST", `/api/cards/${cardId}/move`, { statusId: pick(space.statusIds) });
            samples.push((await getBoard(server.url, cookie, space.path, gzip)).ms);
          }
          rows.push(
            summarize(driver, `GET board ${space.cards} after a move${gzip ? " gzip" : ""}`, samples),
          );
        }
      }
      const first = spaces[0];
      if (cached && first) rows.push(...(await benchSubscribers(driver, server, email, workspaceId, first)));
    } finally {
      await server.stop();
    }
  };
  await measure("0", "cold", false);
  await measure("64", "warm", true);
  return rows;
};

/** One line per driver and board read: what a read cost the server, PostgreSQL and the client in CPU. */
const cpuPerBoardRead: string[] = [];

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200);
/** What Chromium sends with a fetch from the web app (`apps/web/src/api/client.ts`). */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** Decodes a reply body as a browser does. */
const decodeBody = (body: Buffer, encoding: string | undefined): string => {
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8");
  return body.toString("utf8");
};

/** One browser opening a board: its own connection, the web app's headers; answers the board's seq. */
const browserBoardGet = (base: URL, cookie: string, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        agent: false,
        headers: {
          cookie,
          accept: "application/json, application/problem+json",
          "accept-encoding": BROWSER_ACCEPT_ENCODING,
          "user-agent": BROWSER_USER_AGENT,
          referer: `${base.origin}/`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          if (response.statusCode !== 200) {
            reject(new Error(`GET ${path} → ${response.statusCode}`));
            return;
          }
          const board = JSON.parse(decodeBody(Buffer.concat(chunks), response.headers["content-encoding"]));
          resolve((board as { seq: number }).seq);
        });
      },
    );
    request.on("error", reject);
    request.end();
  });

/**
 * One browser's live socket as the web app opens it (`apps/web/src/sync`): the upgrade with the
 * session cookie and the page's origin, then, once `ready` gives the board's seq, a subscribe to the
 * space channel from that seq; settles on the server's `subscribed`.
 */
const browserSubscribe = (
  base: URL,
  cookie: string,
  channel: string,
  ready: Promise<number>,
): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${base.host}/api/ws`, {
      headers: { cookie, origin: base.origin, "user-agent": BROWSER_USER_AGENT },
    });
    socket.on("error", reject);
    socket.on("close", (code) => reject(new Error(`socket closed with ${code} before subscribed`)));
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string; channel?: string; code?: string };
      if (frame.type === "hello")
        ready.then((since) => socket.send(JSON.stringify({ type: "subscribe", channel, since })), reject);
      else if (frame.type === "subscribed" && frame.channel === channel) resolve(socket);
      else if (frame.type === "error" || frame.type === "resync")
        reject(new Error(`subscribe answered ${JSON.stringify(frame)}`));
    });
  });

/**
 * SUBSCRIBERS browsers (each a person of an org-wide workspace, with a session of their own) open the
 * board at once: each GETs the board as the web app does and opens its live socket, then subscribes to
 * the space channel from the board's seq. Reports the wall time until the last is subscribed, and each
 * browser's time from its start to its `subscribed`.
 */
const benchSubscribers = async (
  driver: string,
  server: { url: URL; pid: number | undefined },
  ownerEmail: string,
  workspaceId: string,
  space: { cards: number; path: string; spaceId: string },
): Promise<Row[]> => {
  const owner = new Client(server.url);
  await owner.request("POST", "/api/auth/login", { email: ownerEmail, password: "bench-password-1" });
  await owner.request("PATCH", `/api/workspaces/${workspaceId}`, { visibility: "org_wide" });
  // Sign up the people a few at a time: password hashing is the server's slowest step, and not measured.
  const cookies: string[] = [];
  const stamp = Date.now();
  for (let start = 0; start < SUBSCRIBERS; start += 8) {
    const batch = Array.from({ length: Math.min(8, SUBSCRIBERS - start) }, async (_, i) => {
      const person = new Client(server.url);
      await person.request("POST", "/api/auth/signup", {
        email: `viewer-${driver}-${stamp}-${start + i}@example.com`,
        name: `Viewer ${start + i}`,
        password: "bench-password-1",
      });
      return person.cookie;
    });
    cookies.push(...(await Promise.all(batch)));
  }
  const channel = `space:${space.spaceId}`;
  const meter = cpuMeter(server.pid);
  const started = performance.now();
  const failures = new Map<string, number>();
  const perBrowser = await Promise.all(
    cookies.map(async (cookie) => {
      const start = performance.now();
      const seq = browserBoardGet(server.url, cookie, space.path);
      // Settled either way, so that a failed GET is counted once, by the subscribe that waits for it.
      seq.catch(() => {});
      try {
        const socket = await browserSubscribe(server.url, cookie, channel, seq);
        return { ms: performance.now() - start, socket };
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/\/api\/spaces\/[^ ]+/u, "") : "?";
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
        return null;
      }
    }),
  );
  const totalMs = performance.now() - started;
  cpuPerBoardRead.push(
    `  ${driver}: ${SUBSCRIBERS} browsers GET + subscribe: ${meter(SUBSCRIBERS)} (per browser)`,
  );
  const done = perBrowser.filter((b) => b !== null);
  for (const { socket } of done) socket.close();
  const failed = [...failures].map(([reason, count]) => `, ${count} failed: ${reason}`).join("");
  return [
    summarize(
      driver,
      `${SUBSCRIBERS} browsers GET ${space.cards} + subscribe`,
      done.map((b) => b.ms),
      `total ${totalMs.toFixed(0)} ms${failed}`,
    ),
  ];
};

/**
 * pgbench's single-row UPDATE rate on the same server, the ceiling a move is measured against: a
 * transaction of one UPDATE by primary key, for `clients` connections over a few seconds.
 */
const pgbenchUpdateRate = (url: string, clients: number): number | null => {
  const pgbench = ["/usr/bin/pgbench", ...pgbenchCandidates()].find((p) => existsSync(p));
  if (!pgbench) return null;
  const script = path.join(mkdtempSync(path.join(tmpdir(), "lattice-pgbench-")), "update.sql");
  writeFileSync(
    script,
    "\\set aid random(1, 100000)\nUPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\n",
  );
  const run = (args: string[]) =>
    execFileSync(pgbench, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  run(["-i", "-q", "-s", "1", url]);
  const out = run([
    "-n",
    "-f",
    script,
    "-c",
    String(clients),
    "-j",
    String(Math.min(clients, 2)),
    "-T",
    "5",
    url,
  ]);
  const tps = /tps = ([\d.]+)/.exec(out)?.[1];
  return tps ? Number(tps) : null;
};

const pgbenchCandidates = (): string[] => {
  try {
    return readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`);
  } catch {
    return [];
  }
};

const printTable = (rows: Row[]): void => {
  const header = ["driver", "operation", "n", "median ms", "p99 ms", "max ms", "rate / size"];
  const body = rows.map((r) => [
    r.driver,
    r.operation,
    String(r.n),
    r.median.toFixed(2),
    r.p99.toFixed(2),
    r.max.toFixed(2),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const row of body) console.log(line(row));
};

/** `pnpm bench:board`: the board reads alone, on both drivers (or those BENCH_DRIVERS names). */
const mainBoardReads = async (): Promise<void> => {
  const started = performance.now();
  const rows: Row[] = [];
  const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
  if (drivers.includes("pglite")) {
    const pgliteDir = mkdtempSync(path.join(tmpdir(), "lattice-bench-pglite-"));
    try {
      rows.push(...(await benchBoardReads("pglite", { DATA_DIR: pgliteDir })));
    } finally {
      rmSync(pgliteDir, { recursive: true, force: true });
    }
  }
  if (drivers.includes("postgres") && (await isPostgresReachable())) {
    const database = await createPostgresTestDatabase();
    try {
      if (!database.url) throw new Error("a PostgreSQL test database has a URL");
      rows.push(...(await benchBoardReads("postgres", { DATABASE_URL: database.url })));
    } finally {
      await database.drop();
    }
  }
  printTable(rows);
  console.log(`\nCPU per board read:\n${cpuPerBoardRead.join("\n")}`);
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

const main = async (): Promise<void> => {
  const started = performance.now();
  const rows: Row[] = [];

  console.log(
    `Board of ${CARDS} cards: ${CARDS} creates, ${BOARD_LOADS} board loads, ${MOVES} moves from one client, ` +
      `${CONCURRENT_CLIENTS} × ${CONCURRENT_MOVES_EACH} concurrent moves per driver.`,
  );
  const ratios: string[] = [];
  // `pnpm bench writes` leaves out the board reads, to measure the write path alone.
  const withBoardReads = !process.argv.includes("writes");
  // BENCH_DRIVERS=postgres (or pglite) runs one driver only.
  const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
  if (drivers.includes("pglite")) {
    const pgliteDir = mkdtempSync(path.join(tmpdir(), "lattice-bench-pglite-"));
    try {
      rows.push(...(await benchDriver("pglite", { DATA_DIR: pgliteDir }, 0)));
    } finally {
      rmSync(pgliteDir, { recursive: true, force: true });
    }
    if (withBoardReads) {
      const pgliteReadsDir = mkdtempSync(path.join(tmpdir(), "lattice-bench-pglite-"));
      try {
        rows.push(...(await benchBoardReads("pglite", { DATA_DIR: pgliteReadsDir })));
      } finally {
        rmSync(pgliteReadsDir, { recursive: true, force: true });
      }
    }
  }

  const postgresAsked = drivers.includes("postgres");
  if (postgresAsked && (await isPostgresReachable())) {
    const database = await createPostgresTestDatabase();
    try {
      if (!database.url) throw new Error("a PostgreSQL test database has a URL");
      const driverRows = await benchDriver("postgres", { DATABASE_URL: database.url }, GROW_CREATES);
      rows.push(...driverRows);
      if (withBoardReads) rows.push(...(await benchBoardReads("postgres", { DATABASE_URL: database.url })));
      for (const [clients, operation] of [
        [1, "POST move (1 client)"],
        [CONCURRENT_CLIENTS, `POST move (${CONCURRENT_CLIENTS} clients)`],
      ] as const) {
        const tps = pgbenchUpdateRate(database.url, clients);
        const moveRate = Number.parseFloat(driverRows.find((r) => r.operation === operation)?.note ?? "");
        ratios.push(
          tps === null
            ? `  pgbench not found (apt-get install postgresql-client): no UPDATE ceiling for ${clients} client(s)`
            : `  ${clients} client(s): pgbench single-row UPDATE ${tps.toFixed(0)}/s, moves ${moveRate.toFixed(0)}/s, ` +
                `ratio ${(moveRate / tps).toFixed(3)}`,
        );
      }
    } finally {
      await database.drop();
    }
  } else if (postgresAsked) {
    console.log(
      "  postgres: skipped — no PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432)",
    );
  }

  printTable(rows);
  if (cpuPerMove.length > 0) console.log(`\n${cpuPerMove.join("\n")}`);
  if (ratios.length > 0)
    console.log(`\nMoves per second against pgbench on the same PostgreSQL:\n${ratios.join("\n")}`);
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

if (process.argv.includes("board")) await mainBoardReads();
else await main();
