import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config.js";
import { authRoutes } from "./auth.js";
import { healthRoutes } from "./health.js";
import { hierarchyRoutes } from "./hierarchy.js";
import { workspaceRoutes } from "./workspaces.js";

export const apiRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { config });
  await app.register(workspaceRoutes);
  await app.register(hierarchyRoutes);
};
