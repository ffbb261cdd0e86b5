/**
 * What the benchmark scripts share: percentiles by the domain's nearest-rank rule (the same the
 * charts use), and starting the real server on its own port and data directory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nearestRank } from "../packages/domain/src/index.js";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** Nearest-rank percentile of unsorted values; NaN when there are none. */
export const percentile = (values: readonly number[], p: number): number =>
  nearestRank(
    [...values].sort((a, b) => a - b),
    p,
  ) ?? Number.NaN;

export const median = (values: readonly number[]): number => percentile(values, 50);

/**
 * Starts `tsx src/server.ts` (the server's own start command, without pnpm in between) on `port`
 * with a PGlite directory, and waits up to 2 minutes for /api/health. Detached: stop it with
 * `process.kill(-child.pid)`.
 */
export const startServer = async (port: number, dataDir: string): Promise<ChildProcess> => {
  const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["src/server.ts"], {
    cwd: path.join(repoRoot, "apps/server"),
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT: "1000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start within 2 minutes");
};

/** Stops a server from `startServer` (and anything it started). */
export const stopServer = (child: ChildProcess | null): void => {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
};
