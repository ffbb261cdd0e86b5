import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { invitationsSuite } from "./invitations.suite.js";

// Fails (not skips) in CI or with REQUIRE_POSTGRES=1 when PostgreSQL is missing.
const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => invitationsSuite("pg"));
