/**
 * Swimlanes: horizontal bands across all columns, one per responsible person, label or due-date
 * bucket. Dropping a card into another lane changes that attribute (besides any status move).
 */
import { addDays, type Card, type DueBucket, dueBucketOf, type UpdateCardBody } from "@lattice/domain";
import type { Grouping } from "./filters";

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

const dueLanes: Array<{ key: DueBucket; title: string }> = [
  { key: "overdue", title: "Overdue" },
  { key: "this_week", title: "This week" },
  { key: "later", title: "Later" },
  { key: "no_date", title: "No date" },
];

/** The lane a card sits in. A card with several labels sits in the lane of its first label (space order). */
export const laneKeyOf = (
  card: Card,
  group: Grouping,
  today: string,
  labels: readonly LaneLabel[],
): string => {
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
): Lane[] => {
  if (group === "none") return [{ key: "all", title: "" }];
  if (group === "due") return dueLanes.map((l) => ({ ...l }));
  const known: Lane[] =
    group === "responsible"
      ? people.map((p) => ({ key: p.id, title: p.name }))
      : labels.map((l) => ({ key: l.id, title: l.name, color: l.color }));
  const keys = new Set(known.map((l) => l.key));
  const extra: Lane[] = [];
  for (const card of cards) {
    const key = laneKeyOf(card, group, today, labels);
    if (key === "none" || keys.has(key)) continue;
    keys.add(key);
    extra.push({ key, title: group === "responsible" ? "Former member" : "Unknown label" });
  }
  return [
    ...known,
    ...extra,
    { key: "none", title: group === "responsible" ? "No one responsible" : "No label" },
  ];
};

export type LaneChange =
  | { kind: "none" }
  | { kind: "patch"; patch: Pick<UpdateCardBody, "responsibleId" | "labelIds" | "dueDate"> }
  | { kind: "refused"; reason: string };

/** What moving `card` from lane `from` to lane `to` changes on the card. */
export const laneChange = (
  card: Card,
  group: Grouping,
  from: string,
  to: string,
  today: string,
): LaneChange => {
  if (group === "none" || from === to) return { kind: "none" };
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
            reason: "A card cannot be made overdue by dragging. Set its due date on the card instead.",
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
