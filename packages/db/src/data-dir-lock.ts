/**
 * One process per PGlite data directory. PGlite has no server to arbitrate between processes: two
 * that open the same directory each keep their own view of it and overwrite each other's files, and
 * acknowledged data is lost without a word. So every process that opens a directory (server, demo
 * seed, migrations) first takes this lock, and any other is refused at once, told who holds it.
 *
 * How: the holder listens on a Unix socket inside the directory (`.lattice-lock/`). A socket is only
 * reachable while its process lives, so a lock left behind by `kill -9`, a crash or a removed
 * container is recognised as stale without trusting pids (which containers reuse) or host names
 * (which change when a container is recreated). The kernel ends the listening on any exit.
 *
 * Taking the lock is race-free without any compare-and-swap on paths: each process listens on its
 * own temporary socket, then hard-links it to `held.<n>` for the next generation n (link fails if
 * the name exists, and the linked socket is already listening). After linking, it looks again: if any
 * other generation is alive it backs off. Of two processes that both linked, the later one sees the
 * earlier one alive, so at most one ever proceeds. A generation is only removed after it was seen
 * dead.
 *
 * Another machine sharing the directory over a network filesystem cannot reach our socket, so the
 * holder also refreshes `held.<n>.json` every few seconds; a lock of another boot whose file is fresh
 * counts as held.
 */
import { randomUUID } from "node:crypto";
import {
  closeSync,
  constants,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const LOCK_DIR_NAME = ".lattice-lock";
const HEARTBEAT_MS = 5_000;
// A lock file of another machine not refreshed for this long belongs to a process that is gone.
const REMOTE_STALE_MS = 30_000;
const PROBE_TIMEOUT_MS = 2_000;
// sun_path holds 108 bytes on Linux and 104 on macOS, including the terminating zero.
const MAX_SOCKET_PATH = 100;

/** Who holds a data directory, as it tells anyone who asks. */
export interface DataDirHolder {
  pid: number;
  /** What the process is: "server", "seed", "migrations"… */
  purpose: string;
  command: string;
  host: string;
  bootId: string;
  /** ISO time the lock was taken. */
  since: string;
}

export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly holder: DataDirHolder | null;
  constructor(dataDir: string, holder: DataDirHolder | null) {
    const who = holder
      ? `the ${holder.purpose} started ${holder.since} (pid ${holder.pid} on host ${holder.host}: ${holder.command})`
      : "a process that did not say who it is (it may be busy)";
    super(
      `The data directory ${dataDir} is in use by ${who}. Only one process may open a PGlite data ` +
        "directory at a time. Stop that process first, or use another DATA_DIR; to run several " +
        "processes on the same data, use PostgreSQL (DATABASE_URL).",
    );
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

export interface DataDirLock {
  readonly holder: DataDirHolder;
  release(): Promise<void>;
}

const currentBootId = (): string => {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    // No boot id outside Linux: the host and the minute it booted identify one boot closely enough.
    return `${os.hostname()}@${Math.round((Date.now() / 1000 - os.uptime()) / 60)}`;
  }
};

const parseHolder = (text: string): DataDirHolder | null => {
  try {
    const value = JSON.parse(text) as Partial<DataDirHolder>;
    return typeof value.pid === "number" && typeof value.purpose === "string"
      ? (value as DataDirHolder)
      : null;
  } catch {
    return null;
  }
};

type Probe = { isAlive: false } | { isAlive: true; holder: DataDirHolder | null };

/** Connects to a lock socket: refused means nobody listens there any more. */
const probe = (socketPath: string): Promise<Probe> =>
  new Promise((resolve) => {
    let text = "";
    let isConnected = false;
    const socket = net.connect(socketPath);
    const done = (result: Probe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    // A holder busy in a long query accepted the connection but has not answered yet: still alive.
    const timer = setTimeout(() => done({ isAlive: true, holder: parseHolder(text) }), PROBE_TIMEOUT_MS);
    socket.on("connect", () => {
      isConnected = true;
    });
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
    });
    socket.on("end", () => done({ isAlive: true, holder: parseHolder(text) }));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      const isGone = !isConnected && (error.code === "ECONNREFUSED" || error.code === "ENOENT");
      // Anything else (a full backlog, a reset) is no proof of death: count the lock as held.
      done(isGone ? { isAlive: false } : { isAlive: true, holder: parseHolder(text) });
    });
  });

const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

const unlinkQuietly = (file: string): void => {
  try {
    unlinkSync(file);
  } catch (error) {
    if (errnoOf(error) !== "ENOENT") throw error;
  }
};

const generationOf = (name: string): number | null => {
  const match = /^held\.(\d+)$/.exec(name);
  return match ? Number(match[1]) : null;
};

