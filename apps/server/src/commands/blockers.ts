/**
 * Blockers. Types: local (a space owner makes it for that space), global (the administrator,
 * usable everywhere), on-demand (the administrator; usable in spaces whose owner enabled it).
 * A blocking records type, reason, who, when and who must clear it; clearing records who and when.
 * While a card has an open blocking it cannot change status (enforced in moveCard).
 */
import { randomUUID } from "node:crypto";
import {
  blockerTypeById,
  blockerTypesOf,
  insertBlockerType,
  loadBlockCardContext,
  loadClearBlockingContext,
  lockSpaceOf,
  type MutationContext,
  persistBlock,
  persistClearBlocking,
  setSpaceBlockerType,
  spaceAccess,
} from "@lattice/db";
import {
  type BlockCardArgs,
  type BlockerType,
  type Blocking,
  DomainError,
  ErrorCode,
  isRefusal,
  blockCard as mutateBlockCard,
  clearBlocking as mutateClearBlocking,
  type User,
} from "@lattice/domain";
import { authorize } from "./authorize.js";
import { followersOf, notify } from "./notifications.js";

type Tx = MutationContext["tx"];
type Executor = Tx | import("@lattice/db").Database;

const requireAdmin = (actor: User): void => {
  if (!actor.isAdmin)
    throw new DomainError(
      ErrorCode.forbidden,
      "Only the instance administrator manages global and on-demand blockers",
      [],
      { key: "refusal.blockers.adminOnly" },
    );
};

/**
 * Blocker types a space can see, with how many cards each blocks now (in that space, or across the
 * instance when no space is given), and whether an on-demand type is enabled there.
 */
export const listBlockerTypes = (db: Executor, spaceId: string | null): Promise<BlockerType[]> =>
  blockerTypesOf(db, spaceId);

export const createLocalBlockerType = async (
  { tx }: MutationContext,
  actor: User,
  spaceId: string,
  input: { name: string; description?: string | undefined },
): Promise<BlockerType> => {
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "manage_statuses", "Space");
  const id = await insertBlockerType(tx, {
    kind: "local",
    workspaceId: space.workspaceId,
    spaceId,
    name: input.name,
    description: input.description ?? "",
    createdBy: actor.id,
  });
  const [type] = (await listBlockerTypes(tx, spaceId)).filter((t) => t.id === id);
  if (!type) throw new Error("created blocker type not listed");
  return type;
};

export const createInstanceBlockerType = async (
  { tx }: MutationContext,
  actor: User,
  input: { kind: "global" | "on_demand"; name: string; description?: string | undefined },
): Promise<BlockerType> => {
  requireAdmin(actor);
  const id = await insertBlockerType(tx, {
    kind: input.kind,
    name: input.name,
    description: input.description ?? "",
    createdBy: actor.id,
  });
  const [type] = (await listBlockerTypes(tx, null)).filter((t) => t.id === id);
  if (!type) throw new Error("created blocker type not listed");
  return type;
};

export const setOnDemandEnabled = async (
  { tx }: MutationContext,
  actor: User,
  spaceId: string,
  blockerTypeId: string,
  isEnabled: boolean,
): Promise<BlockerType> => {
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "manage_statuses", "Space");
  const type = await blockerTypeById(tx, blockerTypeId);
  if (type?.kind !== "on_demand")
    throw new DomainError(ErrorCode.notFound, "On-demand blocker type not found", [], {
      key: "refusal.notFound.blockerType",
    });
  await setSpaceBlockerType(tx, { spaceId, workspaceId: space.workspaceId, blockerTypeId }, isEnabled);
  const [listed] = (await listBlockerTypes(tx, spaceId)).filter((t) => t.id === blockerTypeId);
  if (!listed) throw new Error("blocker type not listed");
  return listed;
};

/** lock → load the context → the domain's mutator (authorize, usable type, responsible) → persist → emit. */
export const blockCard = async (
  { tx, emit, mail }: MutationContext,
  actor: User,
  cardId: string,
  input: BlockCardArgs,
): Promise<Blocking> => {
  await lockSpaceOf(tx, "card", cardId);
  const context = await loadBlockCardContext(tx, actor.id, cardId, input, randomUUID());
  const result = mutateBlockCard(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistBlock(tx, result.changes);
  for (const event of result.events) emit(event);
  const { blocking } = result.changes;
  await notify(
    { tx, emit, mail },
    {
      userIds: [
        ...(await followersOf(tx, cardId)),
        ...(blocking.responsibleId ? [blocking.responsibleId] : []),
      ],
      kind: "blocked",
      cardId,
      workspaceId: blocking.workspaceId,
      actorId: actor.id,
      data: { blocker: blocking.blockerName, reason: blocking.reason },
    },
  );
  return blocking;
};

/** lock → load the context → the domain's mutator → persist → emit. */
export const clearBlocking = async (
  { tx, emit, mail }: MutationContext,
  actor: User,
  blockingId: string,
): Promise<Blocking> => {
  await lockSpaceOf(tx, "blocking", blockingId);
  const context = await loadClearBlockingContext(tx, actor.id, blockingId);
  const result = mutateClearBlocking(context, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistClearBlocking(tx, result.changes);
  for (const event of result.events) emit(event);
  const { blocking } = result.changes;
  await notify(
    { tx, emit, mail },
    {
      userIds: await followersOf(tx, blocking.cardId),
      kind: "unblocked",
      cardId: blocking.cardId,
      workspaceId: blocking.workspaceId,
      actorId: actor.id,
      data: { blocker: blocking.blockerName },
    },
  );
  return blocking;
};
