/**
 * Dates on cards are calendar dates (YYYY-MM-DD), compared as strings. "Today" is passed in, so the
 * same rules give the same answer on the server and in a browser in another time zone.
 */
import type { CardRelation } from "./coordination-schemas.js";
import type { StatusRole } from "./roles.js";

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
};

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type Urgency = "done" | "overdue" | "due_soon" | "none";

/** Card fronts colour dates by this: done, overdue, due within a week and not done, or nothing. */
export const urgencyOf = (dueDate: string | null, role: StatusRole, today: string): Urgency => {
  if (role === "completed") return "done";
  if (!dueDate || role === "cancelled" || role === "information") return "none";
  if (dueDate < today) return "overdue";
  if (dueDate <= addDays(today, 7)) return "due_soon";
  return "none";
};

/** Late: its start date passed while still not started, or its due date passed while not completed. */
export const isLate = (
  card: { startDate: string | null; dueDate: string | null },
  role: StatusRole,
  today: string,
): boolean => {
  if (role === "completed" || role === "cancelled" || role === "information") return false;
  if (card.dueDate && card.dueDate < today) return true;
  return role === "not_started" && card.startDate !== null && card.startDate < today;
};

export type DueBucket = "overdue" | "this_week" | "later" | "no_date";

/** "My work" groups: overdue, due within the next 7 days, later, no due date. */
export const dueBucketOf = (dueDate: string | null, today: string): DueBucket => {
  if (!dueDate) return "no_date";
  if (dueDate < today) return "overdue";
  if (dueDate <= addDays(today, 7)) return "this_week";
  return "later";
};

export interface DatedCard {
  id: string;
  name: string;
  startDate: string | null;
  dueDate: string | null;
}

export interface DateConflict {
  cardId: string;
  otherCardId: string;
  kind: "next_before_previous" | "child_outside_parent";
  /** The conflict in English (server texts, the Gantt); `facts` has its parts for other languages. */
  reason: string;
  facts: DateConflictFacts;
}

/** What a conflict's sentence says: `subject` starts or ends on `subjectDate`, before or after `other`'s `otherDate`. */
export interface DateConflictFacts {
  edge: "starts_before_previous_ends" | "starts_before_parent_starts" | "ends_after_parent_ends";
  subject: string;
  subjectDate: string;
  other: string;
  otherDate: string;
}

const startOf = (c: DatedCard): string | null => c.startDate ?? c.dueDate;
const endOf = (c: DatedCard): string | null => c.dueDate ?? c.startDate;

/**
 * Date conflicts, flagged on both cards and never fixed silently:
 * - a next card that starts before its previous one ends (finish to start: the next one waits for
 *   the previous one; starting on the day it ends is a same-day hand-over, not a conflict). This also
 *   covers a next card that starts or ends before its previous one starts or ends. Followed through
 *   undated cards in between: a chain is compared with its nearest dated predecessors;
 * - a child that starts before its parent starts or ends after its parent ends (through undated
 *   parents, against the nearest dated ancestors).
 */
export const dateConflicts = (
  cards: readonly DatedCard[],
  relations: readonly CardRelation[],
): DateConflict[] => {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const incoming = (kind: CardRelation["kind"]) => {
    const map = new Map<string, string[]>();
    for (const r of relations) {
      if (r.kind !== kind) continue;
      const list = map.get(r.toCardId);
      if (list) list.push(r.fromCardId);
      else map.set(r.toCardId, [r.fromCardId]);
    }
    return map;
  };
  const previousOf = incoming("next");
  const parentOf = incoming("parent");
  /** Nearest dated cards upstream of `id`, walking through undated ones. */
  const datedUpstream = (id: string, upstream: Map<string, string[]>): DatedCard[] => {
    const found: DatedCard[] = [];
    const seen = new Set<string>([id]);
    const stack = [...(upstream.get(id) ?? [])];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      if (seen.has(at)) continue;
      seen.add(at);
      const card = byId.get(at);
      if (!card) continue;
      if (startOf(card) !== null) found.push(card);
      else stack.push(...(upstream.get(at) ?? []));
    }
    return found;
  };
  const conflicts: DateConflict[] = [];
  const flag = (
    a: DatedCard,
    b: DatedCard,
    kind: DateConflict["kind"],
    reason: string,
    facts: DateConflictFacts,
  ) => {
    conflicts.push({ cardId: a.id, otherCardId: b.id, kind, reason, facts });
    conflicts.push({ cardId: b.id, otherCardId: a.id, kind, reason, facts });
  };
  for (const card of cards) {
    const start = startOf(card);
    const end = endOf(card);
    if (start === null || end === null) continue;
    for (const prev of datedUpstream(card.id, previousOf)) {
      const prevEnd = endOf(prev) as string;
      if (start < prevEnd)
        flag(
          card,
          prev,
          "next_before_previous",
          `'${card.name}' starts ${start}, before its previous card '${prev.name}' ends ${prevEnd}`,
          {
            edge: "starts_before_previous_ends",
            subject: card.name,
            subjectDate: start,
            other: prev.name,
            otherDate: prevEnd,
          },
        );
    }
    for (const parent of datedUpstream(card.id, parentOf)) {
      const parentStart = startOf(parent) as string;
      const parentEnd = endOf(parent) as string;
      if (start < parentStart)
        flag(
          card,
          parent,
          "child_outside_parent",
          `'${card.name}' starts ${start}, before its parent '${parent.name}' starts ${parentStart}`,
          {
            edge: "starts_before_parent_starts",
            subject: card.name,
            subjectDate: start,
            other: parent.name,
            otherDate: parentStart,
          },
        );
      else if (end > parentEnd)
        flag(
          card,
          parent,
          "child_outside_parent",
          `'${card.name}' ends ${end}, after its parent '${parent.name}' ends ${parentEnd}`,
          {
            edge: "ends_after_parent_ends",
            subject: card.name,
            subjectDate: end,
            other: parent.name,
            otherDate: parentEnd,
          },
        );
    }
  }
  return conflicts;
};

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) and hour (0–23) it is at `now` in an IANA time zone (UTC for none or
 * one the runtime does not know): what "today" and "this morning" mean to a person.
 */
export const localClock = (now: Date, timeZone: string | null): { day: string; hour: number } => {
  const zone = timeZone ?? "UTC";
  let format = clockFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      return localClock(now, "UTC");
    }
    clockFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
};
