/** Builders for the chart tests: cards and their histories written as readable dates. */
import type { StatusRole } from "../roles.js";
import type { ChartCard, ChartStatus, StatusChange } from "./history.js";

export const at = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : `${iso}Z`);

export const statuses: ChartStatus[] = [
  { id: "ideas", name: "Ideas", role: "information" },
  { id: "todo", name: "To Do", role: "not_started" },
  { id: "doing", name: "Doing", role: "in_progress" },
  { id: "review", name: "Review", role: "in_progress" },
  { id: "done", name: "Done", role: "completed" },
  { id: "dropped", name: "Dropped", role: "cancelled" },
];

const roleOf = (statusId: string): StatusRole =>
  statuses.find((s) => s.id === statusId)?.role ?? "not_started";

/**
 * A card and its status changes from `[time, statusId]` steps; the first step is its creation.
 * `archived` archives it at that time.
 */
export const card = (
  id: string,
  steps: ReadonlyArray<readonly [string, string]>,
  archived: string | null = null,
): { card: ChartCard; changes: StatusChange[] } => {
  const [first] = steps;
  if (!first) throw new Error("a card needs a first step");
  const last = steps.at(-1) ?? first;
  return {
    card: {
      id,
      name: `Card ${id}`,
      createdAt: at(first[0]),
      archivedAt: archived ? at(archived) : null,
      statusId: last[1],
    },
    changes: steps.map(([time, statusId]) => ({
      cardId: id,
      at: at(time),
      statusId,
      role: roleOf(statusId),
    })),
  };
};

export const input = (...built: Array<{ card: ChartCard; changes: StatusChange[] }>) => ({
  statuses,
  cards: built.map((b) => b.card),
  changes: built.flatMap((b) => b.changes),
});
