/**
 * Making a card repeat, stopping it, and making a series' next occurrence. Rules, once: the caller
 * may write the card; the card has a date to repeat from; the rule reads (422 in rrule's words when
 * not); the series ends neither before it starts nor after no occurrence; exactly the current
 * occurrence carries the series. The next occurrence is the previous card with its to-dos reset,
 * its people and labels kept and its dates moved to the occurrence, placed at the bottom of the
 * space's first status and linked from the previous card by a previous → next relation.
 */
import type { CardRelation } from "../coordination-schemas.js";
import { DomainError, ErrorCode } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { keyFromNeighbours, type PlacementNeighbours } from "../ordering.js";
import {
  nextOccurrence,
  occurrenceDateOf,
  occurrenceDueAt,
  parseRule,
  shiftedDates,
  unprocessableRule,
} from "../recurrence.js";
import type { SetRepeatBody } from "../repeat-schemas.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card, CardRepeat, Status } from "../schemas.js";
import { type Actor, type MutatorResult, touchedCard, writableCard } from "./types.js";

export interface SetRepeatContext {
  role: WorkspaceRole | null;
  card: Card | null;
  /** The person's own time zone, the default for a new series. */
  actorTimeZone: string | null;
  /** A new series' id (used when the card does not repeat yet). */
  seriesId: string;
}

export interface SetRepeatChanges {
  card: Card;
  repeat: CardRepeat;
  isNew: boolean;
  /** For a series made "N days before": when its next occurrence is due. */
  dueAt: Date | null;
}

export const setCardRepeat = (
  context: SetRepeatContext,
  args: SetRepeatBody,
  _actor: Actor,
  now: Date,
): MutatorResult<SetRepeatChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  const current = card.repeat;
  const occurrenceDate = current?.occurrenceDate ?? occurrenceDateOf(card);
  if (occurrenceDate === null) {
    return unprocessableRule(
      {
        message: "A card repeats from its start date (or its due date): give the card a date first",
        refusal: { key: "refusal.repeat.needsDate" },
      },
      "body.rule",
    );
  }
  const parsed = parseRule(args.rule);
  if (parsed instanceof DomainError) return parsed;
  if (args.ends && args.ends.kind !== "never" && (parsed.count !== null || parsed.until !== null)) {
    return unprocessableRule(
      {
        message: "The end is given twice: in the rule (COUNT or UNTIL) and in 'ends'",
        refusal: { key: "refusal.repeat.endTwice" },
      },
      "body.ends",
    );
  }
  const ends = args.ends ?? (parsed.count !== null ? { kind: "after" as const, count: parsed.count } : null);
  const endsAfter = ends?.kind === "after" ? ends.count : null;
  const endsOn = ends?.kind === "on" ? ends.date : ends === null ? parsed.until : null;
  // Editing keeps the series' start and count; a new series starts at this card.
  const anchorDate = current?.anchorDate ?? occurrenceDate;
  const occurrenceCount = current?.occurrenceCount ?? 1;
  if (endsOn !== null && endsOn < occurrenceDate) {
    return unprocessableRule(
      {
        message: `The end (${endsOn}) is before the card's date (${occurrenceDate})`,
        refusal: { key: "refusal.repeat.endBeforeDate", values: { end: endsOn, date: occurrenceDate } },
      },
      "body.ends",
    );
  }
  if (endsAfter !== null && endsAfter < occurrenceCount) {
    return unprocessableRule(
      {
        message: `The series already has ${occurrenceCount} occurrences; it cannot end after ${endsAfter}`,
        refusal: { key: "refusal.repeat.endAfterPast", values: { count: occurrenceCount, endsAfter } },
      },
      "body.ends",
    );
  }
  const shape = { rule: parsed.rule, anchorDate, endsAfter, endsOn };
  const nextDate = nextOccurrence(shape, occurrenceDate, occurrenceCount);
  if (nextDate === null && endsAfter === null && endsOn === null) {
    return unprocessableRule(
      {
        message: "The rule has no date after the card's: it would never repeat",
        refusal: { key: "refusal.repeat.neverRepeats" },
      },
      "body.rule",
    );
  }
  const timeZone = args.timeZone ?? current?.timeZone ?? context.actorTimeZone ?? "UTC";
  const repeat: CardRepeat = {
    seriesId: current?.seriesId ?? context.seriesId,
    ...shape,
    timeZone,
    createWhen: args.createWhen,
    daysBefore: args.createWhen === "before_start" ? args.daysBefore : 0,
    occurrenceDate,
    occurrenceCount,
    nextDate,
  };
  const changed = touchedCard(card, { repeat }, now);
  return {
    changes: {
      card: changed,
      repeat,
      isNew: current === null,
      dueAt: occurrenceDueAt(repeat.createWhen, nextDate, repeat.daysBefore, timeZone),
    },
    events: [draft(spaceChannel(card.spaceId), "card.updated", { card: changed })],
  };
};

