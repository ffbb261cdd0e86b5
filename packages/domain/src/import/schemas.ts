/** Requests and replies of the import routes. */
import { z } from "zod";
import { isTimeZone } from "../people-schemas.js";
import { statusRoles } from "../roles.js";
import { id, limits, requiredText, spaceSchema } from "../schemas.js";
import { csvFields, csvMapping, dateOrders } from "./csv.js";
import { trelloBoardExport } from "./trello.js";

const trelloRef = z.string().min(1).max(64);

const importChoices = {
  memberMap: z
    .record(trelloRef, id.nullable())
    .optional()
    .describe("Trello member id → the workspace member who takes their place, or null to leave them out"),
  listRoles: z
    .record(trelloRef, z.enum(statusRoles))
    .optional()
    .describe("Trello list id → the role of the status it becomes (guessed from its name otherwise)"),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, "must be a time zone name such as Europe/Berlin")
    .optional()
    .describe("Trello's times become days in this time zone; the person's own (else UTC) otherwise"),
};

export const trelloPreviewBody = z.object({ board: trelloBoardExport, ...importChoices }).strict();
export type TrelloPreviewBody = z.infer<typeof trelloPreviewBody>;

export const trelloImportBody = z
  .object({
    board: trelloBoardExport,
    ...importChoices,
    name: requiredText(limits.nameMax)
      .optional()
      .describe("The new space's name; the board's name otherwise"),
    folderId: id.nullish(),
  })
  .strict();
export type TrelloImportBody = z.infer<typeof trelloImportBody>;

export const trelloImportSummarySchema = z.object({
  lists: z.number().int(),
  closedLists: z.number().int(),
  cards: z.number().int(),
  archivedCards: z.number().int(),
  labels: z.number().int(),
  checklists: z.number().int(),
  todos: z.number().int(),
  comments: z.number().int(),
  links: z.number().int(),
  membersMatched: z.number().int(),
  membersUnmatched: z.number().int(),
  notes: z.array(z.string()),
});

export const trelloPreviewSchema = z.object({
  name: z.string(),
  statuses: z.array(
    z.object({
      listId: z.string(),
      name: z.string(),
      role: z.enum(statusRoles),
      cardCount: z.number().int(),
    }),
  ),
  members: z.array(
    z.object({
      trelloId: z.string(),
      fullName: z.string(),
      username: z.string(),
      userId: z.uuid().nullable(),
      matchedBy: z.enum(["email", "name", "importer"]).nullable(),
    }),
  ),
  summary: trelloImportSummarySchema,
});
export type TrelloPreview = z.infer<typeof trelloPreviewSchema>;

export const trelloImportResultSchema = z.object({ space: spaceSchema, summary: trelloImportSummarySchema });
export type TrelloImportResult = z.infer<typeof trelloImportResultSchema>;

const csvChoices = {
  csv: z
    .string()
    .min(1, "must not be empty")
    .max(32 * 1024 * 1024)
    .describe("The CSV file's text"),
  hasHeader: z.boolean().default(true).describe("Whether the first row names the columns"),
  dateOrder: z.enum(dateOrders).default("ymd").describe("How days other than 2025-03-14 are written"),
  listRoles: z
    .record(z.string().max(200), z.enum(statusRoles))
    .optional()
    .describe("A status's name as written in the file → its role (guessed from the name otherwise)"),
};

export const csvPreviewBody = z.object({ ...csvChoices, mapping: csvMapping.optional() }).strict();
export type CsvPreviewBody = z.infer<typeof csvPreviewBody>;

export const csvImportBody = z
  .object({
    ...csvChoices,
    mapping: csvMapping,
    name: requiredText(limits.nameMax),
    folderId: id.nullish(),
  })
  .strict();
export type CsvImportBody = z.infer<typeof csvImportBody>;

export const csvPreviewSchema = z.object({
  /** The first row's cells (the column names when the file has a header). */
  header: z.array(z.string()),
  /** Up to five rows after the header, to show what each column holds. */
  sample: z.array(z.array(z.string())),
  rows: z.number().int(),
  /** The mapping used: the one given, else the one the header suggests. */
  mapping: z.record(z.enum(csvFields), z.number().int().nullable()),
  statuses: trelloPreviewSchema.shape.statuses,
  summary: trelloImportSummarySchema,
  /** The first rows after the header as they will be imported (a row with no name is left out). */
  cards: z.array(
    z.object({
      row: z.number().int(),
      name: z.string().nullable(),
      description: z.string(),
      status: z.string().nullable(),
      startDate: z.string().nullable(),
      dueDate: z.string().nullable(),
      person: z.string(),
      responsible: z.string().nullable(),
      labels: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  /** Rows that do not come across as written, with why: the first hundred of them. */
  rowWarnings: z.array(z.object({ row: z.number().int(), warnings: z.array(z.string()) })),
  /** How many rows have warnings in all. */
  rowsWithWarnings: z.number().int(),
});
export type CsvPreview = z.infer<typeof csvPreviewSchema>;

export const importResultSchema = trelloImportResultSchema;
