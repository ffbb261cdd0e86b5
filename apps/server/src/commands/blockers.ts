/**
 * Blockers. Types: local (a space owner makes it for that space), global (the administrator,
 * usable everywhere), on-demand (the administrator; usable in spaces whose owner enabled it).
 * A blocking records type, reason, who, when and who must clear it; clearing records who and when.
 * While a card has an open blocking it cannot change status (enforced in moveCard).
 */
import { cardAccess, type MutationContext, spaceAccess, tables } from "@lattice/db";
import {
  type BlockerType,
  type Blocking,
  DomainError,
  draft,
  ErrorCode,
  spaceChannel,
  type User,
} from "@lattice/domain";
import { and, count, eq, isNull, or } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";
import { mustLoadCard } from "./cards.js";
import { followersOf, notify } from "./notifications.js";

type Tx = MutationContext["tx"];
type Executor = Tx | import("@lattice/db").Database;

const toBlocking = (row: typeof tables.cardBlockings.$inferSelect, blockerName: string): Blocking => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  cardId: row.cardId,
  blockerTypeId: row.blockerTypeId,
  blockerName,
  reason: row.reason,
  blockedBy: row.blockedBy,
  blockedAt: row.blockedAt.toISOString(),
  responsibleId: row.responsibleId,
  clearedBy: row.clearedBy,
  clearedAt: row.clearedAt ? row.clearedAt.toISOString() : null,
});

const requireAdmin = (actor: User): void => {
  if (!actor.isAdmin)
    throw new DomainError(
      ErrorCode.forbidden,
      "Only the instance administrator manages global and on-demand blockers",
    );
};

/**
 * Blocker types a space can see, with how many cards each blocks now (in that space, or across the
 * instance when no space is given), and whether an on-demand type is enabled there.
 */
