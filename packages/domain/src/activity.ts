/**
 * The activity stream is the event log read aloud: each event that a person would call "something
 * happened on this card" becomes one sentence. Events that only mirror another one (the card.updated
 * that carries new to-do counts next to a todo.* event) or that are not work (labels, access,
 * notifications) read as null and are left out.
 *
 * Sentences are in the reader's language: the caller passes the translator (i18n/translator.ts) of
 * the reader's locale; names, card titles and to-do texts are arguments of its ICU messages.
 *
 * Names are looked up through `names` at reading time (the current name of a user or status); the
 * card's name is taken from the event itself where the event carries the card, so a renamed card
 * reads right at each point of its history.
 */
import { z } from "zod";
import type { TodoItem } from "./coordination-schemas.js";
import { type DraftEvent, type EventPayloads, type EventType, eventCardId } from "./events.js";
import type { CustomField, FieldValue } from "./field-schemas.js";
import type { Translator } from "./i18n/translator.js";
import type { Card } from "./schemas.js";
import { id, isoTime } from "./schemas.js";

export interface ActivityNames {
  user(id: string): string;
  status(id: string): string;
  card(id: string): string;
  /**
   * Security: a card in a space the reader may not see (the other end of a relation). It is never
   * named, only called "a card you cannot see" (`activity.hiddenCard`).
   */
  isHiddenCard?(id: string): boolean;
}

/** What the describer needs of an event. */
export type ActivityEvent = {
  [T in EventType]: { type: T; payload: EventPayloads[T]; actorId: string | null };
}[EventType];

/**
 * The state before the event of the thing it changed, where the reader found it in the log (the
 * previous card.* event of the card, the previous todo.* event of the to-do). Without it a change
 * reads in general terms ("updated 'X'").
 */
export interface ActivityPrevious {
  card?: Card | null;
  todo?: TodoItem | null;
}

/** Event types that may read as activity; anything else is never shown. */
export const activityEventTypes = [
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "card.restored",
  "card.moved_out",
  "card.moved_in",
  "todo.created",
  "todo.updated",
  "todo.deleted",
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "blocking.created",
  "blocking.cleared",
  "relation.created",
  "relation.deleted",
  "attachment.created",
  "attachment.updated",
  "attachment.deleted",
  "card.field_set",
] as const satisfies readonly EventType[];

