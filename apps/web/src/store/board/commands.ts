/**
 * The board's commands (cards, columns, custom fields). Each runs the domain's own mutator on what
 * the board holds: a refusal is told in the domain's words before anything moves; otherwise its
 * events are the optimistic change handed to `mutate` with the request that makes it real.
 */
import {
  type Actor,
  type Card,
  isRefusal,
  type MutatorResult,
  createCard as mutateCreateCard,
  createStatus as mutateCreateStatus,
  deleteCard as mutateDeleteCard,
  deleteStatus as mutateDeleteStatus,
  moveCard as mutateMoveCard,
  setCardField as mutateSetCardField,
  updateCard as mutateUpdateCard,
  updateStatus as mutateUpdateStatus,
  type UpdateCardBody,
  type UpdateCardChanges,
  type UpdateStatusBody,
  type WorkspaceRole,
} from "@lattice/domain";
import { newMutationId } from "../../api/client";
import { api } from "../../api/endpoints";
import { translate } from "../../lib/i18n/i18n";
import {
  createStatusContextFromBoard,
  deleteStatusContextFromBoard,
  updateContextFromBoard,
  updateStatusContextFromBoard,
} from "../board-contexts";
import { createContextFromBoard, moveContextFromBoard, planMove, planStatusMove } from "../move-plan";
import { sayRefusal } from "../refusals";
import { useSession } from "../session";
import { toast } from "../toasts";
import { type BoardEvent, isBoardEvent } from "./projection";
import type { BoardStore, GetBoard } from "./types";

/** The signed-in person, as the mutators' actor (the server uses its own session, not this). */
const actor = (): Actor => ({ id: useSession.getState().user?.id ?? "" });

