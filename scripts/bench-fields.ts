/**
 * `pnpm bench:fields`: what custom fields cost the board snapshot. A space of 1,000 cards is loaded
 * (GET /api/spaces/:id/board) before it has fields, then after five fields (text, number, date,
 * single choice, person) are set on every card: latency (median, p99 of BOARD_LOADS loads) and reply
 * size. On embedded PGlite and, when reachable, PostgreSQL; the real server in its own process over
 * loopback HTTP, as `scripts/bench.ts` does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { percentile, startServer, stopServer } from "./bench-support.js";

const CARDS = 1_000;
const WARMUP = 10;
const BOARD_LOADS = 100;

interface Row {
  driver: string;
  state: string;
  median: number;
  p99: number;
  bytes: number;
}

const client = (base: string) => {
  let cookie = "";
  return async <T>(method: string, url: string, body?: unknown): Promise<{ data: T; bytes: number }> => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
    const setCookie = response.headers.get("set-cookie");
    if (setCookie?.startsWith("lattice_session=")) cookie = setCookie.split(";")[0] ?? "";
    return { data: (text ? JSON.parse(text) : null) as T, bytes: Buffer.byteLength(text) };
  };
};

const loadBoard = async (request: ReturnType<typeof client>, url: string) => {
  for (let i = 0; i < WARMUP; i++) await request("GET", url);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < BOARD_LOADS; i++) {
    const start = performance.now();
    bytes = (await request("GET", url)).bytes;
    samples.push(performance.now() - start);
  }
  return { median: percentile(samples, 50), p99: percentile(samples, 99), bytes };
};

const benchDriver = async (driver: string, port: number, dataDir: string): Promise<Row[]> => {
  const server = await startServer(port, dataDir);
  try {
    const request = client(`http://localhost:${port}`);
    const { data: me } = await request<{ id: string }>("POST", "/api/auth/signup", {
      email: `bench-fields-${driver}-${Date.now()}@example.com`,
      name: "Bench",
      password: "bench-password-1",
    });
    const { data: workspace } = await request<{ id: string }>("POST", "/api/workspaces", { name: "Bench" });
    const { data: space } = await request<{ id: string }>("POST", `/api/workspaces/${workspace.id}/spaces`, {
      name: "Board of 1,000",
    });
    const cardIds: string[] = [];
    for (let n = 0; n < CARDS; n++) {
      const { data } = await request<{ id: string }>("POST", `/api/spaces/${space.id}/cards`, {
        name: `Card ${n + 1}`,
      });
      cardIds.push(data.id);
    }
    const boardUrl = `/api/spaces/${space.id}/board`;
    const before = await loadBoard(request, boardUrl);

    const define = async (body: Record<string, unknown>) =>
      (
        await request<{ id: string; options: Array<{ id: string }> }>(
          "POST",
          `/api/spaces/${space.id}/fields`,
          body,
        )
      ).data;
    const note = await define({ name: "Note", kind: "text", showOnCard: true });
    const beds = await define({ name: "Beds", kind: "number" });
    const audit = await define({ name: "Audit", kind: "date" });
    const ward = await define({
      name: "Ward",
      kind: "single_choice",
      showOnCard: true,
      options: ["Cardiology", "Oncology", "Surgery", "Paediatrics"].map((name) => ({
        name,
        color: "#1f8a70",
      })),
    });
    const nurse = await define({ name: "Nurse", kind: "person" });
    const setStart = performance.now();
    for (const [n, cardId] of cardIds.entries()) {
      const values: Array<[string, unknown]> = [
        [note.id, `Handover note for bed ${n + 1}`],
        [beds.id, n % 30],
        [audit.id, `2027-0${(n % 9) + 1}-1${n % 10}`],
        [ward.id, ward.options[n % ward.options.length]?.id],
        [nurse.id, me.id],
      ];
      for (const [fieldId, value] of values) {
        await request("PUT", `/api/cards/${cardId}/fields/${fieldId}`, { value });
      }
    }
    const setMs = performance.now() - setStart;
    console.log(`  ${driver}: set ${CARDS * 5} values in ${(setMs / 1000).toFixed(1)} s`);
    const after = await loadBoard(request, boardUrl);
    return [
      { driver, state: "no fields", ...before },
      { driver, state: "5 fields on every card", ...after },
    ];
  } finally {
    stopServer(server);
  }
};

const main = async () => {
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "lattice-bench-fields-"));
  try {
    rows.push(...(await benchDriver("pglite", 4700 + (process.pid % 200), dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await isPostgresReachable()) {
    const database = await createPostgresTestDatabase();
    const pgDir = mkdtempSync(path.join(tmpdir(), "lattice-bench-fields-pg-"));
    try {
      if (!database.url) throw new Error("a PostgreSQL test database has a URL");
      process.env.DATABASE_URL = database.url;
      rows.push(...(await benchDriver("postgres", 4900 + (process.pid % 90), pgDir)));
    } finally {
      delete process.env.DATABASE_URL;
      rmSync(pgDir, { recursive: true, force: true });
      await database.drop();
    }
  }
  console.log(`\nGET board of ${CARDS} cards, ${BOARD_LOADS} loads after ${WARMUP} warm-up`);
  console.log("driver    state                     median ms  p99 ms   reply bytes");
  for (const r of rows) {
    console.log(
      `${r.driver.padEnd(9)} ${r.state.padEnd(25)} ${r.median.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(7)} ${String(r.bytes).padStart(13)}`,
    );
  }
};

await main();
