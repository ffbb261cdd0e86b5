import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { searchRouteSuite } from "./search.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => searchRouteSuite("pg"));
