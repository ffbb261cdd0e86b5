/**
 * A table of cards (a CSV file's rows, already split into cells) read into the same plan a Trello
 * import makes: one column per field, chosen by the importer; statuses from the distinct values of
 * the status column, ordered by role, then by first appearance; labels from comma- or semicolon-separated
 * values; the responsible person by e-mail or full name. Pure, like the Trello reader.
 */
import { z } from "zod";
import { createTranslator, type Translator } from "../i18n/translator.js";
import { type StatusRole, statusRoles } from "../roles.js";
import { limits } from "../schemas.js";
import {
  cut,
  guessListRole,
  type ImportCandidate,
  type ImportPlan,
  normalized,
  type PlannedCard,
  type PlannedLabel,
  type PlannedStatus,
} from "./trello.js";

export const csvFields = [
  "name",
  "description",
  "status",
  "startDate",
  "dueDate",
  "responsible",
  "labels",
] as const;
export type CsvField = (typeof csvFields)[number];

export const dateOrders = ["ymd", "dmy", "mdy"] as const;
export type DateOrder = (typeof dateOrders)[number];

/** Which column (0-based) holds each field; only the name is required. */
export const csvMapping = z
  .object(Object.fromEntries(csvFields.map((f) => [f, z.number().int().min(0).max(199).nullish()])))
  .extend({ name: z.number().int().min(0).max(199) })
  .strict();
export type CsvMapping = z.infer<typeof csvMapping>;

const headerWords: Record<CsvField, RegExp> = {
  name: /^(name|title|card|task|summary|aufgabe|titel|nom|titre)$/i,
  description: /^(description|desc|details|notes?|beschreibung|détails)$/i,
  status: /^(status|state|list|column|stage|spalte|liste|statut)$/i,
  startDate: /^(start|start date|starts|begin|beginn|début|date de début)$/i,
  dueDate: /^(due|due date|deadline|end|end date|fällig|frist|échéance)$/i,
  responsible: /^(responsible|assignee|owner|assigned to|verantwortlich|responsable)$/i,
  labels: /^(labels?|tags?|categories|category|etiketten|étiquettes)$/i,
};

/** The columns a header row suggests for each field (by common names in English, German and French). */
export const suggestCsvMapping = (header: readonly string[]): Partial<Record<CsvField, number>> => {
  const suggested: Partial<Record<CsvField, number>> = {};
  for (const field of csvFields) {
    const index = header.findIndex((cell) => headerWords[field].test(cell.trim()));
    if (index >= 0) suggested[field] = index;
  }
  return suggested;
};

/**
 * A day written as 2025-03-14 or 2025/03/14 (a four-digit year first is always year, month, day), or
 * in the importer's order with / . or - between the parts; a time after the day (as spreadsheets
 * write it: "14/03/2025 09:30") is ignored.
 */
export const parseCsvDay = (text: string, order: DateOrder): string | null => {
  const value = text.trim();
  if (value === "") return null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const parts =
      /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i.exec(
        value,
      );
    if (!parts) return null;
    const [a, b, c] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (order === "ymd") [year, month, day] = [a, b, c];
    else if (order === "dmy") [year, month, day] = [c, b, a];
    else [year, month, day] = [c, a, b];
    if (year < 100) year += 2000;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  // A day that does not exist (31 April) rolls over: refuse it instead.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
};

const palette = [
  "#579dff",
  "#4bce97",
  "#e2b203",
  "#faa53d",
  "#f87462",
  "#9f8fef",
  "#6cc3e0",
  "#94c748",
  "#e774bb",
];

export interface CsvImportOptions {
  candidates: readonly ImportCandidate[];
  dateOrder: DateOrder;
  /** Whether the first row names the columns (and is then not a card). */
  hasHeader: boolean;
  listRoles?: Readonly<Record<string, StatusRole>>;
  name: string;
  /** The importer's language, for the notes and warnings and the names the import makes up (default English). */
  translator?: Translator;
}

/** What became of one row of the file. */
export interface CsvRowOutcome {
  /** The row's number in the file, counting the header row as 1 when there is one. */
  row: number;
  /** Index into the plan's `cards`, or null when the row was left out. */
  card: number | null;
  /** The responsible person as written, when the row names one. */
  person: string;
  /** What did not come across as written, one sentence each. */
  warnings: string[];
}

