import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { inputSuite } from "./input.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => inputSuite("pg"));