export interface StopRepeatChanges {
  card: Card;
  seriesId: string | null;
}

/** Stops a card repeating (no change when it does not repeat). */
export const stopCardRepeat = (
  context: Pick<SetRepeatContext, "role" | "card">,
  _args: Record<string, never>,
  _actor: Actor,
  now: Date,
): MutatorResult<StopRepeatChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  if (card.repeat === null) return { changes: { card, seriesId: null }, events: [] };
  const changed = touchedCard(card, { repeat: null }, now);
  return {
    changes: { card: changed, seriesId: card.repeat.seriesId },
    events: [draft(spaceChannel(card.spaceId), "card.updated", { card: changed })],
  };
};

export interface CreateOccurrenceContext {
  /** The series' current occurrence (with its `repeat`), read after its space's lock. */
  previous: Card;
  /** The space's first status and the key at its bottom. */
  status: Status | null;
  neighbours: PlacementNeighbours;
  cardId: string;
  relationId: string;
  /** Who made the series: the new card's creator. */
  createdBy: string | null;
}

export interface CreateOccurrenceChanges {
  card: Card;
  previous: Card;
  relation: CardRelation;
  statusChange: { toStatusId: string; toRole: Status["role"] };
  dueAt: Date | null;
}

/** The series' next occurrence after `previous`; refused when the series has ended or the space has no status. */
export const createOccurrence = (
  context: CreateOccurrenceContext,
  now: Date,
): MutatorResult<CreateOccurrenceChanges> => {
  const { previous, status } = context;
  const repeat = previous.repeat;
  if (repeat === null || repeat.nextDate === null) {
    return new DomainError(ErrorCode.conflict, "The series has no further occurrence", [], {
      key: "refusal.repeat.noFurther",
    });
  }
  if (status === null)
    return new DomainError(ErrorCode.conflict, "The space has no status", [], {
      key: "refusal.repeat.noStatus",
    });
  const placed = keyFromNeighbours({ kind: "bottom" }, context.neighbours, null);
  if ("field" in placed) return new DomainError(ErrorCode.conflict, placed.message, [], placed.problem);
  const date = repeat.nextDate;
  const occurrenceCount = repeat.occurrenceCount + 1;
  const nextDate = nextOccurrence(repeat, date, occurrenceCount);
  const nextRepeat: CardRepeat = { ...repeat, occurrenceDate: date, occurrenceCount, nextDate };
  const at = now.toISOString();
  const card: Card = {
    ...previous,
    ...shiftedDates(previous, date),
    id: context.cardId,
    statusId: status.id,
    position: placed.position,
    createdBy: context.createdBy,
    todoDone: 0,
    isBlocked: false,
    attachmentCount: 0,
    coverAttachmentId: null,
    createdAt: at,
    updatedAt: at,
    completedAt: status.role === "completed" ? at : null,
    archivedAt: null,
    version: 1,
    repeat: nextRepeat,
  };
  const changedPrevious = touchedCard(previous, { repeat: null }, now);
  const relation: CardRelation = {
    id: context.relationId,
    workspaceId: previous.workspaceId,
    kind: "next",
    fromCardId: previous.id,
    toCardId: card.id,
    createdAt: at,
  };
  const channel = spaceChannel(card.spaceId);
  return {
    changes: {
      card,
      previous: changedPrevious,
      relation,
      statusChange: { toStatusId: status.id, toRole: status.role },
      dueAt: occurrenceDueAt(repeat.createWhen, nextDate, repeat.daysBefore, repeat.timeZone),
    },
    events: [
      draft(spaceChannel(previous.spaceId), "card.updated", { card: changedPrevious }),
      draft(channel, "card.created", { card }),
      draft(channel, "relation.created", { relation }),
    ],
  };
};
