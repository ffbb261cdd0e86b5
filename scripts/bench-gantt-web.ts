/**
 * `pnpm bench:gantt`: the Gantt view in the system Chromium against the real server, for spaces of
 * 500 and 3,000 dated cards (groups of ten: a parent card and nine children, the children chained
 * previous → next in threes, so rows nest and arrows cross).
 *
 * - navigation → chart drawn, and the chart's own creation time (median of 3 loads after a warm-up)
 * - how many bars exist in the DOM (the rest are outside the drawn window)
 * - one bar dragged two days later with the mouse: the time to redraw for the optimistic change
 *   and again for the server's confirmation, and what was redrawn
 * - frame times while scrolling from the first row to the last
 *
 * Seeding writes rows straight into a fresh PGlite directory, then the server starts on it.
 * Requires the web app built (the package script builds it first).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, runMutation, tables } from "@lattice/db";
import { chromium, type Page } from "@playwright/test";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { addDays, keysBetween } from "../packages/domain/src/index.js";
import { median, percentile, startServer, stopServer } from "./bench-support.js";

const port = Number(process.env.BENCH_GANTT_PORT ?? 3220);
const baseURL = `http://localhost:${port}`;
const SIZES = [500, 3000] as const;
const LOADS = 3;
const email = "gantt-bench@example.test";
const password = "correct horse battery";

interface GanttTimings {
  createMs: number;
  updates: Array<{ ms: number; redrawn: "bars" | "all" }>;
  taskCount: number;
}

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
  const workspace = (await call("POST", "/api/workspaces", { name: "Gantt bench" })).json();
  const spaces: Record<number, string> = {};
  for (const size of SIZES) {
    const space = (
      await call("POST", `/api/workspaces/${workspace.id}/spaces`, { name: `${size} dated cards` })
    ).json();
    const board = (await call("GET", `/api/spaces/${space.id}/board`)).json();
    const statuses = board.statuses as Array<{ id: string }>;
    const start = addDays(today(), -60);
    const rows = Array.from({ length: size }, (_, i) => {
      const begin = addDays(start, Math.floor(i / 10) * 2 + (i % 10));
      return {
        workspaceId: workspace.id as string,
        spaceId: space.id as string,
        statusId: statuses[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2]?.id ?? "",
        name: `${i % 10 === 0 ? "Workstream" : "Task"} ${i + 1}`,
        startDate: begin,
        dueDate: addDays(begin, 2 + (i % 5)),
      };
    });
    await runMutation(handle.db, { actorId: null, mutationId: null }, async ({ tx }) => {
      const byStatus = new Map<string, typeof rows>();
      for (const row of rows) byStatus.set(row.statusId, [...(byStatus.get(row.statusId) ?? []), row]);
      const inserted: Array<{ id: string; name: string }> = [];
      for (const [, group] of byStatus) {
        const keys = keysBetween(null, null, group.length);
        inserted.push(
          ...(await tx
            .insert(tables.cards)
            .values(group.map((row, i) => ({ ...row, position: keys[i] ?? "a0" })))
            .returning({ id: tables.cards.id, name: tables.cards.name })),
        );
      }
      const byNumber = new Map(inserted.map((c) => [Number(c.name.split(" ")[1]) - 1, c.id]));
      const relations: Array<typeof tables.cardRelations.$inferInsert> = [];
      for (let i = 0; i < size; i++) {
        const id = byNumber.get(i);
        if (!id || i % 10 === 0) continue;
        const parent = byNumber.get(i - (i % 10));
        if (parent)
          relations.push({ workspaceId: workspace.id, kind: "parent", fromCardId: parent, toCardId: id });
        const next = byNumber.get(i + 1);
        if (next && i % 3 !== 0 && (i + 1) % 10 !== 0) {
          relations.push({ workspaceId: workspace.id, kind: "next", fromCardId: id, toCardId: next });
        }
      }
      for (let i = 0; i < relations.length; i += 1000) {
        await tx.insert(tables.cardRelations).values(relations.slice(i, i + 1000));
      }
      return [];
    });
    spaces[size] = space.id;
  }
  await app.close();
  await handle.close();
  return { workspaceId: workspace.id as string, spaces };
};

const timings = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __latticeGanttTimings?: GanttTimings & { drawnBars: () => number } })
      .__latticeGanttTimings;
    return t
      ? { createMs: t.createMs, updates: t.updates, taskCount: t.taskCount, drawnBars: t.drawnBars() }
      : null;
  });

/** Scrolls the chart from top to bottom, one step per frame; returns the frame times. */
const scrollFrames = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const box = document.querySelector(".gantt-container");
    const frames = [];
    let last = performance.now();
    const step = 240;
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve(frames.slice(1));
      box.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;

