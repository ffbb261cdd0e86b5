/**
 * `pnpm bench:memory`: the memory of one production server process holding a 10,000-card space open
 * to 1,000 subscribed sockets, on PostgreSQL (when it answers; a fresh database, dropped at the end)
 * and on embedded PGlite (a fresh data directory, removed at the end).
 *
 * The server is the compiled one, started with the flags of `pnpm start` (read from the server's
 * `start:compiled` script; built first by scripts/build-server.ts when stale). Per driver:
 * 1. start it, sign up, make a workspace and a space through the API; stop it;
 * 2. seed 10,000 cards into that space in bulk through the database layer (PGlite's directory is
 *    locked while a server holds it, so the server is down meanwhile);
 * 3. start it again and read its memory: idle; after one board load of the space (the board cache
 *    now holds it); with 1,000 sockets subscribed to the space's channel.
 *
 * Each reading: RSS (VmRSS in /proc/<pid>/status) and heap used, both right after a full garbage
 * collection (a preloaded probe answers on the IPC channel), and the peak RSS so far (VmHWM).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb, type DbHandle, tables } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import WebSocket from "ws";
import { keysBetween } from "../packages/domain/src/index.js";
import { repoRoot } from "./bench-support.js";

const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1_000);
const OPEN_BATCH = 50;
const INSERT_BATCH = 1_000;
const TARGET_MIB = 150;

/**
 * Preloaded into the server: answers "memory" on the IPC channel with `memoryUsage()` right after a
 * full GC. Plain JavaScript in a data: URL, so the compiled server runs without a TypeScript loader.
 */
const probe = `data:text/javascript,${encodeURIComponent(`
import v8 from "node:v8";
import vm from "node:vm";
if (process.send) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  process.on("message", (message) => {
    if (message !== "memory") return;
    gc();
    process.send({ type: "memory", ...process.memoryUsage() });
  });
  process.channel?.unref();
}`)}`;

// ---------- cleanup on every exit path ----------

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];
const runCleanups = async (): Promise<void> => {
  while (cleanups.length > 0)
    await cleanups
      .pop()?.()
      .catch((error: unknown) => console.error("cleanup failed:", error));
};
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    const force = setTimeout(() => process.exit(130), 10_000);
    force.unref();
    void runCleanups().finally(() => process.exit(130));
  });
}

// ---------- the server process ----------

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

interface Reading {
  rss: number;
  peakRss: number;
  heapUsed: number;
}

interface Server {
  base: string;
  read(): Promise<Reading>;
  stop(): Promise<void>;
}

/** `node`'s flags and script in the server's `start:compiled` command: measured as it runs there. */
const [startScript = "dist/server.js", ...startFlags] =
  (
    JSON.parse(readFileSync(path.join(repoRoot, "apps/server/package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts["start:compiled"]
    ?.split(/\s+/)
    .slice(1)
    .reverse() ?? [];
startFlags.reverse();

const statusField = (pid: number, field: string): number => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? Number.NaN) * 1024;
};

const startServer = async (database: Record<string, string>): Promise<Server> => {
  const port = await freePort();
  const child = spawn(process.execPath, [...startFlags, "--import", probe, startScript], {
    cwd: path.join(repoRoot, "apps/server"),
    env: {
      ...process.env,
      ...database,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: "",
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT: "100000",
      SIGNUP_RATE_LIMIT: "100000",
      // Every socket here is the same person's.
      SOCKETS_PER_USER: String(SOCKETS + 100),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      children.delete(child);
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (exitCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (exitCode !== null) throw new Error(`the server exited with ${exitCode} before serving`);
    if (performance.now() > deadline) throw new Error("the server is not serving within 120 s");
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid ?? 0;
  const read = async (): Promise<Reading> => {
    const heapUsed = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the server did not report its memory")), 10_000);
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
    return { rss: statusField(pid, "VmRSS"), peakRss: statusField(pid, "VmHWM"), heapUsed };
  };
  return { base, read, stop };
};

// ---------- HTTP and sockets ----------

const request = async <T>(base: string, cookie: string, method: string, url: string, body?: unknown) => {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      // What a browser asks for: the board reply comes compressed, as the web app gets it.
      "accept-encoding": "br, gzip",
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("lattice_session="));
  return { json: (text ? JSON.parse(text) : null) as T, cookie: setCookie?.split(";")[0] ?? cookie };
};

const openSockets = async (
  base: string,
  cookie: string,
  channel: string,
  count: number,
): Promise<WebSocket[]> => {
  const url = `${base.replace(/^http/, "ws")}/api/ws`;
  const openOne = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error("a socket was not subscribed within 30 s"));
      }, 30_000);
      ws.once("error", reject);
      ws.once("open", () => ws.send(JSON.stringify({ type: "subscribe", channel })));
      ws.on("message", (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('{"type":"subscribed"')) {
          clearTimeout(timer);
          resolve(ws);
        } else if (text.startsWith('{"type":"error"') || text.startsWith('{"type":"resync"')) {
          clearTimeout(timer);
          ws.terminate();
          reject(new Error(`subscribe refused: ${text.slice(0, 200)}`));
        }
      });
    });
  const sockets: WebSocket[] = [];
  cleanups.push(async () => {
    for (const ws of sockets) ws.terminate();
  });
  for (let i = 0; i < count; i += OPEN_BATCH)
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(OPEN_BATCH, count - i) }, openOne))));
  return sockets;
};

