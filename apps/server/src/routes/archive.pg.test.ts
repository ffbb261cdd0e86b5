import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { archiveRouteSuite } from "./archive.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => archiveRouteSuite("pg"));
