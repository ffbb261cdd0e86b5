/** Rows of the list view: one per card, with names resolved, then filtered and sorted (pure). */
import {
  type AgingRisk,
  type BoardState,
  boardColumns,
  type CardFieldValues,
  type CardRelation,
  type CustomField,
  type Label,
  type Member,
  progressInputsOfBoard,
  progressOfEach,
  type StatusRole,
} from "@lattice/domain";
import { compareFieldValues } from "../fields/field-values";
import { type BoardFilters, matchesFilters } from "../filters/filters";

export interface ListRow {
  id: string;
  name: string;
  statusId: string;
  statusName: string;
  role: StatusRole;
  /** Column order, then order in the column: the board's order. */
  boardIndex: number;
  statusIndex: number;
  responsibleId: string | null;
  responsibleName: string;
  coworkerIds: string[];
  coworkerNames: string[];
  labelIds: string[];
  labelNames: string[];
  startDate: string | null;
  dueDate: string | null;
  /** 0 to 1. */
  progress: number;
  isBlocked: boolean;
  /** An in-progress card's age in calendar days and its risk (null for other cards). */
  ageDays: number | null;
  risk: AgingRisk | null;
  /** The card's custom field values by field id (none: no entry). */
  fieldValues: CardFieldValues;
}

export const sortKeys = [
  "name",
  "status",
  "responsible",
  "coworkers",
  "labels",
  "start",
  "due",
  "progress",
  "blocked",
  "age",
] as const;
/** A built-in column, or `field:<fieldId>` for a custom field's column. */
export type SortKey = (typeof sortKeys)[number] | `field:${string}`;

export const isSortKey = (value: string | null, fields: readonly CustomField[]): value is SortKey =>
  value !== null &&
  ((sortKeys as readonly string[]).includes(value) || fields.some((f) => value === `field:${f.id}`));
export type SortDirection = "asc" | "desc";

/** The List's own filters (name and column) on top of the board's filters from the same address. */
export interface ListFilters {
  text: string;
  statusId: string;
  board: BoardFilters;
  /** The person's today, for the due-date filter. */
  today: string;
}

export const buildRows = (
  view: BoardState,
  relations: readonly CardRelation[],
  members: readonly Member[],
  labels: readonly Label[],
  agings: Readonly<Record<string, { ageDays: number; risk: AgingRisk | null }>> = {},
  /** The name shown for someone who is no longer a member. */
  unknownName = "Unknown",
): ListRow[] => {
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const labelNames = new Map(labels.map((l) => [l.id, l.name]));
  const columns = boardColumns(view);
  const progressById = progressOfEach(progressInputsOfBoard(view), relations);
  const rows: ListRow[] = [];
  columns.forEach(({ status, cards }, statusIndex) => {
    for (const card of cards) {
      const progress = progressById.get(card.id) ?? 0;
      rows.push({
        id: card.id,
        name: card.name,
        statusId: status.id,
        statusName: status.name,
        role: status.role,
        boardIndex: rows.length,
        statusIndex,
        responsibleId: card.responsibleId,
        responsibleName: card.responsibleId ? (names.get(card.responsibleId) ?? unknownName) : "",
        coworkerIds: card.coworkerIds,
        coworkerNames: card.coworkerIds.map((id) => names.get(id) ?? unknownName),
        labelIds: card.labelIds,
        labelNames: card.labelIds.flatMap((id) => {
          const name = labelNames.get(id);
          return name === undefined ? [] : [name];
        }),
        startDate: card.startDate,
        dueDate: card.dueDate,
        progress,
        isBlocked: card.isBlocked,
        ageDays: agings[card.id]?.ageDays ?? null,
        risk: agings[card.id]?.risk ?? null,
        fieldValues: view.fieldValues?.[card.id] ?? {},
      });
    }
  });
  return rows;
};

export const filterRows = (rows: readonly ListRow[], filters: ListFilters): ListRow[] => {
  const text = filters.text.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (text === "" || row.name.toLocaleLowerCase().includes(text)) &&
      (filters.statusId === "" || row.statusId === filters.statusId) &&
      matchesFilters(
        row,
        row.role,
        filters.board,
        filters.today,
        row.fieldValues,
        row.risk === "at_risk" || row.risk === "breached",
      ),
  );
};

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Compares two optional values; empty ones always sort last, whatever the direction. */
const compareOptional = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, sign: number) => {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * compare(a, b);
};

const text = (s: string) => (s === "" ? null : s);

export const sortRows = (
  rows: readonly ListRow[],
  key: SortKey,
  direction: SortDirection,
  fields: readonly CustomField[] = [],
  personName: (userId: string) => string = () => "",
): ListRow[] => {
  const sign = direction === "asc" ? 1 : -1;
  const field = key.startsWith("field:") ? fields.find((f) => key === `field:${f.id}`) : undefined;
  const str = (a: string, b: string) => collator.compare(a, b);
  const num = (a: number, b: number) => a - b;
  const by = (a: ListRow, b: ListRow): number => {
    if (field) {
      const va = a.fieldValues[field.id];
      const vb = b.fieldValues[field.id];
      // Empty values sort last, whatever the direction, as in the other columns.
      if (va === undefined || vb === undefined)
        return (va === undefined ? 1 : 0) - (vb === undefined ? 1 : 0);
      return sign * compareFieldValues(field, va, vb, personName, collator);
    }
    switch (key) {
      case "name":
        return sign * str(a.name, b.name);
      case "status":
        return sign * num(a.statusIndex, b.statusIndex);
      case "responsible":
        return compareOptional(text(a.responsibleName), text(b.responsibleName), str, sign);
      case "coworkers":
        return compareOptional(text(a.coworkerNames.join(", ")), text(b.coworkerNames.join(", ")), str, sign);
      case "labels":
        return compareOptional(text(a.labelNames.join(", ")), text(b.labelNames.join(", ")), str, sign);
      case "start":
        return compareOptional(a.startDate, b.startDate, str, sign);
      case "due":
        return compareOptional(a.dueDate, b.dueDate, str, sign);
      case "progress":
        return sign * num(a.progress, b.progress);
      case "blocked":
        return sign * num(Number(a.isBlocked), Number(b.isBlocked));
      case "age":
        return compareOptional(a.ageDays, b.ageDays, num, sign);
      default:
        return 0;
    }
  };
  // Ties keep the board's order, so the sort is stable and predictable.
  return [...rows].sort((a, b) => by(a, b) || a.boardIndex - b.boardIndex);
};