export interface CsvImportPlan extends ImportPlan {
  /** One per row after the header that has any text, in the file's order. */
  outcomes: CsvRowOutcome[];
}

/** What importing `rows` with `mapping` creates, and what it changes on the way. */
export const planCsvImport = (
  rows: readonly (readonly string[])[],
  mapping: CsvMapping,
  options: CsvImportOptions,
): CsvImportPlan => {
  const translator = options.translator ?? createTranslator("en");
  const { t } = translator;
  const defaultStatus = t("words.status.toDo");
  const notes: string[] = [];
  const first = options.hasHeader ? 1 : 0;
  const body: Array<{ row: number; cells: readonly string[] }> = [];
  for (let index = first; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.some((cell) => cell.trim() !== "")) body.push({ row: index + 1, cells });
  }
  const cell = (row: readonly string[], field: CsvField): string => {
    const index = mapping[field];
    return index === null || index === undefined ? "" : (row[index] ?? "");
  };

  const statuses: PlannedStatus[] = [];
  const statusIndex = new Map<string, number>();
  const statusOf = (value: string): number => {
    const key = normalized(value) || "";
    const known = statusIndex.get(key);
    if (known !== undefined) return known;
    const name = cut(value.trim(), limits.nameMax).text || defaultStatus;
    // The status's key in `listRoles` is its name as written in the file.
    statuses.push({
      listId: name,
      name,
      // The made-up status is in the importer's language, which the guess may not read.
      role: options.listRoles?.[name] ?? (name === defaultStatus ? "not_started" : guessListRole(name)),
      cardCount: 0,
    });
    statusIndex.set(key, statuses.length - 1);
    return statuses.length - 1;
  };

  const labels: PlannedLabel[] = [];
  const labelKey = new Map<string, string>();
  const labelsOf = (value: string): string[] =>
    value
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const key = normalized(part);
        let id = labelKey.get(key);
        if (!id) {
          id = `csv-label-${labels.length}`;
          labels.push({
            trelloId: id,
            name: cut(part, 60).text,
            color: palette[labels.length % palette.length] ?? "#579dff",
          });
          labelKey.set(key, id);
        }
        return id;
      });

  const byEmail = new Map(options.candidates.map((c) => [c.email.toLowerCase(), c.id]));
  const byName = new Map<string, string | null>();
  for (const candidate of options.candidates) {
    const key = normalized(candidate.name);
    byName.set(key, byName.has(key) ? null : candidate.id);
  }
  const unmatchedPeople = new Set<string>();
  const matchedPeople = new Set<string>();
  const outcomes: CsvRowOutcome[] = [];

  let nameless = 0;
  let badDays = 0;
  let startsAfterDue = 0;
  let cutNames = 0;
  const cards: PlannedCard[] = [];
  const now = new Date().toISOString();
  for (const { row: rowNumber, cells: row } of body) {
    const warnings: string[] = [];
    const rawName = cell(row, "name").trim();
    const person = cell(row, "responsible").trim();
    if (rawName === "") {
      nameless++;
      outcomes.push({ row: rowNumber, card: null, person, warnings: [t("note.csv.row.nameless")] });
      continue;
    }
    const name = cut(rawName, limits.nameMax);
    if (name.cut) {
      cutNames++;
      warnings.push(t("note.csv.row.nameCut", { max: limits.nameMax }));
    }
    const status =
      mapping.status === null || mapping.status === undefined
        ? statusOf(defaultStatus)
        : statusOf(cell(row, "status") || defaultStatus);
    const planned = statuses[status];
    if (planned) planned.cardCount++;
    const rawStart = cell(row, "startDate");
    const rawDue = cell(row, "dueDate");
    let startDate = parseCsvDay(rawStart, options.dateOrder);
    const dueDate = parseCsvDay(rawDue, options.dateOrder);
    if ((rawStart.trim() && !startDate) || (rawDue.trim() && !dueDate)) badDays++;
    if (rawStart.trim() && !startDate) warnings.push(t("note.csv.row.badStart", { value: rawStart.trim() }));
    if (rawDue.trim() && !dueDate) warnings.push(t("note.csv.row.badDue", { value: rawDue.trim() }));
    if (startDate && dueDate && startDate > dueDate) {
      startDate = null;
      startsAfterDue++;
      warnings.push(t("note.csv.row.startsAfterDue"));
    }
    const responsibleId = person
      ? (byEmail.get(person.toLowerCase()) ?? byName.get(normalized(person)) ?? null)
      : null;
    if (responsibleId) matchedPeople.add(responsibleId);
    else if (person) {
      unmatchedPeople.add(person);
      warnings.push(t("note.csv.row.unknownPerson", { person }));
    }
    outcomes.push({ row: rowNumber, card: cards.length, person, warnings });
    cards.push({
      name: name.text,
      description: cut(cell(row, "description"), limits.descriptionMax).text,
      status,
      archived: false,
      startDate,
      dueDate,
      completedAt: planned?.role === "completed" ? now : null,
      createdAt: now,
      labels: labelsOf(cell(row, "labels")),
      responsibleId,
      coworkerIds: [],
      todos: [],
      comments: [],
    });
  }
  if (statuses.length === 0) statusOf(defaultStatus);
  // Rows are seldom sorted by status, so the order values first appear in says little: the statuses
  // go in the order of their roles (ideas, to do, doing, done, cancelled), as first seen within one.
  const order = statuses
    .map((status, index) => ({ index, rank: statusRoles.indexOf(status.role) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const moved = new Map(order.map(({ index }, position) => [index, position]));
  const orderedStatuses = order.map(({ index }) => statuses[index] as PlannedStatus);
  for (const card of cards) card.status = moved.get(card.status) ?? card.status;

  if (nameless > 0) notes.push(t("note.csv.nameless", { count: nameless }));
  if (badDays > 0) notes.push(t("note.csv.badDays", { count: badDays }));
  if (startsAfterDue > 0) notes.push(t("note.import.startsAfterDue", { count: startsAfterDue }));
  if (cutNames > 0) notes.push(t("note.csv.cutNames", { count: cutNames, max: limits.nameMax }));
  if (unmatchedPeople.size > 0) {
    const shown = [...unmatchedPeople].slice(0, 5);
    notes.push(
      t("note.csv.unmatchedPeople", {
        count: unmatchedPeople.size,
        people: translator.format.unitList(unmatchedPeople.size > 5 ? [...shown, "…"] : shown),
      }),
    );
  }

  return {
    name: cut(options.name.trim(), limits.nameMax).text || t("words.import.csvName"),
    statuses: orderedStatuses,
    labels,
    cards,
    members: [],
    summary: {
      lists: statuses.length,
      closedLists: 0,
      cards: cards.length,
      archivedCards: 0,
      labels: labels.length,
      checklists: 0,
      todos: 0,
      comments: 0,
      links: 0,
      membersMatched: matchedPeople.size,
      membersUnmatched: unmatchedPeople.size,
      notes,
    },
    outcomes,
  };
};

/** A row of the file as it will be imported, for the importer to check before importing. */
export interface CsvPreviewRow {
  row: number;
  /** Null when the row is left out. */
  name: string | null;
  description: string;
  status: string | null;
  startDate: string | null;
  dueDate: string | null;
  /** The responsible person as written in the file. */
  person: string;
  /** The workspace member it matched, or null. */
  responsible: string | null;
  labels: string[];
  warnings: string[];
}

/** The first `limit` rows of a plan as they will be imported. */
export const csvPreviewRows = (
  plan: CsvImportPlan,
  candidates: readonly ImportCandidate[],
  limit: number,
): CsvPreviewRow[] => {
  const nameOf = new Map(candidates.map((c) => [c.id, c.name]));
  const labelName = new Map(plan.labels.map((l) => [l.trelloId, l.name]));
  return plan.outcomes.slice(0, limit).map((outcome) => {
    const card = outcome.card === null ? undefined : plan.cards[outcome.card];
    return {
      row: outcome.row,
      name: card?.name ?? null,
      description: cut(card?.description ?? "", 200).text,
      status: card ? (plan.statuses[card.status]?.name ?? null) : null,
      startDate: card?.startDate ?? null,
      dueDate: card?.dueDate ?? null,
      person: outcome.person,
      responsible: card?.responsibleId ? (nameOf.get(card.responsibleId) ?? null) : null,
      labels: (card?.labels ?? []).map((id) => labelName.get(id) ?? id),
      warnings: outcome.warnings,
    };
  });
};
