/**
 * What the fault tests share: the real server as a child process (so a crash, an exit or a kill is
 * the product's own), a small HTTP client for it, and a private PostgreSQL cluster a test may stop
 * and restart without touching anyone else's.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = path.resolve(serverDir, "..", "..");

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

/** Polls `check` until it holds; a bounded loop on state, not a sleep. */
export const waitFor = async (
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  exited(): Promise<number | null>;
  /** SIGTERM and wait for the exit (a graceful stop). */
  stop(): Promise<void>;
  /** SIGKILL and wait: no shutdown code runs. */
  kill(): Promise<void>;
}

/**
 * Starts `node --import tsx src/server.ts` (one process, so a signal reaches the server itself, not
 * a wrapper). Resolves once /api/health answers 200; rejects with the output if it exits first.
 */
export const startServerProcess = async (env: Record<string, string>): Promise<ServerProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: "",
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    exited: () => exit,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exit;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exit;
    },
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
        return fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      "the server to answer /api/health",
      90_000,
      100,
    );
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
};

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A signed-in (or anonymous) client of a server started over HTTP. */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string | null = null,
  ) {}

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: `lattice_session=${this.cookie}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  static async signUp(baseUrl: string, name: string): Promise<HttpClient> {
    const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 10)}@example.test`;
    const res = await fetch(`${baseUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, name, password: "correct horse battery" }),
    });
    if (res.status !== 201) throw new Error(`signup: ${res.status} ${await res.text()}`);
    const cookie = /lattice_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    if (!cookie) throw new Error("signup set no session cookie");
    return new HttpClient(baseUrl, cookie);
  }

  /** The same session against another server (instances share sessions through the database). */
  on(baseUrl: string): HttpClient {
    return new HttpClient(baseUrl, this.cookie);
  }
}

// ---------- a private PostgreSQL cluster ----------

/** The newest PostgreSQL server binaries installed (Debian keeps them under /usr/lib/postgresql). */
export const findPostgresBinaries = (): string | null => {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
};

export interface PostgresCluster {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is ended, the server is back when this resolves. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  isReady(): Promise<boolean>;
  destroy(): Promise<void>;
}

/**
 * initdb into a fresh temporary folder and start it on a free port of 127.0.0.1 (its Unix socket
 * in the same folder). PostgreSQL refuses to run as root, so as root the binaries run as the
 * `postgres` user.
 */
export const createPostgresCluster = async (): Promise<PostgresCluster> => {
  const bin = findPostgresBinaries();
  if (!bin)
    throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql");
  const isRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(os.tmpdir(), "lattice-pg-"));
  if (isRoot) {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    chownSync(folder, uid, gid);
  }
  const pgRun = (tool: string, args: string[]) =>
    isRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "server.log");
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    pgRun("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", ...args]);
  const destroy = async () => {
    await pgRun("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await pgRun("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
    await pgCtl("-o", serverOptions, "start");
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async () => {
      await pgCtl("-m", "fast", "-o", serverOptions, "restart");
    },
    stop: async () => {
      await pgCtl("-m", "fast", "stop");
    },
    start: async () => {
      await pgCtl("-o", serverOptions, "start");
    },
    isReady: () =>
      pgRun("pg_isready", ["-h", "127.0.0.1", "-p", String(port)]).then(
        () => true,
        () => false,
      ),
    destroy,
  };
};
