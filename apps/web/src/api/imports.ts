/** Bringing a Trello board or a CSV file in: preview what it would create, then import it as a new space. */
import {
  type CsvMapping,
  type CsvPreview,
  csvPreviewSchema,
  type DateOrder,
  importResultSchema,
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

export interface CsvChoices {
  hasHeader: boolean;
  dateOrder: DateOrder;
  listRoles?: Record<string, StatusRole>;
}

/** Without a mapping, the server suggests one from the header. */
export const previewCsvImport = (
  workspaceId: string,
  csv: string,
  choices: CsvChoices & { mapping?: CsvMapping },
  signal?: AbortSignal,
) =>
  request<CsvPreview>("POST", `/api/workspaces/${workspaceId}/imports/csv/preview`, csvPreviewSchema, {
    body: { csv, ...choices },
    ...(signal ? { signal } : {}),
  });

export const importCsv = (
  workspaceId: string,
  csv: string,
  choices: CsvChoices & { mapping: CsvMapping; name: string; folderId: string | null },
) =>
  request<TrelloImportResult>("POST", `/api/workspaces/${workspaceId}/imports/csv`, importResultSchema, {
    body: { csv, ...choices },
  });
