/** Bringing a Trello board in: preview what it would create, then import it as a new space. */
import {
  type StatusRole,
  type TrelloImportResult,
  type TrelloPreview,
  trelloImportResultSchema,
  trelloPreviewSchema,
} from "@lattice/domain";
import { request } from "./client";

export interface TrelloChoices {
  memberMap?: Record<string, string | null>;
  listRoles?: Record<string, StatusRole>;
  timeZone?: string;
}

export const previewTrelloImport = (workspaceId: string, board: unknown, choices: TrelloChoices = {}) =>
  request<TrelloPreview>(
    "POST",
    `/api/workspaces/${workspaceId}/imports/trello/preview`,
    trelloPreviewSchema,
    {
      body: { board, ...choices },
    },
  );

export const importTrelloBoard = (
  workspaceId: string,
  board: unknown,
  choices: TrelloChoices & { name?: string; folderId?: string | null },
) =>
  request<TrelloImportResult>(
    "POST",
    `/api/workspaces/${workspaceId}/imports/trello`,
    trelloImportResultSchema,
    {
      body: { board, ...choices },
    },
  );
