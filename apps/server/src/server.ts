/** Starts one server instance: database (PGlite under ./data, or PostgreSQL), migrations, HTTP. */
import { createDb } from "@lattice/db";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";

const config = loadConfig();
const startedAt = performance.now();
const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ handle, config, logger: true });

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
  `Lattice is serving on http://localhost:${config.port}`,
);
