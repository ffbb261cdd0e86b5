/**
 * Changing a card's own fields: name, description, archived, dates, people and labels (PATCH
 * /api/cards/:id). Rules, once: the caller may write cards; a start date never falls after the due
 * date (checked on the dates the card ends with, so changing one of them alone is checked too);
 * people must be able to read the card's space and labels must be the space's own; archiving keeps
 * the first archiving time. People newly put on a card follow it and hear about it.
 */
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card, UpdateCardBody } from "../schemas.js";
import { type Actor, invalidFieldError, type MutatorResult, touchedCard, writableCard } from "./types.js";

export interface UpdateCardContext {
  role: WorkspaceRole | null;
  card: Card | null;
  /** Of the people the request names (responsible, co-workers), those who may read the card's space. */
  readerIds: readonly string[];
  /** Of the labels the request names, those that belong to the card's space. */
  spaceLabelIds: readonly string[];
}

export interface UpdateCardChanges {
  card: Card;
  /** Co-workers to add and to take off, when the request sets them. */
  coworkers: { added: string[]; removed: string[] } | null;
  /** The card's whole new label set, when the request sets it. */
  labelIds: string[] | null;
  /** The responsible person, when newly made so (they follow the card and are told). */
  newResponsibleId: string | null;
  /** Co-workers newly added (they follow the card and are told). */
  newCoworkerIds: string[];
}

/** The people a request names, for the context's `readerIds` look-up. */
export const peopleNamedIn = (args: UpdateCardBody): string[] => [
  ...new Set([...(args.responsibleId ? [args.responsibleId] : []), ...(args.coworkerIds ?? [])]),
];

export const updateCard = (
  context: UpdateCardContext,
  args: UpdateCardBody,
  _actor: Actor,
  now: Date,
): MutatorResult<UpdateCardChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  const startDate = args.startDate !== undefined ? args.startDate : card.startDate;
  const dueDate = args.dueDate !== undefined ? args.dueDate : card.dueDate;
  if (startDate && dueDate && startDate > dueDate) {
    return invalidFieldError(
      args.dueDate !== undefined ? "body.dueDate" : "body.startDate",
      "must not put the due date before the start date",
      { key: "refusal.field.dueBeforeStart" },
    );
  }
  const readers = new Set(context.readerIds);
  if (args.responsibleId && !readers.has(args.responsibleId)) {
    return invalidFieldError("body.responsibleId", "is not a user of this space", {
      key: "refusal.field.notSpaceUser",
    });
  }
  const wantedCoworkers = args.coworkerIds === undefined ? null : [...new Set(args.coworkerIds)];
  if (wantedCoworkers?.some((id) => !readers.has(id))) {
    return invalidFieldError("body.coworkerIds", "must all be users of this space", {
      key: "refusal.field.allSpaceUsers",
    });
  }
  const wantedLabels = args.labelIds === undefined ? null : [...new Set(args.labelIds)];
  const spaceLabels = new Set(context.spaceLabelIds);
  if (wantedLabels?.some((id) => !spaceLabels.has(id))) {
    return invalidFieldError("body.labelIds", "must all be labels of this card's space", {
      key: "refusal.field.allLabelsOfCardSpace",
    });
  }
  const added = wantedCoworkers?.filter((id) => !card.coworkerIds.includes(id)) ?? [];
  const removed = wantedCoworkers ? card.coworkerIds.filter((id) => !wantedCoworkers.includes(id)) : [];
  const newResponsibleId =
    args.responsibleId && args.responsibleId !== card.responsibleId ? args.responsibleId : null;
  const patch: Partial<Card> = { startDate, dueDate };
  if (args.name !== undefined) patch.name = args.name;
  if (args.description !== undefined) patch.description = args.description;
  if (args.archived !== undefined) {
    patch.archivedAt = args.archived ? (card.archivedAt ?? now.toISOString()) : null;
  }
  if (args.responsibleId !== undefined) patch.responsibleId = args.responsibleId;
  if (wantedCoworkers)
    patch.coworkerIds = [...card.coworkerIds.filter((id) => !removed.includes(id)), ...added];
  if (wantedLabels) patch.labelIds = wantedLabels;
  const updated = touchedCard(card, patch, now);
  return {
    changes: {
      card: updated,
      coworkers: wantedCoworkers ? { added, removed } : null,
      labelIds: wantedLabels,
      newResponsibleId,
      newCoworkerIds: added,
    },
    events: [draft(spaceChannel(card.spaceId), "card.updated", { card: updated })],
  };
};
