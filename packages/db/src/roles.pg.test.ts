import { describe } from "vitest";
import { rolesSuite } from "./roles.suite.js";
import { shouldRunPostgres } from "./testing.js";

// Fails (not skips) in CI or with REQUIRE_POSTGRES=1 when PostgreSQL is missing.
const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => rolesSuite("pg"));
