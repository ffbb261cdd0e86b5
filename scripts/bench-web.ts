/**
 * `pnpm bench:web`: what a person feels in the browser, measured in the system Chromium against the
 * real server (started here on its own port and a fresh PGlite directory, like the e2e journeys):
 *
 * - time from navigation to an interactive board (cards rendered, live socket up) for 1,000 and 5,000 cards,
 *   with DOMContentLoaded of the same loads
 * - frame times (requestAnimationFrame deltas) during a scripted mouse drag in the 5,000-card space
 * - the gzipped size of the built JavaScript, and of what the first screen loads (index.html's script
 *   and module preloads, the same sum the size budget in e2e/first-screen-budget.ts checks)
 *
 * Seeding goes through the public API (POST /api/spaces/:id/cards in parallel batches). Bounded: fixed
 * counts, one server, loopback only. Requires the web app built (`pnpm --filter @lattice/web build`).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
} from "@playwright/test";
import { percentile, repoRoot, startServer, stopServer } from "./bench-support.js";
import { FIRST_SCREEN_BUDGET_BYTES, measureFirstScreen } from "./web-budget.js";

const port = Number(process.env.BENCH_WEB_PORT ?? 3200);
const baseURL = `http://localhost:${port}`;
const SIZES = [1000, 5000] as const;
const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 5);
const SEED_PARALLEL = 16;

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");

const json = async <T>(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> => {
  if (!response.ok())
    throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
};

const seedSpace = async (request: APIRequestContext, workspaceId: string, cards: number) => {
  const space = await json<{ id: string }>(
    await request.post(`/api/workspaces/${workspaceId}/spaces`, {
      data: { name: `${cards} cards`, folderId: null },
    }),
  );
  const board = await json<{ statuses: Array<{ id: string; name: string }> }>(
    await request.get(`/api/spaces/${space.id}/board`),
  );
  const [todo, doing, done] = board.statuses.map((s) => s.id);
  // Most cards in To Do (the long, virtualized column), some in Doing and Done.
  const statusFor = (i: number) => (i % 10 < 6 ? todo : i % 10 < 9 ? doing : done);
  let next = 0;
  const worker = async () => {
    while (next < cards) {
      const i = next++;
      await json(
        await request.post(`/api/spaces/${space.id}/cards`, {
          data: {
            name: `Card ${i + 1} — ${["triage", "review", "ship", "plan"][i % 4]}`,
            statusId: statusFor(i),
          },
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: SEED_PARALLEL }, worker));
  return space.id;
};

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { isLoadingMainFrame?: boolean; documentLoaderURL?: string } };
}

/**
 * One more load of `url`, traced: the CPU time (not wall time) the page's main thread spent in tasks
 * from navigation until the board was interactive (as the page marked it). Under load the wall clock stretches while the
 * thread waits for a core; its CPU time hardly does, so this is the figure to compare across runs.
 * Traced apart from the timed loads, whose timings tracing would disturb.
 */
const mainThreadCpu = async (browser: Browser, page: Page, url: string) => {
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"],
  });
  const { markedInteractive } = await loadBoard(page, url);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const navigation = traceEvents.findLast(
    (e) =>
      e.name === "navigationStart" &&
      e.args?.data?.isLoadingMainFrame === true &&
      e.args.data.documentLoaderURL?.includes(url),
  );
  if (!navigation) return Number.NaN;
  const end = navigation.ts + markedInteractive * 1000;
  let cpu = 0;
  for (const e of traceEvents) {
    if (e.pid !== navigation.pid || e.tid !== navigation.tid || e.name !== "RunTask" || e.ph !== "X")
      continue;
    if (e.ts >= navigation.ts && e.ts < end) cpu += e.tdur ?? 0;
  }
  return cpu / 1000;
};

/**
 * Marks, in the page, the moment the cards and the live socket's indicator are first in the document
 * (a mutation observer runs at the end of the task that put them there). Playwright's polling sees
 * them later, by as much as the tasks that follow take; the marks do not wait for those.
 */
