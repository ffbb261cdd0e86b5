/** What the Gantt hands to frappe-gantt, made safe for how frappe uses it. */
import type { FrappeTask } from "frappe-gantt";
import type { Translator } from "../../lib/i18n/i18n";
import type { GanttTask } from "./gantt-data";

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * What a screen reader says for a bar (frappe draws bare SVG groups), in the person's language: the
 * card, its dates, its column and progress, and whatever flags the bar's colour shows.
 */
export const barLabeller = ({ t, format, formatLocale }: Translator) => {
  const list = new Intl.ListFormat(formatLocale, { style: "short", type: "unit" });
  return (task: GanttTask): string =>
    list.format([
      task.name,
      task.isMilestone
        ? t("gantt.bar.due", { date: format.dayRange(task.end, task.end) })
        : format.dayRange(task.start, task.end),
      task.statusName,
      t("gantt.bar.done", { progress: task.progress / 100 }),
      ...(task.isBlocked ? [t("gantt.bar.blocked")] : []),
      ...(task.isLate ? [t("gantt.bar.late")] : []),
      ...(task.conflicts.length > 0 ? [t("gantt.bar.conflict")] : []),
    ]);
};

/**
 * frappe-gantt mutates what it is given (parses dates, splits dependencies): give it copies. It also
 * writes a bar's label with innerHTML, so a card's name goes in escaped (or a name could run script).
 */
export const toFrappeTasks = (
  tasks: readonly GanttTask[],
  /** The bar's accessible name (the card's name without one). */
  label?: (task: GanttTask) => string,
): FrappeTask[] =>
  tasks.map(
    (t) =>
      ({
        ...t,
        name: escapeHtml(t.name),
        conflicts: [...t.conflicts],
        ariaLabel: label ? label(t) : t.name,
      }) as unknown as FrappeTask,
  );
