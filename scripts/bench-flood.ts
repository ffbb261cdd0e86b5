/**
 * `pnpm bench:flood`: how much one person's subscribe flood slows everyone else down.
 *
 * The real server runs as its own process (PGlite, then PostgreSQL when reachable). One socket, then
 * four sockets of the same person, each send 5,000 `subscribe` frames in one burst (cycling over the
 * channels the person may read). Meanwhile this process asks GET /api/health every 10 ms without
 * waiting for the previous answer (open loop, so a stalled server shows its whole stall), from the
 * burst until the server has settled (every frame answered, or the flooding sockets closed) and for
 * at least 3 s. Reported: health latency p50 / p99 / max, with a quiet baseline before each flood.
 *
 * `--server <checkout>` runs the server of another checkout of the repository (with its
 * node_modules) to compare before and after a change.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import WebSocket from "ws";
import { percentile, repoRoot } from "./bench-support.js";

const FRAMES_PER_SOCKET = 5000;
const SOCKET_COUNTS = [1, 4];
const PROBE_EVERY_MS = 10;
const MIN_PROBE_MS = 3000;
const MAX_FLOOD_MS = 60_000;
const BASELINE_MS = 2000;
const SPACES = 20;
const PORT = 3290;

const serverRoot = (() => {
  const i = process.argv.indexOf("--server");
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1] as string) : repoRoot;
})();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `tsx src/server.ts` of `serverRoot` and waits for /api/health. Stop with `stop`. */
const start = async (env: Record<string, string>): Promise<ChildProcess> => {
  const child = spawn(path.join(serverRoot, "node_modules/.bin/tsx"), ["src/server.ts"], {
    cwd: path.join(serverRoot, "apps/server"),
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", WEB_DIST: "", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("the server did not start (exited, or not serving within 2 minutes)");
};

const stop = async (child: ChildProcess): Promise<void> => {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await exited;
};

const base = `http://127.0.0.1:${PORT}`;

/** Signs up a person with a workspace of `SPACES` spaces; returns the cookie and their channels. */
const setUp = async (): Promise<{ cookie: string; channels: string[] }> => {
  const post = async (url: string, body: unknown, cookie = "") => {
    const res = await fetch(`${base}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res;
  };
  const signup = await post("/api/auth/signup", {
    email: `flood.${Date.now()}@example.test`,
    name: "Flood",
    password: "correct horse battery",
  });
  const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const workspace = (await (
    await post("/api/workspaces", { name: "Flooded", visibility: "private" }, cookie)
  ).json()) as {
    id: string;
  };
  const channels = [`workspace:${workspace.id}`];
  for (let i = 0; i < SPACES; i++) {
    const space = (await (
      await post(`/api/workspaces/${workspace.id}/spaces`, { name: `Space ${i}` }, cookie)
    ).json()) as {
      id: string;
    };
    channels.push(`space:${space.id}`);
  }
  return { cookie, channels };
};

/** Health latencies (ms) asked every PROBE_EVERY_MS until `until` resolves and `minMs` passed. */
const probe = async (until: Promise<unknown>, minMs: number): Promise<number[]> => {
  const latencies: Promise<number>[] = [];
  let isDone = false;
  void until.then(() => {
    isDone = true;
  });
  const started = performance.now();
  while (!isDone || performance.now() - started < minMs) {
    const sent = performance.now();
    latencies.push(
      fetch(`${base}/api/health`).then(
        async (res) => {
          await res.arrayBuffer();
          return performance.now() - sent;
        },
        () => Number.NaN,
      ),
    );
    await sleep(PROBE_EVERY_MS);
  }
  return (await Promise.all(latencies)).filter((v) => !Number.isNaN(v));
};

interface FloodResult {
  answered: number;
  closedByServer: number;
  settledMs: number;
}

/** Opens `count` sockets, each bursts FRAMES_PER_SOCKET subscribes; resolves when the server settled. */
const flood = async (cookie: string, channels: string[], count: number) => {
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`${base.replace("http", "ws")}/api/ws`, { headers: { cookie } });
          ws.once("open", () => resolve(ws));
          ws.once("error", reject);
        }),
    ),
  );
  const result: FloodResult = { answered: 0, closedByServer: 0, settledMs: 0 };
  const started = performance.now();
  const settled = Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          let answers = 0;
          const timer = setTimeout(resolve, MAX_FLOOD_MS);
          ws.on("message", (data) => {
            const frame = JSON.parse(data.toString()) as { type: string; channel?: string };
            if (
              (frame.type === "subscribed" || frame.type === "resync" || frame.type === "error") &&
              frame.channel
            ) {
              answers += 1;
              result.answered += 1;
              if (answers === FRAMES_PER_SOCKET) {
                clearTimeout(timer);
                resolve();
              }
            }
          });
          ws.on("close", (code) => {
            if (code >= 4000) result.closedByServer += 1;
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  ).then(() => {
    result.settledMs = performance.now() - started;
  });
  for (const ws of sockets) {
    for (let i = 0; i < FRAMES_PER_SOCKET; i++)
      ws.send(JSON.stringify({ type: "subscribe", channel: channels[i % channels.length], since: 0 }));
  }
  return {
    settled,
    result,
    close: () => {
      for (const ws of sockets) ws.terminate();
    },
  };
};

interface Row {
  driver: string;
  load: string;
  samples: number;
  p50: string;
  p99: string;
  max: string;
  settled: string;
}

const summary = (driver: string, load: string, latencies: number[], settled = ""): Row => ({
  driver,
  load,
  samples: latencies.length,
  p50: percentile(latencies, 50).toFixed(1),
  p99: percentile(latencies, 99).toFixed(1),
  max: Math.max(...latencies).toFixed(1),
  settled,
});

const benchDriver = async (driver: string, env: Record<string, string>): Promise<Row[]> => {
  const rows: Row[] = [];
  const server = await start(env);
  try {
    const { cookie, channels } = await setUp();
    for (const count of SOCKET_COUNTS) {
      rows.push(summary(driver, "quiet", await probe(sleep(BASELINE_MS), BASELINE_MS)));
      const run = await flood(cookie, channels, count);
      const latencies = await probe(run.settled, MIN_PROBE_MS);
      run.close();
      const { answered, closedByServer, settledMs } = run.result;
      rows.push(
        summary(
          driver,
          `${count} socket${count > 1 ? "s" : ""} × ${FRAMES_PER_SOCKET} subscribes`,
          latencies,
          `${(settledMs / 1000).toFixed(2)} s: ${answered} answered, ${closedByServer} closed by the server`,
        ),
      );
      // Let the server drop the flooding sockets before the next baseline.
      await sleep(1000);
    }
  } finally {
    await stop(server);
  }
  return rows;
};

const main = async (): Promise<void> => {
  console.log(`Server: ${serverRoot}`);
  console.log(
    `GET /api/health every ${PROBE_EVERY_MS} ms during a burst of ${FRAMES_PER_SOCKET} subscribes per socket.`,
  );
  const rows: Row[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-bench-flood-"));
  try {
    rows.push(...(await benchDriver("pglite", { DATA_DIR: dataDir })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (await isPostgresReachable()) {
    const database = await createPostgresTestDatabase();
    try {
      if (!database.url) throw new Error("a PostgreSQL test database has a URL");
      rows.push(...(await benchDriver("postgres", { DATABASE_URL: database.url })));
    } finally {
      await database.drop();
    }
  } else {
    console.log(
      "  postgres: skipped — no PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432)",
    );
  }
  console.log("\n/api/health latency (ms) while one person floods the hub:");
  console.table(rows);
};

await main();
