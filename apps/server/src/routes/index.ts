import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config.js";
import { reminderSchedulerPlugin } from "../reminders/plugin.js";
import { archiveRoutes } from "./archive.js";
import { authRoutes } from "./auth.js";
import { calendarRoutes } from "./calendar.js";
import { chartRoutes } from "./charts.js";
import { collaborationRoutes } from "./collaboration.js";
import { coordinationRoutes } from "./coordination.js";
import { healthRoutes } from "./health.js";
import { hierarchyRoutes } from "./hierarchy.js";
import { notificationRoutes } from "./notifications.js";
import { searchRoutes } from "./search.js";
import { workspaceRoutes } from "./workspaces.js";

export const apiRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { config });
  await app.register(workspaceRoutes);
  await app.register(hierarchyRoutes);
  await app.register(archiveRoutes);
  await app.register(collaborationRoutes);
  await app.register(notificationRoutes);
  await app.register(searchRoutes);
  await app.register(reminderSchedulerPlugin);
  await app.register(coordinationRoutes);
  await app.register(calendarRoutes);
  await app.register(chartRoutes);
};
