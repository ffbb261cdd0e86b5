import { defineConfig } from "vitest/config";
import {
  adminUrlForDisplay,
  isPostgresRequired,
  postgresUnreachableReason,
} from "./packages/db/src/postgres-probe.js";

// Database tests are written once (`x.db.test.ts`) and run on each driver: project "server" runs
// them on PGlite, project "pg" on PostgreSQL (with the PostgreSQL-only `x.pg.test.ts`). The driver
// comes from the project (LATTICE_TEST_DRIVER, read by `testDriver()` in @lattice/db/testing).
// See docs/testing.md.
const serverTests = ["packages/db/src/**/*.test.ts", "apps/server/src/**/*.test.ts"];
const postgresTests = [
  "packages/db/src/**/*.db.test.ts",
  "apps/server/src/**/*.db.test.ts",
  "packages/db/src/**/*.pg.test.ts",
  "apps/server/src/**/*.pg.test.ts",
];
const databaseTestTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig(async () => {
  // Required (CI=true, REQUIRE_POSTGRES=1): the project always runs, and its global setup fails the
  // run when PostgreSQL does not answer. Otherwise a missing PostgreSQL leaves the project out, saying so.
  const skipReason = isPostgresRequired() ? null : await postgresUnreachableReason();
  if (skipReason !== null) {
    console.warn(
      `\nSkipping the "pg" test project: PostgreSQL at ${adminUrlForDisplay()} is not reachable (${skipReason}).` +
        "\nCI runs it (CI=true or REQUIRE_POSTGRES=1 turn this skip into a failure).\n",
    );
  }
  return {
    // Package scripts run vitest from their own directory; the globs are relative to the repository.
    root: import.meta.dirname,
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
            include: serverTests,
            exclude: ["**/*.pg.test.ts", "**/node_modules/**"],
            environment: "node",
            env: { LATTICE_TEST_DRIVER: "pglite" },
            ...databaseTestTimeouts,
          },
        },
        ...(skipReason === null
          ? [
              {
                test: {
                  name: "pg",
                  include: postgresTests,
                  environment: "node",
                  env: { LATTICE_TEST_DRIVER: "pg" },
                  globalSetup: ["packages/db/src/postgres-global-setup.ts"],
                  ...databaseTestTimeouts,
                },
              },
            ]
          : []),
        {
          test: {
            name: "scripts",
            include: ["scripts/**/*.test.ts"],
            environment: "node",
          },
        },
        {
          test: {
            name: "web",
            include: ["apps/web/src/**/*.test.{ts,tsx}"],
            environment: "jsdom",
            // Every test starts with the English interface installed, as the app has before it renders.
            setupFiles: ["apps/web/src/test/english.ts"],
            // The Gantt's jsdom tests draw hundreds of SVG bars: on a shared, loaded machine the first one
            // passed 5 s (the default) while doing nothing wrong. A hang still fails, at 30 s.
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
