/** Runs the repeating cards' scheduler for the app's lifetime (stopped before the database closes). */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createDueOccurrences, type RecurrenceScheduler, startRecurrenceScheduler } from "./scheduler.js";

declare module "fastify" {
  interface FastifyInstance {
    recurrence: {
      /** A repeating card was completed: make its next occurrence soon (no-op when the scheduler is off here). */
      wake(): void;
      /** One round now, also when the scheduler is off on this instance: the cards it created. */
      runOnce(): Promise<number>;
    };
  }
}

export interface RecurrencePluginOptions {
  /** Time between rounds; 0 turns the scheduler off on this instance (another one makes occurrences). */
  intervalMs: number;
}

export const recurrencePlugin = fp(
  async (app: FastifyInstance, opts: RecurrencePluginOptions) => {
    let scheduler: RecurrenceScheduler | null = null;
    app.decorate("recurrence", {
      wake: () => scheduler?.wake(),
      runOnce: () => scheduler?.runOnce() ?? createDueOccurrences(app.db, app.bus),
    });
    if (opts.intervalMs === 0) return;
    app.addHook("onReady", async () => {
      scheduler = startRecurrenceScheduler({
        handle: app.db,
        bus: app.bus,
        intervalMs: opts.intervalMs,
        log: (message, error) => app.log.warn({ err: error }, message),
      });
    });
    app.addHook("onClose", async () => scheduler?.stop());
  },
  { name: "recurrence", dependencies: ["mutations"] },
);
