/** The open board's store: its state and the actions the rest of the app calls. */
import type {
  BoardState,
  Card,
  CreateFieldBody,
  CustomField,
  FieldValue,
  Status,
  StatusRole,
  UpdateCardBody,
  UpdateFieldBody,
  UpdateStatusBody,
  WorkspaceRole,
} from "@lattice/domain";
import type { WireEvent } from "../../sync/channels";
import type { MoveIntent, StatusIntent } from "../move-plan";
import type { LoadStatus } from "../workspaces";
import type { Arrivals } from "./arrivals";
import type { BoardEvent, PendingMutation } from "./projection";

/** The coordination fields of a card that the panel edits (PATCH /api/cards/:id). */
export type CardFieldsPatch = Pick<
  UpdateCardBody,
  "name" | "description" | "responsibleId" | "coworkerIds" | "startDate" | "dueDate" | "labelIds"
>;

export interface MutationSpec<T> {
  label: string;
  optimistic: BoardEvent[];
  send: (mutationId: string) => Promise<T>;
  confirm: (result: T) => BoardEvent[];
}

export interface BoardStore {
  spaceId: string | null;
  status: LoadStatus;
  error: string | null;
  role: WorkspaceRole | null;
  seq: number;
  confirmed: BoardState;
  pending: PendingMutation[];
  /** confirmed + pending, recomputed whenever either changes. */
  view: BoardState;
  /** Card id being dragged: live events about it wait in `held` until the drop. */
  heldCardId: string | null;
  held: BoardEvent[];
  /** Cards a teammate just changed, with when: they animate into place. */
  arrivals: Arrivals;
  /** Set when the server stops serving this space to us (deleted, access revoked). */
  lostReason: string | null;

  /** Reads a space's board, or reads it again (a reload keeps changes newer than the snapshot). */
  load: (spaceId: string) => Promise<void>;
  /**
   * Starts reading the board an address names before its view mounts (see `preloadFirstScreen`): the
   * view's first `load` of that space then takes this one instead of asking the server again.
   */
  loadAhead: (spaceId: string) => void;
  /** Applies events the server confirmed (its replies now, live events later). */
  applyConfirmed: (events: BoardEvent[]) => void;
  /** A live event of the space channel, in seq order (the channel registry checked the order). */
  receive: (event: WireEvent, seq: number) => void;
  /** The board's own part of `receive` (listeners are told after it). */
  receiveBoard: (event: WireEvent, seq: number) => void;
  holdCard: (cardId: string) => void;
  releaseCard: () => void;
  /** Sends again every mutation that is waiting for the connection. */
  retryWaiting: () => void;
  markLost: (reason: string) => void;
  mutate: <T>(spec: MutationSpec<T>) => Promise<T | null>;

  createCard: (input: { name: string; statusId: string; at: "top" | "bottom" }) => Promise<Card | null>;
  /**
   * Any change of a card's own fields (PATCH), through the domain's `updateCard` on what the board
   * holds: refused before anything moves, else shown at once and sent.
   */
  changeCard: (card: Card, body: UpdateCardBody, label: string) => Promise<Card | null>;
  updateCard: (cardId: string, body: Pick<UpdateCardBody, "name" | "description">) => Promise<Card | null>;
  /** People, dates and labels (and name/description), applied optimistically like `updateCard`. */
  updateCardFields: (cardId: string, patch: CardFieldsPatch, label?: string) => Promise<Card | null>;
  archiveCard: (cardId: string) => Promise<Card | null>;
  deleteCard: (cardId: string) => Promise<boolean>;
  moveCard: (cardId: string, intent: MoveIntent) => Promise<Card | null>;

  createStatus: (input: {
    name: string;
    role: StatusRole;
    wipLimit: number | null;
  }) => Promise<Status | null>;
  updateStatus: (
    statusId: string,
    body: Pick<UpdateStatusBody, "name" | "role" | "wipLimit">,
  ) => Promise<Status | null>;
  moveStatus: (statusId: string, intent: StatusIntent) => Promise<Status | null>;
  deleteStatus: (statusId: string) => Promise<boolean>;

  /**
   * A card's value of a custom field (null clears it), through the domain's `setCardField` on what
   * the board holds: a value that does not suit the field is refused before anything changes.
   */
  setCardField: (cardId: string, fieldId: string, value: FieldValue | null) => Promise<boolean>;
  /** Field definitions (owners): applied when the server answers, then live for everyone. */
  createField: (body: CreateFieldBody) => Promise<CustomField | null>;
  updateField: (fieldId: string, body: UpdateFieldBody) => Promise<CustomField | null>;
  deleteField: (fieldId: string) => Promise<boolean>;
}

/** Replaces confirmed state and the pending queue together, recomputing the view. */
export type SetProjection = (confirmed: BoardState, pending: PendingMutation[]) => void;
export type GetBoard = () => BoardStore;
export type SetBoard = (partial: Partial<BoardStore>) => void;
