import { describe } from "vitest";
import { shouldRunPostgres } from "../test/harness.js";
import { notificationRouteSuite } from "./notifications.suite.js";

const runPg = await shouldRunPostgres();
describe.runIf(runPg)("PostgreSQL", () => notificationRouteSuite("pg"));
