/**
 * `pnpm bench:mail`: the mail queue's figures, against a real SMTP server started here (smtp-server,
 * every message parsed back with mailparser, the one the tests use):
 *
 * 1. Invite → received: the time from `POST /api/workspaces/:id/invitations` (answered by the app
 *    in-process) to the message having arrived in the SMTP server, for 50 invitations one after another.
 * 2. Throughput: 500 messages queued in one transaction, then one instance drains them; messages/s from
 *    the wake-up to the last one received.
 *
 * Both on embedded PGlite (in memory) and, when it answers, PostgreSQL (a database of its own, dropped
 * at the end).
 *
 * 3. Exactly once (PostgreSQL only): two app instances, each with its own pool and sender, drain 500
 *    messages from one database; instance A is closed when a third has arrived and started again. The
 *    messages received are counted per Message-ID and per recipient: duplicates and lost must both be 0.
 *    The bench exits with status 1 otherwise.
 */
import { performance } from "node:perf_hooks";
import { createDb, type DbHandle, tables } from "@lattice/db";
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "@lattice/db/testing";
import { isNull } from "drizzle-orm";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { enqueueMails, type QueuedMail } from "../apps/server/src/mail/queue.js";
import { invitationMail } from "../apps/server/src/mail/render.js";
import { CLIENT_HEADER } from "../apps/server/src/plugins/origin.js";
import { createMemoryBus } from "../apps/server/src/sync/bus.js";
import { startTestSmtp, type TestSmtp } from "../apps/server/src/test/smtp.js";
import { createTranslator } from "../packages/domain/src/index.js";
import { median, percentile } from "./bench-support.js";

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

const INVITATIONS = 50;
const QUEUED = 500;
const publicUrl = "https://lattice.example.test";
const messageIdHost = new URL(publicUrl).hostname;

const smtp = await startTestSmtp();

/** An app instance of its own (own pool when given its own handle, own mail sender) on `handle`. */
const startInstance = async (handle: DbHandle): Promise<FastifyInstance> => {
  const app = await buildApp({
    handle,
    // Each instance is alone on its bus; mail needs none.
    bus: createMemoryBus(),
    config: {
      ...loadConfig({}),
      webDist: null,
      loginRateLimit: 1000,
      signupRateLimit: 1000,
      digestIntervalMs: 0,
      smtpUrl: smtp.url,
      publicUrl,
    },
  });
  await app.ready();
  return app;
};

const cookieOf = (header: string | string[] | undefined): string =>
  (Array.isArray(header) ? header : [header ?? ""])
    .find((c) => c.startsWith("lattice_session="))
    ?.split(";")[0] ?? "";

const queuedMails = (label: string, count: number): QueuedMail[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: "invitation",
    to: `${label}.${i}@example.test`,
    ...invitationMail(createTranslator("en"), {
      publicUrl,
      workspaceName: "Ward 7",
      inviterName: "Olga Berg",
      role: "member",
      token: String(i).padStart(43, "x"),
      validForMs: 7 * 86_400_000,
    }),
  }));

const recipientOf = (mail: TestSmtp["messages"][number]): string => {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address?.toLowerCase() ?? "";
};

/** Waits until `done()` holds, checking every 20 ms; throws after `limitMs` (a bench must end). */
const until = async (what: string, done: () => boolean | Promise<boolean>, limitMs = 60_000) => {
  const deadline = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const unsentCount = async (handle: DbHandle): Promise<number> =>
  (
    await handle.db
      .select({ id: tables.mailMessages.id })
      .from(tables.mailMessages)
      .where(isNull(tables.mailMessages.sentAt))
  ).length;

const inviteLatency = async (driver: string, app: FastifyInstance): Promise<void> => {
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    headers: { [CLIENT_HEADER]: "1" },
    payload: { email: `olga-${driver}@example.test`, name: "Olga Berg", password: "bench-password-1" },
  });
  if (signup.statusCode !== 201) throw new Error(`signup answered ${signup.statusCode}: ${signup.body}`);
  const headers = { cookie: cookieOf(signup.headers["set-cookie"]), [CLIENT_HEADER]: "1" };
  const workspace = await app.inject({
    method: "POST",
    url: "/api/workspaces",
    headers,
    payload: { name: "Ward 7" },
  });
  const workspaceId = workspace.json<{ id: string }>().id;
  const timings: number[] = [];
  for (let i = 0; i < INVITATIONS; i += 1) {
    const email = `nurse.${driver}.${i}@example.test`;
    const received = smtp.waitForTo(email);
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: `/api/workspaces/${workspaceId}/invitations`,
      headers,
      payload: { email, role: "member" },
    });
    if (res.statusCode !== 201) throw new Error(`inviting answered ${res.statusCode}: ${res.body}`);
    await received;
    timings.push(performance.now() - started);
  }
  console.log(
    `${driver}: invite → received by the SMTP server: median ${median(timings).toFixed(0)} ms, ` +
      `p95 ${percentile(timings, 95).toFixed(0)} ms, slowest ${Math.max(...timings).toFixed(0)} ms ` +
      `(${INVITATIONS} invitations one after another)`,
  );
};

