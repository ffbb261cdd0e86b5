/**
 * Importing a Trello board as a new space: the domain plans it, `insertImportedSpace` writes it in
 * bulk, all in one transaction, so a failed import leaves nothing behind.
 */
import {
  type Executor,
  insertImportedSpace,
  type MutationContext,
  siblingSpaces,
  tables,
  toSpace,
  toStatus,
  workspaceAccess,
} from "@lattice/db";
import {
  type CsvImportBody,
  type CsvMapping,
  type CsvPreview,
  type CsvPreviewBody,
  createTranslator,
  csvFields,
  csvPreviewRows,
  draft,
  type ImportCandidate,
  type ImportPlan,
  planCsvImport,
  planTrelloImport,
  positionAmong,
  spaceChannel,
  suggestCsvMapping,
  type TrelloImportBody,
  type TrelloImportResult,
  type TrelloPreview,
  type TrelloPreviewBody,
  type User,
  workspaceChannel,
} from "@lattice/domain";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { authorize, invalidField } from "./authorize.js";
import { checkFolder } from "./spaces.js";

type Tx = Executor;

const candidatesOf = (tx: Tx, workspaceId: string): Promise<ImportCandidate[]> =>
  tx
    .select({ id: tables.users.id, name: tables.users.name, email: tables.users.email })
    .from(tables.workspaceMembers)
    .innerJoin(tables.users, eq(tables.users.id, tables.workspaceMembers.userId))
    .where(eq(tables.workspaceMembers.workspaceId, workspaceId));

const planFor = async (tx: Tx, actor: User, workspaceId: string, input: TrelloPreviewBody) => {
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "create_hierarchy", "Workspace");
  const candidates = await candidatesOf(tx, workspaceId);
  const known = new Set(candidates.map((c) => c.id));
  for (const [trelloId, userId] of Object.entries(input.memberMap ?? {}))
    if (userId !== null && !known.has(userId))
      throw invalidField(`body.memberMap.${trelloId}`, "is not a member of this workspace", {
        key: "refusal.field.notWorkspaceMember",
      });
  return planTrelloImport(input.board, {
    candidates,
    ...(input.memberMap ? { memberMap: input.memberMap } : {}),
    ...(input.listRoles ? { listRoles: input.listRoles } : {}),
    timeZone: input.timeZone ?? actor.timeZone ?? "UTC",
    // The summary's notes are read by the importer, in their language.
    translator: createTranslator(actor.locale),
  });
};

/** What an import would create, changing nothing. */
export const previewTrelloImport = async (
  tx: Tx,
  actor: User,
  workspaceId: string,
  input: TrelloPreviewBody,
): Promise<TrelloPreview> => {
  const plan = await planFor(tx, actor, workspaceId, input);
  return { name: plan.name, statuses: plan.statuses, members: plan.members, summary: plan.summary };
};

/** Writes a plan as a new space at the end of its folder, and announces it like a space made by hand. */
const writePlan = async (
  { tx, emit }: MutationContext,
  actor: User,
  workspaceId: string,
  plan: ImportPlan,
  where: { name: string; folderId: string | null },
): Promise<TrelloImportResult> => {
  if (where.folderId) await checkFolder(tx, workspaceId, where.folderId);
  const placed = positionAmong(await siblingSpaces(tx, workspaceId, where.folderId), {});
  if (!("position" in placed)) throw new Error("a new space always has a place at the end");
  const written = await insertImportedSpace(tx, {
    workspaceId,
    folderId: where.folderId,
    name: where.name,
    position: placed.position,
    actorId: actor.id,
    plan,
    now: new Date(),
  });
  const space = toSpace(written.space);
  emit(draft(workspaceChannel(workspaceId), "space.created", { space }));
  for (const status of written.statuses)
    emit(draft(spaceChannel(space.id), "status.created", { status: toStatus(status) }));
  return { space, summary: plan.summary };
};

export const importTrelloBoard = async (
  ctx: MutationContext,
  actor: User,
  workspaceId: string,
  input: TrelloImportBody,
): Promise<TrelloImportResult> => {
  await ctx.lock(workspaceChannel(workspaceId));
  const plan = await planFor(ctx.tx, actor, workspaceId, input);
  return writePlan(ctx, actor, workspaceId, plan, {
    name: input.name ?? plan.name,
    folderId: input.folderId ?? null,
  });
};

