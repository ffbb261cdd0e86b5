/**
 * Fan-out across server processes: two instances on one PostgreSQL. A change made through one
 * reaches a socket held by the other, through LISTEN/NOTIFY wake-ups after commit.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresTestDatabase, type TestDatabase } from "@lattice/db/testing";
import { type Card, spaceChannel, type User } from "@lattice/domain";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { Client, cookieFrom, factories, testConfig } from "../test/harness.js";
import { TestSocket } from "../test/ws-client.js";
import type { EventBus } from "./bus.js";
import { createMemoryBus } from "./bus.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

const waitForHealth = async (url: string, child: ChildProcess, log: () => string): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second instance exited: ${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`second instance did not become healthy: ${log()}`);
};

describe("two server instances on one PostgreSQL", () => {
  let db: TestDatabase;
  let appA: FastifyInstance;
  let urlA: string;
  let urlB: string;
  let child: ChildProcess;
  let childLog = "";
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    appA = await buildApp({ handle: db.handle, config: testConfig() });
    urlA = await appA.listen({ port: 0, host: "127.0.0.1" });
    const portB = await freePort();
    urlB = `http://127.0.0.1:${portB}`;
    child = spawn(path.join(serverDir, "node_modules", ".bin", "tsx"), ["src/server.ts"], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: db.url ?? "",
        PORT: String(portB),
        HOST: "127.0.0.1",
        WEB_DIST: "",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => {
      childLog += d;
    });
    child.stderr?.on("data", (d) => {
      childLog += d;
    });
    await waitForHealth(urlB, child, () => childLog);
  }, 90_000);

  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await appA?.close();
    await db?.drop();
  });

  const signUpOn = async (baseUrl: string, name: string) => {
    const email = `${name.toLowerCase()}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.test`;
    const res = await fetch(`${baseUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, name, password: "correct horse battery" }),
    });
    expect(res.status).toBe(201);
    const cookie = /lattice_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    if (!cookie) throw new Error("no cookie");
    return { cookie, user: (await res.json()) as User };
  };

  it("delivers a change made through one instance to a socket held by the other, both ways", async () => {
    // The account is made on B; its session works on A too (sessions live in the database).
    const { cookie, user } = await signUpOn(urlB, "Ana");
    const ana = new Client(appA, { user, cookie, password: "correct horse battery" });
    const f = factories(appA);
    const workspace = await f.workspace(ana);
    const space = await f.space(ana, workspace.id);
    const channel = spaceChannel(space.id);

    const onB = await TestSocket.open(urlB, cookie);
    const onA = await TestSocket.open(urlA, cookie);
    sockets.push(onA, onB);
    expect(await onB.subscribe(channel)).toMatchObject({ type: "subscribed" });
    expect(await onA.subscribe(channel)).toMatchObject({ type: "subscribed" });

    // Through A, to B's socket.
    const card = await f.card(ana, space.id, { name: "Cross-instance" });
    const arrived = await onB.next((fr) => fr.type === "event" && fr.event.type === "card.created", 5000);
    if (arrived.type !== "event") throw new Error("unreachable");
    expect((arrived.event.payload as { card: Card }).card.id).toBe(card.id);
    const created = arrived.seq;

    // Through B, to A's socket.
    const statuses = await f.statuses(ana, space.id);
    const res = await fetch(`${urlB}/api/cards/${card.id}/move`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `lattice_session=${cookie}` },
      body: JSON.stringify({ statusId: statuses[1]?.id }),
    });
    expect(res.status).toBe(200);
    const moved = await onA.next((fr) => fr.type === "event" && fr.event.type === "card.moved", 5000);
    expect(moved).toMatchObject({ channel, seq: created + 1 });
    // Both sockets saw the same, complete sequence.
    await onB.untilSeq(channel, created + 1);
    expect(onA.events(channel).map((e) => e.seq)).toEqual([created, created + 1]);
    expect(onB.events(channel).map((e) => e.seq)).toEqual([created, created + 1]);
  });

  it("still delivers when every wake-up is lost: the periodic check reads the table", async () => {
    const deafBus: EventBus = { ...createMemoryBus(), published: () => {} };
    const appC = await buildApp({
      handle: db.handle,
      config: testConfig(),
      bus: deafBus,
      hubOptions: { pollMs: 200 },
    });
    try {
      const urlC = await appC.listen({ port: 0, host: "127.0.0.1" });
      const signup = await appC.inject({
        method: "POST",
        url: "/api/auth/signup",
        payload: { email: `deaf.${Date.now()}@example.test`, name: "Dee", password: "correct horse battery" },
      });
      const cookie = cookieFrom(signup);
      const dee = new Client(appC, { user: signup.json<User>(), cookie, password: "correct horse battery" });
      const f = factories(appC);
      const space = await f.space(dee, (await f.workspace(dee)).id);
      const socket = await TestSocket.open(urlC, cookie);
      sockets.push(socket);
      await socket.subscribe(spaceChannel(space.id));
      await f.card(dee, space.id, { name: "Heard late" });
      await socket.untilSeq(spaceChannel(space.id), 1, 5000);
    } finally {
      await appC.close();
    }
  });
});
