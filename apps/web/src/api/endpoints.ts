/** Typed functions for every route the web app uses; paths and reply schemas live only here. */
import {
  type AddMemberBody,
  type Board,
  type CardRelation,
  type CopyCardBody,
  type CreateCardBody,
  type CreateFieldBody,
  type CreateFolderBody,
  type CreateSpaceBody,
  type CreateStatusBody,
  type CreateWorkspaceBody,
  type CustomField,
  cardFieldValueSchema,
  cardSchema,
  customFieldSchema,
  folderSchema,
  type MoveCardBody,
  type MoveCardToSpaceBody,
  memberSchema,
  type SetCardFieldBody,
  type SetRepeatInput,
  type SpaceBoard,
  spaceSchema,
  statusSchema,
  treeSchema,
  type UpdateCardBody,
  type UpdateFieldBody,
  type UpdateFolderBody,
  type UpdateMemberBody,
  type UpdateSpaceBody,
  type UpdateStatusBody,
  type UpdateWorkspaceBody,
  workspaceSchema,
} from "@lattice/domain";
import { spaceBoardReply } from "./board-reply";
import { type ReplySchema, request, requestEmpty } from "./client";
import { sessionApi } from "./session-endpoints";

/** Options for mutations: the client mutation id, sent as Idempotency-Key. */
export interface MutationOptions {
  mutationId?: string;
}

const opts = (body: unknown, options?: MutationOptions) =>
  options?.mutationId ? { body, mutationId: options.mutationId } : { body };

const arrayOf = <T>(item: ReplySchema<T>): ReplySchema<T[]> => ({
  safeParse(data) {
    if (!Array.isArray(data)) return { success: false };
    const out: T[] = [];
    for (const value of data) {
      const parsed = item.safeParse(value);
      if (!parsed.success) return { success: false };
      out.push(parsed.data);
    }
    return { success: true, data: out };
  },
});

const workspaceList = arrayOf(workspaceSchema);
/**
 * The board snapshot; it carries the relations touching its cards (progress, conflicts, Gantt), the
 * space's custom fields and the values of the cards that have any.
 */
const boardReply: ReplySchema<
  Board & { relations?: CardRelation[]; fields?: CustomField[]; fieldValues?: SpaceBoard["fieldValues"] }
> = spaceBoardReply;

export type CreateWorkspaceInput = Omit<CreateWorkspaceBody, "visibility"> & Partial<CreateWorkspaceBody>;
export type CreateStatusInput = Omit<CreateStatusBody, "role"> & Partial<Pick<CreateStatusBody, "role">>;
/** A copy request as sent: what `include` leaves out takes the server's default. */
export type CopyCardInput = Omit<CopyCardBody, "include"> & { include?: Partial<CopyCardBody["include"]> };
export type CreateCardInput = Omit<CreateCardBody, "at"> & Partial<Pick<CreateCardBody, "at">>;
export type AddMemberInput = Omit<AddMemberBody, "role"> & Partial<Pick<AddMemberBody, "role">>;

