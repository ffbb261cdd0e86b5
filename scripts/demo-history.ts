/**
 * Realistic card histories for demo data and benchmarks: cards arrive over a period, wait, are
 * worked on (sometimes waiting on others, reviewed, reopened, blocked), are completed, cancelled or
 * archived, with times on weekdays in working hours. Deterministic for a seed. Rows are written
 * straight into one space (cards, card_status_changes, card_blockings) inside the caller's
 * transaction, with positions in creation order; the caller appends the events.
 */
import { randomUUID } from "node:crypto";
import { type Transaction, tables } from "@lattice/db";
import { DAY_MS, keysBetween, mulberry32, type StatusRole } from "../packages/domain/src/index.js";

const HOUR_MS = 3_600_000;

export interface HistoryStatus {
  id: string;
  name: string;
  role: StatusRole;
}

export interface HistoryOptions {
  cards: number;
  days: number;
  now: number;
  seed: number;
  names: readonly string[];
  people: readonly string[];
  /** Mean days a card waits before work starts, and mean days of work. */
  waitMean?: number;
  workMean?: number;
  /** Share of cards parked in the backlog (not started whatever their age). */
  parkedShare?: number;
}

interface Step {
  at: number;
  status: HistoryStatus;
}

interface PlannedCard {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  steps: Step[];
  blockings: Array<{ from: number; to: number | null }>;
  responsibleId: string | null;
}

/** Moves a time that falls on a weekend or outside 08–18 h UTC to the next working morning. */
const workingTime = (ms: number): number => {
  let t = ms;
  const hour = new Date(t).getUTCHours();
  if (hour < 8) t = Math.floor(t / DAY_MS) * DAY_MS + 8 * HOUR_MS + (t % HOUR_MS);
  if (hour >= 18) t = (Math.floor(t / DAY_MS) + 1) * DAY_MS + 8 * HOUR_MS + (t % HOUR_MS);
  const weekday = new Date(t).getUTCDay();
  if (weekday === 6) t += 2 * DAY_MS;
  if (weekday === 0) t += DAY_MS;
  return t;
};

export const planHistory = (statuses: readonly HistoryStatus[], options: HistoryOptions): PlannedCard[] => {
  const random = mulberry32(options.seed);
  const exp = (mean: number) => -mean * Math.log(1 - random());
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const byRole = (role: StatusRole) => statuses.filter((s) => s.role === role);
  const [backlog] = byRole("not_started");
  const inProgress = byRole("in_progress");
  const [done] = byRole("completed");
  const [cancelled] = byRole("cancelled");
  const [information] = byRole("information");
  if (!backlog || !done || inProgress.length === 0) throw new Error("a space needs to-do, doing and done");
  // Doing is the first in-progress status; a later one named like "Waiting" is a side trip; the last
  // one (when there are several) is the review before done.
  const [doing, ...rest] = inProgress as [HistoryStatus, ...HistoryStatus[]];
  const waiting = rest.find((s) => /wait/i.test(s.name)) ?? null;
  const later = rest.filter((s) => s !== waiting);
  const waitMean = options.waitMean ?? 14;
  const workMean = options.workMean ?? 8;
  const start = options.now - options.days * DAY_MS;
  const cards: PlannedCard[] = [];
  for (let i = 0; i < options.cards; i++) {
    // A third of the work is the backlog of the first fortnight; the rest arrives steadily.
    const arrival = i < options.cards / 3 ? random() * 14 : random() * (options.days - 1);
    const createdAt = workingTime(start + arrival * DAY_MS + random() * 8 * HOUR_MS);
    const steps: Step[] = [];
    const blockings: PlannedCard["blockings"] = [];
    let t = createdAt;
    const go = (status: HistoryStatus, after: number) => {
      t = workingTime(t + after * DAY_MS);
      steps.push({ at: t, status });
    };
    if (information && random() < 0.12) {
      steps.push({ at: t, status: information });
      if (random() < 0.5) go(backlog, exp(12));
    } else {
      steps.push({ at: t, status: backlog });
    }
    if (steps.at(-1)?.status === backlog) {
      if (cancelled && random() < 0.08) {
        go(cancelled, exp(10));
      } else if (random() < (options.parkedShare ?? 0.12)) {
        // Parked: planned for later.
      } else {
        go(doing, exp(waitMean));
        if (waiting && random() < 0.3) {
          go(waiting, exp(workMean / 3));
          go(doing, exp(3));
        }
        if (random() < 0.12) {
          const from = workingTime(t + exp(1) * DAY_MS);
          const length = exp(2.5) * DAY_MS;
          blockings.push({ from, to: from + length });
          t = from + length;
        }
        for (const s of later) go(s, exp(workMean / (later.length + 1)));
        go(done, exp(workMean) + 0.2);
        if (random() < 0.05) {
          go(doing, exp(4));
          go(done, exp(3) + 0.2);
        }
      }
    }
    const past = steps.filter((s) => s.at <= options.now);
    const last = past.at(-1);
    const isOld =
      last !== undefined && last.status.role === "completed" && last.at < options.now - 60 * DAY_MS;
    cards.push({
      id: randomUUID(),
      name: options.names[i % options.names.length] ?? `Card ${i + 1}`,
      createdAt,
      archivedAt: isOld && random() < 0.3 && last ? last.at + 30 * DAY_MS : null,
      steps: past,
      blockings: blockings
        .filter((b) => b.from <= options.now)
        .map((b) => ({ from: b.from, to: b.to !== null && b.to <= options.now ? b.to : null })),
      responsibleId: options.people.length > 0 ? pick(options.people) : null,
    });
  }
  return cards;
};

