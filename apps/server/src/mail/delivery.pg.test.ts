/**
 * Exactly-once delivery across instances: two app instances on one PostgreSQL drain one queue into a
 * real SMTP server while one of them restarts in the middle; every message arrives once. Also the
 * figures for the closing note: time from "invite" to the message in the SMTP server, and messages
 * sent per second from the queue (printed, never asserted).
 */
import { performance } from "node:perf_hooks";
import { createDb, type DbHandle, tables } from "@lattice/db";
import { createPostgresTestDatabase, type TestDatabase } from "@lattice/db/testing";
import { createTranslator } from "@lattice/domain";
import { count, isNull, sum } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createMemoryBus } from "../sync/bus.js";
import { factories, shouldRunPostgres, testConfig } from "../test/harness.js";
import { startTestSmtp, type TestSmtp } from "../test/smtp.js";
import { enqueueMail } from "./queue.js";
import { invitationMail } from "./render.js";

const runPg = await shouldRunPostgres();

describe.runIf(runPg)("mail delivery across instances (pg)", () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  const handles: DbHandle[] = [];
  const apps: FastifyInstance[] = [];

  /** A server instance of its own (own pool, own sender) on the shared database. */
  const startInstance = async (): Promise<FastifyInstance> => {
    const handle = await createDb({ databaseUrl: db.url ?? "" });
    handles.push(handle);
    const app = await buildApp({
      handle,
      // Each instance is alone on its bus; mail needs none.
      bus: createMemoryBus(),
      config: testConfig({ smtpUrl: smtp.url, publicUrl: "https://lattice.example.test" }),
    });
    await app.ready();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    await db?.drop();
    await smtp?.close();
  });

  // Its own time limit: it sends hundreds of messages on a machine the rest of the suite shares.
  it("sends every message exactly once with two instances and a restart in the middle", {
    timeout: 180_000,
  }, async () => {
    const total = 300;
    const a = await startInstance();
    const b = await startInstance();
    const before = smtp.messages.length;
    const started = performance.now();
    // Queued in one transaction, as a burst of changes would queue them.
    await db.handle.db.transaction(async (tx) => {
      for (let i = 0; i < total; i += 1) {
        await enqueueMail(tx, {
          kind: "invitation",
          to: `person${i}@example.test`,
          ...invitationMail(createTranslator("en"), {
            publicUrl: "https://lattice.example.test",
            workspaceName: "Ward 7",
            inviterName: "Olga",
            role: "member",
            token: `${String(i).padStart(43, "x")}`,
            validForMs: 7 * 86_400_000,
          }),
        });
      }
    });
    a.mail.wake();
    b.mail.wake();
    // Restart instance A once a third has gone out: it finishes what it claimed, then stops.
    await smtp.waitFor(before + total / 3);
    await a.close();
    const a2 = await startInstance();
    a2.mail.wake();
    await smtp.waitFor(before + total);
    const seconds = (performance.now() - started) / 1000;

    // Every row is marked sent; stopping both instances lets nothing else out.
    const m = tables.mailMessages;
    await expect
      .poll(async () => (await db.handle.db.select({ n: count() }).from(m).where(isNull(m.sentAt)))[0]?.n)
      .toBe(0);
    await b.close();
    await a2.close();
    const received = smtp.messages.slice(before);
    const ids = received.map((m) => m.messageId);
    const duplicates = ids.length - new Set(ids).size;
    expect(received).toHaveLength(total);
    expect(duplicates).toBe(0);
    // Counted by recipient too: each of the queued addresses received exactly one message.
    const recipients = received.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text);
    expect(new Set(recipients)).toEqual(
      new Set(Array.from({ length: total }, (_, i) => `person${i}@example.test`)),
    );
    const [{ attempts } = { attempts: 0 }] = await db.handle.db
      .select({ attempts: sum(m.attempts).mapWith(Number) })
      .from(m);
    expect(attempts).toBe(total);
    console.info(
      `mail figures: ${total} messages through 2 instances with a restart in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} messages/s; duplicate sends: ${duplicates}`,
    );
  });

  it("delivers an invitation to the SMTP server moments after the owner invites", async () => {
    const app = await startInstance();
    const f = factories(app);
    const owner = await f.user("Olga");
    const ws = await f.workspace(owner);
    const timings: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const pending = smtp.waitForTo(`nurse${i}@example.test`);
      const started = performance.now();
      const res = await owner.post(`/api/workspaces/${ws.id}/invitations`, {
        email: `nurse${i}@example.test`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const mail = await pending;
      timings.push(performance.now() - started);
      expect(mail.subject).toBe(`Olga invited you to ${ws.name} on Lattice`);
    }
    timings.sort((x, y) => x - y);
    console.info(
      `mail figures: invite → message in the SMTP server: median ${timings[10]?.toFixed(0)} ms, slowest ${timings.at(-1)?.toFixed(0)} ms (20 invitations)`,
    );
  });
});
