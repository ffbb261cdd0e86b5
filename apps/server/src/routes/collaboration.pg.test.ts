import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { collaborationRouteSuite } from "./collaboration.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => collaborationRouteSuite("pg"));
