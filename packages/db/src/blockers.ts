/**
 * The SQL of blocker types (instance-wide global and on-demand ones, and a space's local ones), of
 * which on-demand types a space has enabled, and of a card's blockings as read back. Blocking and
 * clearing a card are blocking-writes.ts; who may manage types is decided by the caller.
 */
import type { BlockerType, Blocking } from "@lattice/domain";
import { and, count, eq, isNull, or } from "drizzle-orm";
import type { Executor } from "./client.js";
import { blockerTypes, cardBlockings, spaceBlockerTypes } from "./schema/index.js";

export type BlockerTypeRow = typeof blockerTypes.$inferSelect;

/**
 * Blocker types a space can see (or, with no space, the instance's own), by kind and name, with
 * how many cards each blocks now (in that space, or across the instance) and whether an on-demand
 * type is enabled there.
 */
export const blockerTypesOf = async (db: Executor, spaceId: string | null): Promise<BlockerType[]> => {
  const enabled = spaceId
    ? new Set(
        (
          await db
            .select({ id: spaceBlockerTypes.blockerTypeId })
            .from(spaceBlockerTypes)
            .where(eq(spaceBlockerTypes.spaceId, spaceId))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const types = await db
    .select()
    .from(blockerTypes)
    .where(
      and(
        isNull(blockerTypes.archivedAt),
        spaceId
          ? or(eq(blockerTypes.spaceId, spaceId), isNull(blockerTypes.spaceId))
          : isNull(blockerTypes.spaceId),
      ),
    )
    .orderBy(blockerTypes.kind, blockerTypes.name);
  const counts = await db
    .select({ blockerTypeId: cardBlockings.blockerTypeId, value: count() })
    .from(cardBlockings)
    .where(and(isNull(cardBlockings.clearedAt), spaceId ? eq(cardBlockings.spaceId, spaceId) : undefined))
    .groupBy(cardBlockings.blockerTypeId);
  const countOf = new Map(counts.map((c) => [c.blockerTypeId, c.value]));
  return types.map((type) => ({
    id: type.id,
    kind: type.kind,
    spaceId: type.spaceId,
    name: type.name,
    description: type.description,
    createdAt: type.createdAt.toISOString(),
    activeCount: countOf.get(type.id) ?? 0,
    isEnabled: type.kind !== "on_demand" || enabled.has(type.id),
  }));
};

/** Makes a blocker type; returns its id. */
export const insertBlockerType = async (
  db: Executor,
  values: Omit<typeof blockerTypes.$inferInsert, "id" | "createdAt" | "archivedAt">,
): Promise<string> => {
  const [row] = await db.insert(blockerTypes).values(values).returning({ id: blockerTypes.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
};

export const blockerTypeById = async (
  db: Executor,
  blockerTypeId: string,
): Promise<BlockerTypeRow | null> => {
  const [type] = await db.select().from(blockerTypes).where(eq(blockerTypes.id, blockerTypeId));
  return type ?? null;
};

/** Enables (idempotent) or disables an on-demand blocker type in a space. */
export const setSpaceBlockerType = async (
  db: Executor,
  of: { spaceId: string; workspaceId: string; blockerTypeId: string },
  isEnabled: boolean,
): Promise<void> => {
  if (isEnabled)
    await db
      .insert(spaceBlockerTypes)
      .values({ spaceId: of.spaceId, blockerTypeId: of.blockerTypeId, workspaceId: of.workspaceId })
      .onConflictDoNothing();
  else
    await db
      .delete(spaceBlockerTypes)
      .where(
        and(eq(spaceBlockerTypes.spaceId, of.spaceId), eq(spaceBlockerTypes.blockerTypeId, of.blockerTypeId)),
      );
};

/** A card's blockings, cleared ones included, in the order they were made. */
export const blockingsOf = async (db: Executor, cardId: string): Promise<Blocking[]> => {
  const rows = await db
    .select({ blocking: cardBlockings, name: blockerTypes.name })
    .from(cardBlockings)
    .innerJoin(blockerTypes, eq(blockerTypes.id, cardBlockings.blockerTypeId))
    .where(eq(cardBlockings.cardId, cardId))
    .orderBy(cardBlockings.blockedAt);
  return rows.map(({ blocking: row, name }) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    spaceId: row.spaceId,
    cardId: row.cardId,
    blockerTypeId: row.blockerTypeId,
    blockerName: name,
    reason: row.reason,
    blockedBy: row.blockedBy,
    blockedAt: row.blockedAt.toISOString(),
    responsibleId: row.responsibleId,
    clearedBy: row.clearedBy,
    clearedAt: row.clearedAt ? row.clearedAt.toISOString() : null,
  }));
};
