/**
 * Burn-up: completed cards against total scope, per day (as the board stood at the end of the day).
 * Scope counts the cards that exist that day, are not archived, and are in a not-started,
 * in-progress or completed role (information and cancelled cards are not work to do); completed
 * counts those of them in a completed role. Scope moves as cards are added, archived or cancelled.
 */
import type { StatusRole } from "../roles.js";
import { dayOfIsoDate, isoDateOfDay } from "./calendar.js";
import { type CardHistory, type ChartInput, cardHistories, dailyCounts } from "./history.js";

export interface BurnupPoint {
  date: string;
  scope: number;
  completed: number;
}

const scopeRoles: ReadonlySet<StatusRole> = new Set(["not_started", "in_progress", "completed"]);

export const burnupOf = (histories: readonly CardHistory[], from: string, to: string): BurnupPoint[] => {
  const fromDay = dayOfIsoDate(from);
  const toDay = dayOfIsoDate(to);
  const counts = dailyCounts(histories, fromDay, toDay, (e) => (scopeRoles.has(e.role) ? e.role : null));
  const at = (role: StatusRole, i: number) => counts.get(role)?.[i] ?? 0;
  const points: BurnupPoint[] = [];
  for (let i = 0; i <= toDay - fromDay; i++) {
    const completed = at("completed", i);
    points.push({
      date: isoDateOfDay(fromDay + i),
      scope: at("not_started", i) + at("in_progress", i) + completed,
      completed,
    });
  }
  return points;
};

/** Burn-up over [from, to] (inclusive ISO dates). */
export const burnup = (input: ChartInput & { from: string; to: string }): BurnupPoint[] =>
  burnupOf(cardHistories(input), input.from, input.to);
