/**
 * The SQL of a space's saved views (docs/SAVED-VIEWS.md). A personal view has its owner in
 * `owner_id`; a shared one has none. Reads that list views name the reader, so another person's
 * personal view is never among them. Who may change what is decided by the caller.
 */
import type { SavedView } from "@lattice/domain";
import { and, asc, count, desc, eq, isNull, or } from "drizzle-orm";
import type { Executor } from "./client.js";
import { savedViews } from "./schema/index.js";

const toSavedView = (row: typeof savedViews.$inferSelect): SavedView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  ownerId: row.ownerId,
  name: row.name,
  kind: row.kind,
  query: row.query,
  isDefault: row.isDefault,
  position: row.position,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The space's shared views and the reader's own, by position. */
export const visibleSavedViews = async (
  db: Executor,
  readerId: string,
  spaceId: string,
): Promise<SavedView[]> =>
  (
    await db
      .select()
      .from(savedViews)
      .where(
        and(
          eq(savedViews.spaceId, spaceId),
          or(isNull(savedViews.ownerId), eq(savedViews.ownerId, readerId)),
        ),
      )
      .orderBy(asc(savedViews.position), asc(savedViews.id))
  ).map(toSavedView);

/** A view's space and owner (to decide whether it is known to the caller before locking), or null. */
export const savedViewOwnerOf = async (
  db: Executor,
  viewId: string,
): Promise<{ spaceId: string; ownerId: string | null } | null> => {
  const [found] = await db
    .select({ spaceId: savedViews.spaceId, ownerId: savedViews.ownerId })
    .from(savedViews)
    .where(eq(savedViews.id, viewId));
  return found ?? null;
};

/** A view by id; with `spaceId`, only when it is that space's. */
export const savedViewById = async (
  db: Executor,
  viewId: string,
  spaceId?: string,
): Promise<SavedView | null> => {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(
      spaceId === undefined
        ? eq(savedViews.id, viewId)
        : and(eq(savedViews.id, viewId), eq(savedViews.spaceId, spaceId)),
    );
  return row ? toSavedView(row) : null;
};

/** Clears the space's default; the views that held it, as they are now. */
export const clearDefaultSavedViews = async (db: Executor, spaceId: string): Promise<SavedView[]> =>
  (
    await db
      .update(savedViews)
      .set({ isDefault: false, updatedAt: new Date() })
      .where(and(eq(savedViews.spaceId, spaceId), eq(savedViews.isDefault, true)))
      .returning()
  ).map(toSavedView);

export const countSavedViews = async (db: Executor, spaceId: string): Promise<number> => {
  const [total] = await db.select({ value: count() }).from(savedViews).where(eq(savedViews.spaceId, spaceId));
  return total?.value ?? 0;
};

/** The last view of the space by key (whoever's it is), or null. */
export const lastSavedViewOf = async (
  db: Executor,
  spaceId: string,
): Promise<{ id: string; position: string } | null> => {
  const [last] = await db
    .select({ id: savedViews.id, position: savedViews.position })
    .from(savedViews)
    .where(eq(savedViews.spaceId, spaceId))
    .orderBy(desc(savedViews.position))
    .limit(1);
  return last ?? null;
};

export const insertSavedView = async (
  db: Executor,
  values: Omit<typeof savedViews.$inferInsert, "id" | "createdAt" | "updatedAt">,
): Promise<SavedView> => {
  const [row] = await db.insert(savedViews).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return toSavedView(row);
};

/** Changes a view (stamping `updatedAt`); null when it is gone. */
export const updateSavedViewRow = async (
  db: Executor,
  viewId: string,
  changes: Partial<Pick<SavedView, "name" | "kind" | "query" | "position" | "isDefault">>,
): Promise<SavedView | null> => {
  const [row] = await db
    .update(savedViews)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(savedViews.id, viewId))
    .returning();
  return row ? toSavedView(row) : null;
};

export const deleteSavedViewRow = async (db: Executor, viewId: string): Promise<void> => {
  await db.delete(savedViews).where(eq(savedViews.id, viewId));
};