/** Takes the data directory for this process, or throws DataDirLockedError naming the holder. */
export const lockDataDir = async (dataDir: string, purpose: string): Promise<DataDirLock> => {
  const lockDir = path.join(dataDir, LOCK_DIR_NAME);
  mkdirSync(lockDir, { recursive: true });
  const bootId = currentBootId();
  const holder: DataDirHolder = {
    pid: process.pid,
    purpose,
    command: process.argv.slice(1).join(" ").slice(0, 300),
    host: os.hostname(),
    bootId,
    since: new Date().toISOString(),
  };

  // A deep directory makes socket paths too long; on Linux an open descriptor gives a short alias.
  let directoryFd: number | null = null;
  if (lockDir.length + 20 > MAX_SOCKET_PATH) {
    if (process.platform !== "linux") throw new Error(`The data directory path is too long: ${dataDir}`);
    directoryFd = openSync(lockDir, constants.O_RDONLY | constants.O_DIRECTORY);
  }
  const socketPath = (name: string) =>
    directoryFd === null ? path.join(lockDir, name) : `/proc/self/fd/${directoryFd}/${name}`;

  const server = net.createServer((connection) => {
    connection.on("error", () => {});
    connection.end(JSON.stringify(holder));
  });
  // A filesystem without Unix sockets or hard links (some network or shared-folder mounts) cannot
  // hold the lock; say so rather than fail with a bare errno.
  const unsupported = (error: unknown) =>
    new Error(
      `Could not lock the data directory ${dataDir} (${errnoOf(error) ?? String(error)}): it must be on ` +
        "a local filesystem that supports Unix sockets and hard links.",
      { cause: error },
    );
  const listen = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => reject(unsupported(error));
      server.once("error", fail);
      server.listen(socketPath(name), () => {
        server.off("error", fail);
        resolve();
      });
    });
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const cleanUp = async () => {
    await closeServer();
    if (directoryFd !== null) closeSync(directoryFd);
  };

  /** Every generation number present, and the holder of a live one other than `own`, if any. */
  const scan = async (own: number | null) => {
    const generations = readdirSync(lockDir)
      .map(generationOf)
      .filter((g): g is number => g !== null);
    for (const generation of generations) {
      if (generation === own) continue;
      const result = await probe(socketPath(`held.${generation}`));
      if (result.isAlive) return { generations, held: { holder: result.holder } };
      const remote = remoteHolder(generation);
      if (remote) return { generations, held: { holder: remote } };
    }
    return { generations, held: null };
  };

  // Another machine's holder cannot answer on our socket; its refreshed file says it lives.
  const remoteHolder = (generation: number): DataDirHolder | null => {
    const file = path.join(lockDir, `held.${generation}.json`);
    try {
      const found = parseHolder(readFileSync(file, "utf8"));
      const isFresh = Date.now() - statSync(file).mtimeMs < REMOTE_STALE_MS;
      return found && found.bootId !== bootId && isFresh ? found : null;
    } catch {
      return null;
    }
  };

  let tempName = `sock.${randomUUID().slice(0, 8)}`;
  try {
    await listen(tempName);
    for (let attempt = 0; attempt < 20; attempt++) {
      const before = await scan(null);
      if (before.held) throw new DataDirLockedError(dataDir, before.held.holder);
      const generation = Math.max(0, ...before.generations) + 1;
      try {
        linkSync(socketPath(tempName), socketPath(`held.${generation}`));
      } catch (error) {
        if (errnoOf(error) === "EEXIST") continue;
        if (errnoOf(error) !== "ENOENT") throw unsupported(error);
        // Another starter took our temporary socket for a dead one: listen again under a new name.
        await closeServer();
        tempName = `sock.${randomUUID().slice(0, 8)}`;
        await listen(tempName);
        continue;
      }
      const after = await scan(generation);
      if (after.held) {
        unlinkQuietly(path.join(lockDir, `held.${generation}`));
        throw new DataDirLockedError(dataDir, after.held.holder);
      }
      return await holdGeneration(generation);
    }
    throw new Error(`Could not lock the data directory ${dataDir}: too many processes are starting at once`);
  } catch (error) {
    await cleanUp();
    throw error;
  }

  async function holdGeneration(generation: number): Promise<DataDirLock> {
    const heldName = `held.${generation}`;
    const infoFile = path.join(lockDir, `${heldName}.json`);
    // Everything left by processes that died: their generations, files and temporary sockets.
    for (const name of readdirSync(lockDir)) {
      if (name === heldName || name === tempName || name === `${heldName}.json`) continue;
      const other = generationOf(name.replace(/\.json$/, ""));
      if (other !== null && other < generation) unlinkQuietly(path.join(lockDir, name));
      else if (name.startsWith("sock.") && !(await probe(socketPath(name))).isAlive)
        unlinkQuietly(path.join(lockDir, name));
    }
    writeFileSync(infoFile, JSON.stringify(holder));
    const heartbeat = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(infoFile, now, now);
      } catch {
        // The next beat tries again; a missing file only weakens the check from another machine.
      }
    }, HEARTBEAT_MS);
    heartbeat.unref();
    return {
      holder,
      release: async () => {
        clearInterval(heartbeat);
        unlinkQuietly(path.join(lockDir, heldName));
        unlinkQuietly(infoFile);
        await cleanUp();
      },
    };
  }
};
