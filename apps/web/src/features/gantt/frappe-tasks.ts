/** What the Gantt hands to frappe-gantt, made safe for how frappe uses it. */
import type { FrappeTask } from "frappe-gantt";
import type { GanttTask } from "./gantt-data";

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const barDay = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
const dayText = (day: string) => barDay.format(new Date(`${day}T00:00:00Z`));

/**
 * What a screen reader says for a bar (frappe draws bare SVG groups): the card, its dates, its column
 * and progress, and whatever flags the bar's colour shows.
 */
export const barLabel = (t: GanttTask): string =>
  [
    t.name,
    t.isMilestone ? `due ${dayText(t.end)}` : `${dayText(t.start)} to ${dayText(t.end)}`,
    t.statusName,
    `${t.progress}% done`,
    ...(t.isBlocked ? ["blocked"] : []),
    ...(t.isLate ? ["late"] : []),
    ...(t.conflicts.length > 0 ? ["date conflict"] : []),
  ].join(", ");

/**
 * frappe-gantt mutates what it is given (parses dates, splits dependencies): give it copies. It also
 * writes a bar's label with innerHTML, so a card's name goes in escaped (or a name could run script).
 */
export const toFrappeTasks = (tasks: readonly GanttTask[]): FrappeTask[] =>
  tasks.map(
    (t) =>
      ({
        ...t,
        name: escapeHtml(t.name),
        conflicts: [...t.conflicts],
        ariaLabel: barLabel(t),
      }) as unknown as FrappeTask,
  );
