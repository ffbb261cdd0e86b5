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
        },
      },
    ],
  },
});
