import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { fuzzSuite } from "./fuzz.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => fuzzSuite("pg"));
