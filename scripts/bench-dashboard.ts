/**
 * `pnpm bench:dashboard`: response time of the workspace dashboard for a workspace of 50 spaces in
 * 5 folders holding 5,000 cards with a year of history, on embedded PGlite (in memory) and, when it
 * answers, PostgreSQL (a fresh database, dropped at the end). Through the in-process app (routing,
 * validation, authorization, queries, maths, serialization), median and max of 10 calls:
 * cold = the first call after a card moved (one space's seq changed, so the history is read again),
 * warm = the same call again (the history comes from the server's chart cache). My blockers is
 * timed beside it for the same person (responsible for about half of the cards).
 */
import { createDb, type DbHandle, runMutation, tables } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { type HistoryStatus, insertHistory, planHistory } from "./demo-history.js";

const SPACES = 50;
const FOLDERS = 5;
const CARDS_PER_SPACE = 100;
const DAYS = 365;
const CALLS = 10;

const run = async (driver: string, handle: DbHandle) => {
  const app = await buildApp({ handle, config: { ...loadConfig({}), webDist: null, loginRateLimit: 1000 } });
  await app.ready();
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email: "bench@example.test", name: "Bench", password: "correct horse battery" },
  });
  const me = signup.json<{ id: string }>().id;
  const cookie = signup.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const call = async (method: "GET" | "POST", url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const workspace = (await call("POST", "/api/workspaces", { name: "Bench" })).json();
  const folders: string[] = [];
  for (let i = 0; i < FOLDERS; i++) {
    folders.push(
      (await call("POST", `/api/workspaces/${workspace.id}/folders`, { name: `Team ${i + 1}` })).json().id,
    );
  }
  const seeded = performance.now();
  let probe: { id: string; statuses: string[] } | null = null;
  for (let i = 0; i < SPACES; i++) {
    const space = (
      await call("POST", `/api/workspaces/${workspace.id}/spaces`, {
        name: `Space ${i + 1}`,
        folderId: folders[i % FOLDERS],
      })
    ).json();
    const type = (await call("POST", `/api/spaces/${space.id}/blocker-types`, { name: "Supplier" })).json();
    const board = (await call("GET", `/api/spaces/${space.id}/board`)).json();
    const statuses: HistoryStatus[] = board.statuses.map((s: HistoryStatus) => ({
      id: s.id,
      name: s.name,
      role: s.role,
    }));
    const planned = planHistory(statuses, {
      cards: CARDS_PER_SPACE,
      days: DAYS,
      now: Date.now(),
      seed: i + 1,
      names: ["Bench card"],
      people: [me, ""],
    }).map((c) => ({ ...c, responsibleId: c.responsibleId || null }));
    await runMutation(handle.db, { actorId: null, mutationId: null }, ({ tx }) =>
      insertHistory(tx, { id: space.id, workspaceId: workspace.id }, planned, null, type.id),
    );
    probe ??= { id: space.id, statuses: statuses.map((s) => s.id) };
  }
  const cards = await handle.db.$count(tables.cards);
  const changes = await handle.db.$count(tables.cardStatusChanges);
  console.log(
    `${driver}: seeded ${SPACES} spaces, ${cards} cards, ${changes} status changes in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  if (!probe) throw new Error("no space");
  const probeSpace = probe;
  const probeCard = (
    await call("POST", `/api/spaces/${probeSpace.id}/cards`, {
      name: "Probe",
      statusId: probeSpace.statuses[0],
    })
  ).json();
  let moves = 0;
  const change = async () => {
    await call("POST", `/api/cards/${probeCard.id}/move`, { statusId: probeSpace.statuses[++moves % 2] });
  };
  const timed = async (url: string) => {
    const started = performance.now();
    const res = await call("GET", url);
    return { ms: performance.now() - started, bytes: res.rawPayload.length, body: res.json() };
  };
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2;
    return `${median.toFixed(0).padStart(5)} ms ${(sorted.at(-1) ?? 0).toFixed(0).padStart(5)} ms`;
  };
  console.log(`  ${"".padEnd(24)} cold: median   max    warm: median   max    reply`);
  for (const [label, url] of [
    ["workspace dashboard", `/api/workspaces/${workspace.id}/dashboard`],
    ["my blockers", "/api/me/blockers"],
  ] as const) {
    const cold: number[] = [];
    const warm: number[] = [];
    let bytes = 0;
    const first = await timed(url); // warms up the code paths
    if (label === "workspace dashboard" && first.body.spaces.length !== SPACES) {
      throw new Error(`expected ${SPACES} spaces, got ${first.body.spaces.length}`);
    }
    for (let i = 0; i < CALLS; i++) {
      await change();
      cold.push((await timed(url)).ms);
      const again = await timed(url);
      warm.push(again.ms);
      bytes = again.bytes;
    }
    console.log(
      `  ${label.padEnd(24)} ${summary(cold)}        ${summary(warm)}   ${(bytes / 1024).toFixed(0).padStart(5)} KiB`,
    );
  }
  await app.close();
};

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
