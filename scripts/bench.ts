/**
 * `pnpm bench`: latency of the two hottest requests — loading a board and moving a card — for a space of
 * 1,000 cards, on embedded PGlite (in memory) and on PostgreSQL (a fresh database, dropped at the end).
 *
 * The app is built in-process exactly as the server builds it and driven over real HTTP on loopback, so
 * the figures include routing, validation, authorization, the transaction with its event row and JSON
 * serialization. Everything is bounded: fixed request counts, one process, no outside address.
 */
import { createDb, type DbHandle } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { percentile } from "./bench-support.js";

const CARDS = 1_000;
const SEED_BATCH = 20;
const WARMUP = 20;
const BOARD_LOADS = 200;
const MOVES = 500;

interface Status {
  id: string;
  name: string;
}
interface Card {
  id: string;
  statusId: string;
  position: string;
}
interface Board {
  statuses: Status[];
  cards: Card[];
}

interface Row {
  driver: string;
  operation: string;
  n: number;
  median: number;
  p99: number;
  max: number;
  note: string;
}

/** A tiny deterministic PRNG so two runs do the same moves. */
const random = (() => {
  let state = 0x9e3779b9;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
})();
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

const summarize = (driver: string, operation: string, samples: number[], note = ""): Row => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    driver,
    operation,
    n: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    note,
  };
};

class Client {
  private cookie = "";
  constructor(private readonly base: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; bytes: number }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers["content-type"] = "application/json";
    // A change without a JSON body must say it comes from a client (the server's forgery check).
    else if (method !== "GET") headers["x-lattice-client"] = "bench";
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("lattice_session="));
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return { data: (text ? JSON.parse(text) : null) as T, bytes: Buffer.byteLength(text) };
  }
}

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const benchDriver = async (driver: string, handle: DbHandle): Promise<Row[]> => {
  const app = await buildApp({ handle, config: { ...loadConfig(), webDist: null, loginRateLimit: 1000 } });
  try {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const client = new Client(address);

    await client.request("POST", "/api/auth/signup", {
      email: `bench-${Date.now()}@example.com`,
      name: "Bench",
      password: "bench-password-1",
    });
    const { data: workspace } = await client.request<{ id: string }>("POST", "/api/workspaces", {
      name: "Bench",
    });
    const { data: space } = await client.request<{ id: string }>(
      "POST",
      `/api/workspaces/${workspace.id}/spaces`,
      { name: "Board of 1,000" },
    );
    const boardPath = `/api/spaces/${space.id}/board`;
    const { data: empty } = await client.request<Board>("GET", boardPath);
    const statusIds = empty.statuses.map((s) => s.id);
    if (statusIds.length === 0) throw new Error("a new space has no statuses");

    const seedStart = performance.now();
    for (let i = 0; i < CARDS; i += SEED_BATCH) {
      const batch = Array.from({ length: Math.min(SEED_BATCH, CARDS - i) }, (_, j) => i + j);
      await Promise.all(
        batch.map((n) =>
          client.request("POST", `/api/spaces/${space.id}/cards`, {
            name: `Card ${n + 1}`,
            statusId: statusIds[n % statusIds.length],
          }),
        ),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(`  ${driver}: seeded ${CARDS} cards in ${seedSeconds.toFixed(1)} s`);

    let payloadBytes = 0;
    let cards: Card[] = [];
    for (let i = 0; i < WARMUP; i++) {
      const { data, bytes } = await client.request<Board>("GET", boardPath);
      payloadBytes = bytes;
      cards = data.cards;
    }
    if (cards.length !== CARDS) throw new Error(`board has ${cards.length} cards, expected ${CARDS}`);

    const loads: number[] = [];
    for (let i = 0; i < BOARD_LOADS; i++) loads.push(await timed(() => client.request("GET", boardPath)));

    // Keep a local copy of the board in order, so every move names real neighbours.
    const columns = new Map<string, Card[]>(statusIds.map((id) => [id, []]));
    for (const card of [...cards].sort((a, b) =>
      a.position < b.position ? -1 : a.position > b.position ? 1 : 0,
    ))
      columns.get(card.statusId)?.push(card);

    const move = async (): Promise<void> => {
      const card = pick(cards);
      const from = columns.get(card.statusId) ?? [];
      from.splice(from.indexOf(card), 1);
      const statusId = pick(statusIds);
      const to = columns.get(statusId) ?? [];
      const body: { statusId: string; afterId?: string; beforeId?: string } = { statusId };
      let index = to.length;
      if (to.length > 0) {
        const neighbourIndex = Math.floor(random() * to.length);
        const neighbour = to[neighbourIndex];
        if (neighbour && random() < 0.5) {
          body.afterId = neighbour.id;
          index = neighbourIndex + 1;
        } else if (neighbour) {
          body.beforeId = neighbour.id;
          index = neighbourIndex;
        }
      }
      const { data: moved } = await client.request<Card>("POST", `/api/cards/${card.id}/move`, body);
      card.statusId = moved.statusId;
      card.position = moved.position;
      to.splice(index, 0, card);
    };

    for (let i = 0; i < WARMUP; i++) await move();
    const moves: number[] = [];
    for (let i = 0; i < MOVES; i++) moves.push(await timed(move));

    return [
      summarize(driver, "GET board", loads, (payloadBytes / 1024).toFixed(0)),
      summarize(driver, "POST move", moves),
    ];
  } finally {
    await app.close();
  }
};

const printTable = (rows: Row[]): void => {
  const header = ["driver", "operation", "n", "median ms", "p99 ms", "max ms", "payload KB"];
  const body = rows.map((r) => [
    r.driver,
    r.operation,
    String(r.n),
    r.median.toFixed(2),
    r.p99.toFixed(2),
    r.max.toFixed(2),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const row of body) console.log(line(row));
};

const main = async (): Promise<void> => {
  const started = performance.now();
  const rows: Row[] = [];

  console.log(`Board of ${CARDS} cards: ${BOARD_LOADS} board loads, ${MOVES} moves per driver.`);
  const pglite = await createDb({ dataDir: "memory://" });
  try {
    rows.push(...(await benchDriver("pglite", pglite)));
  } finally {
    await pglite.close();
  }

  if (await isPostgresReachable()) {
    const database = await createPostgresTestDatabase();
    try {
      rows.push(...(await benchDriver("postgres", database.handle)));
    } finally {
      await database.drop();
    }
  } else {
    console.log(
      "  postgres: skipped — no PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432)",
    );
  }

  printTable(rows);
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

await main();
