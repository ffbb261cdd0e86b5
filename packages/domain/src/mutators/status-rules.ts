/** What the status mutators share: who may manage a space's columns, and where a column goes. */
import type { DomainError, NotFoundNoun } from "../errors.js";
import { type Placement, positionAmong } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import { invalidFieldError, refuseUnlessAllowed } from "./types.js";

/** The thing when the caller may see it and manage the space's statuses, else the refusal. */
export const managedBy = <T>(
  role: WorkspaceRole | null,
  thing: T | null,
  what: NotFoundNoun,
): T | DomainError => {
  const refused = refuseUnlessAllowed(thing === null ? null : role, "manage_statuses", what);
  return refused ?? (thing as T);
};

/** The key among the space's statuses (in order), or the field naming a status that is not one of them. */
export const statusPosition = (
  siblings: readonly { id: string; position: string }[],
  placement: Placement,
  movingId?: string,
): string | DomainError => {
  const placed = positionAmong(siblings, placement, movingId);
  return "invalidField" in placed
    ? invalidFieldError(`body.${placed.invalidField}`, "is not a status of this space", {
        key: "refusal.field.notStatusOfSpace",
      })
    : placed.position;
};
