/**
 * Mutators are the one meaning of a change: a pure function of exactly the state the rule needs
 * (the context), the request, the actor and the time, returning the rows to write and the events to
 * append, or the DomainError that refuses it. The server runs one inside its transaction on the
 * state it loaded; the web app runs the same one on its store for the optimistic update, so the two
 * cannot disagree about what a change does or whether it is allowed.
 */
import {
  DomainError,
  invalidFieldRefusal,
  type NotFoundNoun,
  notFound,
  type RefusalMessage,
  roleRefusal,
} from "../errors.js";
import type { DraftEvent } from "../events.js";
import { type Action, can } from "../permissions.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card } from "../schemas.js";

export interface MutationOutcome<Changes> {
  changes: Changes;
  events: DraftEvent[];
}

export type MutatorResult<Changes> = MutationOutcome<Changes> | DomainError;

export interface Actor {
  id: string;
}

export const isRefusal = <Changes>(result: MutatorResult<Changes>): result is DomainError =>
  result instanceof DomainError;

/** 400 for one field; `problem` is `message` as a `refusal.field.*` message. */
export const invalidFieldError = (field: string, message: string, problem: RefusalMessage): DomainError =>
  invalidFieldRefusal(field, message, problem);

/**
 * Security: 404 before 403. With no role the caller may not know the thing exists, which is the
 * same answer as for an id that does not exist; a visible one the role may not change is a 403.
 */
export const refuseUnlessAllowed = (
  role: WorkspaceRole | null,
  action: Action,
  what: NotFoundNoun,
): DomainError | null => {
  if (role === null) return notFound(what);
  if (can(role, action)) return null;
  return roleRefusal(role);
};

/** A card after a change: the patch applied, stamped with the time and the next version. */
export const touchedCard = (card: Card, patch: Partial<Card>, now: Date): Card => ({
  ...card,
  ...patch,
  updatedAt: now.toISOString(),
  version: card.version + 1,
});

/** The card when the caller may see it and write cards there, else the refusal (404 before 403). */
export const writableCard = <T>(
  role: WorkspaceRole | null,
  card: T | null,
  what: NotFoundNoun = "Card",
): T | DomainError => {
  if (card === null) return notFound(what);
  return refuseUnlessAllowed(role, "write_cards", what) ?? card;
};
