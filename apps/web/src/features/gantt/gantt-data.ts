/**
 * Pure mapping from the board to what the Gantt chart draws: one task per dated card, rows in the
 * parent → child tree (default parent = oldest parent relation) in board order, dependencies from
 * previous → next relations, classes for status role, milestone, blocked, late and date conflicts.
 * Also the "shift what follows" plan offered after a card's dates move.
 */
import {
  addDays,
  type BoardState,
  boardColumns,
  type Card,
  type CardRelation,
  dateConflicts,
  daysBetween,
  isLate,
  parentsOf,
  progressInputsOfBoard,
  progressOfEach,
  type StatusRole,
} from "@lattice/domain";

/** A frappe-gantt task plus what the popup and side tree show. */
export interface GanttTask {
  id: string;
  name: string;
  start: string;
  end: string;
  /** 0–100, computed: dragging it is disabled. */
  progress: number;
  /** Previous cards' ids, comma-separated (frappe-gantt's format). */
  dependencies: string;
  /**
   * One class token (frappe-gantt adds it with classList.add, which refuses spaces):
   * `lt-<role>` followed by `-milestone`, `-blocked`, `-late`, `-conflict` as they apply.
   */
  custom_class: string;
  role: StatusRole;
  statusName: string;
  isMilestone: boolean;
  isBlocked: boolean;
  isLate: boolean;
  conflicts: string[];
}

export interface GanttRow {
  id: string;
  name: string;
  depth: number;
  /** Has dated cards below it in the tree (so it can be collapsed). */
  hasChildren: boolean;
  isCollapsed: boolean;
}

export interface GanttData {
  tasks: GanttTask[];
  rows: GanttRow[];
  /** Cards with neither a start nor a due date, in board order. */
  unscheduled: Card[];
}

const isDated = (card: Card) => card.startDate !== null || card.dueDate !== null;

/** Cards in board order: columns left to right, each top to bottom. */
export const boardOrder = (view: BoardState): Card[] => boardColumns(view).flatMap((column) => column.cards);

/** Default parent of each card (its oldest parent relation), when that parent is in `cardIds`. */
export const defaultParents = (
  relations: readonly CardRelation[],
  cardIds: ReadonlySet<string>,
): Map<string, string> => {
  const byChild = new Map<string, CardRelation[]>();
  for (const r of relations) {
    if (r.kind !== "parent") continue;
    const list = byChild.get(r.toCardId);
    if (list) list.push(r);
    else byChild.set(r.toCardId, [r]);
  }
  const parents = new Map<string, string>();
  for (const [childId, rels] of byChild) {
    if (!cardIds.has(childId)) continue;
    const parent = parentsOf(rels, childId)[0];
    if (parent !== undefined && cardIds.has(parent)) parents.set(childId, parent);
  }
  return parents;
};

export const buildGantt = (
  view: BoardState,
  relations: readonly CardRelation[],
  options: {
    today: string;
    collapsed?: ReadonlySet<string>;
    /** The cards to show (the board's filters); dates conflicts and progress still count every card. */
    include?: ((card: Card) => boolean) | undefined;
  },
): GanttData => {
  const collapsed = options.collapsed ?? new Set<string>();
  const everyCard = boardOrder(view);
  const include = options.include;
  const ordered = include ? everyCard.filter(include) : everyCard;
  const ids = new Set(ordered.map((c) => c.id));
  const parents = defaultParents(relations, ids);
  const children = new Map<string, Card[]>();
  const roots: Card[] = [];
  for (const card of ordered) {
    const parent = parents.get(card.id);
    if (parent === undefined) roots.push(card);
    else {
      const list = children.get(parent);
      if (list) list.push(card);
      else children.set(parent, [card]);
    }
  }
  // A cycle cannot be created through the API; cards only reachable through one become roots.
  const hasDatedBelow = new Map<string, boolean>();
  const datedBelow = (id: string, path: Set<string>): boolean => {
    const known = hasDatedBelow.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return false;
    path.add(id);
    const value = (children.get(id) ?? []).some((c) => isDated(c) || datedBelow(c.id, path));
    path.delete(id);
    hasDatedBelow.set(id, value);
    return value;
  };

  const progressById = progressOfEach(progressInputsOfBoard(view), relations);
  const conflictsByCard = new Map<string, string[]>();
  for (const conflict of dateConflicts(everyCard, relations)) {
    const list = conflictsByCard.get(conflict.cardId);
    if (list) {
      if (!list.includes(conflict.reason)) list.push(conflict.reason);
    } else conflictsByCard.set(conflict.cardId, [conflict.reason]);
  }

  const rows: GanttRow[] = [];
  const tasks: GanttTask[] = [];
  const visited = new Set<string>();
  const visit = (card: Card, depth: number) => {
    if (visited.has(card.id)) return;
    visited.add(card.id);
    const isCollapsed = collapsed.has(card.id);
    let childDepth = depth;
    if (isDated(card)) {
      const status = view.statuses[card.statusId];
      const role: StatusRole = status?.role ?? "not_started";
      const start = (card.startDate ?? card.dueDate) as string;
      const rawEnd = (card.dueDate ?? card.startDate) as string;
      const end = [rawEnd, start].sort()[1] as string;
      const isMilestone = card.startDate === null && card.dueDate !== null;
      const late = isLate(card, role, options.today);
      const conflicts = conflictsByCard.get(card.id) ?? [];
      const progress = progressById.get(card.id) ?? 0;
      tasks.push({
        id: card.id,
        name: card.name,
        start,
        end,
        progress: Math.round(progress * 100),
        dependencies: "",
        custom_class: [
          `lt-${role}`,
          isMilestone ? "milestone" : "",
          card.isBlocked ? "blocked" : "",
          late ? "late" : "",
          conflicts.length > 0 ? "conflict" : "",
        ]
          .filter(Boolean)
          .join("-"),
        role,
        statusName: status?.name ?? "",
        isMilestone,
        isBlocked: card.isBlocked,
        isLate: late,
        conflicts,
      });
      rows.push({
        id: card.id,
        name: card.name,
        depth,
        hasChildren: datedBelow(card.id, new Set()),
        isCollapsed,
      });
      childDepth = depth + 1;
    }
    if (isCollapsed) return;
    for (const child of children.get(card.id) ?? []) visit(child, childDepth);
  };
  for (const root of roots) visit(root, 0);
  // Cards only reachable through a cycle (should not exist) still get a row.
  for (const card of ordered)
    if (!visited.has(card.id) && !isHiddenBy(card.id, parents, collapsed)) visit(card, 0);

  const shown = new Map(tasks.map((t) => [t.id, t]));
  const deps = new Map<string, string[]>();
  for (const r of relations) {
    if (r.kind !== "next" || !shown.has(r.fromCardId) || !shown.has(r.toCardId)) continue;
    const list = deps.get(r.toCardId);
    if (list) list.push(r.fromCardId);
    else deps.set(r.toCardId, [r.fromCardId]);
  }
  for (const [id, from] of deps) {
    const task = shown.get(id);
    if (task) task.dependencies = from.join(",");
  }

  return { tasks, rows, unscheduled: ordered.filter((c) => !isDated(c)) };
};

