/**
 * Labels belong to a space; whoever may write its cards manages them. Colours are stored in lower
 * case, so "#1F8A70" and "#1f8a70" are one colour.
 */
import type { Label } from "../coordination-schemas.js";
import { DomainError } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import { type Actor, type MutatorResult, refuseUnlessAllowed, writableCard } from "./types.js";

export interface CreateLabelContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  labelId: string;
}

export interface LabelChanges {
  label: Label;
}

export const createLabel = (
  context: CreateLabelContext,
  args: { name: string; color: string; serviceLevelDays?: number | null | undefined },
  _actor: Actor,
  _now: Date,
): MutatorResult<LabelChanges> => {
  const space = writableCard(context.role, context.space, "Space");
  if (space instanceof DomainError) return space;
  const label: Label = {
    id: context.labelId,
    workspaceId: space.workspaceId,
    spaceId: space.id,
    name: args.name,
    color: args.color.toLowerCase(),
    serviceLevelDays: null,
  };
  // A service-level target is a space setting: only its owners set one.
  if (args.serviceLevelDays !== undefined && args.serviceLevelDays !== null) {
    const refused = refuseUnlessAllowed(context.role, "manage_settings", "Space");
    if (refused) return refused;
    label.serviceLevelDays = args.serviceLevelDays;
  }
  return { changes: { label }, events: [draft(spaceChannel(space.id), "label.created", { label })] };
};
