/**
 * Turning a space into a template and a template into a space's rows, both pure: the server loads
 * and writes, these decide every name, day and person. Card days are counted from a reference day:
 * saving subtracts it (default: the earliest day among the cards), applying adds the chosen start.
 */
import type { RelationKind } from "../coordination-schemas.js";
import { addDays, daysBetween } from "../dates.js";
import type { FieldKind } from "../field-schemas.js";
import { createTranslator, type Translator } from "../i18n/translator.js";
import type { StatusRole } from "../roles.js";
import { dateRange } from "../schemas.js";
import { type SpaceTemplateContent, templateLimits } from "./schemas.js";

/** A space as the template sees it: statuses and cards in board order. */
export interface SpaceSnapshot {
  statuses: ReadonlyArray<{ id: string; name: string; role: StatusRole; wipLimit: number | null }>;
  labels: ReadonlyArray<{ id: string; name: string; color: string }>;
  blockerTypes: ReadonlyArray<{ name: string; description: string }>;
  fields: ReadonlyArray<{
    name: string;
    kind: FieldKind;
    options: ReadonlyArray<{ name: string; color: string }>;
    showOnCard: boolean;
  }>;
  cards: ReadonlyArray<{
    id: string;
    name: string;
    description: string;
    statusId: string;
    labelIds: readonly string[];
    todos: readonly string[];
    startDate: string | null;
    dueDate: string | null;
    responsibleId: string | null;
    coworkerIds: readonly string[];
  }>;
  /** Relations between two cards of the space. */
  relations: ReadonlyArray<{ kind: RelationKind; fromCardId: string; toCardId: string }>;
}

/** Names made unique (case-insensitively) by numbering the repeats: “Review”, “Review (2)”. */
const uniqueNames = (names: readonly string[], max: number): string[] => {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLocaleLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      candidate = `${name.slice(0, max - suffix.length)}${suffix}`;
    }
    used.add(candidate.toLocaleLowerCase());
    return candidate;
  });
};

/** The earliest start or due day among the cards, or null when none has a date. */
export const earliestCardDay = (cards: SpaceSnapshot["cards"]): string | null => {
  let earliest: string | null = null;
  for (const card of cards)
    for (const day of [card.startDate, card.dueDate])
      if (day !== null && (earliest === null || day < earliest)) earliest = day;
  return earliest;
};

export interface TemplateFromSpace {
  content: SpaceTemplateContent;
  /** The day card days are counted from; null when no card has a date. */
  referenceDate: string | null;
}

/** A space's shape (and, if asked, its cards with days counted from `referenceDate`) as a template. */
export const templateFromSpace = (
  space: SpaceSnapshot,
  options: { includeCards: boolean; referenceDate?: string | undefined },
): TemplateFromSpace => {
  const statusNames = uniqueNames(
    space.statuses.map((s) => s.name),
    120,
  );
  const statusNameOf = new Map(space.statuses.map((s, i) => [s.id, statusNames[i] ?? s.name]));
  const labelNames = uniqueNames(
    space.labels.map((l) => l.name),
    60,
  );
  const labelNameOf = new Map(space.labels.map((l, i) => [l.id, labelNames[i] ?? l.name]));
  const cards = options.includeCards ? space.cards.slice(0, templateLimits.cardsMax) : [];
  const referenceDate = cards.length > 0 ? (options.referenceDate ?? earliestCardDay(cards)) : null;
  const dayOf = (day: string | null): number | null => {
    if (day === null || referenceDate === null) return null;
    const offset = daysBetween(referenceDate, day);
    return Math.abs(offset) <= templateLimits.dayOffsetMax ? offset : null;
  };
  const keyOf = new Map(cards.map((card, i) => [card.id, `card-${i + 1}`]));
  return {
    referenceDate,
    content: {
      statuses: space.statuses.map((s, i) => ({
        name: statusNames[i] ?? s.name,
        role: s.role,
        wipLimit: s.wipLimit,
      })),
      labels: space.labels.map((l, i) => ({ name: labelNames[i] ?? l.name, color: l.color })),
      blockerTypes: space.blockerTypes.map((b) => ({ name: b.name, description: b.description })),
      fields: space.fields.map((f) => ({
        name: f.name,
        kind: f.kind,
        options: f.options.map((o) => ({ name: o.name, color: o.color })),
        showOnCard: f.showOnCard,
      })),
      cards: cards.map((card) => {
        const startDay = dayOf(card.startDate);
        const dueDay = dayOf(card.dueDate);
        return {
          key: keyOf.get(card.id) ?? card.id,
          name: card.name,
          description: card.description,
          status: statusNameOf.get(card.statusId) ?? statusNames[0] ?? "",
          labels: card.labelIds.flatMap((labelId) => labelNameOf.get(labelId) ?? []),
          todos: card.todos.slice(0, templateLimits.todosMax),
          startDay: startDay !== null && dueDay !== null && startDay > dueDay ? null : startDay,
          dueDay,
          responsibleId: card.responsibleId,
          coworkerIds: [...card.coworkerIds],
        };
      }),
      relations: space.relations.flatMap((r) => {
        const from = keyOf.get(r.fromCardId);
        const to = keyOf.get(r.toCardId);
        return from && to ? [{ kind: r.kind, from, to }] : [];
      }),
    },
  };
};

