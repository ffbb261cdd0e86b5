/**
 * Creating a card at the top or bottom of a status (the space's first status by default). Rules,
 * once: the caller may write cards in the space; the status is one of the space's; a card created
 * straight into a completed-role status is completed from its first moment.
 */
import { notFound } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import { type CardPlacementAim, keyFromNeighbours, type PlacementNeighbours } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import type { Card, CreateCardBody, Status } from "../schemas.js";
import { type Actor, invalidFieldError, type MutatorResult, refuseUnlessAllowed } from "./types.js";

export interface CreateCardContext {
  /** The actor's effective role on the space; null when they may not see it (or it does not exist). */
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  /** The requested status if it is in the space, or the space's first status when none was named. */
  status: Status | null;
  /** The key at the edge of the status the card goes to (`createCardAim`). */
  neighbours: PlacementNeighbours;
  /** The new card's id, chosen by the caller (the server, or the web app for its optimistic copy). */
  cardId: string;
}

export interface CreateCardChanges {
  card: Card;
  statusChange: { toStatusId: string; toRole: Status["role"] };
}

export const createCardAim = (args: Pick<CreateCardBody, "at">): CardPlacementAim =>
  args.at === "top" ? { kind: "top" } : { kind: "bottom" };

export const createCard = (
  context: CreateCardContext,
  args: CreateCardBody,
  actor: Actor,
  now: Date,
): MutatorResult<CreateCardChanges> => {
  const { space, status } = context;
  const refused = refuseUnlessAllowed(space ? context.role : null, "write_cards", "Space");
  if (refused || !space) return refused ?? notFound("Space");
  if (!status) {
    return args.statusId
      ? invalidFieldError("body.statusId", "is not a status of this card's space", {
          key: "refusal.field.notStatusOfCardSpace",
        })
      : invalidFieldError("body.statusId", "is required: the space has no status", {
          key: "refusal.field.statusRequired",
        });
  }
  const placed = keyFromNeighbours(createCardAim(args), context.neighbours, null);
  if ("field" in placed) return invalidFieldError(placed.field, placed.message, placed.problem);
  const at = now.toISOString();
  const card: Card = {
    id: context.cardId,
    workspaceId: space.workspaceId,
    spaceId: space.id,
    statusId: status.id,
    name: args.name,
    description: args.description ?? "",
    position: placed.position,
    createdBy: actor.id,
    responsibleId: null,
    coworkerIds: [],
    labelIds: [],
    startDate: null,
    dueDate: null,
    todoTotal: 0,
    todoDone: 0,
    isBlocked: false,
    attachmentCount: 0,
    coverAttachmentId: null,
    repeat: null,
    createdAt: at,
    updatedAt: at,
    completedAt: status.role === "completed" ? at : null,
    archivedAt: null,
    version: 1,
  };
  return {
    changes: { card, statusChange: { toStatusId: status.id, toRole: status.role } },
    events: [draft(spaceChannel(space.id), "card.created", { card })],
  };
};
