/**
 * Saved views of a space (docs/SAVED-VIEWS.md).
 *
 * Invariants:
 * - A personal view is its owner's alone: every read names `owner_id = actor` (or a shared view),
 *   and its events go to `user:<owner>` only, so its name never reaches anyone else. Another
 *   person's personal view is answered as unknown (404), the same as an id that does not exist.
 * - Shared views' events go to the space channel (everyone who reads the space).
 * - At most one default per space, and only a shared view (the table's partial unique index and
 *   check). Choosing a default clears the previous one in the same transaction; both are announced.
 * - Order uses the domain's fractional keys, computed under the space channel's lock from the
 *   committed neighbours the caller sees (shared views and their own), so two moves at once never
 *   produce equal keys.
 */
import {
  clearDefaultSavedViews,
  countSavedViews,
  deleteSavedViewRow,
  type Executor,
  insertSavedView,
  lastSavedViewOf,
  type MutationContext,
  savedViewById,
  savedViewOwnerOf,
  spaceAccess,
  updateSavedViewRow,
  visibleSavedViews,
} from "@lattice/db";
import {
  type CreateSavedViewBody,
  canChangeSavedView,
  DomainError,
  draft,
  ErrorCode,
  notFound,
  positionAmong,
  roleRefusal,
  type SavedView,
  type SavedViewChange,
  type SavedViewList,
  type SetDefaultViewBody,
  savedViewLimits,
  spaceChannel,
  type UpdateSavedViewBody,
  type User,
  userChannel,
  type WorkspaceRole,
} from "@lattice/domain";
import { authorize, invalidField } from "./authorize.js";

const changeOf = (view: { ownerId: string | null }): SavedViewChange =>
  view.ownerId === null ? "change_shared" : "keep_personal";

/** 404 unless the caller reads the space; 403 when their role may not make this change. */
const allowed = async (db: Executor, actor: User, spaceId: string, change: SavedViewChange) => {
  const access = authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  if (!canChangeSavedView(access.role, change)) {
    if (change !== "choose_default" && access.role === "visitor")
      throw new DomainError(
        ErrorCode.forbidden,
        "Visitors keep personal views; shared views are made by members",
        [],
        { key: "refusal.savedView.visitorPersonal" },
      );
    if (change !== "choose_default") throw roleRefusal(access.role);
    throw new DomainError(ErrorCode.forbidden, "Only the space's owners choose its default view", [], {
      key: "refusal.savedView.ownersChooseDefault",
    });
  }
  return access;
};

const channelOf = (view: SavedView) =>
  view.ownerId === null ? spaceChannel(view.spaceId) : userChannel(view.ownerId);

const listFor = async (
  db: Executor,
  actor: User,
  spaceId: string,
  role: WorkspaceRole,
): Promise<SavedViewList> => ({
  items: await visibleSavedViews(db, actor.id, spaceId),
  canShare: canChangeSavedView(role, "change_shared"),
  canChooseDefault: canChangeSavedView(role, "choose_default"),
});

export const listSavedViews = async (db: Executor, actor: User, spaceId: string): Promise<SavedViewList> => {
  const access = authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  return listFor(db, actor, spaceId, access.role);
};

/** The view as the caller may see it, locked under its space's channel; else 404. */
const viewFor = async (ctx: MutationContext, actor: User, viewId: string): Promise<SavedView> => {
  const found = await savedViewOwnerOf(ctx.tx, viewId);
  // Security: someone else's personal view is unknown, before any question of rights.
  if (!found || (found.ownerId !== null && found.ownerId !== actor.id)) throw notFound("Saved view");
  await ctx.lock(spaceChannel(found.spaceId));
  const row = await savedViewById(ctx.tx, viewId);
  if (!row) throw notFound("Saved view");
  await allowed(ctx.tx, actor, row.spaceId, changeOf(row));
  return row;
};

/** Clears the space's default (if any other view holds it) and announces the change. */
const clearDefault = async (ctx: MutationContext, spaceId: string, exceptId: string | null) => {
  const cleared = await clearDefaultSavedViews(ctx.tx, spaceId);
  for (const view of cleared) {
    if (view.id === exceptId) continue;
    ctx.emit(draft(channelOf(view), "saved_view.updated", { view }));
  }
  return cleared;
};

