/**
 * Delivers due reminders as notifications. Each round claims up to a batch of due reminders with
 * `FOR UPDATE SKIP LOCKED` and marks them delivered in the same transaction that creates their
 * notifications: several server instances may run it at once and each reminder is delivered by
 * exactly one of them, exactly once. A reminder that fell due while no server was running is simply
 * due at the next round, so it is delivered after a restart.
 */
import { type DbHandle, type NotificationMailSettings, runMutation, tables } from "@lattice/db";
import { draft, userChannel } from "@lattice/domain";
import { and, asc, inArray, isNull, lte, sql } from "drizzle-orm";
import { notify } from "../commands/notifications.js";
import { toReminder } from "../commands/reminders.js";
import type { EventBus } from "../sync/bus.js";

export interface ReminderSchedulerOptions {
  handle: DbHandle;
  bus: EventBus;
  /** Time between rounds; a round that finds a full batch runs again at once. */
  intervalMs?: number;
  batchSize?: number;
  /** Reminders by e-mail for those who want them (absent: in the app only). */
  mail?: NotificationMailSettings;
  /** Called after a round that may have queued mail. */
  onMailQueued?: () => void;
  log?: (message: string, error: unknown) => void;
}

export interface ReminderScheduler {
  /** One round now: the number of reminders this instance delivered. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for a round in flight. */
  stop(): Promise<void>;
}

export const deliverDueReminders = async (
  handle: DbHandle,
  bus: EventBus,
  batchSize = 100,
  mail?: NotificationMailSettings,
): Promise<number> => {
  const { cardReminders } = tables;
  const { result, events } = await runMutation(
    handle.db,
    { actorId: null, mutationId: null },
    async (ctx) => {
      ctx.mail = mail;
      const due = ctx.tx
        .select({ id: cardReminders.id })
        .from(cardReminders)
        .where(and(isNull(cardReminders.deliveredAt), lte(cardReminders.remindAt, sql`now()`)))
        .orderBy(asc(cardReminders.remindAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      const claimed = await ctx.tx
        .update(cardReminders)
        .set({ deliveredAt: sql`now()` })
        .where(inArray(cardReminders.id, due))
        .returning();
      for (const row of claimed) {
        await notify(ctx, {
          userIds: [row.userId],
          kind: "reminder",
          cardId: row.cardId,
          workspaceId: row.workspaceId,
          actorId: null,
          data: { note: row.note, remindAt: row.remindAt.toISOString() },
        });
        ctx.emit(
          draft(userChannel(row.userId), "reminder.updated", {
            cardId: row.cardId,
            reminder: toReminder(row),
          }),
        );
      }
      return claimed.length;
    },
  );
  if (events.length > 0) bus.published(events);
  return result;
};

export const startReminderScheduler = ({
  handle,
  bus,
  intervalMs = 5000,
  batchSize = 100,
  mail,
  onMailQueued = () => {},
  log = () => {},
}: ReminderSchedulerOptions): ReminderScheduler => {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;

  const runOnce = (): Promise<number> => {
    // Rounds never overlap within one instance.
    if (inFlight) return inFlight;
    inFlight = deliverDueReminders(handle, bus, batchSize, mail)
      .then((delivered) => {
        if (delivered > 0) onMailQueued();
        return delivered;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const tick = async (): Promise<void> => {
    timer = null;
    let delivered = 0;
    try {
      delivered = await runOnce();
    } catch (error) {
      log("delivering reminders failed; retrying at the next round", error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), delivered >= batchSize ? 0 : intervalMs);
  };

  // The first round at once: reminders that fell due while the server was down go out now.
  timer = setTimeout(() => void tick(), 0);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => {});
    },
  };
};
