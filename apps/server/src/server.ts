/** Starts one server instance: database (PGlite under ./data, or PostgreSQL), migrations, HTTP. */
import { createDb, DataDirLockedError, type DbHandle, isDatabaseUnavailable } from "@lattice/db";
import type { FastifyBaseLogger } from "fastify";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { listenUrl } from "./listen-url.js";
import { bufferedStdout } from "./plugins/logging.js";

const config = loadConfig();
const startedAt = performance.now();
// The app's logger once it exists; the pool may report before that.
let log: FastifyBaseLogger | null = null;

let handle: DbHandle;
try {
  handle = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: "server",
    onConnectionError: (error) =>
      log
        ? log.warn({ err: error }, "a database connection failed; it is replaced")
        : console.warn("a database connection failed; it is replaced", error),
  });
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const app = await buildApp({ handle, config, logger: true, logStream: bufferedStdout() });
log = app.log;

// Last resort: a database outage reaching here is logged, not fatal (requests answer 503 meanwhile
// and everything reconnects by itself). Any other unhandled rejection is a bug and still ends the
// process, as Node would.
process.on("unhandledRejection", (reason) => {
  if (isDatabaseUnavailable(reason)) {
    app.log.error({ err: reason }, "unhandled database failure");
    return;
  }
  throw reason;
});

const shutdown = async (signal: string) => {
  app.log.info({ signal }, "shutting down");
  await app.close();
  await handle.close();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  {
    database: handle.driver === "pg" ? "postgresql" : `pglite at ${config.dataDir}`,
    readyMs: Math.round(performance.now() - startedAt),
  },
  `Lattice is serving on ${listenUrl(config.host, config.port)}`,
);
