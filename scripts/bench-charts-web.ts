/**
 * `pnpm bench:charts-web`: the Forecast (10,000 trials) and Time chart views in Chromium for one space
 * of 10,000 cards with two years of history: time from navigation to the drawn chart (API + compute +
 * render), and the chart's own draw time (recorded by the uPlot adapter in window.__latticeChartTimings).
 * Seeds a fresh PGlite directory in-process, then serves it with the real server on its own port.
 * Requires the web app built (`pnpm --filter @lattice/web build`).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, runMutation } from "@lattice/db";
import { chromium } from "@playwright/test";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { median, startServer, stopServer } from "./bench-support.js";
import { type HistoryStatus, insertHistory, planHistory } from "./demo-history.js";

const port = Number(process.env.BENCH_CHARTS_WEB_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const CARDS = 10_000;
const DAYS = 730;
const LOADS = 3;
const email = "charts-bench@example.test";
const password = "correct horse battery";

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
  const workspace = (await call("POST", "/api/workspaces", { name: "Bench" })).json();
  const space = (await call("POST", `/api/workspaces/${workspace.id}/spaces`, { name: "Big space" })).json();
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
  await runMutation(handle.db, { actorId: null, mutationId: null }, ({ tx }) =>
    insertHistory(tx, { id: space.id, workspaceId: workspace.id }, planned, null, null),
  );
  await app.close();
  await handle.close();
  return { workspaceId: workspace.id as string, spaceId: space.id as string };
};

type ChartTiming = { name: string; ms: number; points: number };

const dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-charts-web-"));
let server: ChildProcess | null = null;
try {
  const seededAt = performance.now();
  const { workspaceId, spaceId } = await seed(dataDir);
  console.log(
    `seeded ${CARDS} cards with ${DAYS} days of history in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
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
    // Playwright polls with an evaluated function, which the app's CSP (no unsafe-eval) would refuse.
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 900 },
      bypassCSP: true,
    });
    const login = await context.request.post("/api/auth/login", { data: { email, password } });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    console.log("view      navigation → chart drawn (median of 3)   draw only (median)   points");
    for (const view of ["forecast", "time"] as const) {
      const total: number[] = [];
      const draw: number[] = [];
      let points = 0;
      for (let i = 0; i < LOADS + 1; i++) {
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(`/w/${workspaceId}/s/${spaceId}/${view}`);
        await page.waitForFunction("(window.__latticeChartTimings?.length ?? 0) > 0", null, {
          timeout: 60_000,
        });
        const elapsed = Date.now() - started;
        const timings = await page.evaluate(
          () =>
            (globalThis as unknown as { __latticeChartTimings?: ChartTiming[] }).__latticeChartTimings ?? [],
        );
        // The first load warms the server's caches and the browser's.
        if (i > 0) {
          total.push(elapsed);
          draw.push(timings[0]?.ms ?? Number.NaN);
        }
        points = timings[0]?.points ?? 0;
        await page.close();
      }
      console.log(
        `${view.padEnd(9)} ${median(total).toFixed(0).padStart(6)} ms${" ".repeat(30)}${median(draw).toFixed(1).padStart(6)} ms   ${points}`,
      );
    }
  } finally {
    await browser.close();
  }
} finally {
  stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