// BENCH_GANTT_DATA_DIR keeps the seeded spaces between runs (and leaves a server-ready directory).
const keptDir = process.env.BENCH_GANTT_DATA_DIR;
const dataDir = keptDir ?? mkdtempSync(path.join(os.tmpdir(), "lattice-gantt-web-"));
mkdirSync(dataDir, { recursive: true });
const seedFile = path.join(dataDir, "bench-gantt-seed.json");
let server: ChildProcess | null = null;
try {
  let seeded: Awaited<ReturnType<typeof seed>>;
  if (existsSync(seedFile)) {
    seeded = JSON.parse(readFileSync(seedFile, "utf8")) as typeof seeded;
  } else {
    const seededAt = performance.now();
    seeded = await seed(dataDir);
    console.log(
      `seeded ${SIZES.join(" and ")} dated cards in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
    );
    if (keptDir) writeFileSync(seedFile, JSON.stringify(seeded));
  }
  const { workspaceId, spaces } = seeded;
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
    // Playwright polls with an evaluated function, which the app's CSP (no unsafe-eval) would refuse.
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 900 },
      bypassCSP: true,
    });
    const login = await context.request.post("/api/auth/login", { data: { email, password } });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    for (const size of SIZES) {
      const url = `/w/${workspaceId}/s/${spaces[size]}/gantt`;
      const total: number[] = [];
      const create: number[] = [];
      let drawn = 0;
      for (let i = 0; i <= LOADS; i++) {
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(url);
        await page.waitForFunction("window.__latticeGanttTimings !== undefined", null, { timeout: 60_000 });
        await page.locator(".gantt .bar-wrapper").first().waitFor();
        const elapsed = Date.now() - started;
        const t = await timings(page);
        if (i > 0 && t) {
          total.push(elapsed);
          create.push(t.createMs);
          drawn = t.drawnBars;
        }
        await page.close();
      }
      console.log(
        `${String(size).padStart(5)} cards: navigation → chart ${median(total).toFixed(0)} ms, chart creation ${median(create).toFixed(1)} ms, ${drawn} bars in the DOM`,
      );

      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction("window.__latticeGanttTimings !== undefined", null, { timeout: 60_000 });
      await page.getByRole("button", { name: "Day", exact: true }).click();
      const bar = page.locator(".gantt .bar-wrapper:not([class*='-milestone']) .bar").nth(5);
      await bar.scrollIntoViewIfNeeded();
      const box = await bar.boundingBox();
      const column = await page.evaluate(() =>
        Number.parseFloat(
          getComputedStyle(document.querySelector(".gantt-container") as HTMLElement).getPropertyValue(
            "--gv-column-width",
          ),
        ),
      );
      if (!box) throw new Error("no bar to drag");
      const before = (await timings(page))?.updates.length ?? 0;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + column * 2, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      // The optimistic change, then the server's confirmation.
      await page.waitForFunction(`window.__latticeGanttTimings.updates.length >= ${before + 2}`, null, {
        timeout: 30_000,
      });
      const updates = ((await timings(page))?.updates ?? []).slice(before);
      console.log(
        `             drag one bar: redraw ${updates.map((u) => `${u.ms.toFixed(1)} ms (${u.redrawn})`).join(", then ")}`,
      );
      const frames = await scrollFrames(page);
      console.log(
        `             scroll through all rows: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  stopServer(server);
  if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
}
