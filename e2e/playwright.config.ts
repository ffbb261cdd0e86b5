/**
 * Browser journeys against the real product: the server started exactly as `pnpm start` would (after the
 * web app is built by `pnpm test:e2e`), on its own port and a fresh PGlite data directory per run, into
 * which the demo workspace is seeded first (`pnpm seed:demo`: PGlite data is opened by one process at a
 * time, so the seed runs before the server, not beside it). Chromium is the system one (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH); no browser is downloaded.
 */
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

/** Whether nothing listens on `port`, on any address (the server binds 0.0.0.0, others may hold 127.0.0.1). */
const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)));
  });

/**
 * A port of this run's own (3100 to 4099, starting from the process id) that is free, with the test
 * OpenID provider's (1000 above it) free too: a machine may run other services in that range.
 */
const freeRunPort = async (): Promise<number> => {
  for (let step = 0; step < 1000; step++) {
    const candidate = 3100 + ((process.pid + step) % 1000);
    if ((await isFree(candidate)) && (await isFree(candidate + 1000))) return candidate;
  }
  throw new Error("no free pair of ports between 3100 and 5099 for the journeys");
};

// Kept in the environment so every process that loads this file (runner, workers, teardown) agrees.
process.env.LATTICE_E2E_PORT ??= String(await freeRunPort());
const port = Number(process.env.LATTICE_E2E_PORT);
const baseURL = `http://localhost:${port}`;
process.env.LATTICE_E2E_DATA_DIR ??= path.join(os.tmpdir(), `lattice-e2e-${process.pid}-${Date.now()}`);
const dataDir = process.env.LATTICE_E2E_DATA_DIR;
// The test OpenID provider the single sign-on journey signs in at, beside the app's port.
const providerPort = port + 1000;
export const oidcIssuer = `http://127.0.0.1:${providerPort}`;

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    // Journeys save their own screenshots into artifacts/ (kept by CI).
    screenshot: "off",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        // This machine has no outside network: keep Chromium from trying to reach it.
        "--disable-quic",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  globalTeardown: "./global-teardown.ts",
  webServer: [
    {
      command: "pnpm exec tsx scripts/oidc-test-provider.ts",
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        OIDC_PROVIDER_PORT: String(providerPort),
        OIDC_REDIRECT: `${baseURL}/api/auth/oidc/callback`,
      },
    },
    {
      command: "pnpm seed:demo && pnpm --filter @lattice/server start",
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        LOGIN_RATE_LIMIT: "1000",
        LOGIN_FAILURE_RATE_LIMIT: "1000",
        SIGNUP_RATE_LIMIT: "1000",
        LOG_LEVEL: "warn",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: "lattice",
        OIDC_CLIENT_SECRET: "lattice-test-secret",
        OIDC_BUTTON_LABEL: "Sign in with Hospital ID",
      },
    },
  ],
});
