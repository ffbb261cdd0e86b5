/**
 * The trash and the archive view (docs/MOVING.md). `DELETE` moves a card, a space or a folder to the
 * trash; restoring takes its own id and puts it back with everything it had.
 */
import { archiveListSchema, type Restored, restoredSchema, trashListSchema } from "@lattice/domain";
import { request, requestEmpty } from "./client";

export interface ListScope {
  workspaceId: string;
  /** Only this space's cards. */
  spaceId?: string | null;
}

const scopePath = ({ workspaceId, spaceId }: ListScope) =>
  spaceId ? `/api/spaces/${spaceId}` : `/api/workspaces/${workspaceId}`;
const query = (q: string) => (q.trim() ? `?q=${encodeURIComponent(q.trim())}` : "");

export const trashApi = {
  listTrash: (scope: ListScope, q = "") =>
    request("GET", `${scopePath(scope)}/trash${query(q)}`, trashListSchema),
  listArchive: (scope: ListScope, q = "") =>
    request("GET", `${scopePath(scope)}/archive${query(q)}`, archiveListSchema),
  restore: (id: string): Promise<Restored> => request("POST", `/api/trash/${id}/restore`, restoredSchema),
  purge: (id: string) => requestEmpty("DELETE", `/api/trash/${id}`),
};
