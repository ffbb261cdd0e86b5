/**
 * Importing a Trello board as a new space: the domain plans it, `insertImportedSpace` writes it in
 * bulk, all in one transaction, so a failed import leaves nothing behind.
 */
import {
  type Executor,
  insertImportedSpace,
  type MutationContext,
  tables,
  toSpace,
  toStatus,
  workspaceAccess,
} from "@lattice/db";
import {
  draft,
  type ImportCandidate,
  planTrelloImport,
  positionAmong,
  spaceChannel,
  type TrelloImportBody,
  type TrelloImportResult,
  type TrelloPreview,
  type TrelloPreviewBody,
  type User,
  workspaceChannel,
} from "@lattice/domain";
import { eq } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";
import { checkFolder, siblingSpaces } from "./spaces.js";

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
      throw invalidField(`body.memberMap.${trelloId}`, "is not a member of this workspace");
  return planTrelloImport(input.board, {
    candidates,
    ...(input.memberMap ? { memberMap: input.memberMap } : {}),
    ...(input.listRoles ? { listRoles: input.listRoles } : {}),
    timeZone: input.timeZone ?? actor.timeZone ?? "UTC",
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

export const importTrelloBoard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  workspaceId: string,
  input: TrelloImportBody,
): Promise<TrelloImportResult> => {
  await lock(workspaceChannel(workspaceId));
  const plan = await planFor(tx, actor, workspaceId, input);
  const folderId = input.folderId ?? null;
  if (folderId) await checkFolder(tx, workspaceId, folderId);
  const placed = positionAmong(await siblingSpaces(tx, workspaceId, folderId), {});
  if (!("position" in placed)) throw new Error("a new space always has a place at the end");
  const written = await insertImportedSpace(tx, {
    workspaceId,
    folderId,
    name: input.name ?? plan.name,
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
