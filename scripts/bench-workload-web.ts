/**
 * `pnpm bench:workload`: the workspace Workload view in the system Chromium against the real server,
 * with 200 people (capacity 3 to 12 cards a week) and 5,000 dated open cards in 5 spaces (each with a
 * responsible person, every fourth with a co-worker), spread over the 26 weeks the view opens on.
 *
 * - navigation → first bars drawn (median of 3 loads after a warm-up), the reply's size, and how many
 *   bars and rows are in the DOM (the rest are outside the rendered window)
 * - one bar dragged onto the next person's row: time from the mouse release to the bar drawn in the
 *   new row (the optimistic redraw), median of 5 drags
 * - frame times while scrolling from the first row to the last, and where the renderer's main thread
 *   spent that time (a Chromium trace of the scroll: script, style, layout, paint, ...)
 *
 * Seeding writes rows straight into a fresh PGlite directory, then the server starts on it.
 * BENCH_WORKLOAD_SHOT=<file.png> also keeps a screenshot of the view.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, runMutation, tables } from "@lattice/db";
import { chromium, type Page } from "@playwright/test";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { addDays, keysBetween, weekStartOf } from "../packages/domain/src/index.js";
import { median, percentile, startServer, stopServer } from "./bench-support.js";

const port = Number(process.env.BENCH_WORKLOAD_PORT ?? 3230);
const baseURL = `http://localhost:${port}`;
const PEOPLE = 200;
const CARDS = 5000;
const SPACES = 5;
const LOADS = 3;
const DRAGS = 5;
const email = "workload-bench@example.test";
const password = "correct horse battery";

const today = () => new Date().toISOString().slice(0, 10);

const seed = async (dataDir: string) => {
  const handle = await createDb({ dataDir });
  const app = await buildApp({ handle, config: { ...loadConfig({}), webDist: null, loginRateLimit: 1000 } });
  await app.ready();
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email, name: "Bench", password },
  });
  const cookie = signup.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const workspace = (await call("POST", "/api/workspaces", { name: "Workload bench" })).json();
  const spaces: Array<{ id: string; statuses: string[] }> = [];
  for (let s = 0; s < SPACES; s++) {
    const space = (
      await call("POST", `/api/workspaces/${workspace.id}/spaces`, { name: `Ward ${s + 1}` })
    ).json();
    const board = (await call("GET", `/api/spaces/${space.id}/board`)).json();
    spaces.push({ id: space.id, statuses: (board.statuses as Array<{ id: string }>).map((x) => x.id) });
  }
  // The view opens on 26 weeks starting four weeks before this one.
  const from = addDays(weekStartOf(today()), -28);
  await runMutation(handle.db, { actorId: null, mutationId: null }, async ({ tx }) => {
    const people = await tx
      .insert(tables.users)
      .values(
        Array.from({ length: PEOPLE - 1 }, (_, i) => ({
          email: `person${i + 1}@bench.example.test`,
          name: `Person ${String(i + 1).padStart(3, "0")}`,
        })),
      )
      .returning({ id: tables.users.id });
    await tx.insert(tables.workspaceMembers).values(
      people.map((p, i) => ({
        workspaceId: workspace.id as string,
        userId: p.id,
        role: "member" as const,
        capacityPerWeek: 3 + (i % 10),
      })),
    );
    const ids = [signup.json().id as string, ...people.map((p) => p.id)];
    for (const [s, space] of spaces.entries()) {
      const count = CARDS / SPACES;
      const keys = keysBetween(null, null, count);
      const rows = Array.from({ length: count }, (_, j) => {
        const i = s * count + j;
        // Each person gets about one card starting each week (spans of 1 to 9 days overlap a little).
        const begin = addDays(from, (Math.floor(i / PEOPLE) * 7 + (i % 5)) % 175);
        return {
          workspaceId: workspace.id as string,
          spaceId: space.id,
          statusId: space.statuses[i % 3 === 0 ? 1 : 0] ?? "",
          name: `Task ${i + 1}`,
          position: keys[j] ?? "a0",
          responsibleId: ids[i % PEOPLE] ?? null,
          startDate: begin,
          dueDate: addDays(begin, i % 9),
        };
      });
      const inserted = await tx.insert(tables.cards).values(rows).returning({ id: tables.cards.id });
      const coworkers = inserted.flatMap((c, j) =>
        j % 4 === 0
          ? [
              {
                workspaceId: workspace.id as string,
                cardId: c.id,
                userId: ids[(s * count + j + 7) % PEOPLE] ?? "",
              },
            ]
          : [],
      );
      await tx.insert(tables.cardCoworkers).values(coworkers);
    }
    return [];
  });
  await app.close();
  await handle.close();
  return { workspaceId: workspace.id as string };
};

/**
 * Drags the n-th drawn responsible bar that is clear of the person column onto the next row; ms from
 * the release to the bar drawn in that row (null when the drop changed nothing, e.g. that person
 * already held the card).
 */
