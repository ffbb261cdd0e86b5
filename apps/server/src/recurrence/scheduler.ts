/**
 * Makes repeating cards' next occurrences (docs/RECURRING.md). Each occurrence is one transaction:
 * claim one due series with `FOR UPDATE SKIP LOCKED` (several instances share the work; a series
 * another instance holds is skipped, not waited for), lock its current card's space, read the card
 * as committed, record (series, date) in `card_occurrences` (its primary key is the last guard: a
 * period that already has an occurrence gets no second one), write the card, its relation and the
 * series, and append the same events as a card create. Due-ness is state, not a timer: a series due
 * while no server ran is due at the first round after a restart, and a round repeats until nothing
 * is due (or its batch is used up).
 */
import { randomUUID } from "node:crypto";
import {
  claimDueSeries,
  claimOccurrence,
  type DbHandle,
  loadCard,
  loadCreateCardContext,
  lockSpaceOf,
  persistOccurrence,
  runMutation,
  skipOccurrence,
} from "@lattice/db";
import {
  createOccurrence,
  type DomainEvent,
  isRefusal,
  nextOccurrence,
  occurrenceDueAt,
} from "@lattice/domain";
import { sql } from "drizzle-orm";
import type { EventBus } from "../sync/bus.js";

/** No person: the scheduler acts for the series (the role facts of nobody are read, never used). */
const nobody = "00000000-0000-0000-0000-000000000000";

type Outcome = "created" | "skipped" | "none";

/** One due series, one transaction: what happened to it ("none": nothing was due). */
const handleOneSeries = async (
  handle: DbHandle,
  now: Date,
): Promise<{ outcome: Outcome; events: DomainEvent[] }> => {
  const { result, events } = await runMutation(
    handle.db,
    { actorId: null, mutationId: null },
    async (ctx) => {
      const [due] = await claimDueSeries(ctx.tx, now, 1);
      if (!due) return "none" as const;
      await lockSpaceOf(ctx.tx, "card", due.currentCardId);
      const previous = await loadCard(ctx.tx, due.currentCardId);
      const repeat = previous?.repeat;
      // Read again after the space's lock: a move that reopened the card may have committed meanwhile.
      if (!previous || !repeat || repeat.nextDate === null) return "skipped" as const;
      if (repeat.createWhen === "completed" && previous.completedAt === null) return "skipped" as const;
      const cardId = randomUUID();
      if (!(await claimOccurrence(ctx.tx, repeat.seriesId, repeat.nextDate, previous.workspaceId, null))) {
        // The period has its occurrence already: move the series past it without a second card.
        const count = repeat.occurrenceCount + 1;
        const next = nextOccurrence(repeat, repeat.nextDate, count);
        await skipOccurrence(
          ctx.tx,
          repeat.seriesId,
          repeat.nextDate,
          count,
          next,
          occurrenceDueAt(repeat.createWhen, next, repeat.daysBefore, repeat.timeZone),
        );
        return "skipped" as const;
      }
      const context = await loadCreateCardContext(
        ctx.tx,
        nobody,
        previous.spaceId,
        undefined,
        { kind: "bottom" },
        cardId,
      );
      const outcome = createOccurrence(
        {
          previous,
          status: context.status,
          neighbours: context.neighbours,
          cardId,
          relationId: randomUUID(),
          createdBy: due.createdBy,
        },
        now,
      );
      if (isRefusal(outcome)) throw outcome;
      await persistOccurrence(ctx.tx, outcome.changes);
      await ctx.tx.execute(sql`
      UPDATE card_occurrences SET card_id = ${cardId}::uuid
      WHERE series_id = ${repeat.seriesId}::uuid AND occurrence_date = ${repeat.nextDate}::date`);
      for (const event of outcome.events) ctx.emit(event);
      return "created" as const;
    },
  );
  return { outcome: result, events };
};

/**
 * Makes every due occurrence at `now`, up to `max` series handled: the number of cards this
 * instance created. Events are announced on the bus after each commit.
 */
export const createDueOccurrences = async (
  handle: DbHandle,
  bus: EventBus,
  now: Date = new Date(),
  max = 100,
): Promise<number> => {
  let created = 0;
  for (let handled = 0; handled < max; handled += 1) {
    const { outcome, events } = await handleOneSeries(handle, now);
    if (events.length > 0) bus.published(events);
    if (outcome === "none") break;
    if (outcome === "created") created += 1;
  }
  return created;
};

export interface RecurrenceSchedulerOptions {
  handle: DbHandle;
  bus: EventBus;
  /** Time between rounds; a completed repeating card also wakes a round at once. */
  intervalMs?: number;
  batchSize?: number;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

export interface RecurrenceScheduler {
  /** One round now (joins a round in flight, then runs again): the cards this instance created. */
  runOnce(): Promise<number>;
  /** Asks for a round soon (after a repeating card was completed). */
  wake(): void;
  stop(): Promise<void>;
}

export const startRecurrenceScheduler = ({
  handle,
  bus,
  intervalMs = 60_000,
  batchSize = 100,
  now = () => new Date(),
  log = () => {},
}: RecurrenceSchedulerOptions): RecurrenceScheduler => {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;
  let again = false;

  const round = (): Promise<number> => {
    if (inFlight) {
      // A wake during a round may concern a card the round already passed: run once more after it.
      again = true;
      return inFlight;
    }
    inFlight = createDueOccurrences(handle, bus, now(), batchSize).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const schedule = (delay: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
  };

  const tick = async (): Promise<void> => {
    timer = null;
    let created = 0;
    try {
      created = await round();
    } catch (error) {
      log("creating repeating cards' next occurrences failed; retrying at the next round", error);
    }
    const rerun = again;
    again = false;
    schedule(rerun || created >= batchSize ? 0 : intervalMs);
  };

  // The first round at once: occurrences that fell due while no server ran are made now.
  schedule(0);

  return {
    runOnce: async () => {
      if (inFlight) await inFlight.catch(() => 0);
      return round();
    },
    wake: () => {
      if (inFlight) again = true;
      else schedule(0);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => {});
    },
  };
};
