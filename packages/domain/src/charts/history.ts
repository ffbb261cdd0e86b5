/**
 * The inputs every chart shares, and a card's status history as a timeline.
 *
 * Roles: a history entry takes the role its status has now (charts read the board as it is defined
 * today, so re-classifying a status re-draws the charts consistently); the role recorded with the
 * change is used only for a status that no longer exists.
 *
 * Times are epoch milliseconds. Inputs may come in any order; the functions here sort what they need.
 */
import type { StatusRole } from "../roles.js";
import { dayOf } from "./calendar.js";

export interface ChartStatus {
  id: string;
  name: string;
  role: StatusRole;
}

export interface ChartCard {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  /** Current status. */
  statusId: string;
  /** The card's space, when the input spans several (the workspace dashboard splits by it). */
  spaceId?: string;
}

/** One row of card_status_changes: the card entered `statusId` at `at` (its creation is one too). */
export interface StatusChange {
  cardId: string;
  at: number;
  statusId: string;
  /** The role recorded at the time; used only when the status no longer exists. */
  role: StatusRole;
}

export interface BlockedInterval {
  cardId: string;
  from: number;
  /** Null while the blocking is still open. */
  to: number | null;
}

export interface TimelineEntry {
  at: number;
  statusId: string;
  role: StatusRole;
}

export interface CardHistory {
  card: ChartCard;
  /** The card's current role (from its current status). */
  role: StatusRole;
  /** Status entries in time order; the first one is the card's creation. */
  timeline: TimelineEntry[];
}

export interface ChartInput {
  /** The statuses of the space(s) in board order. */
  statuses: readonly ChartStatus[];
  cards: readonly ChartCard[];
  changes: readonly StatusChange[];
}

/**
 * Each card with its timeline. A card without any recorded change (imported data) is taken to have
 * been in its current status since it was created. Changes of cards not in `cards` are ignored.
 */
export const cardHistories = ({ statuses, cards, changes }: ChartInput): CardHistory[] => {
  const statusById = new Map(statuses.map((s) => [s.id, s]));
  const byCard = new Map<string, TimelineEntry[]>();
  for (const c of changes) {
    const status = statusById.get(c.statusId);
    // The status's own id string, so a long history holds one copy of each id, not one per change.
    const entry = { at: c.at, statusId: status?.id ?? c.statusId, role: status?.role ?? c.role };
    const list = byCard.get(c.cardId);
    if (list) list.push(entry);
    else byCard.set(c.cardId, [entry]);
  }
  return cards.map((card) => {
    const role = statusById.get(card.statusId)?.role ?? "not_started";
    const timeline = byCard.get(card.id) ?? [];
    // Stable: changes written in one instant keep their input (insertion) order.
    timeline.sort((a, b) => a.at - b.at);
    if (timeline.length === 0) timeline.push({ at: card.createdAt, statusId: card.statusId, role });
    return { card, role, timeline };
  });
};

/**
 * What every chart is computed from, prepared once: the statuses in board order, each card with its
 * timeline and each card's blocked intervals. The chart functions (`timeChartOf`, `forecastChartOf`,
 * `cumulativeFlowOf`) only read it, so one copy can answer many charts; the server keeps recent ones.
 */
export interface ChartHistory {
  statuses: readonly ChartStatus[];
  histories: readonly CardHistory[];
  blockingsByCard: ReadonlyMap<string, readonly BlockedInterval[]>;
}

export const chartHistory = (
  input: ChartInput & { blockings?: readonly BlockedInterval[] | undefined },
): ChartHistory => {
  const blockingsByCard = new Map<string, BlockedInterval[]>();
  for (const b of input.blockings ?? []) {
    const list = blockingsByCard.get(b.cardId);
    if (list) list.push(b);
    else blockingsByCard.set(b.cardId, [b]);
  }
  return { statuses: input.statuses, histories: cardHistories(input), blockingsByCard };
};

/**
 * When the card was finally completed: the last time it entered a completed-role status from a
 * status of another role, provided it is still in a completed-role status. A move between two
 * completed statuses does not complete it again. Null for a card that is not completed now.
 */
export const finalCompletion = (timeline: readonly TimelineEntry[]): number | null => {
  if (timeline.at(-1)?.role !== "completed") return null;
  let i = timeline.length - 1;
  while (i > 0 && timeline[i - 1]?.role === "completed") i--;
  return timeline[i]?.at ?? null;
};

/** The first entry into an in-progress-role status (a reopened card keeps its first start). */
export const firstStart = (timeline: readonly TimelineEntry[]): number | null =>
  timeline.find((e) => e.role === "in_progress")?.at ?? null;

/** Every time the card entered the completed role from another role (or was created completed). */
export const completionTimes = (timeline: readonly TimelineEntry[]): number[] =>
  timeline.filter((e, i) => e.role === "completed" && timeline[i - 1]?.role !== "completed").map((e) => e.at);

/**
 * Counts per key for each day of [fromDay, toDay], as the board stood at the end of that day.
 * `keyOf` maps a timeline entry to what it counts as (null: not counted). A card counts from its
 * creation until it is archived. Linear in cards + changes + days (difference arrays), so years of
 * history over thousands of cards stay cheap.
 */
export const dailyCounts = (
  histories: readonly CardHistory[],
  fromDay: number,
  toDay: number,
  keyOf: (entry: TimelineEntry) => string | null,
): Map<string, number[]> => {
  const length = Math.max(0, toDay - fromDay + 1);
  const diffs = new Map<string, number[]>();
  const add = (key: string, at: number, delta: number) => {
    const index = Math.max(0, dayOf(at) - fromDay);
    if (index >= length) return;
    let diff = diffs.get(key);
    if (!diff) {
      diff = new Array<number>(length).fill(0);
      diffs.set(key, diff);
    }
    diff[index] = (diff[index] ?? 0) + delta;
  };
  for (const { card, timeline } of histories) {
    const archivedAt = card.archivedAt ?? Number.POSITIVE_INFINITY;
    let current: string | null = null;
    for (const [i, entry] of timeline.entries()) {
      if (entry.at >= archivedAt) break;
      // The card exists from its creation, in the status of its first entry.
      const at = i === 0 ? Math.min(entry.at, card.createdAt) : entry.at;
      const next = keyOf(entry);
      if (next === current) continue;
      if (current !== null) add(current, at, -1);
      if (next !== null) add(next, at, 1);
      current = next;
    }
    if (current !== null && card.archivedAt !== null) add(current, card.archivedAt, -1);
  }
  const counts = new Map<string, number[]>();
  for (const [key, diff] of diffs) {
    let running = 0;
    counts.set(
      key,
      diff.map((d) => {
        running += d;
        return running;
      }),
    );
  }
  return counts;
};
