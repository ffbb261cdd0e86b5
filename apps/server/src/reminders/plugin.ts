/** Runs the reminder scheduler for the app's lifetime (stopped before the database closes). */
import type { NotificationMailSettings } from "@lattice/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { startReminderScheduler } from "./scheduler.js";

export interface ReminderPluginOptions {
  /** Time between rounds; 0 turns the scheduler off (another process delivers). */
  intervalMs?: number;
  /** Reminders by e-mail for those who want them. */
  mail?: NotificationMailSettings;
}

export const reminderIntervalFromEnv = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.REMINDER_INTERVAL_MS ?? 5000);
  return Number.isFinite(value) && value >= 0 ? value : 5000;
};

export const reminderSchedulerPlugin = fp(
  async (app: FastifyInstance, opts: ReminderPluginOptions) => {
    const intervalMs = opts.intervalMs ?? reminderIntervalFromEnv();
    if (intervalMs === 0) return;
    let scheduler: ReturnType<typeof startReminderScheduler> | null = null;
    app.addHook("onReady", async () => {
      scheduler = startReminderScheduler({
        handle: app.db,
        bus: app.bus,
        intervalMs,
        ...(opts.mail ? { mail: opts.mail } : {}),
        onMailQueued: () => app.mail.wake(),
        log: (message, error) => app.log.warn({ err: error }, message),
      });
    });
    app.addHook("onClose", async () => scheduler?.stop());
  },
  { name: "reminder-scheduler", dependencies: ["mutations"] },
);
