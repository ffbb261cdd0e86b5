/**
 * Calendar placement (pure): month and week grids of days, and each card laid out as a segment per
 * week it touches — on its due date, or across start → due when it has both — in stacked lanes.
 */
import { addDays, type CardRepeat, daysBetween, shiftedDates, upcomingOccurrences } from "@lattice/domain";

export interface CalendarCard {
  id: string;
  name: string;
  startDate: string | null;
  dueDate: string | null;
}

export interface Segment {
  cardId: string;
  /** Column in the week, 0 = first day. */
  column: number;
  span: number;
  lane: number;
  /** The card started before this week / goes on after it. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** First day of this segment. */
  day: string;
}

export interface CalendarWeek {
  days: string[];
  segments: Segment[];
  lanes: number;
}

/** Weekday of a YYYY-MM-DD date, 0 = Sunday. */
export const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The first day of the week holding `day` (weeks start on Monday by default). */
export const startOfWeek = (day: string, weekStartsOn = 1): string =>
  addDays(day, -((weekday(day) - weekStartsOn + 7) % 7));

export const startOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

export const addMonths = (day: string, months: number): string => {
  const d = new Date(`${startOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

const weekDays = (first: string) => Array.from({ length: 7 }, (_, i) => addDays(first, i));

/** Whole weeks covering the month of `anchor`. */
export const monthWeeks = (anchor: string, weekStartsOn = 1): string[][] => {
  const first = startOfMonth(anchor);
  const last = addDays(addMonths(anchor, 1), -1);
  const weeks: string[][] = [];
  for (let day = startOfWeek(first, weekStartsOn); day <= last; day = addDays(day, 7))
    weeks.push(weekDays(day));
  return weeks;
};

export const weekOf = (anchor: string, weekStartsOn = 1): string[][] => [
  weekDays(startOfWeek(anchor, weekStartsOn)),
];

/** The days a card covers, or null when it has no date. */
export const cardSpan = (card: CalendarCard): { start: string; end: string } | null => {
  const start = card.startDate ?? card.dueDate;
  const end = card.dueDate ?? card.startDate;
  if (start === null || end === null) return null;
  return start <= end ? { start, end } : { start: end, end: start };
};

/** Lays the cards out over the weeks: longer and earlier cards take the upper lanes. */
export const placeCards = (cards: readonly CalendarCard[], weeks: readonly string[][]): CalendarWeek[] => {
  const spans = cards.flatMap((card) => {
    const span = cardSpan(card);
    return span ? [{ card, ...span }] : [];
  });
  return weeks.map((days) => {
    const first = days[0] as string;
    const last = days[days.length - 1] as string;
    const touching = spans
      .filter((s) => s.start <= last && s.end >= first)
      .sort(
        (a, b) =>
          (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
          daysBetween(b.start, b.end) - daysBetween(a.start, a.end) ||
          (a.card.name < b.card.name ? -1 : a.card.name > b.card.name ? 1 : 0),
      );
    const laneEnds: number[] = [];
    const segments: Segment[] = touching.map((s) => {
      // Dates are YYYY-MM-DD strings: Math.max/min would not compare them.
      const [from, to] = [[s.start, first].sort()[1] as string, [s.end, last].sort()[0] as string];
      const column = daysBetween(first, from);
      const span = daysBetween(from, to) + 1;
      let lane = laneEnds.findIndex((end) => end < column);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = column + span - 1;
      return {
        cardId: s.card.id,
        column,
        span,
        lane,
        continuesBefore: s.start < first,
        continuesAfter: s.end > last,
        day: from,
      };
    });
    return { days, segments, lanes: laneEnds.length };
  });
};

/** Card ids on each day of the weeks (every day a card covers). */
export const cardsByDay = (weeks: readonly CalendarWeek[]): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  for (const week of weeks) {
    for (const day of week.days) map.set(day, []);
    for (const s of week.segments)
      for (let i = 0; i < s.span; i += 1) map.get(week.days[s.column + i] as string)?.push(s.cardId);
  }
  return map;
};

/** New dates after dropping a card: start and due shift together by the days it moved. */
export const rescheduled = (
  card: CalendarCard,
  fromDay: string,
  toDay: string,
): { startDate: string | null; dueDate: string | null } => {
  if (card.startDate === null && card.dueDate === null) return { startDate: null, dueDate: toDay };
  const days = daysBetween(fromDay, toDay);
  return {
    startDate: card.startDate === null ? null : addDays(card.startDate, days),
    dueDate: card.dueDate === null ? null : addDays(card.dueDate, days),
  };
};

/** A repeating card's occurrence that is not made yet, shown beside the cards (docs/RECURRING.md). */
export interface UpcomingEntry extends CalendarCard {
  /** The card that carries the series (where the entry links to). */
  sourceId: string;
}

/**
 * The upcoming occurrences of the repeating cards among `cards` that fall in from..to, as calendar
 * entries of their own (id `<card id>~<date>`), dated as the occurrence's card will be.
 */
export const upcomingEntries = (
  cards: ReadonlyArray<CalendarCard & { repeat: CardRepeat | null }>,
  from: string,
  to: string,
): UpcomingEntry[] =>
  cards.flatMap((card) => {
    if (!card.repeat) return [];
    // An occurrence that starts before the window may still reach into it.
    const reach = card.startDate && card.dueDate ? daysBetween(card.startDate, card.dueDate) : 0;
    return upcomingOccurrences(card.repeat, addDays(from, -reach), to).map((date) => ({
      id: `${card.id}~${date}`,
      name: card.name,
      ...shiftedDates(card, date),
      sourceId: card.id,
    }));
  });
