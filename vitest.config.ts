import { defineConfig } from "vitest/config";

// One vitest run covers every package; the PostgreSQL suites are their own project so CI can see
// them run (they fail, not skip, when CI=true and the server is missing).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: ["packages/domain/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "server",
          include: ["packages/db/src/**/*.test.ts", "apps/server/src/**/*.test.ts"],
          exclude: ["**/*.pg.test.ts", "**/node_modules/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "pg",
          include: ["packages/db/src/**/*.pg.test.ts", "apps/server/src/**/*.pg.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "web",
          include: ["apps/web/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          // The Gantt's jsdom tests draw hundreds of SVG bars: on a shared, loaded machine the first one
          // passed 5 s (the default) while doing nothing wrong. A hang still fails, at 30 s.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