export const activityItemSchema = z.object({
  seq: z.number().int(),
  channel: z.string(),
  type: z.string(),
  actorId: id.nullable(),
  actorName: z.string(),
  at: isoTime,
  text: z.string(),
  cardId: id.nullable(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const activityPageSchema = z.object({
  items: z.array(activityItemSchema),
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  nextBefore: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

/** Text someone typed, on one line, at most 80 characters, in the language's quotation marks. */
export const quoteText = (text: string, { t }: Translator): string => {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return t("activity.quoted", { text: oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine });
};

/** A card by id as a sentence names it: quoted, or described when the reader may not see it. */
const cardRef = (cardId: string, names: ActivityNames, tr: Translator): string =>
  names.isHiddenCard?.(cardId) ? tr.t("activity.hiddenCard") : quoteText(names.card(cardId), tr);

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

const listNames = (ids: readonly string[], names: ActivityNames, tr: Translator): string =>
  tr.format.list(ids.map((i) => names.user(i)));

/** A calendar day of a card, or the open end of its span. */
const dayText = (day: string | null, tr: Translator): string =>
  day ? tr.format.day(day) : tr.t("activity.openDate");

/** What changed on a card between two copies of it, as phrases after the actor's name. */
const cardChanges = (before: Card, after: Card, names: ActivityNames, tr: Translator): string[] => {
  const { t } = tr;
  const card = quoteText(before.name, tr);
  const changes: string[] = [];
  if (before.name !== after.name)
    changes.push(t("activity.change.renamed", { card, name: quoteText(after.name, tr) }));
  const subject = before.name !== after.name ? quoteText(after.name, tr) : card;
  if (before.description !== after.description)
    changes.push(t("activity.change.description", { card: subject }));
  if (before.archivedAt === null && after.archivedAt !== null)
    changes.push(t("activity.change.archived", { card: subject }));
  if (before.archivedAt !== null && after.archivedAt === null)
    changes.push(t("activity.change.restored", { card: subject }));
  if (before.responsibleId !== after.responsibleId) {
    changes.push(
      after.responsibleId
        ? t("activity.change.responsible", { person: names.user(after.responsibleId), card: subject })
        : t("activity.change.noResponsible", { card: subject }),
    );
  }
  if (!sameIds(before.coworkerIds, after.coworkerIds)) {
    const added = after.coworkerIds.filter((i) => !before.coworkerIds.includes(i));
    const removed = before.coworkerIds.filter((i) => !after.coworkerIds.includes(i));
    if (added.length > 0)
      changes.push(
        t("activity.change.coworkersAdded", { people: listNames(added, names, tr), card: subject }),
      );
    if (removed.length > 0)
      changes.push(
        t("activity.change.coworkersRemoved", { people: listNames(removed, names, tr), card: subject }),
      );
  }
  if (before.startDate !== after.startDate || before.dueDate !== after.dueDate) {
    changes.push(
      after.startDate || after.dueDate
        ? t("activity.change.dates", {
            card: subject,
            start: dayText(after.startDate, tr),
            due: dayText(after.dueDate, tr),
          })
        : t("activity.change.datesCleared", { card: subject }),
    );
  }
  if (!sameIds(before.labelIds, after.labelIds)) changes.push(t("activity.change.labels", { card: subject }));
  return changes;
};

/** A field's value as a sentence says it: text and choices quoted, a person by name. */
const fieldValueText = (
  field: CustomField,
  value: FieldValue,
  names: ActivityNames,
  tr: Translator,
): string => {
  const option = (id: string) => {
    const found = field.options.find((o) => o.id === id);
    return found ? quoteText(found.name, tr) : tr.t("activity.removedOption");
  };
  if (Array.isArray(value)) return tr.format.list(value.map(option));
  if (field.kind === "single_choice" && typeof value === "string") return option(value);
  if (field.kind === "person" && typeof value === "string") return names.user(value);
  if (typeof value === "number") return tr.format.number(value);
  if (field.kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return tr.format.day(value);
  return quoteText(String(value), tr);
};

/**
 * One sentence for an event in the translator's language, or null when the event is not activity a
 * person reads.
 */
export const describeEvent = (
  event: ActivityEvent,
  names: ActivityNames,
  tr: Translator,
  previous: ActivityPrevious = {},
): string | null => {
  const { t } = tr;
  const actor = event.actorId ? names.user(event.actorId) : t("activity.someone");
  const q = (text: string) => quoteText(text, tr);
  const ref = (cardId: string) => cardRef(cardId, names, tr);
  switch (event.type) {
    case "card.created":
      return t("activity.card.created", {
        actor,
        card: q(event.payload.card.name),
        status: names.status(event.payload.card.statusId),
      });
    case "card.moved": {
      const { card, fromStatusId } = event.payload;
      if (fromStatusId === card.statusId) return t("activity.card.reordered", { actor, card: q(card.name) });
      return t("activity.card.moved", {
        actor,
        card: q(card.name),
        from: names.status(fromStatusId),
        to: names.status(card.statusId),
      });
    }
    case "card.updated": {
      const after = event.payload.card;
      const before = previous.card;
      if (!before) return t("activity.card.updated", { actor, card: q(after.name) });
      const changes = cardChanges(before, after, names, tr);
      // Only counts changed (to-dos, blockings): the todo.* or blocking.* event beside it tells it.
      return changes.length > 0
        ? t("activity.card.changed", { actor, changes: tr.format.list(changes) })
        : null;
    }
    case "card.deleted":
      return t("activity.card.deleted", {
        actor,
        card: q(event.payload.name ?? previous.card?.name ?? names.card(event.payload.cardId)),
      });
    case "card.restored":
      return t("activity.card.restored", { actor, card: q(event.payload.card.name) });
    case "card.moved_out":
      return t("activity.card.movedOut", { actor, card: q(event.payload.name) });
    case "card.moved_in": {
      const { card, fromSpaceName, toSpaceName, droppedLabelNames, removedUserIds } = event.payload;
      const notes = [
        ...(droppedLabelNames.length > 0
          ? [
              t("activity.movedIn.droppedLabels", {
                count: droppedLabelNames.length,
                labels: tr.format.unitList(droppedLabelNames.map(q)),
              }),
            ]
          : []),
        ...(removedUserIds.length > 0
          ? [
              t("activity.movedIn.removedPeople", {
                people: listNames(removedUserIds, names, tr),
                space: toSpaceName,
              }),
            ]
          : []),
      ];
      const moved = { actor, card: q(card.name), from: fromSpaceName, to: toSpaceName };
      const [first, second] = notes;
      if (first === undefined) return t("activity.card.movedIn", moved);
      return t("activity.card.movedInWithNotes", {
        ...moved,
        notes: second === undefined ? first : t("activity.movedIn.bothNotes", { first, second }),
      });
    }
    case "todo.created":
      return t("activity.todo.created", { actor, card: ref(event.payload.todo.cardId) });
    case "todo.updated": {
      const { todo } = event.payload;
      const card = ref(todo.cardId);
      const before = previous.todo;
      if (before && before.isDone !== todo.isDone) {
        return t(todo.isDone ? "activity.todo.done" : "activity.todo.reopened", {
          actor,
          todo: q(todo.text),
          card,
        });
      }
      if (before && before.text === todo.text) return t("activity.todo.reordered", { actor, card });
      return t("activity.todo.edited", { actor, todo: q(todo.text), card });
    }
    case "todo.deleted": {
      const card = ref(event.payload.cardId);
      return previous.todo
        ? t("activity.todo.removed", { actor, todo: q(previous.todo.text), card })
        : t("activity.todo.removedUnknown", { actor, card });
    }
    case "comment.created":
      return t("activity.comment.created", { actor, card: ref(event.payload.comment.cardId) });
    case "comment.updated":
      return t("activity.comment.updated", { actor, card: ref(event.payload.comment.cardId) });
    case "comment.deleted":
      return t("activity.comment.deleted", { actor, card: ref(event.payload.cardId) });
    case "blocking.created": {
      const { blocking } = event.payload;
      return t("activity.blocking.created", {
        actor,
        card: ref(blocking.cardId),
        blocker: blocking.blockerName,
        reason: q(blocking.reason),
      });
    }
    case "blocking.cleared": {
      const { blocking } = event.payload;
      return t("activity.blocking.cleared", {
        actor,
        blocker: blocking.blockerName,
        card: ref(blocking.cardId),
      });
    }
    case "relation.created":
    case "relation.deleted": {
      const { relation } = event.payload;
      const ends = { actor, from: ref(relation.fromCardId), to: ref(relation.toCardId) };
      const made = event.type === "relation.created";
      if (relation.kind === "parent")
        return t(made ? "activity.relation.parentMade" : "activity.relation.parentRemoved", ends);
      return t(made ? "activity.relation.followMade" : "activity.relation.followRemoved", ends);
    }
    case "attachment.created": {
      const { attachment } = event.payload;
      return t("activity.attachment.created", {
        actor,
        name: q(attachment.name),
        card: ref(attachment.cardId),
      });
    }
    case "attachment.updated": {
      const { attachment, previousName } = event.payload;
      const card = ref(attachment.cardId);
      if (previousName !== attachment.name)
        return t("activity.attachment.renamed", {
          actor,
          from: q(previousName),
          to: q(attachment.name),
          card,
        });
      return t(attachment.isCover ? "activity.attachment.cover" : "activity.attachment.uncover", {
        actor,
        name: q(attachment.name),
        card,
      });
    }
    case "attachment.deleted":
      return t("activity.attachment.deleted", {
        actor,
        name: q(event.payload.name),
        card: ref(event.payload.cardId),
      });
    case "card.field_set": {
      const { field, value, cardId } = event.payload;
      const card = ref(cardId);
      return value === null
        ? t("activity.field.cleared", { actor, field: field.name, card })
        : t("activity.field.set", {
            actor,
            field: field.name,
            value: fieldValueText(field, value, names, tr),
            card,
          });
    }
    default:
      return null;
  }
};

/** The card an activity event is about, if any (for relations: the card it starts from). */
export const activityCardId = (event: { type: string; payload: unknown }): string | null => {
  const cardId = eventCardId(event as Pick<DraftEvent, "payload">);
  if (cardId !== null) return cardId;
  const relation = (event.payload as { relation?: { fromCardId?: unknown } }).relation;
  return typeof relation?.fromCardId === "string" ? relation.fromCardId : null;
};
