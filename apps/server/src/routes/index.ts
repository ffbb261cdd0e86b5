import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config.js";
import { reminderSchedulerPlugin } from "../reminders/plugin.js";
import { adminRoutes } from "./admin.js";
import { archiveRoutes } from "./archive.js";
import { attachmentRoutes } from "./attachments.js";
import { authRoutes } from "./auth.js";
import { calendarRoutes } from "./calendar.js";
import { chartRoutes } from "./charts.js";
import { collaborationRoutes } from "./collaboration.js";
import { coordinationRoutes } from "./coordination.js";
import { healthRoutes } from "./health.js";
import { hierarchyRoutes } from "./hierarchy.js";
import { importRoutes } from "./imports.js";
import { invitationRoutes } from "./invitations.js";
import { mailRoutes } from "./mail.js";
import { mailPreferenceRoutes } from "./mail-preferences.js";
import { notificationRoutes } from "./notifications.js";
import { peopleRoutes } from "./people.js";
import { searchRoutes } from "./search.js";
import { spaceMemberRoutes } from "./space-members.js";
import { ssoRoutes } from "./sso.js";
import { workspaceRoutes } from "./workspaces.js";

export const apiRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(healthRoutes);
  await app.register(authRoutes, { config });
  await app.register(ssoRoutes, { config });
  await app.register(workspaceRoutes);
  await app.register(hierarchyRoutes);
  await app.register(spaceMemberRoutes);
  await app.register(adminRoutes);
  await app.register(peopleRoutes);
  await app.register(archiveRoutes);
  await app.register(importRoutes);
  await app.register(collaborationRoutes);
  await app.register(attachmentRoutes, { config });
  await app.register(notificationRoutes);
  await app.register(searchRoutes);
  await app.register(reminderSchedulerPlugin, {
    mail: { publicUrl: config.publicUrl, delayMs: config.notificationMailDelayMs },
  });
  await app.register(coordinationRoutes);
  await app.register(calendarRoutes);
  await app.register(chartRoutes);
  await app.register(invitationRoutes, { config });
  await app.register(mailRoutes, { config });
  await app.register(mailPreferenceRoutes);
};
