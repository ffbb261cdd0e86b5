/**
 * /api/health: 200 while the database answers; 503 problem+json with Retry-After while it does not,
 * so a load balancer or a supervisor sees an outage and the process keeps running through it.
 */
import { ErrorCode, healthSchema } from "@lattice/domain";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DATABASE_RETRY_AFTER_SECONDS, sendProblem } from "../plugins/errors.js";
import { problemResponses } from "./problems.js";

// A health check that hangs is no answer: past this the database counts as unreachable.
const HEALTH_TIMEOUT_MS = 3_000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "Liveness and database reachability (503 while the database cannot be reached).",
        response: { 200: healthSchema, ...problemResponses(500, 503) },
      },
    },
    async (request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer in time")), HEALTH_TIMEOUT_MS);
      });
      try {
        await Promise.race([app.db.db.execute(sql`SELECT 1`), timeout]);
      } catch (error) {
        request.log.warn({ err: error }, "health check: database unreachable");
        reply.header("retry-after", DATABASE_RETRY_AFTER_SECONDS);
        return sendProblem(reply, ErrorCode.unavailable, "The database cannot be reached");
      } finally {
        clearTimeout(timer);
      }
      return { status: "ok" as const, database: app.db.driver === "pg" ? "postgresql" : "pglite" };
    },
  );
};
