import { createTestDatabase, type TestDatabase } from "@lattice/db/testing";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { Client, cookieFrom, testConfig } from "../test/harness.js";
import { loggerOptions, REDACTED } from "./logging.js";

/** A destination that keeps every line pino writes. */
const captureLines = () => {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
};

describe("log lines carry no secrets", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const log = captureLines();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildApp({
      handle: db.handle,
      config: testConfig({ logLevel: "info" }),
      logStream: log.stream,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  const signup = (email: string) =>
    new Client(app, null).post("/api/auth/signup", { email, name: "Ana", password: "correct horse battery" });

  it("logs a failed signup's database error without the password hash it tried to write", async () => {
    // The database refuses the insert, so the failed query (with the new user's row) reaches the log.
    await db.handle.db.execute(sql`
      CREATE FUNCTION refuse_signups() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'signups are closed for maintenance'; END $$`);
    await db.handle.db.execute(sql`
      CREATE TRIGGER refuse_signups BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_signups()`);
    try {
      const res = await signup("ana.failed@example.test");
      expect(res.statusCode, res.body).toBe(500);
      expect(res.body).not.toContain("signups are closed");
    } finally {
      await db.handle.db.execute(sql`DROP TRIGGER refuse_signups ON users`);
    }
    const text = log.lines.join("");
    const errorLine = log.lines.find((line) => line.includes("unhandled error"));
    expect(errorLine, text).toBeDefined();
    // The error is there to debug from: what failed and why, with the parameters cut out.
    expect(errorLine).toContain("Failed query");
    expect(errorLine).toContain("signups are closed for maintenance");
    expect(errorLine).toContain(REDACTED);
    expect(text).not.toMatch(/scrypt\$/);
    expect(text).not.toContain("ana.failed@example.test");
  });

  it("logs a refused request made with a session without its cookie", async () => {
    const res = await signup("ana.cookie@example.test");
    const token = cookieFrom(res);
    log.lines.length = 0;
    const bad = await app.inject({
      method: "POST",
      url: "/api/workspaces",
      headers: { cookie: `lattice_session=${token}`, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(bad.statusCode).toBe(400);
    const text = log.lines.join("");
    expect(text).toContain("/api/workspaces");
    expect(text).not.toContain(token);
  });

  it("logs a calendar feed's address without its secret token", async () => {
    const res = await signup("ana.feed@example.test");
    const ana = new Client(app, { user: res.json(), cookie: cookieFrom(res), password: "" });
    const feed = await ana.post("/api/me/calendar-feed");
    expect(feed.statusCode, feed.body).toBe(201);
    const path = new URL(feed.json<{ url: string }>().url, "http://localhost").pathname;
    const token =
      path
        .split("/")
        .at(-1)
        ?.replace(/\.ics$/, "") ?? "";
    expect(token).toHaveLength(43);
    log.lines.length = 0;
    expect((await ana.get(path)).statusCode).toBe(200);
    const text = log.lines.join("");
    expect(text).toContain(`/api/calendar/${REDACTED}.ics`);
    expect(text).not.toContain(token);
  });
});

describe("the logger's redaction", () => {
  const logger = () => {
    const log = captureLines();
    return { log, logger: pino(loggerOptions("info"), log.stream) };
  };

  it("replaces cookies, passwords and tokens found under their names", () => {
    const { log, logger: l } = logger();
    l.info(
      {
        req: { headers: { cookie: "lattice_session=abc", authorization: "Bearer xyz" } },
        body: { password: "correct horse battery", token: "short-token" },
      },
      "request",
    );
    const line = log.lines.join("");
    for (const secret of ["lattice_session=abc", "Bearer xyz", "correct horse battery", "short-token"])
      expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it("cuts a failed query's parameters out of the error, its message and its stack", () => {
    const { log, logger: l } = logger();
    const params = ["ana@example.test", "Ana", "secret-ish parameter"];
    const cause = new Error("duplicate key value violates unique constraint");
    const error = Object.assign(
      new Error(`Failed query: insert into "users" values ($1, $2, $3)\nparams: ${params}`, { cause }),
      { query: 'insert into "users" values ($1, $2, $3)', params },
    );
    l.error({ err: error }, "unhandled error");
    const line = log.lines.join("");
    expect(line).toContain('insert into \\"users\\"');
    expect(line).toContain("duplicate key value");
    expect(line).not.toContain("secret-ish parameter");
  });

  it("scrubs anything shaped like a password hash or a token from any text", () => {
    const { log, logger: l } = logger();
    const hash = `scrypt$16384$8$1$${"s".repeat(22)}$${"k".repeat(86)}`;
    const token = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v";
    l.warn(`row (${hash}) for ${token} of 8d3c4a4e-5d0b-4c1e-9a43-2f1b7d9e0c11`);
    const line = log.lines.join("");
    expect(line).not.toContain(hash.slice(0, 30));
    expect(line).not.toContain(token);
    // Ids are not secrets and stay readable.
    expect(line).toContain("8d3c4a4e-5d0b-4c1e-9a43-2f1b7d9e0c11");
  });
});
