/**
 * `npx tsx scripts/bench-charts.ts`: response time of the chart endpoints for one space of 10,000
 * cards with two years of history (about 40,000 status changes), on embedded PGlite (in memory) and,
 * when it answers, PostgreSQL (a fresh database, dropped at the end). Through the in-process app
 * (routing, validation, authorization, queries, maths, serialization), median and max of 10 calls:
 * changed = the first call after a card moved (the space's seq changed: the cached history follows
 * the events since), cached = the same call again (the history comes from the server's chart cache),
 * cold = the first call of a freshly started server (nothing cached: the whole history is read);
 * changed (br) = the first call after a change from a client that accepts compression as browsers do
 * (`accept-encoding: gzip, deflate, br, zstd`). The reply's size is given as JSON and as sent
 * compressed.
 *
 * `BENCH_CARDS=5000` changes the space's size; `BENCH_ONLY=aging` times only the charts whose label
 * contains that word (e.g. the Aging chart on a 5,000-card space).
 */
import os from "node:os";
import { createDb, type DbHandle, runMutation, tables } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { isoDateOfDay } from "../packages/domain/src/index.js";
import { type HistoryStatus, insertHistory, planHistory } from "./demo-history.js";

const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
const ONLY = process.env.BENCH_ONLY ?? "";
const DAYS = 730;
const CALLS = 10;

const COLD_CALLS = 3;

const startApp = async (handle: DbHandle) => {
  const app = await buildApp({ handle, config: { ...loadConfig({}), webDist: null, loginRateLimit: 1000 } });
  await app.ready();
  return app;
};

const run = async (driver: string, handle: DbHandle) => {
  const app = await startApp(handle);
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email: "bench@example.test", name: "Bench", password: "correct horse battery" },
  });
  const cookie = signup.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const workspace = (await call("POST", "/api/workspaces", { name: "Bench" })).json();
  const space = (await call("POST", `/api/workspaces/${workspace.id}/spaces`, { name: "Big space" })).json();
  await call("POST", `/api/spaces/${space.id}/statuses`, { name: "Review", role: "in_progress" });
  const board = (await call("GET", `/api/spaces/${space.id}/board`)).json();
  const statuses: HistoryStatus[] = board.statuses.map((s: HistoryStatus) => ({
    id: s.id,
    name: s.name,
    role: s.role,
  }));
  const planned = planHistory(statuses, {
    cards: CARDS,
    days: DAYS,
    now: Date.now(),
    seed: 1,
    names: ["Bench card"],
    people: [],
    waitMean: 20,
    workMean: 10,
  });
  const seeded = performance.now();
  await runMutation(handle.db, { actorId: null, mutationId: null }, ({ tx }) =>
    insertHistory(tx, { id: space.id, workspaceId: workspace.id }, planned, null, null),
  );
  const changes = await handle.db.$count(tables.cardStatusChanges);
  console.log(
    `${driver}: seeded ${CARDS} cards, ${changes} status changes in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  // Moved back and forth before each cold call: any change to the space makes the next call cold.
  const probe = (
    await call("POST", `/api/spaces/${space.id}/cards`, { name: "Probe", statusId: statuses[0]?.id })
  ).json();
  let moves = 0;
  const change = async () => {
    const statusId = statuses[++moves % 2]?.id;
    const res = await call("POST", `/api/cards/${probe.id}/move`, { statusId });
    if (res.statusCode !== 200) throw new Error(`move: ${res.statusCode} ${res.body}`);
  };
  const browserEncodings = "gzip, deflate, br, zstd";
  const timed = async (url: string, via = app, acceptEncoding?: string) => {
    const headers = acceptEncoding ? { cookie, "accept-encoding": acceptEncoding } : { cookie };
    const started = performance.now();
    const res = await via.inject({ method: "GET", url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return { ms: performance.now() - started, bytes: res.rawPayload.length };
  };
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median = ((sorted[Math.ceil(middle) - 1] ?? 0) + (sorted[Math.floor(middle)] ?? 0)) / 2;
    return `${median.toFixed(0).padStart(5)} ms ${(sorted.at(-1) ?? 0).toFixed(0).padStart(5)} ms`;
  };
  console.log(
    `  ${"".padEnd(28)} changed: median   max   cached: median   max   cold: median   max    reply   changed (br): median   max   sent`,
  );
  const from = isoDateOfDay(Math.floor(Date.now() / 86_400_000) - DAYS);
  for (const [label, url] of [
    ["time (default 90 days)", `/api/spaces/${space.id}/charts/time`],
    ["time (2 years)", `/api/spaces/${space.id}/charts/time?from=${from}`],
    ["forecast (10,000 trials)", `/api/spaces/${space.id}/charts/forecast`],
    ["cumulative flow (2 years)", `/api/spaces/${space.id}/charts/cumulative-flow?from=${from}`],
    ["aging (default 90 days)", `/api/spaces/${space.id}/charts/aging`],
  ] as const) {
    if (ONLY && !label.includes(ONLY)) continue;
    const changed: number[] = [];
    const cached: number[] = [];
    const cold: number[] = [];
    const changedCompressed: number[] = [];
    let bytes = 0;
    let sentBytes = 0;
    await timed(url); // warms up the code paths
    for (let i = 0; i < CALLS; i++) {
      await change();
      changed.push((await timed(url)).ms);
      const again = await timed(url);
      cached.push(again.ms);
      bytes = again.bytes;
      await change();
      const compressed = await timed(url, app, browserEncodings);
      changedCompressed.push(compressed.ms);
      sentBytes = compressed.bytes;
    }
    for (let i = 0; i < COLD_CALLS; i++) {
      const fresh = await startApp(handle);
      try {
        cold.push((await timed(url, fresh)).ms);
      } finally {
        await fresh.close();
      }
    }
    console.log(
      `  ${label.padEnd(28)}    ${summary(changed)}           ${summary(cached)}         ${summary(cold)}   ${(bytes / 1024).toFixed(0).padStart(5)} KiB           ${summary(changedCompressed)}  ${(sentBytes / 1024).toFixed(0).padStart(5)} KiB`,
    );
  }
  console.log(
    `  load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}`,
  );
  await app.close();
};

console.log(
  `load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
const pglite = await createDb({ dataDir: "memory://" });
try {
  await run("PGlite", pglite);
} finally {
  await pglite.close();
}
if (await isPostgresReachable()) {
  const pg = await createPostgresTestDatabase();
  try {
    await run("PostgreSQL", pg.handle);
  } finally {
    await pg.drop();
  }
} else {
  console.log("PostgreSQL is not reachable: skipped.");
}
