/**
 * One process per PGlite data directory: a second server or the demo seed on a directory in use is
 * refused at once with a message naming the holder, nothing the first process acknowledged is lost,
 * and a lock left behind by a killed process does not stand in the way of a restart.
 */
import { execFile } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DataDirLockedError, LOCK_DIR_NAME, lockDataDir } from "@lattice/db";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HttpClient, repoRoot, type ServerProcess, serverDir, startServerProcess } from "./support.js";

const run = promisify(execFile);

/** Runs a Node entry point (through tsx) to its end: exit code and everything it printed. */
const runScript = async (cwd: string, script: string, env: Record<string, string>) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script], {
      cwd,
      env: { ...process.env, WEB_DIST: "", LOG_LEVEL: "warn", ...env },
      timeout: 90_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
};

/** What a process killed while holding `dir` leaves behind: a lock socket nobody listens on. */
const leaveDeadLock = async (dir: string, generation: number): Promise<void> => {
  const lockDir = path.join(dir, LOCK_DIR_NAME);
  mkdirSync(lockDir, { recursive: true });
  const socketServer = net.createServer();
  const temporary = path.join(lockDir, "sock.gone");
  await new Promise<void>((resolve) => socketServer.listen(temporary, resolve));
  linkSync(temporary, path.join(lockDir, `held.${generation}`));
  await new Promise<void>((resolve) => socketServer.close(() => resolve()));
};

describe("one process per PGlite data directory", () => {
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lattice-lock-"));
    folders.push(dir);
    return dir;
  };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.kill()));
  });
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second lock on a directory in use, naming the holder, and grants it after release", async () => {
    const dir = freshDir();
    const first = await lockDataDir(dir, "server");
    const refusal = await lockDataDir(dir, "seed").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const locked = refusal as DataDirLockedError;
    expect(locked.holder).toMatchObject({ pid: process.pid, purpose: "server", host: os.hostname() });
    expect(locked.message).toContain(
      `in use by the server started ${first.holder.since} (pid ${process.pid}`,
    );
    expect(locked.message).toContain("Stop that process first");
    await first.release();
    const second = await lockDataDir(dir, "seed");
    await second.release();
  });

  it("lets exactly one of several processes starting at once take over a dead holder's directory", async () => {
    const dir = freshDir();
    await leaveDeadLock(dir, 3);
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) => lockDataDir(dir, `starter ${n}`)),
    );
    const granted = attempts.filter((a) => a.status === "fulfilled");
    expect(granted).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === "rejected") expect(attempt.reason).toBeInstanceOf(DataDirLockedError);
    }
    await Promise.all(granted.map((a) => a.value.release()));
  });

  it("locks a directory whose path is too long for a socket address the same way", async () => {
    const dir = path.join(
      freshDir(),
      "a-folder-name-long-enough".repeat(3),
      "to-pass-the-socket-address-limit",
    );
    expect(path.join(dir, LOCK_DIR_NAME, "held.1").length).toBeGreaterThan(108);
    const first = await lockDataDir(dir, "server");
    const refusal = await lockDataDir(dir, "seed").catch((error: unknown) => error);
    expect((refusal as DataDirLockedError).holder).toMatchObject({ pid: process.pid, purpose: "server" });
    await first.release();
    const second = await lockDataDir(dir, "seed");
    await second.release();
  });

  it("counts another machine's lock as held while it is refreshed, and as gone once it is not", async () => {
    const dir = freshDir();
    const lockDir = path.join(dir, LOCK_DIR_NAME);
    // What a holder on another machine leaves: a socket nobody here listens on, and its info file.
    const first = await lockDataDir(dir, "server");
    await first.release();
    await leaveDeadLock(dir, 7);
    const remote = { ...first.holder, pid: 4242, host: "ward-server-2", bootId: "another-boot" };
    writeFileSync(path.join(lockDir, "held.7.json"), JSON.stringify(remote));

    const refusal = await lockDataDir(dir, "server").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).holder).toMatchObject({ pid: 4242, host: "ward-server-2" });

    // Not refreshed for a minute: that machine's process is gone.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path.join(lockDir, "held.7.json"), aMinuteAgo, aMinuteAgo);
    const taken = await lockDataDir(dir, "server");
    await taken.release();
  });

  it("refuses a second server and the demo seed while a server runs, and loses nothing", async () => {
    const dataDir = freshDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    servers.push(server);
    const owner = await HttpClient.signUp(server.url, "Ana");
    const created = await owner.request<{ id: string }>("POST", "/api/workspaces", { name: "Ward 4B" });
    expect(created.status).toBe(201);

    const second = await runScript(serverDir, "src/server.ts", { DATA_DIR: dataDir, PORT: "0" });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`is in use by the server started`);
    expect(second.output).toContain(`(pid ${server.child.pid} on host ${os.hostname()}`);

    const seed = await runScript(repoRoot, "scripts/seed-demo.ts", { DATA_DIR: dataDir });
    expect(seed.code).toBe(1);
    expect(seed.output).toContain(`(pid ${server.child.pid} on host`);
    expect(seed.output).toContain("Nothing was seeded. Stop the server, run `pnpm seed:demo`");
    expect(seed.output).not.toContain("Seeded");

    // The running server never noticed: it still serves, and after a restart its data is all there.
    expect((await owner.request("GET", `/api/workspaces/${created.body.id}`)).status).toBe(200);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    const restarted = await startServerProcess({ DATA_DIR: dataDir });
    servers.push(restarted);
    const again = await owner
      .on(restarted.url)
      .request<{ name: string }>("GET", `/api/workspaces/${created.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.name).toBe("Ward 4B");
    const demoLogin = await new HttpClient(restarted.url).request("POST", "/api/auth/login", {
      email: "maria.jensen@hospital.example",
      password: "lattice-demo-2027",
    });
    expect(demoLogin.status).toBe(401);
  }, 180_000);

  it("starts again at once on a directory whose server was killed with SIGKILL", async () => {
    const dataDir = freshDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    servers.push(server);
    await server.kill();
    expect(server.child.signalCode).toBe("SIGKILL");
    const lock = await lockDataDir(dataDir, "server");
    await lock.release();
  }, 120_000);
});