/** True when an ancestor of the card (by default parent) is collapsed. */
const isHiddenBy = (id: string, parents: Map<string, string>, collapsed: ReadonlySet<string>): boolean => {
  const seen = new Set<string>();
  for (let p = parents.get(id); p !== undefined && !seen.has(p); p = parents.get(p)) {
    if (collapsed.has(p)) return true;
    seen.add(p);
  }
  return false;
};

export interface CardDates {
  startDate: string | null;
  dueDate: string | null;
}

export interface ShiftPlan {
  days: number;
  changes: Array<{ cardId: string; name: string; startDate: string | null; dueDate: string | null }>;
  /** The conflicts the move would create, in words. */
  reasons: string[];
}

const conflictKey = (c: { cardId: string; otherCardId: string; kind: string }) =>
  `${c.cardId}|${c.otherCardId}|${c.kind}`;

/**
 * After `cardId` moved from `before` to `after`: when its next cards or children (followed down the
 * chain) would now be in conflict, the plan to shift all of those dated cards by the same number of
 * days. Null when nothing new conflicts. Never applied here: the person decides.
 */
export const planShift = (
  cards: Readonly<Record<string, Card>>,
  relations: readonly CardRelation[],
  cardId: string,
  before: CardDates,
  after: CardDates,
): ShiftPlan | null => {
  const moved = cards[cardId];
  if (!moved) return null;
  const beforeEnd = before.dueDate ?? before.startDate;
  const afterEnd = after.dueDate ?? after.startDate;
  const beforeStart = before.startDate ?? before.dueDate;
  const afterStart = after.startDate ?? after.dueDate;
  if (!beforeEnd || !afterEnd || !beforeStart || !afterStart) return null;
  const days = daysBetween(beforeEnd, afterEnd) || daysBetween(beforeStart, afterStart);
  if (days === 0) return null;

  const downstream = new Map<string, string[]>();
  for (const r of relations) {
    const list = downstream.get(r.fromCardId);
    if (list) list.push(r.toCardId);
    else downstream.set(r.fromCardId, [r.toCardId]);
  }
  const chain: string[] = [];
  const seen = new Set([cardId]);
  const queue = [...(downstream.get(cardId) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if (cards[id]) chain.push(id);
    queue.push(...(downstream.get(id) ?? []));
  }
  const chainSet = new Set(chain);
  const all = Object.values(cards);
  const withBefore = all.map((c) => (c.id === cardId ? { ...c, ...before } : c));
  const withAfter = all.map((c) => (c.id === cardId ? { ...c, ...after } : c));
  const existing = new Set(dateConflicts(withBefore, relations).map(conflictKey));
  const fresh = dateConflicts(withAfter, relations).filter(
    (c) => !existing.has(conflictKey(c)) && chainSet.has(c.cardId),
  );
  if (fresh.length === 0) return null;

  const changes = chain.flatMap((id) => {
    const card = cards[id] as Card;
    if (card.startDate === null && card.dueDate === null) return [];
    return [
      {
        cardId: id,
        name: card.name,
        startDate: card.startDate === null ? null : addDays(card.startDate, days),
        dueDate: card.dueDate === null ? null : addDays(card.dueDate, days),
      },
    ];
  });
  return { days, changes, reasons: [...new Set(fresh.map((c) => c.reason))] };
};

/** YYYY-MM-DD of a local Date (frappe-gantt works in local time). */
export const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The card's new dates after its bar was dragged or resized to [start, end] (local Dates). */
export const datesFromBar = (card: CardDates, start: Date, end: Date): CardDates => {
  const newStart = localDay(start);
  const newEnd = localDay(end);
  // A milestone (due only) stays a milestone when moved; stretched, it becomes a bar.
  if (card.startDate === null && newStart === newEnd) return { startDate: null, dueDate: newEnd };
  return { startDate: newStart, dueDate: newEnd };
};
