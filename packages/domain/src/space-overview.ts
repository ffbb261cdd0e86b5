/**
 * What a workspace's page says about each space: how far along it is, the span of its planned dates,
 * and how many of its cards are late or blocked. Computed from the space's live (unarchived) cards;
 * "information" and "cancelled" cards are not work to be done, so they count towards nothing.
 */
import { z } from "zod";
import { isLate } from "./dates.js";
import type { StatusRole } from "./roles.js";
import { calendarDate } from "./schemas.js";

export const spaceOverviewSchema = z.object({
  spaceId: z.uuid(),
  /** Cards that are work: not started, in progress or completed. */
  total: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  /** Open cards with a blocker not yet cleared. */
  blocked: z.number().int().nonnegative(),
  /** Earliest start (or due) date and latest due (or start) date over the space's cards. */
  startDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
});
export type SpaceOverview = z.infer<typeof spaceOverviewSchema>;

export interface OverviewCard {
  spaceId: string;
  role: StatusRole;
  startDate: string | null;
  dueDate: string | null;
  isBlocked: boolean;
}

const isWork = (role: StatusRole) => role === "not_started" || role === "in_progress" || role === "completed";

/** One entry per space id given, in that order (a space with no cards gets zeros). */
export const summarizeSpaces = (
  spaceIds: readonly string[],
  cards: readonly OverviewCard[],
  today: string,
): SpaceOverview[] => {
  const bySpace = new Map<string, SpaceOverview>(
    spaceIds.map((spaceId) => [
      spaceId,
      { spaceId, total: 0, completed: 0, late: 0, blocked: 0, startDate: null, dueDate: null },
    ]),
  );
  for (const card of cards) {
    const entry = bySpace.get(card.spaceId);
    if (!entry || !isWork(card.role)) continue;
    entry.total += 1;
    if (card.role === "completed") entry.completed += 1;
    else if (card.isBlocked) entry.blocked += 1;
    if (isLate(card, card.role, today)) entry.late += 1;
    const first = card.startDate ?? card.dueDate;
    const last = card.dueDate ?? card.startDate;
    if (first && (entry.startDate === null || first < entry.startDate)) entry.startDate = first;
    if (last && (entry.dueDate === null || last > entry.dueDate)) entry.dueDate = last;
  }
  return spaceIds.flatMap((id) => {
    const entry = bySpace.get(id);
    return entry ? [entry] : [];
  });
};
