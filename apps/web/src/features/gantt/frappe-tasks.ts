/** What the Gantt hands to frappe-gantt, made safe for how frappe uses it. */
import type { FrappeTask } from "frappe-gantt";
import type { GanttTask } from "./gantt-data";

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * frappe-gantt mutates what it is given (parses dates, splits dependencies): give it copies. It also
 * writes a bar's label with innerHTML, so a card's name goes in escaped (or a name could run script).
 */
export const toFrappeTasks = (tasks: readonly GanttTask[]): FrappeTask[] =>
  tasks.map(
    (t) => ({ ...t, name: escapeHtml(t.name), conflicts: [...t.conflicts] }) as unknown as FrappeTask,
  );