// ---------- seeding ----------

interface Seeded {
  cookie: string;
  spaceId: string;
}

/** Through the API: a person, a workspace and an empty space (its statuses come with it). */
const createSpace = async (base: string): Promise<Seeded & { workspaceId: string; statusIds: string[] }> => {
  const signup = await request(base, "", "POST", "/api/auth/signup", {
    email: `bench-memory-${Date.now()}@example.com`,
    name: "Bench",
    password: "bench-password-1",
  });
  const { cookie } = signup;
  const workspace = await request<{ id: string }>(base, cookie, "POST", "/api/workspaces", {
    name: "Memory",
  });
  const space = await request<{ id: string }>(
    base,
    cookie,
    "POST",
    `/api/workspaces/${workspace.json.id}/spaces`,
    { name: `${CARDS} cards` },
  );
  const board = await request<{ statuses?: Array<{ id: string }> }>(
    base,
    cookie,
    "GET",
    `/api/spaces/${space.json.id}/board`,
  );
  const statusIds = (board.json.statuses ?? []).map((s) => s.id);
  if (statusIds.length === 0) throw new Error("a new space has no statuses");
  return { cookie, workspaceId: workspace.json.id, spaceId: space.json.id, statusIds };
};

/** Through the database layer: `CARDS` cards spread over the space's statuses, in one transaction. */
const seedCards = async (
  handle: DbHandle,
  space: { workspaceId: string; spaceId: string; statusIds: string[] },
): Promise<void> => {
  const perStatus = Math.ceil(CARDS / space.statusIds.length);
  const rows: Array<typeof tables.cards.$inferInsert> = [];
  space.statusIds.forEach((statusId, s) => {
    const count = Math.min(perStatus, CARDS - s * perStatus);
    if (count <= 0) return;
    keysBetween(null, null, count).forEach((position, i) => {
      rows.push({
        workspaceId: space.workspaceId,
        spaceId: space.spaceId,
        statusId,
        name: `Card ${s * perStatus + i + 1}: follow up with the ward about the discharge plan`,
        position,
      });
    });
  });
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await tx.insert(tables.cards).values(rows.slice(i, i + INSERT_BATCH));
  });
};

// ---------- the run ----------

interface Row {
  driver: string;
  stage: string;
  reading: Reading;
}

const measure = async (driver: string, database: Record<string, string>, rows: Row[]): Promise<void> => {
  let server = await startServer(database);
  const space = await createSpace(server.base);
  await server.stop();
  const seeding = performance.now();
  const handle = await createDb(
    database.DATABASE_URL ? { databaseUrl: database.DATABASE_URL } : { dataDir: database.DATA_DIR ?? "" },
  );
  try {
    await seedCards(handle, space);
  } finally {
    await handle.close();
  }
  console.log(`  ${driver}: seeded ${CARDS} cards in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

  server = await startServer(database);
  rows.push({ driver, stage: "idle (started, nothing loaded)", reading: await server.read() });
  const board = await request<{ seq: number }>(
    server.base,
    space.cookie,
    "GET",
    `/api/spaces/${space.spaceId}/board`,
  );
  if (typeof board.json.seq !== "number") throw new Error("the board reply has no seq");
  rows.push({ driver, stage: "after one board load", reading: await server.read() });
  const sockets = await openSockets(server.base, space.cookie, `space:${space.spaceId}`, SOCKETS);
  rows.push({ driver, stage: `with ${SOCKETS} sockets subscribed`, reading: await server.read() });
  for (const ws of sockets) ws.terminate();
  await server.stop();
  console.log(`  ${driver}: done`);
};

const mib = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

const main = async (): Promise<void> => {
  const started = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/build-server.ts")], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  console.log(
    `Server memory: the compiled server, a ${CARDS}-card space loaded once, ${SOCKETS} sockets subscribed to it (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}).`,
  );
  const rows: Row[] = [];
  if (await isPostgresReachable()) {
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.drop());
    if (!database.url) throw new Error("the PostgreSQL test database has no URL");
    // The test database's own pool is not needed here; only the server and the seeding connect.
    await measure("postgres", { DATABASE_URL: database.url }, rows);
    await runCleanups();
  } else {
    console.log("  postgres: skipped — no PostgreSQL at TEST_DATABASE_URL");
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-bench-memory-"));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  await measure("pglite", { DATABASE_URL: "", DATA_DIR: dataDir }, rows);
  await runCleanups();

  const header = ["driver", "stage", "RSS MiB", "peak RSS MiB", "heap used MiB"];
  const body = rows.map((r) => [
    r.driver,
    r.stage,
    mib(r.reading.rss),
    mib(r.reading.peakRss),
    mib(r.reading.heapUsed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(
    `\nServer process memory (RSS and heap after a full GC; peak = VmHWM; target: under ${TARGET_MIB} MiB RSS)\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of body) console.log(line(row));
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
process.exit();
