/**
 * Workload: each person's open cards laid out over days or weeks, how many they hold at once per
 * period, and where that exceeds their capacity. Pure, shared by the server (which only selects the
 * cards) and the web app (which lays them out and re-lays them after a drag).
 *
 * Rules (docs/WORKLOAD.md):
 * - A card occupies every day from its start to its due date. A card with only a due date occupies
 *   its due day; one with only a start date occupies its start day. A card with neither is undated.
 * - A person holds a card as its responsible person or as a co-worker; both count one card.
 * - Only open cards (not started, in progress) are workload; done, cancelled and information cards
 *   are left out.
 * - Weeks start on Monday. A week's load is the number of cards the person holds on any day of it;
 *   its capacity is the person's cards per week. A day's load is the number of cards held that day;
 *   a working day's capacity is capacity / 5 (Monday to Friday); weekends have no capacity and are
 *   never marked overloaded. No capacity set: never overloaded.
 */
import { z } from "zod";
import { addDays, daysBetween } from "./dates.js";
import type { StatusRole } from "./roles.js";
import { calendarDate, id } from "./schemas.js";

export const workloadZooms = ["day", "week"] as const;
export type WorkloadZoom = (typeof workloadZooms)[number];

/** The widest window one request may ask for, and the most undated cards one reply lists. */
export const workloadLimits = { maxWindowDays: 400, maxUndated: 500 } as const;

export const workloadQuery = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((q) => q.from <= q.to, {
    message: "must not be after to",
    path: ["from"],
    params: { refusal: { key: "refusal.field.fromAfterTo" } },
  })
  .refine((q) => daysBetween(q.from, q.to) < workloadLimits.maxWindowDays, {
    message: `must be at most ${workloadLimits.maxWindowDays} days before to`,
    path: ["from"],
    params: {
      refusal: { key: "refusal.field.rangeBeforeTo", values: { days: workloadLimits.maxWindowDays } },
    },
  });
export type WorkloadQuery = z.infer<typeof workloadQuery>;

/**
 * The reply carries only what the view draws, and nothing null, empty or false: an absent date, person
 * or co-worker list is left out, `isBlocked` is there only when true, each space once (cards name it by
 * its index in `spaces`), each person once by id (cards name people by id). 5,000 cards are about
 * 60 % of the bytes of the full card shape. `expandWorkload` gives the view its working shape.
 */
export const workloadReplyCardSchema = z.object({
  id,
  /** Index of the card's space in `spaces`. */
  space: z.number().int().nonnegative(),
  name: z.string(),
  /** Absent: no start date. */
  startDate: calendarDate.optional(),
  /** Absent: no due date. */
  dueDate: calendarDate.optional(),
  /** Absent: nobody responsible. */
  responsibleId: id.optional(),
  /** Absent: no co-workers. */
  coworkerIds: z.array(id).min(1).optional(),
  /** Present only when the card is blocked. */
  isBlocked: z.literal(true).optional(),
});
export type WorkloadReplyCard = z.infer<typeof workloadReplyCardSchema>;

export const workloadPersonSchema = z.object({
  userId: id,
  name: z.string(),
  /** Chosen initials colour; absent: derived from the id (`initialsColorOf`). */
  color: z.string().optional(),
  /** Cards per week; absent: not set (never overloaded). */
  capacityPerWeek: z.number().int().optional(),
});
export type WorkloadReplyPerson = z.infer<typeof workloadPersonSchema>;

export const workloadReplySchema = z.object({
  from: calendarDate,
  to: calendarDate,
  people: z.array(workloadPersonSchema),
  /** The spaces read, with their channels' seqs (follow them to stay live). */
  spaces: z.array(z.object({ id, seq: z.number().int() })),
  /** Open cards with a date whose span meets the window. */
  cards: z.array(workloadReplyCardSchema),
  /** Open cards without dates (at most `workloadLimits.maxUndated`, most recently changed first). */
  undated: z.array(workloadReplyCardSchema),
  undatedTotal: z.number().int(),
});
export type WorkloadReply = z.infer<typeof workloadReplySchema>;

/** A card as the view works with it (the reply's card with its absent fields filled in). */
export interface WorkloadCard {
  id: string;
  spaceId: string;
  name: string;
  startDate: string | null;
  dueDate: string | null;
  responsibleId: string | null;
  coworkerIds: string[];
  /** Absent: open (every card a reply lists is); set by callers that hold cards of any status. */
  statusRole?: StatusRole;
  isBlocked: boolean;
}

