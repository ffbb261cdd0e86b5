/** Renaming or recolouring a label; the cards that carry it show the change through the label. */
import type { Label } from "../coordination-schemas.js";
import { DomainError, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { WorkspaceRole } from "../roles.js";
import type { LabelChanges } from "./create-label.js";
import { type Actor, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface LabelContext {
  /** The actor's role on the label's space; null when they may not see it. */
  role: WorkspaceRole | null;
  label: Label | null;
}

/** The label when the caller may change it. A label that does not exist is 404 whoever asks. */
export const writableLabel = (context: LabelContext): Label | DomainError => {
  if (!context.label) return notFound("Label");
  return refuseUnlessAllowed(context.role, "write_cards", "Label") ?? context.label;
};

export const updateLabel = (
  context: LabelContext,
  args: {
    name?: string | undefined;
    color?: string | undefined;
    serviceLevelDays?: number | null | undefined;
  },
  _actor: Actor,
  _now: Date,
): MutatorResult<LabelChanges> => {
  const current = writableLabel(context);
  if (current instanceof DomainError) return current;
  // A service-level target is a space setting: only its owners change it.
  if (args.serviceLevelDays !== undefined) {
    const refused = refuseUnlessAllowed(context.role, "manage_settings", "Label");
    if (refused) return refused;
  }
  const label: Label = {
    ...current,
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.color !== undefined ? { color: args.color.toLowerCase() } : {}),
    ...(args.serviceLevelDays !== undefined ? { serviceLevelDays: args.serviceLevelDays } : {}),
  };
  return { changes: { label }, events: [draft(spaceChannel(label.spaceId), "label.updated", { label })] };
};
