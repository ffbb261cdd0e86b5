/**
 * Changing a column: its name, its role (what "done" means for charts and completedAt), its WIP
 * limit, its place among the space's columns. Cards already in it keep their completedAt: the role
 * applies to moves from now on.
 */
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { Status, UpdateStatusBody } from "../schemas.js";
import type { StatusChanges } from "./create-status.js";
import { managedBy, statusPosition } from "./status-rules.js";
import type { Actor, MutatorResult } from "./types.js";

export interface UpdateStatusContext {
  role: WorkspaceRole | null;
  status: Status | null;
  /** The space's statuses in order, this one included. */
  statuses: readonly Status[];
}

export const updateStatus = (
  context: UpdateStatusContext,
  args: UpdateStatusBody,
  _actor: Actor,
  _now: Date,
): MutatorResult<StatusChanges> => {
  const current = managedBy(context.role, context.status, "Status");
  if (current instanceof DomainError) return current;
  const status: Status = { ...current };
  if (args.name !== undefined) status.name = args.name;
  if (args.role !== undefined) status.role = args.role;
  if (args.wipLimit !== undefined) status.wipLimit = args.wipLimit;
  if (args.afterId !== undefined || args.beforeId !== undefined) {
    const position = statusPosition(context.statuses, args, current.id);
    if (position instanceof DomainError) return position;
    status.position = position;
  }
  return { changes: { status }, events: [draft(spaceChannel(status.spaceId), "status.updated", { status })] };
};
