import { describe } from "vitest";
import { eventsRepositorySuite } from "./events.suite.js";
import { shouldRunPostgres } from "./testing.js";

// Fails (not skips) in CI or with REQUIRE_POSTGRES=1 when PostgreSQL is missing.
const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => eventsRepositorySuite("pg"));
