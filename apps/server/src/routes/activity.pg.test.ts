import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { activityRouteSuite } from "./activity.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => activityRouteSuite("pg"));