const dragOnce = async (page: Page, n: number): Promise<number | null> => {
  const target = await page.evaluate((n) => {
    const scroller = document.querySelector(".wl-scroll")?.getBoundingClientRect();
    const clear = (scroller?.left ?? 0) + 210;
    const rowsInView = [...document.querySelectorAll<HTMLElement>(".wl-row")];
    const bars = [...document.querySelectorAll<HTMLElement>(".wl-bar.is-responsible")].filter((b) => {
      const r = b.getBoundingClientRect();
      const rowIndex = rowsInView.findIndex((row) => row.dataset.rowUser === b.dataset.userId);
      const below = rowsInView[rowIndex + 1]?.getBoundingClientRect();
      return (
        r.left > clear &&
        r.right < (scroller?.right ?? 0) - 10 &&
        r.top > (scroller?.top ?? 0) + 40 &&
        below !== undefined &&
        below.top + 30 < (scroller?.bottom ?? 0)
      );
    });
    const bar = bars[n];
    if (!bar) return null;
    const rows = [...document.querySelectorAll<HTMLElement>(".wl-row")];
    const index = rows.findIndex((r) => r.dataset.rowUser === bar.dataset.userId);
    const next = rows[index + 1];
    if (!next) return null;
    const r = bar.getBoundingClientRect();
    const nr = next.getBoundingClientRect();
    return {
      cardId: bar.dataset.cardId ?? "",
      toUser: next.dataset.rowUser ?? "",
      x: r.left + 6,
      y: r.top + r.height / 2,
      toY: nr.top + 30,
    };
  }, n);
  if (!target) throw new Error("no bar to drag");
  await page.evaluate(({ cardId, toUser }) => {
    const w = window as unknown as { __wlDrop?: Promise<number | null> };
    w.__wlDrop = new Promise<number | null>((resolve) => {
      let released = 0;
      window.addEventListener("pointerup", () => (released = performance.now()), {
        capture: true,
        once: true,
      });
      const selector = `[data-card-id="${cardId}"][data-user-id="${toUser}"]`;
      const observer = new MutationObserver(() => {
        if (released && document.querySelector(selector)) {
          observer.disconnect();
          resolve(performance.now() - released);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 10_000);
    });
  }, target);
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.toY, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { __wlDrop: Promise<number | null> }).__wlDrop);
};

const scrollFrames = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const box = document.querySelector(".wl-scroll");
    const frames = [];
    let last = performance.now();
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve(frames.slice(1));
      box.scrollTop += 240;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;

/** Main-thread time of a trace by kind of work, in ms (outermost events only, so nothing counts twice). */
const KINDS: Record<string, string> = {
  FunctionCall: "script",
  EvaluateScript: "script",
  FireAnimationFrame: "script",
  TimerFire: "script",
  EventDispatch: "script",
  "v8.run": "script",
  RunMicrotasks: "script",
  UpdateLayoutTree: "style",
  ScheduleStyleRecalculation: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  PaintImage: "paint",
  Layerize: "composite",
  UpdateLayer: "composite",
  CompositeLayers: "composite",
  Commit: "composite",
  HitTest: "hit test",
  ParseHTML: "script",
  MajorGC: "gc",
  MinorGC: "gc",
};
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}
const traceBreakdown = (json: Buffer): string => {
  const events = (JSON.parse(json.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  if (!main) return "no renderer main thread in the trace";
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts);
  const totals = new Map<string, number>();
  // Per kind, count only events not inside another event of a known kind.
  let openUntil = 0;
  for (const e of spans) {
    const kind = KINDS[e.name];
    if (!kind || e.ts < openUntil) continue;
    openUntil = e.ts + (e.dur ?? 0);
    totals.set(kind, (totals.get(kind) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`)
    .join(", ");
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-workload-web-"));
let server: ChildProcess | null = null;
try {
  const seededAt = performance.now();
  const { workspaceId } = await seed(dataDir);
  console.log(
    `seeded ${PEOPLE} people and ${CARDS} dated cards in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
  );
  server = await startServer(port, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 900 },
      bypassCSP: true,
    });
    const login = await context.request.post("/api/auth/login", { data: { email, password } });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const url = `/w/${workspaceId}/workload`;
    const opens: number[] = [];
    let replyBytes = 0;
    let drawn = { bars: 0, rows: 0 };
    for (let i = 0; i <= LOADS; i++) {
      const page = await context.newPage();
      page.on("response", async (res) => {
        if (res.url().includes("/workload?")) replyBytes = (await res.body()).length;
      });
      const started = Date.now();
      await page.goto(url);
      await page.locator(".wl-bar").first().waitFor({ timeout: 60_000 });
      if (i > 0) opens.push(Date.now() - started);
      drawn = await page.evaluate(() => ({
        bars: document.querySelectorAll(".wl-bar").length,
        rows: document.querySelectorAll(".wl-row").length,
      }));
      await page.close();
    }
    console.log(
      `open: navigation → bars drawn, median ${median(opens).toFixed(0)} ms (${opens.join(", ")}); reply ${(replyBytes / 1024).toFixed(0)} KiB; ${drawn.bars} bars in ${drawn.rows} rows in the DOM`,
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(".wl-bar").first().waitFor({ timeout: 60_000 });
    const drags: number[] = [];
    for (let i = 0; drags.length < DRAGS && i < DRAGS * 3; i++) {
      const ms = await dragOnce(page, i);
      if (ms !== null) drags.push(ms);
    }
    console.log(
      `drag a bar to the next person: redraw median ${median(drags).toFixed(1)} ms, max ${Math.max(...drags).toFixed(1)} ms (${drags.map((d) => d.toFixed(1)).join(", ")})`,
    );
    if (process.env.BENCH_WORKLOAD_SHOT) await page.screenshot({ path: process.env.BENCH_WORKLOAD_SHOT });
    const frames = await scrollFrames(page);
    console.log(
      `scroll through all rows: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms`,
    );
    // Once more from the top under a trace (the trace itself slows the frames, so they are not timed).
    await page.evaluate(() => {
      const box = document.querySelector(".wl-scroll");
      if (box) box.scrollTop = 0;
    });
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"],
    });
    const traced = await scrollFrames(page);
    const trace = await browser.stopTracing();
    console.log(`  where the ${traced.length} traced frames went: ${traceBreakdown(trace)}`);
    await page.close();
  } finally {
    await browser.close();
  }
} finally {
  stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
