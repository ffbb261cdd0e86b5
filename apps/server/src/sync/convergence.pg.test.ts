import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { convergenceSuite } from "./convergence.suite.js";

// Fails (not skips) in CI or with REQUIRE_POSTGRES=1 when PostgreSQL is missing.
const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => {
  convergenceSuite("pg", 20_271);
  convergenceSuite("pg", 4_242);
});
