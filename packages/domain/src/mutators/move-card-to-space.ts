/**
 * Moving a card to another space of its workspace. Rules, once: the caller may write cards in both
 * spaces; the card keeps everything it owns (comments, to-dos, relations, blockings, history); labels
 * go by name to the target's labels (case-insensitively), or are dropped and named in the event;
 * people who cannot read the target are taken off the card and named; it lands at the end of the
 * chosen status, else the target's first status of the same role, else the target's first status.
 * A blocked card may move only into a status of the same role (its progress does not change).
 */
import { DomainError, ErrorCode, notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { keyBetween } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card, MoveCardToSpaceBody, Status } from "../schemas.js";
import type { MoveCardChanges, OpenBlocking } from "./move-card.js";
import { type Actor, invalidFieldError, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface NamedLabel {
  id: string;
  name: string;
}

/** The space a card goes to, as the rules read it. */
export interface TargetSpace {
  id: string;
  workspaceId: string;
  name: string;
  /** In board order. */
  statuses: readonly Status[];
  /** The key of the last card of each status (absent or null: the status holds no card). */
  lastKeyByStatus: Readonly<Record<string, string | null>>;
  labels: readonly NamedLabel[];
}

export interface MoveCardToSpaceContext {
  /** The actor's role on the card's space; null when they may not see it (or there is no such card). */
  role: WorkspaceRole | null;
  card: Card | null;
  source: { id: string; name: string } | null;
  sourceStatus: Status | null;
  /** The actor's role on the target space; null when they may not see it. */
  targetRole: WorkspaceRole | null;
  /** Null when there is no such space. */
  target: TargetSpace | null;
  cardLabels: readonly NamedLabel[];
  /** Who follows the card (the responsible and co-workers are on the card itself). */
  followerIds: readonly string[];
  /** Of the card's responsible, co-workers and followers, those who may read the target space. */
  targetReaderIds: readonly string[];
  openBlockings: readonly OpenBlocking[];
  /** How many of the card's relations reach a card outside the target's workspace. */
  foreignRelationCount: number;
}

export interface MoveCardToSpaceChanges extends MoveCardChanges {
  fromSpaceId: string;
  droppedLabelNames: string[];
  /** People taken off the card (responsible, co-workers, followers) who cannot read the target. */
  removedUserIds: string[];
}

const sameName = (a: string, b: string): boolean =>
  a.trim().localeCompare(b.trim(), undefined, { sensitivity: "accent" }) === 0;

/** The status a card lands in: the chosen one, else the first of its role, else the first. */
export const landingStatus = (
  statuses: readonly Status[],
  role: Status["role"] | null,
  chosenId: string | undefined,
): Status | null => {
  if (chosenId !== undefined) return statuses.find((s) => s.id === chosenId) ?? null;
  return statuses.find((s) => s.role === role) ?? statuses[0] ?? null;
};

/** The target's labels a card's labels become (by name), and the names that have none there. */
export const matchLabels = (
  cardLabels: readonly NamedLabel[],
  targetLabels: readonly NamedLabel[],
): { labelIds: string[]; droppedLabelNames: string[] } => {
  const labelIds: string[] = [];
  const droppedLabelNames: string[] = [];
  for (const label of cardLabels) {
    const match = targetLabels.find((t) => sameName(t.name, label.name));
    if (!match) droppedLabelNames.push(label.name);
    else if (!labelIds.includes(match.id)) labelIds.push(match.id);
  }
  return { labelIds, droppedLabelNames };
};

/**
 * The refusals a card's arrival in another space shares with a copy: the target must exist, be
 * visible, be in the same workspace and take cards from the caller; the status must be its own.
 */
export const placeInTarget = (
  context: Pick<MoveCardToSpaceContext, "targetRole" | "target" | "sourceStatus">,
  card: Card,
  statusId: string | undefined,
): { target: TargetSpace; status: Status; position: string } | DomainError => {
  const { target, targetRole } = context;
  if (!target || targetRole === null)
    return invalidFieldError("body.spaceId", "is not a space you can see", {
      key: "refusal.field.notVisibleSpace",
    });
  if (target.workspaceId !== card.workspaceId) {
    return invalidFieldError(
      "body.spaceId",
      "is a space of another workspace; cards stay in their workspace",
      { key: "refusal.field.otherWorkspaceSpace" },
    );
  }
  const refused = refuseUnlessAllowed(targetRole, "write_cards", "Space");
  if (refused)
    return new DomainError(ErrorCode.forbidden, `You cannot add cards to ${target.name}`, [], {
      key: "refusal.move.cannotAdd",
      values: { space: target.name },
    });
  const status = landingStatus(target.statuses, context.sourceStatus?.role ?? null, statusId);
  if (!status) {
    return statusId === undefined
      ? new DomainError(ErrorCode.conflict, `${target.name} has no status to put the card in`, [], {
          key: "refusal.move.noStatus",
          values: { space: target.name },
        })
      : invalidFieldError("body.statusId", "is not a status of the target space", {
          key: "refusal.field.notStatusOfTarget",
        });
  }
  return { target, status, position: keyBetween(target.lastKeyByStatus[status.id] ?? null, null) };
};

export const moveCardToSpace = (
  context: MoveCardToSpaceContext,
  args: MoveCardToSpaceBody,
  _actor: Actor,
  now: Date,
): MutatorResult<MoveCardToSpaceChanges> => {
  const { card, source, sourceStatus } = context;
  const refused = refuseUnlessAllowed(card ? context.role : null, "write_cards", "Card");
  if (refused || !card || !source) return refused ?? notFound("Card");
  if (args.spaceId === card.spaceId)
    return invalidFieldError("body.spaceId", "is the card's own space", { key: "refusal.field.ownSpace" });
  const placed = placeInTarget(context, card, args.statusId);
  if (placed instanceof DomainError) return placed;
  const { target, status, position } = placed;
  const isBlocked = card.isBlocked || context.openBlockings.length > 0;
  if (isBlocked && status.role !== sourceStatus?.role) {
    return new DomainError(
      ErrorCode.blocked,
      "It is blocked; it can move only into a status of the same role until its blockers are cleared",
      [],
      { key: "refusal.move.blocked" },
    );
  }
  if (context.foreignRelationCount > 0) {
    return new DomainError(
      ErrorCode.conflict,
      "Its relations would cross workspaces; remove them first",
      [],
      {
        key: "refusal.move.crossWorkspace",
      },
    );
  }
  const readers = new Set(context.targetReaderIds);
  const onCard = [
    ...(card.responsibleId ? [card.responsibleId] : []),
    ...card.coworkerIds,
    ...context.followerIds,
  ];
  const removedUserIds = [...new Set(onCard.filter((userId) => !readers.has(userId)))];
  const { labelIds, droppedLabelNames } = matchLabels(context.cardLabels, target.labels);
  const at = now.toISOString();
  const isCompleted = status.role === "completed";
  const moved: Card = {
    ...card,
    spaceId: target.id,
    statusId: status.id,
    position,
    labelIds,
    responsibleId: card.responsibleId && readers.has(card.responsibleId) ? card.responsibleId : null,
    coworkerIds: card.coworkerIds.filter((userId) => readers.has(userId)),
    completedAt: isCompleted ? (sourceStatus?.role === "completed" ? card.completedAt : at) : null,
    updatedAt: at,
    version: card.version + 1,
  };
  return {
    changes: {
      card: moved,
      fromSpaceId: source.id,
      droppedLabelNames,
      removedUserIds,
      statusChange: {
        fromStatusId: card.statusId,
        toStatusId: status.id,
        fromRole: sourceStatus?.role ?? null,
        toRole: status.role,
      },
    },
    events: [
      draft(spaceChannel(source.id), "card.moved_out", {
        cardId: card.id,
        spaceId: source.id,
        toSpaceId: target.id,
        name: card.name,
      }),
      draft(spaceChannel(target.id), "card.moved_in", {
        card: moved,
        fromSpaceId: source.id,
        fromSpaceName: source.name,
        toSpaceName: target.name,
        droppedLabelNames,
        removedUserIds,
      }),
    ],
  };
};
