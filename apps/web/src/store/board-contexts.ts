/**
 * The contexts of the domain's card-field and column mutators, built from the board the person
 * sees, so the optimistic change is the one the server makes (same rules, same keys). What the
 * board does not hold it takes from the request: the people and labels the pickers offer are the
 * space's own, and the server, which knows who may read a private space, has the last word.
 * Archived cards are off the board, so a column that looks empty may still be refused by the server.
 */
import {
  type BoardState,
  boardColumns,
  type Card,
  type CreateStatusContext,
  type DeleteStatusContext,
  peopleNamedIn,
  type UpdateCardBody,
  type UpdateCardContext,
  type UpdateStatusContext,
  type WorkspaceRole,
} from "@lattice/domain";

export const updateContextFromBoard = (
  card: Card | null,
  body: UpdateCardBody,
  role: WorkspaceRole | null,
): UpdateCardContext => ({
  role,
  card,
  readerIds: peopleNamedIn(body),
  spaceLabelIds: body.labelIds ?? [],
});

const statusesInOrder = (state: BoardState) => boardColumns(state).map((c) => c.status);

export const createStatusContextFromBoard = (
  state: BoardState,
  role: WorkspaceRole | null,
  statusId: string,
): CreateStatusContext => ({
  role,
  space: state.space ? { id: state.space.id, workspaceId: state.space.workspaceId } : null,
  statuses: statusesInOrder(state),
  statusId,
});

export const updateStatusContextFromBoard = (
  state: BoardState,
  statusId: string,
  role: WorkspaceRole | null,
): UpdateStatusContext => ({
  role,
  status: state.statuses[statusId] ?? null,
  statuses: statusesInOrder(state),
});

export const deleteStatusContextFromBoard = (
  state: BoardState,
  statusId: string,
  role: WorkspaceRole | null,
): DeleteStatusContext => ({
  role,
  status: state.statuses[statusId] ?? null,
  cardCount: Object.values(state.cards).filter((c) => c.statusId === statusId).length,
  statusCount: Object.keys(state.statuses).length,
});