const markMoments = `(() => {
  const wanted = { ".card-tile [aria-roledescription]": "bench: cards", ".connection-live": "bench: live" };
  const seen = new Set();
  new MutationObserver(() => {
    for (const [selector, name] of Object.entries(wanted)) {
      if (!seen.has(name) && document.querySelector(selector)) {
        seen.add(name);
        performance.mark(name);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/**
 * ms from navigation start to cards on screen, and to the live socket being up (interactive), as
 * Playwright sees them; and when the page marked them (`markMoments`).
 */
const loadBoard = async (page: Page, url: string) => {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(".card-tile [aria-roledescription]", { state: "attached", timeout: 60_000 });
  const rendered = await page.evaluate(() => performance.now());
  await page.waitForSelector(".connection-live", { timeout: 60_000 });
  const interactive = await page.evaluate(() => performance.now());
  const marked = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
  );
  const markedRendered = marked["bench: cards"] ?? Number.NaN;
  const markedInteractive = marked["bench: live"] ?? Number.NaN;
  const domContentLoaded = await page.evaluate(
    () =>
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
        ?.domContentLoadedEventEnd ?? Number.NaN,
  );
  const mounted = await page.locator(".card-tile").count();
  return { rendered, interactive, markedRendered, markedInteractive, domContentLoaded, mounted };
};

const dragFrames = async (page: Page) => {
  const source = page.locator("section.column").nth(0).locator(".card-tile").nth(2);
  const target = page.locator("section.column").nth(1).locator(".card-tile").nth(3);
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("nothing to drag");
  // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const x0 = from.x + 30;
  const y0 = from.y + from.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 10, y0 + 10, { steps: 5 });
  // Across to the next column, then up and down its cards, roughly 2 s of dragging.
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 60 });
  await page.mouse.move(to.x + to.width / 2, to.y + 400, { steps: 40 });
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 40 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const frames = await page.evaluate<number[]>(
    "(() => { window.__stop = true; return window.__frames.slice(1); })()",
  );
  return frames;
};

const jsSize = () => {
  const dir = path.join(repoRoot, "apps/web/dist/assets");
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const bytes = readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
};

const main = async () => {
  if (!existsSync(path.join(repoRoot, "apps/web/dist/index.html"))) {
    throw new Error("Build the web app first: pnpm --filter @lattice/web build");
  }
  // BENCH_WEB_DATA_DIR keeps the seeded spaces between runs (seeding 5,500 cards takes minutes).
  const keptDir = process.env.BENCH_WEB_DATA_DIR;
  const dataDir = keptDir ?? mkdtempSync(path.join(os.tmpdir(), "lattice-bench-web-"));
  mkdirSync(dataDir, { recursive: true });
  const seedFile = path.join(dataDir, "bench-web-seed.json");
  const server = await startServer(port, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    await context.addInitScript(markMoments);
    const request = context.request;
    const passwordText = "correct horse battery staple";
    let seed: { email: string; workspaceId: string; spaces: Record<number, string> };
    if (existsSync(seedFile)) {
      seed = JSON.parse(readFileSync(seedFile, "utf8")) as typeof seed;
      await json(
        await request.post("/api/auth/login", { data: { email: seed.email, password: passwordText } }),
      );
      console.log("reusing the seeded spaces in", dataDir);
    } else {
      const email = `bench-${Date.now()}@example.com`;
      await json(
        await request.post("/api/auth/signup", { data: { email, name: "Bench", password: passwordText } }),
      );
      const created = await json<{ id: string }>(
        await request.post("/api/workspaces", { data: { name: "Bench" } }),
      );
      seed = { email, workspaceId: created.id, spaces: {} };
      for (const size of SIZES) {
        const t0 = performance.now();
        seed.spaces[size] = await seedSpace(request, created.id, size);
        console.log(`seeded ${size} cards in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      if (keptDir) writeFileSync(seedFile, JSON.stringify(seed));
    }
    const workspace = { id: seed.workspaceId };
    const spaces = seed.spaces;

    const page = await context.newPage();
    console.log(
      "\nNavigation → board (ms; median of %d loads, first load excluded; load average %s)",
      LOADS,
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" "),
    );
    for (const size of SIZES) {
      const url = `/w/${workspace.id}/s/${spaces[size]}`;
      const runs = [];
      for (let i = 0; i <= LOADS; i += 1) runs.push(await loadBoard(page, url));
      const warm = runs.slice(1);
      const median = (pick: (run: (typeof warm)[number]) => number) => fmt(percentile(warm.map(pick), 50));
      console.log(
        `  ${String(size).padStart(5)} cards: DOMContentLoaded ${median((r) => r.domContentLoaded)} ms, ` +
          `cards rendered ${median((r) => r.rendered)} ms, interactive (live) ${median((r) => r.interactive)} ms, ` +
          `p95 ${fmt(
            percentile(
              warm.map((r) => r.interactive),
              95,
            ),
          )} ms; cold ${fmt(runs[0]?.interactive ?? Number.NaN)} ms; card elements mounted: ${warm[0]?.mounted}`,
      );
      console.log(
        `         as marked in the page: cards rendered ${median((r) => r.markedRendered)} ms, ` +
          `interactive (live) ${median((r) => r.markedInteractive)} ms`,
      );
      const cpu = [];
      for (let i = 0; i < 3; i += 1) cpu.push(await mainThreadCpu(browser, page, url));
      console.log(
        `         main-thread CPU from navigation to interactive (3 traced loads): ${cpu.map(fmt).join(", ")} ms`,
      );
    }

    await loadBoard(page, `/w/${workspace.id}/s/${spaces[5000]}`);
    const frames = await dragFrames(page);
    console.log(
      `\nDrag in the 5,000-card space: ${frames.length} frames, median ${fmt(percentile(frames, 50))} ms, ` +
        `p95 ${fmt(percentile(frames, 95))} ms, max ${fmt(Math.max(...frames))} ms (load average ${os.loadavg()[0]?.toFixed(1)})`,
    );

    const size = jsSize();
    console.log(
      `\nBuilt JavaScript: ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzipped`,
    );
    const firstScreen = measureFirstScreen(path.join(repoRoot, "apps/web/dist"));
    console.log(
      `First screen JavaScript: ${(firstScreen.gzipBytes / 1000).toFixed(1)} kB gzipped in ${firstScreen.files.length} files ` +
        `(budget ${(FIRST_SCREEN_BUDGET_BYTES / 1000).toFixed(0)} kB)`,
    );
  } finally {
    await context?.close();
    await browser.close();
    stopServer(server);
    await new Promise((r) => setTimeout(r, 500));
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
};

await main();