const throughput = async (driver: string, app: FastifyInstance, handle: DbHandle): Promise<void> => {
  const before = smtp.messages.length;
  await handle.db.transaction((tx) => enqueueMails(tx, queuedMails(`drain-${driver}`, QUEUED)));
  const started = performance.now();
  app.mail.wake();
  await until(`${QUEUED} messages`, () => smtp.messages.length >= before + QUEUED, 90_000);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${driver}: ${QUEUED} queued messages drained by one instance in ${seconds.toFixed(2)} s = ` +
      `${(QUEUED / seconds).toFixed(0)} messages/s`,
  );
};

const singleInstance = async (driver: string, db: TestDatabase): Promise<void> => {
  const app = await startInstance(db.handle);
  try {
    await inviteLatency(driver, app);
    await throughput(driver, app, db.handle);
  } finally {
    await app.close();
    await db.drop();
  }
};

/** Two instances on one PostgreSQL database, one of them closed mid-drain and started again. */
const twoInstancesAndARestart = async (): Promise<boolean> => {
  const db = await createPostgresTestDatabase();
  const handles: DbHandle[] = [];
  const running = new Set<FastifyInstance>();
  const instance = async () => {
    const handle = await createDb({ databaseUrl: db.url ?? "" });
    handles.push(handle);
    const app = await startInstance(handle);
    running.add(app);
    return app;
  };
  try {
    const mails = queuedMails("two-instances", QUEUED);
    const a = await instance();
    const b = await instance();
    const before = smtp.messages.length;
    await db.handle.db.transaction((tx) => enqueueMails(tx, mails));
    const started = performance.now();
    a.mail.wake();
    b.mail.wake();
    await until("a third of the messages", () => smtp.messages.length >= before + QUEUED / 3);
    const atRestart = smtp.messages.length - before;
    // A closing instance finishes the round it claimed, then stops.
    await a.close();
    running.delete(a);
    const a2 = await instance();
    a2.mail.wake();
    await until("an empty queue", async () => (await unsentCount(db.handle)) === 0, 90_000);
    const seconds = (performance.now() - started) / 1000;
    // Nothing is left in flight once every instance has closed: what arrived is final.
    for (const app of running) await app.close();
    running.clear();

    const received = smtp.messages.slice(before);
    const perId = new Map<string, number>();
    const perRecipient = new Map<string, number>();
    for (const mail of received) {
      const id = mail.messageId ?? "";
      perId.set(id, (perId.get(id) ?? 0) + 1);
      const to = recipientOf(mail);
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    }
    const extra = (counts: Map<string, number>) =>
      [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = mails.filter((m) => !perRecipient.has(m.to)).length;
    const ids = await db.handle.db.select({ id: tables.mailMessages.id }).from(tables.mailMessages);
    const lostIds = ids.filter((row) => !perId.has(`<${row.id}@${messageIdHost}>`)).length;
    const duplicates = extra(perId);
    console.log(
      `pg, 2 instances, one closed after ${atRestart} of ${QUEUED} and started again: ` +
        `drained in ${seconds.toFixed(2)} s (${(QUEUED / seconds).toFixed(0)} messages/s); ` +
        `received ${received.length}, distinct Message-IDs ${perId.size}, distinct recipients ${perRecipient.size}; ` +
        `duplicates by Message-ID ${duplicates}, by recipient ${extra(perRecipient)}; ` +
        `lost by Message-ID ${lostIds}, by recipient ${lost}`,
    );
    return duplicates === 0 && extra(perRecipient) === 0 && lost === 0 && lostIds === 0;
  } finally {
    for (const app of running) await app.close();
    for (const handle of handles) await handle.close();
    await db.drop();
  }
};

let isExactlyOnce = true;
try {
  await singleInstance("PGlite", await createPgliteTestDatabase());
  if (await isPostgresReachable()) {
    await singleInstance("PostgreSQL", await createPostgresTestDatabase());
    isExactlyOnce = await twoInstancesAndARestart();
  } else {
    console.log("PostgreSQL is not reachable: the PostgreSQL and two-instance figures are skipped.");
  }
} finally {
  await smtp.close();
}
if (!isExactlyOnce) {
  console.error("Some message was sent twice or not at all.");
  process.exitCode = 1;
}
