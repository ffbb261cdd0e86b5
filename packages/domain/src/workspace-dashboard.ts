/**
 * The workspace dashboard: for each space the caller may read, its cards by status role (not
 * started / in progress / done), the span of its planned dates, its late and blocked counts (the
 * figures of `space-overview.ts`) and a burn-up sparkline (done against scope, one point a week over
 * the last twelve weeks, from the same status history as the Forecast chart). Folders roll up the
 * spaces in them and in their subfolders, at any depth.
 *
 * Pure: the server hands over the rows it read; the same function runs in tests against rows
 * they created.
 */
import { z } from "zod";
import { burnupOf } from "./charts/burnup.js";
import { dayOfIsoDate, isoDateOfDay } from "./charts/calendar.js";
import type { CardHistory } from "./charts/history.js";
import { calendarDate } from "./schemas.js";
import { type OverviewCard, spaceOverviewSchema, summarizeSpaces } from "./space-overview.js";

/** Weeks the sparkline looks back: 13 points, the last one today. */
export const SPARKLINE_WEEKS = 12;

const count = z.number().int().nonnegative();

export const sparklinePointSchema = z.object({ date: calendarDate, scope: count, completed: count });
export type SparklinePoint = z.infer<typeof sparklinePointSchema>;

const figures = {
  notStarted: count,
  inProgress: count,
  /** Done vs scope at the end of each week (the last point is today), oldest first. */
  burnup: z.array(sparklinePointSchema),
};

export const spaceDashboardSchema = spaceOverviewSchema.extend(figures);
export type SpaceDashboard = z.infer<typeof spaceDashboardSchema>;

export const folderDashboardSchema = spaceOverviewSchema.omit({ spaceId: true }).extend({
  folderId: z.uuid(),
  /** The readable spaces it rolls up (its own and its subfolders'), in the workspace's order. */
  spaceIds: z.array(z.uuid()),
  ...figures,
});
export type FolderDashboard = z.infer<typeof folderDashboardSchema>;

export const workspaceDashboardSchema = z.object({
  today: calendarDate,
  spaces: z.array(spaceDashboardSchema),
  folders: z.array(folderDashboardSchema),
});
export type WorkspaceDashboard = z.infer<typeof workspaceDashboardSchema>;

export interface DashboardSpace {
  id: string;
  folderId: string | null;
}

export interface DashboardFolder {
  id: string;
  parentFolderId: string | null;
}

export interface DashboardInput {
  /** Readable live spaces, in the workspace's order. */
  spaces: readonly DashboardSpace[];
  folders: readonly DashboardFolder[];
  /** Live cards of those spaces (current role, dates, open blocking). */
  cards: readonly OverviewCard[];
  /**
   * Status histories of every card of those spaces, each card naming its space (archived cards too:
   * scope drops when a card is archived).
   */
  histories: readonly CardHistory[];
  today: string;
}

/** The sparkline's dates: every 7th day ending today, oldest first. */
export const sparklineDates = (today: string): string[] => {
  const last = dayOfIsoDate(today);
  return Array.from({ length: SPARKLINE_WEEKS + 1 }, (_, i) =>
    isoDateOfDay(last - (SPARKLINE_WEEKS - i) * 7),
  );
};

const sparklineOf = (histories: readonly CardHistory[], today: string): SparklinePoint[] => {
  const dates = sparklineDates(today);
  const daily = burnupOf(histories, dates[0] ?? today, today);
  const byDate = new Map(daily.map((p) => [p.date, p]));
  return dates.map((date) => {
    const p = byDate.get(date);
    return { date, scope: p?.scope ?? 0, completed: p?.completed ?? 0 };
  });
};

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

export const workspaceDashboard = (input: DashboardInput): WorkspaceDashboard => {
  const spaceIds = input.spaces.map((s) => s.id);
  const overviews = summarizeSpaces(spaceIds, input.cards, input.today);
  const byRole = new Map(spaceIds.map((id) => [id, { notStarted: 0, inProgress: 0 }]));
  for (const card of input.cards) {
    const entry = byRole.get(card.spaceId);
    if (!entry) continue;
    if (card.role === "not_started") entry.notStarted += 1;
    else if (card.role === "in_progress") entry.inProgress += 1;
  }
  const historiesBySpace = new Map<string, CardHistory[]>(spaceIds.map((id) => [id, []]));
  for (const h of input.histories) {
    if (h.card.spaceId !== undefined) historiesBySpace.get(h.card.spaceId)?.push(h);
  }
  const spaces: SpaceDashboard[] = overviews.map((o) => ({
    ...o,
    notStarted: byRole.get(o.spaceId)?.notStarted ?? 0,
    inProgress: byRole.get(o.spaceId)?.inProgress ?? 0,
    burnup: sparklineOf(historiesBySpace.get(o.spaceId) ?? [], input.today),
  }));

  // Each folder's ancestors (itself included), so a space counts once in every folder above it.
  const parentOf = new Map(input.folders.map((f) => [f.id, f.parentFolderId]));
  const ancestorsOf = (folderId: string | null): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let id = folderId; id !== null && !seen.has(id); id = parentOf.get(id) ?? null) {
      seen.add(id);
      if (parentOf.has(id)) out.push(id);
    }
    return out;
  };
  const dates = sparklineDates(input.today);
  const folders = new Map<string, FolderDashboard>(
    input.folders.map((f) => [
      f.id,
      {
        folderId: f.id,
        spaceIds: [],
        total: 0,
        completed: 0,
        late: 0,
        blocked: 0,
        startDate: null,
        dueDate: null,
        notStarted: 0,
        inProgress: 0,
        burnup: dates.map((date) => ({ date, scope: 0, completed: 0 })),
      },
    ]),
  );
  const folderOfSpace = new Map(input.spaces.map((s) => [s.id, s.folderId]));
  for (const space of spaces) {
    for (const folderId of ancestorsOf(folderOfSpace.get(space.spaceId) ?? null)) {
      const f = folders.get(folderId);
      if (!f) continue;
      f.spaceIds.push(space.spaceId);
      f.total += space.total;
      f.completed += space.completed;
      f.late += space.late;
      f.blocked += space.blocked;
      f.notStarted += space.notStarted;
      f.inProgress += space.inProgress;
      f.startDate = earlier(f.startDate, space.startDate);
      f.dueDate = later(f.dueDate, space.dueDate);
      space.burnup.forEach((p, i) => {
        const sum = f.burnup[i];
        if (!sum) return;
        sum.scope += p.scope;
        sum.completed += p.completed;
      });
    }
  }
  return { today: input.today, spaces, folders: [...folders.values()] };
};
