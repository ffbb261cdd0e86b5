import { healthSchema } from "@lattice/domain";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "./problems.js";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "Liveness and database reachability.",
        response: { 200: healthSchema, ...problemResponses(500) },
      },
    },
    async () => {
      await app.db.db.execute(sql`SELECT 1`);
      return { status: "ok" as const, database: app.db.driver === "pg" ? "postgresql" : "pglite" };
    },
  );
};
