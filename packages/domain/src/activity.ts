/**
 * The activity stream is the event log read aloud: each event that a person would call "something
 * happened on this card" becomes one sentence. Events that only mirror another one (the card.updated
 * that carries new to-do counts next to a todo.* event) or that are not work (labels, access,
 * notifications) read as null and are left out.
 *
 * Names are looked up through `names` at reading time (the current name of a user or status); the
 * card's name is taken from the event itself where the event carries the card, so a renamed card
 * reads right at each point of its history.
 */
import { z } from "zod";
import type { TodoItem } from "./coordination-schemas.js";
import { type DraftEvent, type EventPayloads, type EventType, eventCardId } from "./events.js";
import type { CustomField, FieldValue } from "./field-schemas.js";
import type { Card } from "./schemas.js";
import { id, isoTime } from "./schemas.js";

export interface ActivityNames {
  user(id: string): string;
  status(id: string): string;
  card(id: string): string;
  /**
   * Security: a card in a space the reader may not see (the other end of a relation). It is never
   * named, only called `hiddenCardPhrase`.
   */
  isHiddenCard?(id: string): boolean;
}

export const hiddenCardPhrase = "a card you cannot see";

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

const quoted = (text: string): string => {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `'${oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine}'`;
};

/** A card by id as a sentence names it: quoted, or described when the reader may not see it. */
const cardRef = (cardId: string, names: ActivityNames): string =>
  names.isHiddenCard?.(cardId) ? hiddenCardPhrase : quoted(names.card(cardId));

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

const listNames = (ids: readonly string[], names: ActivityNames): string => {
  const all = ids.map((i) => names.user(i));
  if (all.length <= 1) return all.join("");
  return `${all.slice(0, -1).join(", ")} and ${all[all.length - 1]}`;
};

/** What changed on a card between two copies of it, as phrases after the actor's name. */
const cardChanges = (before: Card, after: Card, names: ActivityNames): string[] => {
  const card = quoted(before.name);
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`renamed ${card} to ${quoted(after.name)}`);
  const subject = before.name !== after.name ? quoted(after.name) : card;
  if (before.description !== after.description) changes.push(`edited the description of ${subject}`);
  if (before.archivedAt === null && after.archivedAt !== null) changes.push(`archived ${subject}`);
  if (before.archivedAt !== null && after.archivedAt === null) changes.push(`restored ${subject}`);
  if (before.responsibleId !== after.responsibleId) {
    changes.push(
      after.responsibleId
        ? `made ${names.user(after.responsibleId)} responsible for ${subject}`
        : `removed the responsible person from ${subject}`,
    );
  }
  if (!sameIds(before.coworkerIds, after.coworkerIds)) {
    const added = after.coworkerIds.filter((i) => !before.coworkerIds.includes(i));
    const removed = before.coworkerIds.filter((i) => !after.coworkerIds.includes(i));
    if (added.length > 0) changes.push(`added ${listNames(added, names)} as co-worker on ${subject}`);
    if (removed.length > 0) changes.push(`removed ${listNames(removed, names)} as co-worker from ${subject}`);
  }
  if (before.startDate !== after.startDate || before.dueDate !== after.dueDate) {
    changes.push(
      after.startDate || after.dueDate
        ? `set the dates of ${subject} to ${after.startDate ?? "…"} – ${after.dueDate ?? "…"}`
        : `cleared the dates of ${subject}`,
    );
  }
  if (!sameIds(before.labelIds, after.labelIds)) changes.push(`changed the labels of ${subject}`);
  return changes;
};

/** A field's value as a sentence says it: text and choices quoted, a person by name. */
const fieldValueText = (field: CustomField, value: FieldValue, names: ActivityNames): string => {
  const option = (id: string) => {
    const found = field.options.find((o) => o.id === id);
    return found ? quoted(found.name) : "a removed option";
  };
  if (Array.isArray(value)) {
    const all = value.map(option);
    return all.length <= 1 ? all.join("") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
  }
  if (field.kind === "single_choice" && typeof value === "string") return option(value);
  if (field.kind === "person" && typeof value === "string") return names.user(value);
  if (typeof value === "number" || field.kind === "date") return String(value);
  return quoted(String(value));
};

const joinChanges = (changes: string[]): string =>
  changes.length <= 1 ? (changes[0] ?? "") : `${changes.slice(0, -1).join(", ")} and ${changes.at(-1)}`;