export interface PlannedTemplateCard {
  key: string;
  name: string;
  description: string;
  /** Index into the template's statuses. */
  status: number;
  /** Indexes into the template's labels. */
  labels: number[];
  todos: string[];
  startDate: string | null;
  dueDate: string | null;
  responsibleId: string | null;
  coworkerIds: string[];
}

export interface TemplatePlan {
  cards: PlannedTemplateCard[];
  /** Relations by index into `cards`. */
  relations: Array<{ kind: RelationKind; from: number; to: number }>;
  notes: string[];
}

/**
 * The cards a template makes in a space starting on `startDate`: days become dates, and people who
 * are not in `members` are left out (said in the notes, in the translator's language; never an error).
 */
export const planTemplateCards = (
  content: SpaceTemplateContent,
  options: {
    startDate: string;
    members: ReadonlySet<string>;
    includeCards: boolean;
    translator?: Translator;
  },
): TemplatePlan => {
  const { t } = options.translator ?? createTranslator("en");
  if (!options.includeCards) return { cards: [], relations: [], notes: [] };
  const statusIndex = new Map(content.statuses.map((s, i) => [s.name, i]));
  const labelIndex = new Map(content.labels.map((l, i) => [l.name, i]));
  const missingPeople = new Set<string>();
  const cardsWithoutSomeone = new Set<string>();
  let datesDropped = 0;
  const dateOf = (day: number | null): string | null => {
    if (day === null) return null;
    const date = addDays(options.startDate, day);
    if (date < dateRange.min || date > dateRange.max) {
      datesDropped += 1;
      return null;
    }
    return date;
  };
  const keep = (cardKey: string, userId: string): boolean => {
    if (options.members.has(userId)) return true;
    missingPeople.add(userId);
    cardsWithoutSomeone.add(cardKey);
    return false;
  };
  const cards = content.cards.map((card): PlannedTemplateCard => {
    const responsibleId =
      card.responsibleId && keep(card.key, card.responsibleId) ? card.responsibleId : null;
    const coworkerIds = [...new Set(card.coworkerIds)].filter(
      (userId) => userId !== responsibleId && keep(card.key, userId),
    );
    return {
      key: card.key,
      name: card.name,
      description: card.description,
      status: statusIndex.get(card.status) ?? 0,
      labels: [...new Set(card.labels.flatMap((name) => labelIndex.get(name) ?? []))],
      todos: [...card.todos],
      startDate: dateOf(card.startDay),
      dueDate: dateOf(card.dueDay),
      responsibleId,
      coworkerIds,
    };
  });
  const cardIndex = new Map(cards.map((card, i) => [card.key, i]));
  const seen = new Set<string>();
  const relations = content.relations.flatMap((r) => {
    const from = cardIndex.get(r.from);
    const to = cardIndex.get(r.to);
    const key = `${r.kind}:${r.from}:${r.to}`;
    if (from === undefined || to === undefined || seen.has(key)) return [];
    seen.add(key);
    return [{ kind: r.kind, from, to }];
  });
  const notes: string[] = [];
  if (missingPeople.size > 0)
    notes.push(
      t("note.template.peopleNotInWorkspace", {
        people: missingPeople.size,
        cards: cardsWithoutSomeone.size,
      }),
    );
  if (datesDropped > 0)
    notes.push(
      t("note.template.datesOutside", { count: datesDropped, min: dateRange.min, max: dateRange.max }),
    );
  return { cards, relations, notes };
};

/** People a card template names who are no longer in the space, left out with a note. */
export const keepMembers = (
  people: { responsibleId: string | null; coworkerIds: readonly string[] },
  members: ReadonlySet<string>,
  translator: Translator = createTranslator("en"),
): { responsibleId: string | null; coworkerIds: string[]; notes: string[] } => {
  const missing = new Set<string>();
  let responsibleId = people.responsibleId;
  if (responsibleId !== null && !members.has(responsibleId)) {
    missing.add(responsibleId);
    responsibleId = null;
  }
  const coworkerIds = [...new Set(people.coworkerIds)].filter((userId) => {
    if (members.has(userId)) return userId !== responsibleId;
    missing.add(userId);
    return false;
  });
  const notes =
    missing.size > 0 ? [translator.t("note.template.peopleNotInSpace", { count: missing.size })] : [];
  return { responsibleId, coworkerIds, notes };
};