export const api = {
  ...sessionApi,

  listWorkspaces: () => request("GET", "/api/workspaces", workspaceList),
  createWorkspace: (body: CreateWorkspaceInput) =>
    request("POST", "/api/workspaces", workspaceSchema, { body }),
  getWorkspace: (id: string) => request("GET", `/api/workspaces/${id}`, workspaceSchema),
  updateWorkspace: (id: string, body: UpdateWorkspaceBody) =>
    request("PATCH", `/api/workspaces/${id}`, workspaceSchema, { body }),
  deleteWorkspace: (id: string) => requestEmpty("DELETE", `/api/workspaces/${id}`),
  getTree: (id: string) => request("GET", `/api/workspaces/${id}/tree`, treeSchema),

  addMember: (id: string, body: AddMemberInput) =>
    request("POST", `/api/workspaces/${id}/members`, memberSchema, { body }),
  updateMember: (id: string, userId: string, body: UpdateMemberBody) =>
    request("PATCH", `/api/workspaces/${id}/members/${userId}`, memberSchema, { body }),
  removeMember: (id: string, userId: string) =>
    requestEmpty("DELETE", `/api/workspaces/${id}/members/${userId}`),

  createFolder: (workspaceId: string, body: CreateFolderBody) =>
    request("POST", `/api/workspaces/${workspaceId}/folders`, folderSchema, { body }),
  updateFolder: (id: string, body: UpdateFolderBody) =>
    request("PATCH", `/api/folders/${id}`, folderSchema, { body }),
  deleteFolder: (id: string) => requestEmpty("DELETE", `/api/folders/${id}`),

  createSpace: (workspaceId: string, body: CreateSpaceBody) =>
    request("POST", `/api/workspaces/${workspaceId}/spaces`, spaceSchema, { body }),
  updateSpace: (id: string, body: UpdateSpaceBody) =>
    request("PATCH", `/api/spaces/${id}`, spaceSchema, { body }),
  deleteSpace: (id: string) => requestEmpty("DELETE", `/api/spaces/${id}`),
  getBoard: (spaceId: string, signal?: AbortSignal) =>
    request("GET", `/api/spaces/${spaceId}/board`, boardReply, signal ? { signal } : {}),

  createStatus: (spaceId: string, body: CreateStatusInput, options?: MutationOptions) =>
    request("POST", `/api/spaces/${spaceId}/statuses`, statusSchema, opts(body, options)),
  updateStatus: (id: string, body: UpdateStatusBody, options?: MutationOptions) =>
    request("PATCH", `/api/statuses/${id}`, statusSchema, opts(body, options)),
  deleteStatus: (id: string, options?: MutationOptions) =>
    requestEmpty("DELETE", `/api/statuses/${id}`, opts(undefined, options)),

  createCard: (spaceId: string, body: CreateCardInput, options?: MutationOptions) =>
    request("POST", `/api/spaces/${spaceId}/cards`, cardSchema, opts(body, options)),
  getCard: (id: string) => request("GET", `/api/cards/${id}`, cardSchema),
  updateCard: (id: string, body: UpdateCardBody, options?: MutationOptions) =>
    request("PATCH", `/api/cards/${id}`, cardSchema, opts(body, options)),
  deleteCard: (id: string, options?: MutationOptions) =>
    requestEmpty("DELETE", `/api/cards/${id}`, opts(undefined, options)),
  moveCard: (id: string, body: MoveCardBody, options?: MutationOptions) =>
    request("POST", `/api/cards/${id}/move`, cardSchema, opts(body, options)),
  moveCardToSpace: (id: string, body: MoveCardToSpaceBody, options?: MutationOptions) =>
    request("POST", `/api/cards/${id}/move-to-space`, cardSchema, opts(body, options)),
  copyCard: (id: string, body: CopyCardInput, options?: MutationOptions) =>
    request("POST", `/api/cards/${id}/copy`, cardSchema, opts(body, options)),
  setRepeat: (id: string, body: SetRepeatInput, options?: MutationOptions) =>
    request("PUT", `/api/cards/${id}/repeat`, cardSchema, opts(body, options)),
  stopRepeat: (id: string, options?: MutationOptions) =>
    request("DELETE", `/api/cards/${id}/repeat`, cardSchema, opts(undefined, options)),

  createField: (spaceId: string, body: CreateFieldBody, options?: MutationOptions) =>
    request("POST", `/api/spaces/${spaceId}/fields`, customFieldSchema, opts(body, options)),
  updateField: (id: string, body: UpdateFieldBody, options?: MutationOptions) =>
    request("PATCH", `/api/fields/${id}`, customFieldSchema, opts(body, options)),
  deleteField: (id: string, options?: MutationOptions) =>
    requestEmpty("DELETE", `/api/fields/${id}`, opts(undefined, options)),
  setCardField: (cardId: string, fieldId: string, body: SetCardFieldBody, options?: MutationOptions) =>
    request("PUT", `/api/cards/${cardId}/fields/${fieldId}`, cardFieldValueSchema, opts(body, options)),
};