export const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** A name as a message quotes it (the quotation marks are the language's, in the message). */
const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

/**
 * A domain mutator's answer on the board the person sees: the events to show at once, or null when
 * it refuses, which the person is told in the domain's own words before anything moves.
 */
export const eventsOrRefusal = <C>(label: string, result: MutatorResult<C>): BoardEvent[] | null => {
  if (isRefusal(result)) {
    sayRefusal(result, (said) =>
      toast.error(translate("errors.couldNot", { action: label, reason: sentence(said) })),
    );
    return null;
  }
  return result.events.filter(isBoardEvent);
};

/** The domain's `updateCard` on a card the board holds (or, for a restore, an archived one). */
export const planCardUpdateAs = (
  role: WorkspaceRole | null,
  card: Card,
  body: UpdateCardBody,
): MutatorResult<UpdateCardChanges> =>
  mutateUpdateCard(updateContextFromBoard(card, body, role), body, actor(), new Date());

type BoardCommands = Pick<
  BoardStore,
  | "createCard"
  | "changeCard"
  | "updateCard"
  | "updateCardFields"
  | "archiveCard"
  | "deleteCard"
  | "moveCard"
  | "createStatus"
  | "updateStatus"
  | "moveStatus"
  | "deleteStatus"
  | "setCardField"
  | "createField"
  | "updateField"
  | "deleteField"
>;

export const boardCommands = (get: GetBoard): BoardCommands => {
  const card = (cardId: string): Card | undefined => get().view.cards[cardId];

  const changeStatus = (statusId: string, body: UpdateStatusBody, label: string) => {
    const { view, role } = get();
    const optimistic = eventsOrRefusal(
      label,
      mutateUpdateStatus(updateStatusContextFromBoard(view, statusId, role), body, actor(), new Date()),
    );
    if (!optimistic) return Promise.resolve(null);
    return get().mutate({
      label,
      optimistic,
      send: (mutationId) => api.updateStatus(statusId, body, { mutationId }),
      confirm: (status) => [{ type: "status.updated", payload: { status } }],
    });
  };

  return {
    createCard: async ({ name, statusId, at }) => {
      const { view, spaceId, role } = get();
      if (!spaceId || !view.space) return null;
      const body = { name, statusId, at };
      const label = translate("errors.action.add", { name: shortName(name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateCreateCard(
          createContextFromBoard(view, body, role, newMutationId()),
          body,
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.createCard(spaceId, body, { mutationId }),
        confirm: (created) => [{ type: "card.created", payload: { card: created } }],
      });
    },

    changeCard: async (current, body, label) => {
      const optimistic = eventsOrRefusal(label, planCardUpdateAs(get().role, current, body));
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.updateCard(current.id, body, { mutationId }),
        confirm: (updated) => [{ type: "card.updated", payload: { card: updated } }],
      });
    },

    updateCard: async (cardId, body) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        body,
        translate("errors.action.save", { name: shortName(current.name) }),
      );
    },

    updateCardFields: async (cardId, patch, label) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        patch,
        label ?? translate("errors.action.save", { name: shortName(current.name) }),
      );
    },

    archiveCard: async (cardId) => {
      const current = card(cardId);
      if (!current) return null;
      return get().changeCard(
        current,
        { archived: true },
        translate("errors.action.archive", { name: shortName(current.name) }),
      );
    },

    deleteCard: async (cardId) => {
      const current = card(cardId);
      if (!current) return false;
      const label = translate("errors.action.delete", { name: shortName(current.name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateDeleteCard({ role: get().role, card: current }, {}, actor(), new Date()),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: async (mutationId) => {
          await api.deleteCard(cardId, { mutationId });
          return true;
        },
        confirm: () => optimistic,
      });
      return result === true;
    },

    moveCard: async (cardId, intent) => {
      const { view, role } = get();
      const current = card(cardId);
      const body = planMove(view, cardId, intent);
      if (!current || !body) return null;
      const label = translate("errors.action.move", { name: shortName(current.name) });
      // The server's own rules on the board we see: a refused move is refused before anything moves.
      const optimistic = eventsOrRefusal(
        label,
        mutateMoveCard(moveContextFromBoard(view, cardId, body, role), body, actor(), new Date()),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.moveCard(cardId, body, { mutationId }),
        confirm: (moved) => [
          { type: "card.moved", payload: { card: moved, fromStatusId: current.statusId } },
        ],
      });
    },

    createStatus: async ({ name, role, wipLimit }) => {
      const { view, spaceId } = get();
      if (!spaceId || !view.space) return null;
      const body = { name, role, wipLimit };
      const label = translate("errors.action.addColumn", { name: shortName(name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateCreateStatus(
          createStatusContextFromBoard(view, get().role, newMutationId()),
          body,
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return null;
      return get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.createStatus(spaceId, body, { mutationId }),
        confirm: (status) => [{ type: "status.created", payload: { status } }],
      });
    },

    updateStatus: async (statusId, body) => {
      const current = get().view.statuses[statusId];
      if (!current) return null;
      return changeStatus(
        statusId,
        body,
        translate("errors.action.updateColumn", { name: shortName(current.name) }),
      );
    },

    moveStatus: async (statusId, intent) => {
      const current = get().view.statuses[statusId];
      const body = planStatusMove(get().view, statusId, intent);
      if (!current || !body) return null;
      return changeStatus(
        statusId,
        body,
        translate("errors.action.moveColumn", { name: shortName(current.name) }),
      );
    },

    deleteStatus: async (statusId) => {
      const { view, role } = get();
      const current = view.statuses[statusId];
      if (!current) return false;
      const label = translate("errors.action.deleteColumn", { name: shortName(current.name) });
      const optimistic = eventsOrRefusal(
        label,
        mutateDeleteStatus(deleteStatusContextFromBoard(view, statusId, role), {}, actor(), new Date()),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: async (mutationId) => {
          await api.deleteStatus(statusId, { mutationId });
          return true;
        },
        confirm: () => optimistic,
      });
      return result === true;
    },

    setCardField: async (cardId, fieldId, value) => {
      const { view, role } = get();
      const current = card(cardId);
      const field = view.fields?.[fieldId];
      if (!current || !field) return false;
      const label = translate("errors.action.setField", { field: field.name, name: shortName(current.name) });
      // The board does not hold who may read a private space: the person picker offers only those
      // who may, and the server has the last word (see docs/MUTATORS.md).
      const readerIds = field.kind === "person" && typeof value === "string" ? [value] : [];
      const previous = view.fieldValues?.[cardId]?.[fieldId] ?? null;
      const optimistic = eventsOrRefusal(
        label,
        mutateSetCardField(
          { role, card: current, field, readerIds, previous },
          { value },
          actor(),
          new Date(),
        ),
      );
      if (!optimistic) return false;
      const result = await get().mutate({
        label,
        optimistic,
        send: (mutationId) => api.setCardField(cardId, fieldId, { value }, { mutationId }),
        confirm: (saved) => [
          {
            type: "card.field_set",
            payload: { cardId, spaceId: current.spaceId, field, value: saved.value, previous },
          },
        ],
      });
      return result !== null;
    },

    createField: async (body) => {
      const spaceId = get().spaceId;
      if (!spaceId) return null;
      return get().mutate({
        label: translate("errors.action.addField", { name: shortName(body.name) }),
        optimistic: [],
        send: (mutationId) => api.createField(spaceId, body, { mutationId }),
        confirm: (field) => [{ type: "field.created", payload: { field } }],
      });
    },

    updateField: async (fieldId, body) => {
      const current = get().view.fields?.[fieldId];
      if (!current) return null;
      return get().mutate({
        label: translate("errors.action.changeField", { name: shortName(current.name) }),
        optimistic: [],
        send: (mutationId) => api.updateField(fieldId, body, { mutationId }),
        confirm: (field) => [{ type: "field.updated", payload: { field } }],
      });
    },

    deleteField: async (fieldId) => {
      const current = get().view.fields?.[fieldId];
      if (!current) return false;
      const result = await get().mutate({
        label: translate("errors.action.deleteField", { name: shortName(current.name) }),
        optimistic: [],
        send: async (mutationId) => {
          await api.deleteField(fieldId, { mutationId });
          return true;
        },
        confirm: () => [{ type: "field.deleted", payload: { fieldId, spaceId: current.spaceId } }],
      });
      return result === true;
    },
  };
};