/** One sentence for an event, or null when the event is not activity a person reads. */
export const describeEvent = (
  event: ActivityEvent,
  names: ActivityNames,
  previous: ActivityPrevious = {},
): string | null => {
  const actor = event.actorId ? names.user(event.actorId) : "Someone";
  const say = (what: string): string => `${actor} ${what}`;
  switch (event.type) {
    case "card.created":
      return say(
        `created ${quoted(event.payload.card.name)} in ${names.status(event.payload.card.statusId)}`,
      );
    case "card.moved": {
      const { card, fromStatusId } = event.payload;
      if (fromStatusId === card.statusId) return say(`reordered ${quoted(card.name)}`);
      return say(
        `moved ${quoted(card.name)} from ${names.status(fromStatusId)} to ${names.status(card.statusId)}`,
      );
    }
    case "card.updated": {
      const after = event.payload.card;
      const before = previous.card;
      if (!before) return say(`updated ${quoted(after.name)}`);
      const changes = cardChanges(before, after, names);
      // Only counts changed (to-dos, blockings): the todo.* or blocking.* event beside it tells it.
      return changes.length > 0 ? say(joinChanges(changes)) : null;
    }
    case "card.deleted":
      return say(
        `deleted ${quoted(event.payload.name ?? previous.card?.name ?? names.card(event.payload.cardId))}`,
      );
    case "card.restored":
      return say(`restored ${quoted(event.payload.card.name)}`);
    case "card.moved_out":
      return say(`moved ${quoted(event.payload.name)} to another space`);
    case "card.moved_in": {
      const { card, fromSpaceName, toSpaceName, droppedLabelNames, removedUserIds } = event.payload;
      const notes = [
        ...(droppedLabelNames.length > 0
          ? [
              `dropped the label${droppedLabelNames.length === 1 ? "" : "s"} ${droppedLabelNames.map(quoted).join(", ")} (none of that name there)`,
            ]
          : []),
        ...(removedUserIds.length > 0
          ? [`took ${listNames(removedUserIds, names)} off it (they cannot read ${toSpaceName})`]
          : []),
      ];
      const moved = `moved ${quoted(card.name)} from ${fromSpaceName} to ${toSpaceName}`;
      return say(notes.length > 0 ? `${moved}; ${notes.join("; ")}` : moved);
    }
    case "todo.created":
      return say(`added a to-do to ${cardRef(event.payload.todo.cardId, names)}`);
    case "todo.updated": {
      const { todo } = event.payload;
      const card = cardRef(todo.cardId, names);
      const before = previous.todo;
      if (before && before.isDone !== todo.isDone) {
        return say(`${todo.isDone ? "ticked off" : "reopened"} the to-do ${quoted(todo.text)} on ${card}`);
      }
      if (before && before.text === todo.text) return say(`reordered the to-dos of ${card}`);
      return say(`edited the to-do ${quoted(todo.text)} on ${card}`);
    }
    case "todo.deleted": {
      const card = cardRef(event.payload.cardId, names);
      return previous.todo
        ? say(`removed the to-do ${quoted(previous.todo.text)} from ${card}`)
        : say(`removed a to-do from ${card}`);
    }
    case "comment.created":
      return say(`commented on ${cardRef(event.payload.comment.cardId, names)}`);
    case "comment.updated":
      return say(`edited a comment on ${cardRef(event.payload.comment.cardId, names)}`);
    case "comment.deleted":
      return say(`deleted a comment on ${cardRef(event.payload.cardId, names)}`);
    case "blocking.created": {
      const { blocking } = event.payload;
      return say(
        `blocked ${cardRef(blocking.cardId, names)} (${blocking.blockerName}: ${quoted(blocking.reason)})`,
      );
    }
    case "blocking.cleared": {
      const { blocking } = event.payload;
      return say(`cleared the ${blocking.blockerName} blocker on ${cardRef(blocking.cardId, names)}`);
    }
    case "relation.created":
    case "relation.deleted": {
      const { relation } = event.payload;
      const from = cardRef(relation.fromCardId, names);
      const to = cardRef(relation.toCardId, names);
      const made = event.type === "relation.created";
      if (relation.kind === "parent") {
        return made ? say(`made ${from} the parent of ${to}`) : say(`removed ${from} as parent of ${to}`);
      }
      return made ? say(`made ${to} follow ${from}`) : say(`unlinked ${to} from ${from}`);
    }
    case "attachment.created": {
      const { attachment } = event.payload;
      return say(`attached ${quoted(attachment.name)} to ${cardRef(attachment.cardId, names)}`);
    }
    case "attachment.updated": {
      const { attachment, previousName } = event.payload;
      const card = cardRef(attachment.cardId, names);
      if (previousName !== attachment.name)
        return say(`renamed the document ${quoted(previousName)} to ${quoted(attachment.name)} on ${card}`);
      return attachment.isCover
        ? say(`made ${quoted(attachment.name)} the cover of ${card}`)
        : say(`removed ${quoted(attachment.name)} as the cover of ${card}`);
    }
    case "attachment.deleted":
      return say(`removed ${quoted(event.payload.name)} from ${cardRef(event.payload.cardId, names)}`);
    case "card.field_set": {
      const { field, value, cardId } = event.payload;
      const card = cardRef(cardId, names);
      return value === null
        ? say(`cleared ${field.name} on ${card}`)
        : say(`set ${field.name} to ${fieldValueText(field, value, names)} on ${card}`);
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