export const createSavedView = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  body: CreateSavedViewBody,
): Promise<SavedView> => {
  const access = await allowed(ctx.tx, actor, spaceId, body.isShared ? "change_shared" : "keep_personal");
  if (body.isDefault) {
    if (!body.isShared)
      throw invalidField("body.isDefault", "needs a shared view (isShared: true)", {
        key: "refusal.field.needsSharedView",
      });
    await allowed(ctx.tx, actor, spaceId, "choose_default");
  }
  await ctx.lock(spaceChannel(spaceId));
  if ((await countSavedViews(ctx.tx, spaceId)) >= savedViewLimits.perSpaceMax)
    throw new DomainError(
      ErrorCode.conflict,
      `A space keeps at most ${savedViewLimits.perSpaceMax} saved views`,
      [],
      { key: "refusal.savedView.max", values: { count: savedViewLimits.perSpaceMax } },
    );
  // After every view of the space (not only those the caller sees), so keys stay apart.
  const last = await lastSavedViewOf(ctx.tx, spaceId);
  const placed = positionAmong(last ? [last] : [], {});
  if (!("position" in placed)) throw new Error("a placement at the end always has a key");
  if (body.isDefault) await clearDefault(ctx, spaceId, null);
  const view = await insertSavedView(ctx.tx, {
    workspaceId: access.workspace.id,
    spaceId,
    ownerId: body.isShared ? null : actor.id,
    name: body.name,
    kind: body.kind,
    query: body.query,
    isDefault: body.isDefault,
    position: placed.position,
    createdBy: actor.id,
  });
  ctx.emit(draft(channelOf(view), "saved_view.created", { view }));
  return view;
};

export const updateSavedView = async (
  ctx: MutationContext,
  actor: User,
  viewId: string,
  body: UpdateSavedViewBody,
): Promise<SavedView> => {
  const row = await viewFor(ctx, actor, viewId);
  let position = row.position;
  if (body.afterId !== undefined || body.beforeId !== undefined) {
    const visible = await visibleSavedViews(ctx.tx, actor.id, row.spaceId);
    const placed = positionAmong(visible, { afterId: body.afterId, beforeId: body.beforeId }, row.id);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not another saved view of this space", {
        key: "refusal.field.notOtherSavedView",
      });
    position = placed.position;
  }
  const view = await updateSavedViewRow(ctx.tx, row.id, {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.query !== undefined ? { query: body.query } : {}),
    position,
  });
  if (!view) throw notFound("Saved view");
  ctx.emit(draft(channelOf(view), "saved_view.updated", { view }));
  return view;
};

export const deleteSavedView = async (ctx: MutationContext, actor: User, viewId: string): Promise<void> => {
  const row = await viewFor(ctx, actor, viewId);
  await deleteSavedViewRow(ctx.tx, row.id);
  const view = row;
  ctx.emit(draft(channelOf(view), "saved_view.deleted", { viewId: view.id, spaceId: view.spaceId }));
};

/** Makes a shared view the space's default, or clears the default (`viewId` null). Owners only. */
export const setDefaultView = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  body: SetDefaultViewBody,
): Promise<SavedViewList> => {
  const access = await allowed(ctx.tx, actor, spaceId, "choose_default");
  await ctx.lock(spaceChannel(spaceId));
  if (body.viewId !== null) {
    const target = await savedViewById(ctx.tx, body.viewId, spaceId);
    // Another person's personal view is named as unknown, like one that does not exist.
    if (!target || (target.ownerId !== null && target.ownerId !== actor.id))
      throw invalidField("body.viewId", "is not a saved view of this space", {
        key: "refusal.field.notSavedView",
      });
    if (target.ownerId !== null)
      throw invalidField("body.viewId", "must be a shared view", { key: "refusal.field.mustBeShared" });
    if (!target.isDefault) {
      await clearDefault(ctx, spaceId, null);
      const view = await updateSavedViewRow(ctx.tx, target.id, { isDefault: true });
      if (!view) throw notFound("Saved view");
      ctx.emit(draft(channelOf(view), "saved_view.updated", { view }));
    }
  } else {
    await clearDefault(ctx, spaceId, null);
  }
  return listFor(ctx.tx, actor, spaceId, access.role);
};
