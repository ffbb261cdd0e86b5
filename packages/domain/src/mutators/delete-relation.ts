/**
 * Removing a relation. Security: seeing either end is enough to know the relation exists (else
 * 404); removing it takes writing both (else 403, or 404 when one end is out of sight).
 */
import type { CardRelation } from "../coordination-schemas.js";
import { notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import type { RelationEnd } from "./create-relation.js";
import { type Actor, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface DeleteRelationContext {
  relation: CardRelation | null;
  from: RelationEnd | null;
  to: RelationEnd | null;
}

export interface DeleteRelationChanges {
  relation: CardRelation;
}

const relationNotFound = () => notFound("Relation");

export const deleteRelation = (
  context: DeleteRelationContext,
  _args: Record<string, never>,
  _actor: Actor,
  _now: Date,
): MutatorResult<DeleteRelationChanges> => {
  const { relation } = context;
  const from = context.from?.role ? context.from : null;
  const to = context.to?.role ? context.to : null;
  if (!relation) return relationNotFound();
  const seen = from ?? to;
  if (!seen) return relationNotFound();
  const refused = refuseUnlessAllowed(seen.role, "write_cards", "Relation");
  if (refused) return refused;
  if (!from || !to) return relationNotFound();
  const refusedOther = refuseUnlessAllowed(to.role, "write_cards", "Relation");
  if (refusedOther) return refusedOther;
  return {
    changes: { relation },
    events: [...new Set([from.spaceId, to.spaceId])].map((spaceId) =>
      draft(spaceChannel(spaceId), "relation.deleted", { relation }),
    ),
  };
};