export interface WorkloadPerson {
  userId: string;
  name: string;
  /** Chosen initials colour; null: derived from the id (`initialsColorOf`). */
  color: string | null;
  /** Cards per week; null: not set (never overloaded). */
  capacityPerWeek: number | null;
}

export interface Workload {
  from: string;
  to: string;
  people: WorkloadPerson[];
  spaces: Array<{ id: string; seq: number }>;
  cards: WorkloadCard[];
  undated: WorkloadCard[];
  undatedTotal: number;
}

/** The reply's compact card in the view's working shape. */
export const expandWorkloadCard = (card: WorkloadReplyCard, spaceIds: readonly string[]): WorkloadCard => ({
  id: card.id,
  spaceId: spaceIds[card.space] ?? "",
  name: card.name,
  startDate: card.startDate ?? null,
  dueDate: card.dueDate ?? null,
  responsibleId: card.responsibleId ?? null,
  coworkerIds: card.coworkerIds ?? [],
  isBlocked: card.isBlocked === true,
});

/** The reply in the view's working shape. */
export const expandWorkload = (reply: WorkloadReply): Workload => {
  const spaceIds = reply.spaces.map((s) => s.id);
  return {
    from: reply.from,
    to: reply.to,
    people: reply.people.map((p) => ({
      userId: p.userId,
      name: p.name,
      color: p.color ?? null,
      capacityPerWeek: p.capacityPerWeek ?? null,
    })),
    spaces: reply.spaces,
    cards: reply.cards.map((c) => expandWorkloadCard(c, spaceIds)),
    undated: reply.undated.map((c) => expandWorkloadCard(c, spaceIds)),
    undatedTotal: reply.undatedTotal,
  };
};

export const isOpenRole = (role: StatusRole): boolean => role === "not_started" || role === "in_progress";

/** A workload card is open unless it says otherwise. */
const isOpenCard = (card: { statusRole?: StatusRole }): boolean =>
  card.statusRole === undefined || isOpenRole(card.statusRole);

/** The first and last day a card occupies, or null when it has no date. */
export const cardSpan = (card: {
  startDate: string | null;
  dueDate: string | null;
}): { start: string; end: string } | null => {
  const start = card.startDate ?? card.dueDate;
  const end = card.dueDate ?? card.startDate;
  if (start === null || end === null) return null;
  return start <= end ? { start, end } : { start: end, end: start };
};

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

export const weekStartOf = (day: string): string => addDays(day, -weekdayOf(day));

export interface WorkloadPeriod {
  /** First and last day of the period (a day, or Monday to Sunday). */
  start: string;
  end: string;
}

/** The periods covering [from, to]: every day, or every week (Monday to Sunday) that meets it. */
export const periodsOf = (from: string, to: string, zoom: WorkloadZoom): WorkloadPeriod[] => {
  const periods: WorkloadPeriod[] = [];
  if (zoom === "day") {
    for (let day = from; day <= to; day = addDays(day, 1)) periods.push({ start: day, end: day });
  } else {
    for (let week = weekStartOf(from); week <= to; week = addDays(week, 7))
      periods.push({ start: week, end: addDays(week, 6) });
  }
  return periods;
};

/** Cards a person may hold in a period: per week, or per working day capacity / 5; null: no limit. */
export const capacityOf = (
  capacityPerWeekValue: number | null,
  period: WorkloadPeriod,
  zoom: WorkloadZoom,
): number | null => {
  if (capacityPerWeekValue === null) return null;
  if (zoom === "week") return capacityPerWeekValue;
  return weekdayOf(period.start) < 5 ? capacityPerWeekValue / 5 : null;
};

export type Assignment = "responsible" | "coworker";

/** How a person holds a card, or null. */
export const assignmentOf = (
  card: { responsibleId: string | null; coworkerIds: readonly string[] },
  userId: string,
): Assignment | null =>
  card.responsibleId === userId ? "responsible" : card.coworkerIds.includes(userId) ? "coworker" : null;

export interface PeriodLoad extends WorkloadPeriod {
  /** Cards held at once in the period. */
  count: number;
  capacity: number | null;
  isOverloaded: boolean;
}

/**
 * A person's load per period. `cards` are that person's cards (any order); cards without dates or
 * not open are ignored. Linear in cards × periods they span, so a year by day stays cheap.
 */