/** A CSV file's rows; a file that cannot be read as CSV is the request's fault. */
const rowsOf = (csv: string): string[][] => {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken)
    // The parser's own reason stays English: it comes from the CSV library.
    throw invalidField("body.csv", `is not valid CSV: ${broken.message} (row ${(broken.row ?? 0) + 1})`, {
      key: "refusal.field.csvInvalid",
      values: { reason: broken.message, row: (broken.row ?? 0) + 1 },
    });
  if (parsed.data.length === 0)
    throw invalidField("body.csv", "has no rows", { key: "refusal.field.csvNoRows" });
  return parsed.data;
};

const mappingFor = (rows: string[][], input: CsvPreviewBody): CsvMapping | null => {
  if (input.mapping) return input.mapping;
  const suggested = input.hasHeader ? suggestCsvMapping(rows[0] ?? []) : {};
  return { ...suggested, name: suggested.name ?? 0 };
};

const checkMapping = (rows: string[][], mapping: CsvMapping): void => {
  // Not Math.max(...rows): a file of a few hundred thousand rows would overflow the call stack.
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (const field of csvFields) {
    const column = mapping[field];
    if (column !== null && column !== undefined && column >= width)
      throw invalidField(`body.mapping.${field}`, `is column ${column + 1}, but the file has ${width}`, {
        key: "refusal.field.csvColumn",
        values: { column: column + 1, width },
      });
  }
};

const planCsv = async (tx: Tx, actor: User, workspaceId: string, input: CsvPreviewBody, name: string) => {
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "create_hierarchy", "Workspace");
  const rows = rowsOf(input.csv);
  const mapping = mappingFor(rows, input) ?? { name: 0 };
  checkMapping(rows, mapping);
  const candidates = await candidatesOf(tx, workspaceId);
  const plan = planCsvImport(rows, mapping, {
    candidates,
    dateOrder: input.dateOrder,
    hasHeader: input.hasHeader,
    ...(input.listRoles ? { listRoles: input.listRoles } : {}),
    name,
    // The summary's notes and the rows' warnings are read by the importer, in their language.
    translator: createTranslator(actor.locale),
  });
  return { rows, mapping, plan, candidates };
};

const PREVIEW_ROWS = 8;
const PREVIEW_WARNINGS = 100;

/** The file's columns, a few rows, the mapping (given or suggested) and what it would create. */
export const previewCsvImport = async (
  tx: Tx,
  actor: User,
  workspaceId: string,
  input: CsvPreviewBody,
): Promise<CsvPreview> => {
  const { rows, mapping, plan, candidates } = await planCsv(tx, actor, workspaceId, input, "");
  const body = input.hasHeader ? rows.slice(1) : rows;
  // A row wider than the header still has its columns to choose from.
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const header = Array.from({ length: width }, (_, i) => rows[0]?.[i] ?? "");
  const warned = plan.outcomes.filter((o) => o.warnings.length > 0);
  return {
    header,
    sample: body.slice(0, 5),
    rows: body.length,
    mapping: Object.fromEntries(csvFields.map((f) => [f, mapping[f] ?? null])) as CsvPreview["mapping"],
    statuses: plan.statuses,
    summary: plan.summary,
    cards: csvPreviewRows(plan, candidates, PREVIEW_ROWS),
    rowWarnings: warned.slice(0, PREVIEW_WARNINGS).map(({ row, warnings }) => ({ row, warnings })),
    rowsWithWarnings: warned.length,
  };
};

export const importCsv = async (
  ctx: MutationContext,
  actor: User,
  workspaceId: string,
  input: CsvImportBody,
): Promise<TrelloImportResult> => {
  await ctx.lock(workspaceChannel(workspaceId));
  const { plan } = await planCsv(ctx.tx, actor, workspaceId, input, input.name);
  return writePlan(ctx, actor, workspaceId, plan, { name: input.name, folderId: input.folderId ?? null });
};
