/**
 * Board filters and swimlane grouping, kept in the URL query so a link shares them:
 * `?responsible=<userId|none>&coworker=<userId>&label=<labelId>&role=<statusRole>&due=overdue|this_week|none
 *  &blocked=yes|no&risk=at_risk&field.<fieldId>=<optionId|userId|set|none>&group=responsible|label|due|field:<fieldId>`.
 * Unknown or malformed values are ignored rather than failing the page.
 */
import {
  type Card,
  type CardFieldValues,
  dueBucketOf,
  type FieldValue,
  type StatusRole,
  statusRoles,
} from "@lattice/domain";

export const dueFilters = ["overdue", "this_week", "none"] as const;
export type DueFilter = (typeof dueFilters)[number];
export const groupings = ["none", "responsible", "label", "due"] as const;
/** A built-in grouping, or `field:<fieldId>` for the lanes of a choice or person field. */
export type Grouping = (typeof groupings)[number] | `field:${string}`;

/** The field a grouping groups by, if it is a field's. */
export const groupingFieldId = (group: Grouping): string | null =>
  group.startsWith("field:") ? group.slice("field:".length) : null;

export interface BoardFilters {
  /** A user id, or "none" for cards nobody is responsible for. */
  responsible: string | null;
  coworker: string | null;
  label: string | null;
  role: StatusRole | null;
  due: DueFilter | null;
  blocked: "yes" | "no" | null;
  /** "at_risk": only in-progress cards past their space's median age or target (amber or red). */
  risk: "at_risk" | null;
  /**
   * Custom field filters by field id: an option or user id (the card's value is it, or includes
   * it), "set" (the card has a value) or "none" (it has none).
   */
  fields: Readonly<Record<string, string>>;
}

export const noFilters: BoardFilters = {
  responsible: null,
  coworker: null,
  label: null,
  role: null,
  due: null,
  blocked: null,
  risk: null,
  fields: {},
};

const fieldParamPrefix = "field.";

const filterKeys = ["responsible", "coworker", "label", "role", "due", "blocked", "risk"] as const;

const idLike = /^(none|[0-9a-fA-F-]{1,64})$/;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

export const parseFilters = (params: URLSearchParams): BoardFilters => {
  const id = (key: string) => {
    const value = params.get(key);
    return value && idLike.test(value) ? value : null;
  };
  const coworker = id("coworker");
  return {
    responsible: id("responsible"),
    coworker: coworker === "none" ? null : coworker,
    label: id("label"),
    role: oneOf(params.get("role"), statusRoles),
    due: oneOf(params.get("due"), dueFilters),
    blocked: oneOf(params.get("blocked"), ["yes", "no"] as const),
    risk: oneOf(params.get("risk"), ["at_risk"] as const),
    fields: parseFieldFilters(params),
  };
};

const parseFieldFilters = (params: URLSearchParams): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!key.startsWith(fieldParamPrefix)) continue;
    const fieldId = key.slice(fieldParamPrefix.length);
    if (idLike.test(fieldId) && fieldId !== "none" && (value === "set" || idLike.test(value))) {
      fields[fieldId] = value;
    }
  }
  return fields;
};

export const parseGrouping = (params: URLSearchParams): Grouping => {
  const value = params.get("group");
  if (value?.startsWith("field:") && idLike.test(value.slice("field:".length))) return value as Grouping;
  return oneOf(value, groupings) ?? "none";
};

/** The query with `filters` written in (other parameters kept; empty filters removed). */
export const writeFilters = (params: URLSearchParams, filters: BoardFilters): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  for (const key of [...next.keys()]) if (key.startsWith(fieldParamPrefix)) next.delete(key);
  for (const [fieldId, value] of Object.entries(filters.fields))
    next.set(`${fieldParamPrefix}${fieldId}`, value);
  return next;
};

export const writeGrouping = (params: URLSearchParams, group: Grouping): URLSearchParams => {
  const next = new URLSearchParams(params);
  if (group === "none") next.delete("group");
  else next.set("group", group);
  return next;
};

export const activeFilterCount = (filters: BoardFilters): number =>
  filterKeys.filter((key) => filters[key] !== null).length + Object.keys(filters.fields).length;

/** Whether a card's value of a field (undefined: none) passes that field's filter. */
export const matchesFieldFilter = (value: FieldValue | undefined, wanted: string): boolean => {
  if (wanted === "none") return value === undefined;
  if (wanted === "set") return value !== undefined;
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
};

/** What the filters read of a card (a board card, or a row of the List built from one). */
export type FilterableCard = Pick<
  Card,
  "responsibleId" | "coworkerIds" | "labelIds" | "dueDate" | "isBlocked"
>;

/**
 * Whether a card passes every active filter; `role` is the role of the card's status. Every view of
 * a space (board, List and its export, Calendar, Gantt) filters through this, so one link shows the
 * same cards everywhere. `isAtRisk` is the card's aging (amber or red), for the "At risk" filter.
 */
export const matchesFilters = (
  card: FilterableCard,
  role: StatusRole | undefined,
  filters: BoardFilters,
  today: string,
  values: CardFieldValues = {},
  isAtRisk = false,
): boolean => {
  if (filters.responsible !== null) {
    const wanted = filters.responsible === "none" ? null : filters.responsible;
    if (card.responsibleId !== wanted) return false;
  }
  if (filters.coworker !== null && !card.coworkerIds.includes(filters.coworker)) return false;
  if (filters.label !== null) {
    if (filters.label === "none" ? card.labelIds.length > 0 : !card.labelIds.includes(filters.label))
      return false;
  }
  if (filters.role !== null && role !== filters.role) return false;
  if (filters.due !== null) {
    const bucket = dueBucketOf(card.dueDate, today);
    const wanted = filters.due === "none" ? "no_date" : filters.due;
    if (bucket !== wanted) return false;
  }
  if (filters.blocked === "yes" && !card.isBlocked) return false;
  if (filters.blocked === "no" && card.isBlocked) return false;
  if (filters.risk === "at_risk" && !isAtRisk) return false;
  for (const [fieldId, wanted] of Object.entries(filters.fields)) {
    if (!matchesFieldFilter(values[fieldId], wanted)) return false;
  }
  return true;
};

/** The cards of a board that pass the filters (all of them when none is active). */
export const filterCards = <C extends FilterableCard & { id: string; statusId: string }>(
  cards: readonly C[],
  statuses: Readonly<Record<string, { role: StatusRole }>>,
  filters: BoardFilters,
  today: string,
  fieldValues: Readonly<Record<string, CardFieldValues>> = {},
  isAtRisk: (cardId: string) => boolean = () => false,
): C[] =>
  activeFilterCount(filters) === 0
    ? [...cards]
    : cards.filter((card) =>
        matchesFilters(
          card,
          statuses[card.statusId]?.role,
          filters,
          today,
          fieldValues[card.id],
          isAtRisk(card.id),
        ),
      );