export const listBlockerTypes = async (db: Executor, spaceId: string | null): Promise<BlockerType[]> => {
  const enabled = spaceId
    ? new Set(
        (
          await db
            .select({ id: tables.spaceBlockerTypes.blockerTypeId })
            .from(tables.spaceBlockerTypes)
            .where(eq(tables.spaceBlockerTypes.spaceId, spaceId))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const types = await db
    .select()
    .from(tables.blockerTypes)
    .where(
      and(
        isNull(tables.blockerTypes.archivedAt),
        spaceId
          ? or(eq(tables.blockerTypes.spaceId, spaceId), isNull(tables.blockerTypes.spaceId))
          : isNull(tables.blockerTypes.spaceId),
      ),
    )
    .orderBy(tables.blockerTypes.kind, tables.blockerTypes.name);
  const counts = await db
    .select({ blockerTypeId: tables.cardBlockings.blockerTypeId, value: count() })
    .from(tables.cardBlockings)
    .where(
      and(
        isNull(tables.cardBlockings.clearedAt),
        spaceId ? eq(tables.cardBlockings.spaceId, spaceId) : undefined,
      ),
    )
    .groupBy(tables.cardBlockings.blockerTypeId);
  const countOf = new Map(counts.map((c) => [c.blockerTypeId, c.value]));
  const rows = types.map((type) => ({ type, activeCount: countOf.get(type.id) ?? 0 }));
  return rows.map(({ type, activeCount }) => ({
    id: type.id,
    kind: type.kind,
    spaceId: type.spaceId,
    name: type.name,
    description: type.description,
    createdAt: type.createdAt.toISOString(),
    activeCount,
    isEnabled: type.kind !== "on_demand" || enabled.has(type.id),
  }));
};

export const createLocalBlockerType = async (
  { tx }: MutationContext,
  actor: User,
  spaceId: string,
  input: { name: string; description?: string | undefined },
): Promise<BlockerType> => {
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "manage_statuses", "Space");
  const [row] = await tx
    .insert(tables.blockerTypes)
    .values({
      kind: "local",
      workspaceId: space.workspaceId,
      spaceId,
      name: input.name,
      description: input.description ?? "",
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const [type] = (await listBlockerTypes(tx, spaceId)).filter((t) => t.id === row.id);
  if (!type) throw new Error("created blocker type not listed");
  return type;
};

export const createInstanceBlockerType = async (
  { tx }: MutationContext,
  actor: User,
  input: { kind: "global" | "on_demand"; name: string; description?: string | undefined },
): Promise<BlockerType> => {
  requireAdmin(actor);
  const [row] = await tx
    .insert(tables.blockerTypes)
    .values({ kind: input.kind, name: input.name, description: input.description ?? "", createdBy: actor.id })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const [type] = (await listBlockerTypes(tx, null)).filter((t) => t.id === row.id);
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
  const [type] = await tx.select().from(tables.blockerTypes).where(eq(tables.blockerTypes.id, blockerTypeId));
  if (type?.kind !== "on_demand")
    throw new DomainError(ErrorCode.notFound, "On-demand blocker type not found");
  if (isEnabled) {
    await tx
      .insert(tables.spaceBlockerTypes)
      .values({ spaceId, blockerTypeId, workspaceId: space.workspaceId })
      .onConflictDoNothing();
  } else {
    await tx
      .delete(tables.spaceBlockerTypes)
      .where(
        and(
          eq(tables.spaceBlockerTypes.spaceId, spaceId),
          eq(tables.spaceBlockerTypes.blockerTypeId, blockerTypeId),
        ),
      );
  }
  const [listed] = (await listBlockerTypes(tx, spaceId)).filter((t) => t.id === blockerTypeId);
  if (!listed) throw new Error("blocker type not listed");
  return listed;
};

/** Whether a blocker type may be used on a card of this space. */
const usableIn = async (
  tx: Tx,
  type: typeof tables.blockerTypes.$inferSelect,
  spaceId: string,
): Promise<boolean> => {
  if (type.archivedAt) return false;
  if (type.kind === "global") return true;
  if (type.kind === "local") return type.spaceId === spaceId;
  const [row] = await tx
    .select({ value: count() })
    .from(tables.spaceBlockerTypes)
    .where(
      and(eq(tables.spaceBlockerTypes.spaceId, spaceId), eq(tables.spaceBlockerTypes.blockerTypeId, type.id)),
    );
  return (row?.value ?? 0) > 0;
};

export const blockCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
  input: { blockerTypeId: string; reason: string; responsibleId?: string | null | undefined },
): Promise<Blocking> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const [type] = await tx
    .select()
    .from(tables.blockerTypes)
    .where(eq(tables.blockerTypes.id, input.blockerTypeId));
  if (!type || !(await usableIn(tx, type, card.spaceId))) {
    throw invalidField("body.blockerTypeId", "is not a blocker type usable in this space");
  }
  const responsibleId = input.responsibleId ?? null;
  if (responsibleId && !(await spaceAccess(tx, responsibleId, card.spaceId))) {
    throw invalidField("body.responsibleId", "is not a user of this space");
  }
  const [row] = await tx
    .insert(tables.cardBlockings)
    .values({
      workspaceId: card.workspaceId,
      spaceId: card.spaceId,
      cardId,
      blockerTypeId: type.id,
      reason: input.reason,
      blockedBy: actor.id,
      responsibleId,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const blocking = toBlocking(row, type.name);
  emit(draft(spaceChannel(card.spaceId), "blocking.created", { blocking }));
  emit(draft(spaceChannel(card.spaceId), "card.updated", { card: await mustLoadCard(tx, cardId) }));
  await notify(
    { tx, emit },
    {
      userIds: [...(await followersOf(tx, cardId)), ...(responsibleId ? [responsibleId] : [])],
      kind: "blocked",
      cardId,
      workspaceId: card.workspaceId,
      actorId: actor.id,
      data: { blocker: type.name, reason: input.reason },
    },
  );
  return blocking;
};

export const clearBlocking = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  blockingId: string,
): Promise<Blocking> => {
  const [existing] = await tx
    .select()
    .from(tables.cardBlockings)
    .where(eq(tables.cardBlockings.id, blockingId));
  const access = existing ? await cardAccess(tx, actor.id, existing.cardId) : null;
  if (access) await lock(spaceChannel(access.card.spaceId));
  const { card } = authorize(access, "write_cards", "Blocking");
  if (!existing) throw new DomainError(ErrorCode.notFound, "Blocking not found");
  if (existing.clearedAt) throw new DomainError(ErrorCode.conflict, "This blocking was already cleared");
  const [row] = await tx
    .update(tables.cardBlockings)
    .set({ clearedAt: new Date(), clearedBy: actor.id })
    .where(eq(tables.cardBlockings.id, blockingId))
    .returning();
  const [type] = await tx
    .select({ name: tables.blockerTypes.name })
    .from(tables.blockerTypes)
    .where(eq(tables.blockerTypes.id, existing.blockerTypeId));
  if (!row) throw new Error("blocking vanished inside its own lock");
  const blocking = toBlocking(row, type?.name ?? "");
  emit(draft(spaceChannel(card.spaceId), "blocking.cleared", { blocking }));
  emit(draft(spaceChannel(card.spaceId), "card.updated", { card: await mustLoadCard(tx, card.id) }));
  await notify(
    { tx, emit },
    {
      userIds: await followersOf(tx, card.id),
      kind: "unblocked",
      cardId: card.id,
      workspaceId: card.workspaceId,
      actorId: actor.id,
      data: { blocker: blocking.blockerName },
    },
  );
  return blocking;
};

export const blockingsOf = async (db: Executor, cardId: string): Promise<Blocking[]> => {
  const rows = await db
    .select({ blocking: tables.cardBlockings, name: tables.blockerTypes.name })
    .from(tables.cardBlockings)
    .innerJoin(tables.blockerTypes, eq(tables.blockerTypes.id, tables.cardBlockings.blockerTypeId))
    .where(eq(tables.cardBlockings.cardId, cardId))
    .orderBy(tables.cardBlockings.blockedAt);
  return rows.map((r) => toBlocking(r.blocking, r.name));
};
