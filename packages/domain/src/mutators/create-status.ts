/**
 * Adding a column to a space: the caller may manage its statuses; it goes after or before a named
 * column, or last.
 */
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { CreateStatusBody, Status } from "../schemas.js";
import { managedBy, statusPosition } from "./status-rules.js";
import type { Actor, MutatorResult } from "./types.js";

export interface CreateStatusContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  /** The space's statuses in order. */
  statuses: readonly Status[];
  statusId: string;
}

export interface StatusChanges {
  status: Status;
}

export const createStatus = (
  context: CreateStatusContext,
  args: CreateStatusBody,
  _actor: Actor,
  _now: Date,
): MutatorResult<StatusChanges> => {
  const space = managedBy(context.role, context.space, "Space");
  if (space instanceof DomainError) return space;
  const position = statusPosition(context.statuses, args);
  if (position instanceof DomainError) return position;
  const status: Status = {
    id: context.statusId,
    workspaceId: space.workspaceId,
    spaceId: space.id,
    name: args.name,
    role: args.role,
    wipLimit: args.wipLimit ?? null,
    position,
  };
  return { changes: { status }, events: [draft(spaceChannel(space.id), "status.created", { status })] };
};
