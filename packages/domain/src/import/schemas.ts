/** Requests and replies of the import routes. */
import { z } from "zod";
import { isTimeZone } from "../people-schemas.js";
import { statusRoles } from "../roles.js";
import { id, limits, requiredText, spaceSchema } from "../schemas.js";
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