/** Writes the planned cards of one space; returns the inserted card rows (for events). */
export const insertHistory = async (
  tx: Transaction,
  space: { id: string; workspaceId: string },
  planned: readonly PlannedCard[],
  actorId: string | null,
  blockerTypeId: string | null,
): Promise<Array<typeof tables.cards.$inferSelect>> => {
  const byStatus = new Map<string, PlannedCard[]>();
  for (const card of [...planned].sort((a, b) => a.createdAt - b.createdAt)) {
    const statusId = card.steps.at(-1)?.status.id;
    if (!statusId) continue;
    byStatus.set(statusId, [...(byStatus.get(statusId) ?? []), card]);
  }
  const rows: Array<typeof tables.cards.$inferInsert> = [];
  for (const [statusId, cards] of byStatus) {
    const keys = keysBetween(null, null, cards.length);
    cards.forEach((card, i) => {
      const last = card.steps.at(-1);
      let completedAt: Date | null = null;
      if (last?.status.role === "completed") {
        let j = card.steps.length - 1;
        while (j > 0 && card.steps[j - 1]?.status.role === "completed") j--;
        completedAt = new Date(card.steps[j]?.at ?? last.at);
      }
      // Dates a coordinator would have planned: work started when it entered progress and was due
      // around when it finished; open work is due some days after it started (some of it late now),
      // and work not started yet is planned over the coming weeks.
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const started = card.steps.find((s) => s.status.role === "in_progress")?.at ?? null;
      const spread = (card.createdAt % 9) + 3;
      let startDate: string | null = null;
      let dueDate: string | null = null;
      if (completedAt) {
        startDate = day(started ?? card.createdAt);
        dueDate = day(completedAt.getTime() + (card.createdAt % 3) * 86_400_000);
      } else if (last?.status.role === "in_progress") {
        startDate = day(started ?? card.createdAt);
        dueDate = day((started ?? card.createdAt) + spread * 2 * 86_400_000);
      } else if (last?.status.role === "not_started" && i % 3 !== 2) {
        const begin = Date.now() + ((i * 5) % 28) * 86_400_000;
        startDate = day(begin);
        dueDate = day(begin + spread * 86_400_000);
      }
      rows.push({
        id: card.id,
        workspaceId: space.workspaceId,
        spaceId: space.id,
        statusId,
        name: card.name,
        position: keys[i] ?? "a0",
        createdBy: actorId,
        responsibleId: card.responsibleId,
        startDate,
        dueDate,
        createdAt: new Date(card.createdAt),
        updatedAt: new Date(last?.at ?? card.createdAt),
        completedAt,
        archivedAt: card.archivedAt === null ? null : new Date(card.archivedAt),
      });
    });
  }
  const inserted: Array<typeof tables.cards.$inferSelect> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    inserted.push(
      ...(await tx
        .insert(tables.cards)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  }
  const changes = planned.flatMap((card) =>
    card.steps.map((step, i) => {
      const before = card.steps[i - 1];
      return {
        workspaceId: space.workspaceId,
        spaceId: space.id,
        cardId: card.id,
        fromStatusId: before?.status.id ?? null,
        toStatusId: step.status.id,
        fromRole: before?.status.role ?? null,
        toRole: step.status.role,
        actorId,
        at: new Date(step.at),
      };
    }),
  );
  for (let i = 0; i < changes.length; i += 2000) {
    await tx.insert(tables.cardStatusChanges).values(changes.slice(i, i + 2000));
  }
  if (blockerTypeId) {
    const blockings = planned.flatMap((card) =>
      card.blockings.map((b) => ({
        workspaceId: space.workspaceId,
        spaceId: space.id,
        cardId: card.id,
        blockerTypeId,
        reason: "Waiting for another department",
        blockedBy: actorId,
        blockedAt: new Date(b.from),
        responsibleId: card.responsibleId,
        clearedBy: b.to === null ? null : actorId,
        clearedAt: b.to === null ? null : new Date(b.to),
      })),
    );
    for (let i = 0; i < blockings.length; i += 1000) {
      await tx.insert(tables.cardBlockings).values(blockings.slice(i, i + 1000));
    }
  }
  return inserted;
};