export const loadOf = (
  cards: readonly Pick<WorkloadCard, "startDate" | "dueDate" | "statusRole">[],
  periods: readonly WorkloadPeriod[],
  zoom: WorkloadZoom,
  capacityPerWeekValue: number | null,
): PeriodLoad[] => {
  const counts = new Array<number>(periods.length).fill(0);
  const first = periods[0];
  if (first) {
    const origin = first.start;
    const step = zoom === "day" ? 1 : 7;
    for (const card of cards) {
      if (!isOpenCard(card)) continue;
      const span = cardSpan(card);
      if (!span) continue;
      const a = Math.max(0, Math.floor(daysBetween(origin, span.start) / step));
      const b = Math.min(periods.length - 1, Math.floor(daysBetween(origin, span.end) / step));
      for (let i = a; i <= b; i++) counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  return periods.map((period, i) => {
    const count = counts[i] ?? 0;
    const capacity = capacityOf(capacityPerWeekValue, period, zoom);
    return { ...period, count, capacity, isOverloaded: capacity !== null && count > capacity };
  });
};

export interface LaidOutCard<C> {
  card: C;
  assignment: Assignment;
  start: string;
  end: string;
  /** Stacking line within the person's row (0 = top); cards on one line never overlap. */
  lane: number;
}

/**
 * One person's row: their open dated cards with their lanes (greedy: earliest start first, first
 * free lane), and the number of lanes. Responsible cards before co-worker ones at equal starts.
 */
export const layOutRow = <C extends WorkloadCard>(
  cards: readonly C[],
  userId: string,
): { bars: LaidOutCard<C>[]; lanes: number } => {
  const bars: Omit<LaidOutCard<C>, "lane">[] = [];
  for (const card of cards) {
    if (!isOpenCard(card)) continue;
    const assignment = assignmentOf(card, userId);
    const span = cardSpan(card);
    if (!assignment || !span) continue;
    bars.push({ card, assignment, ...span });
  }
  bars.sort(
    (a, b) =>
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      (a.assignment === b.assignment ? 0 : a.assignment === "responsible" ? -1 : 1) ||
      (a.card.id < b.card.id ? -1 : 1),
  );
  const laneEnds: string[] = [];
  const laid = bars.map((bar) => {
    let lane = laneEnds.findIndex((end) => end < bar.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = bar.end;
    return { ...bar, lane };
  });
  return { bars: laid, lanes: laneEnds.length };
};

/** Groups open dated cards by the people holding them (responsible and co-workers). */
export const cardsByPerson = <C extends WorkloadCard>(cards: readonly C[]): Map<string, C[]> => {
  const byPerson = new Map<string, C[]>();
  const add = (userId: string, card: C) => {
    const list = byPerson.get(userId);
    if (list) list.push(card);
    else byPerson.set(userId, [card]);
  };
  for (const card of cards) {
    if (!isOpenCard(card) || !cardSpan(card)) continue;
    if (card.responsibleId) add(card.responsibleId, card);
    for (const coworker of card.coworkerIds) if (coworker !== card.responsibleId) add(coworker, card);
  }
  return byPerson;
};

export interface WorkloadChange {
  responsibleId?: string | null;
  coworkerIds?: string[];
  startDate?: string | null;
  dueDate?: string | null;
}

/**
 * What dropping a card held by `fromUserId` (null: from the undated list) on `toUserId`'s row, moved by
 * `days` (or, from the undated list, on `day`) changes. A responsible card changes its responsible
 * person; a co-worker card swaps that co-worker. Moving along the row shifts both dates. Returns only
 * the fields that change (empty: nothing to do).
 */
export const workloadDrop = (
  card: Pick<WorkloadCard, "responsibleId" | "coworkerIds" | "startDate" | "dueDate">,
  drop: { fromUserId: string | null; toUserId: string; days: number; day?: string },
): WorkloadChange => {
  const change: WorkloadChange = {};
  const from = drop.fromUserId;
  const to = drop.toUserId;
  if (from === null) {
    // From the undated list: the person takes it (as responsible when nobody is), on that day.
    if (drop.day !== undefined && !cardSpan(card)) {
      change.startDate = drop.day;
      change.dueDate = drop.day;
    }
    if (assignmentOf(card, to) === null) {
      if (card.responsibleId === null) change.responsibleId = to;
      else change.coworkerIds = [...card.coworkerIds, to];
    }
    return change;
  }
  if (from !== to && assignmentOf(card, to) === null) {
    const held = assignmentOf(card, from);
    if (held === "responsible") change.responsibleId = to;
    else if (held === "coworker") change.coworkerIds = card.coworkerIds.map((c) => (c === from ? to : c));
  }
  if (drop.days !== 0) {
    if (card.startDate !== null) change.startDate = addDays(card.startDate, drop.days);
    if (card.dueDate !== null) change.dueDate = addDays(card.dueDate, drop.days);
  }
  return change;
};
