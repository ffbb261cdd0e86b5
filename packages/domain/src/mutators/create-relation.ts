/**
 * Relating two cards: parent/child or previous/next. Rules, once: the caller may write both cards,
 * which live in the same workspace; a card is not related to itself, nor twice the same way; a
 * relation that would close a cycle is refused, naming the cycle. The event goes to the space
 * channel of each end.
 */
import type { CardRelation, CreateRelationBody, RelationKind } from "../coordination-schemas.js";
import { DomainError, ErrorCode } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { type Edge, findCycle } from "../relations.js";
import type { WorkspaceRole } from "../roles.js";
import {
  type Actor,
  invalidFieldError,
  type MutatorResult,
  refuseUnlessAllowed,
  writableCard,
} from "./types.js";

/** One end of a relation as the caller sees it: null role when they may not see that card. */
export interface RelationEnd {
  id: string;
  workspaceId: string;
  spaceId: string;
  name: string;
  role: WorkspaceRole | null;
}

export interface CreateRelationContext {
  card: RelationEnd | null;
  other: RelationEnd | null;
  /**
   * The workspace's relations of the requested kind, and the names of the cards they touch that the
   * actor may read: a cycle through a card missing from `names` is told without naming that card.
   */
  edges: readonly Edge[];
  names: Readonly<Record<string, string>>;
  relationId: string;
}

export interface CreateRelationChanges {
  relation: CardRelation;
}

/** The stored kind and direction of a request: parent/previous point from the other card to this one. */
export const relationOf = (
  cardId: string,
  args: CreateRelationBody,
): { kind: RelationKind; fromCardId: string; toCardId: string } => {
  const kind: RelationKind = args.type === "parent" || args.type === "child" ? "parent" : "next";
  return args.type === "parent" || args.type === "previous"
    ? { kind, fromCardId: args.cardId, toCardId: cardId }
    : { kind, fromCardId: cardId, toCardId: args.cardId };
};

export const createRelation = (
  context: CreateRelationContext,
  args: CreateRelationBody,
  _actor: Actor,
  now: Date,
): MutatorResult<CreateRelationChanges> => {
  const card = writableCard(context.card?.role ?? null, context.card);
  if (card instanceof DomainError) return card;
  const { other } = context;
  if (!other || other.role === null || other.workspaceId !== card.workspaceId) {
    return invalidFieldError("body.cardId", "is not a card of this workspace that you can see", {
      key: "refusal.field.notVisibleCard",
    });
  }
  const refused = refuseUnlessAllowed(other.role, "write_cards", "Card");
  if (refused) return refused;
  if (other.id === card.id)
    return invalidFieldError("body.cardId", "cannot be the card itself", { key: "refusal.field.cardItself" });
  const { kind, fromCardId, toCardId } = relationOf(card.id, args);
  if (context.edges.some((e) => e.from === fromCardId && e.to === toCardId)) {
    return new DomainError(ErrorCode.conflict, "These cards are already related this way", [], {
      key: "refusal.relation.exists",
    });
  }
  const cycle = findCycle(context.edges, { from: fromCardId, to: toCardId });
  if (cycle) {
    const arrow = kind === "parent" ? " is parent of " : " comes before ";
    return new DomainError(
      ErrorCode.cycle,
      `This would close a cycle: ${cycle
        .map((id) => {
          const name = context.names[id];
          return name === undefined ? "a card you cannot see" : `'${name}'`;
        })
        .join(arrow)}`,
      [],
      {
        key: "refusal.relation.cycle",
        lists: {
          cards: {
            item: "refusal.relation.cycleCard",
            separator: kind === "parent" ? "refusal.relation.isParentOf" : "refusal.relation.comesBefore",
            items: cycle.map((id) => {
              const name = context.names[id];
              return name === undefined ? { card: "", hidden: "yes" } : { card: name, hidden: "no" };
            }),
          },
        },
      },
    );
  }
  const relation: CardRelation = {
    id: context.relationId,
    workspaceId: card.workspaceId,
    kind,
    fromCardId,
    toCardId,
    createdAt: now.toISOString(),
  };
  return {
    changes: { relation },
    events: [...new Set([card.spaceId, other.spaceId])].map((spaceId) =>
      draft(spaceChannel(spaceId), "relation.created", { relation }),
    ),
  };
};
