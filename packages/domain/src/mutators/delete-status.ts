/**
 * Removing a column: only an empty one (archived cards count: they would lose their status), and
 * never a space's last one.
 */
import { DomainError, ErrorCode } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Status } from "../schemas.js";
import type { StatusChanges } from "./create-status.js";
import { managedBy } from "./status-rules.js";
import type { Actor, MutatorResult } from "./types.js";

export interface DeleteStatusContext {
  role: WorkspaceRole | null;
  status: Status | null;
  /** Cards in the status, archived ones included. */
  cardCount: number;
  /** Statuses of the space, this one included. */
  statusCount: number;
}

export const deleteStatus = (
  context: DeleteStatusContext,
  _args: Record<string, never>,
  _actor: Actor,
  _now: Date,
): MutatorResult<StatusChanges> => {
  const status = managedBy(context.role, context.status, "Status");
  if (status instanceof DomainError) return status;
  if (context.cardCount > 0) {
    return new DomainError(
      ErrorCode.statusNotEmpty,
      `"${status.name}" still holds ${context.cardCount} card(s), archived ones included; move or delete them first`,
      [],
      { key: "refusal.status.notEmpty", values: { status: status.name, count: context.cardCount } },
    );
  }
  if (context.statusCount <= 1)
    return new DomainError(ErrorCode.lastStatus, "A space needs at least one status", [], {
      key: "refusal.status.last",
    });
  return {
    changes: { status },
    events: [
      draft(spaceChannel(status.spaceId), "status.deleted", { statusId: status.id, spaceId: status.spaceId }),
    ],
  };
};
