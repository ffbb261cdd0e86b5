/**
 * Swimlanes: horizontal bands across all columns, one per responsible person, label, due-date
 * bucket, or option / person of a choice or person custom field. Dropping a card into another lane
 * changes that attribute (besides any status move).
 */
import {
  addDays,
  type Card,
  type CardFieldValues,
  type CustomField,
  type DueBucket,
  dueBucketOf,
  type FieldValue,
  type UpdateCardBody,
} from "@lattice/domain";
import { type MessageKey, translate } from "../../lib/i18n/i18n";
import { type Grouping, groupingFieldId } from "./filters";

/** What grouping by a custom field reads: the space's fields and the board's values by card. */
export interface LaneFields {
  fields: Readonly<Record<string, CustomField>>;
  values: Readonly<Record<string, CardFieldValues>>;
}

const noLaneFields: LaneFields = { fields: {}, values: {} };

/** The field a grouping names, when it is a field that lanes can be made of (choice or person). */
export const laneField = (group: Grouping, laneFields: LaneFields): CustomField | null => {
  const fieldId = groupingFieldId(group);
  const field = fieldId ? laneFields.fields[fieldId] : undefined;
  return field && (field.kind === "single_choice" || field.kind === "multi_choice" || field.kind === "person")
    ? field
    : null;
};

/** A card's lane for a field: its option (the first, in the field's order, of several) or person. */
const fieldLaneKey = (field: CustomField, value: FieldValue | undefined): string => {
  if (Array.isArray(value)) return field.options.find((o) => value.includes(o.id))?.id ?? "none";
  return typeof value === "string" ? value : "none";
};

export interface Lane {
  /** "none" for the lane of cards without the attribute; otherwise a user id, label id or due bucket. */
  key: string;
  title: string;
  color?: string;
}

export interface LanePeople {
  id: string;
  name: string;
}

export interface LaneLabel {
  id: string;
  name: string;
  color: string;
}

const dueLanes: Array<{ key: DueBucket; title: MessageKey }> = [
  { key: "overdue", title: "filters.lane.overdue" },
  { key: "this_week", title: "filters.lane.thisWeek" },
  { key: "later", title: "filters.lane.later" },
  { key: "no_date", title: "filters.lane.noDate" },
];

/** The lane a card sits in. A card with several labels sits in the lane of its first label (space order). */
export const laneKeyOf = (
  card: Card,
  group: Grouping,
  today: string,
  labels: readonly LaneLabel[],
  laneFields: LaneFields = noLaneFields,
): string => {
  const field = laneField(group, laneFields);
  if (field) return fieldLaneKey(field, laneFields.values[card.id]?.[field.id]);
  switch (group) {
    case "responsible":
      return card.responsibleId ?? "none";
    case "label": {
      const first = labels.find((l) => card.labelIds.includes(l.id));
      return first?.id ?? "none";
    }
    case "due":
      return dueBucketOf(card.dueDate, today);
    default:
      return "all";
  }
};

/**
 * The lanes to show, in order: for people and labels every member / label of the space (so a card
 * can be dragged to someone with nothing yet), then "No one" / "No label"; plus a lane for any
 * key a card has that the lists do not know (a former member), so no card is lost.
 */
export const lanesFor = (
  group: Grouping,
  cards: readonly Card[],
  today: string,
  people: readonly LanePeople[],
  labels: readonly LaneLabel[],
  laneFields: LaneFields = noLaneFields,
): Lane[] => {
  const field = laneField(group, laneFields);
  if (group === "none" || (groupingFieldId(group) && !field)) return [{ key: "all", title: "" }];
  if (group === "due") return dueLanes.map((l) => ({ key: l.key, title: translate(l.title) }));
  const isPeople = group === "responsible" || field?.kind === "person";
  const known: Lane[] = isPeople
    ? people.map((p) => ({ key: p.id, title: p.name }))
    : field
      ? field.options.map((o) => ({ key: o.id, title: o.name, color: o.color }))
      : labels.map((l) => ({ key: l.id, title: l.name, color: l.color }));
  const keys = new Set(known.map((l) => l.key));
  const extra: Lane[] = [];
  for (const card of cards) {
    const key = laneKeyOf(card, group, today, labels, laneFields);
    if (key === "none" || keys.has(key)) continue;
    keys.add(key);
    extra.push({
      key,
      title: translate(isPeople ? "filters.lane.formerMember" : "filters.lane.unknownLabel"),
    });
  }
  const noneTitle = field
    ? translate("filters.lane.noField", { name: field.name })
    : translate(group === "responsible" ? "filters.lane.noOne" : "filters.lane.noLabel");
  return [...known, ...extra, { key: "none", title: noneTitle }];
};

export type LaneChange =
  | { kind: "none" }
  | { kind: "field"; fieldId: string; value: FieldValue | null }
  | { kind: "patch"; patch: Pick<UpdateCardBody, "responsibleId" | "labelIds" | "dueDate"> }
  | { kind: "refused"; reason: string };

/** What moving `card` from lane `from` to lane `to` changes on the card. */
export const laneChange = (
  card: Card,
  group: Grouping,
  from: string,
  to: string,
  today: string,
  laneFields: LaneFields = noLaneFields,
): LaneChange => {
  if (group === "none" || from === to) return { kind: "none" };
  const field = laneField(group, laneFields);
  if (field) {
    if (field.kind !== "multi_choice") {
      return { kind: "field", fieldId: field.id, value: to === "none" ? null : to };
    }
    // Like labels: the option of the lane left is swapped for the option of the lane entered.
    const current = laneFields.values[card.id]?.[field.id];
    const kept = (Array.isArray(current) ? current : []).filter((id) => id !== from && id !== to);
    return { kind: "field", fieldId: field.id, value: to === "none" ? null : [...kept, to] };
  }
  if (groupingFieldId(group)) return { kind: "none" };
  switch (group) {
    case "responsible":
      return { kind: "patch", patch: { responsibleId: to === "none" ? null : to } };
    case "label": {
      const kept = card.labelIds.filter((id) => id !== from);
      const labelIds = to === "none" ? [] : [...kept.filter((id) => id !== to), to];
      return { kind: "patch", patch: { labelIds } };
    }
    case "due": {
      switch (to as DueBucket) {
        case "overdue":
          return {
            kind: "refused",
            reason: translate("filters.lane.overdueRefused"),
          };
        case "this_week":
          return { kind: "patch", patch: { dueDate: addDays(today, 3) } };
        case "later":
          return { kind: "patch", patch: { dueDate: addDays(today, 14) } };
        case "no_date":
          return { kind: "patch", patch: { dueDate: null } };
        default:
          return { kind: "none" };
      }
    }
    default:
      return { kind: "none" };
  }
};
