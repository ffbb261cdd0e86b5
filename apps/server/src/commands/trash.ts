/**
 * The trash. `DELETE` on a card, a space or a folder moves it here (one entry, whatever went with
 * it); owners restore it where it was or purge it; the sweeper purges what is older than TRASH_DAYS.
 * How the rows are kept is `packages/db/src/trash.ts`.
 *
 * Who sees an entry: a card's, the readers of its space (while the space is live); a space's or a
 * folder's (or a card's whose space is gone), the workspace's members, or for a private space its
 * members then and the workspace's owners. Restoring: the space's or workspace's owners, and the
 * person who trashed it while they still may do what trashing needed (their Undo). Purging: owners.
 *
 * Locks: the workspace channel first, then a space channel, the order a space's deletion takes them,
 * so a card's trashing and its space's trashing cannot deadlock.
 */
import {
  cardKeysInStatus,
  cardPlaceOf,
  deleteTrashEntry,
  deleteTrashedRoot,
  type Executor,
  type FolderRow,
  folderNameOf,
  foldersByIds,
  insertTrashEntry,
  liveItemOf,
  loadCardWithRole,
  lockTrashEntry,
  type MutationContext,
  restoreRows,
  snapshotRows,
  snapshotTable,
  spaceAccess,
  spaceIdsOfWorkspace,
  spaceMemberIdsOf,
  spaceNameOf,
  spacesByIds,
  spacesWithRoles,
  statusNamesOf,
  statusPlaceOf,
  sweepTrashEntries,
  type TrashEntryFilter,
  type TrashEntryRow,
  type TrashSnapshot,
  toFolder,
  toSpace,
  trashEntriesOf,
  trashEntryHoldingSpace,
  trashWorkspaceOf,
  userNames,
  workspaceAccess,
} from "@lattice/db";
import {
  Action,
  can,
  createTranslator,
  DomainError,
  draft,
  ErrorCode,
  isRefusal,
  keyBetween,
  deleteCard as mutateDeleteCard,
  type Restored,
  spaceChannel,
  type Translator,
  type TrashEntry,
  type User,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { authorize } from "./authorize.js";
import { mustLoadCard } from "./cards.js";
import { scrubCardComments } from "./comments.js";
import { announceSpacesDeleted } from "./spaces.js";

type Tx = MutationContext["tx"];
type EntryRow = TrashEntryRow;

/** Stored as the place of a space or folder at the top level; said in the reader's language. */
const topLevel = "Top level";

/** An entry's place as its reader says it: the stored words, but "Top level" in their language. */
const placeNameFor = (row: Pick<EntryRow, "kind" | "parentId" | "placeName">, translator: Translator) =>
  row.kind !== "card" && row.parentId === null && row.placeName === topLevel
    ? translator.t("words.trash.topLevel")
    : row.placeName;
const dayMs = 24 * 60 * 60 * 1000;

const lockCardSpace = async (ctx: MutationContext, actorId: string, cardId: string) => {
  const row = await cardPlaceOf(ctx.tx, cardId);
  if (!row || !(await spaceAccess(ctx.tx, actorId, row.spaceId))) return;
  await ctx.lock(workspaceChannel(row.workspaceId));
  await ctx.lock(spaceChannel(row.spaceId));
};

const folderName = async (tx: Tx, folderId: string | null): Promise<string> =>
  (folderId ? await folderNameOf(tx, folderId) : null) ?? topLevel;

const count = (snapshot: TrashSnapshot, table: string): number => snapshotTable(snapshot, table).length;

const trashChanged = (ctx: MutationContext, workspaceId: string) =>
  ctx.emit(draft(workspaceChannel(workspaceId), "trash.changed", { workspaceId }));

// ---------- trashing ----------

/** `DELETE /cards/:id`: the domain's delete rule, then the card and what it had go to the trash. */
export const trashCard = async (ctx: MutationContext, actor: User, cardId: string): Promise<void> => {
  const { tx, emit } = ctx;
  await lockCardSpace(ctx, actor.id, cardId);
  const { role, card } = await loadCardWithRole(tx, actor.id, cardId);
  const result = mutateDeleteCard({ role, card }, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  const trashed = result.changes.card;
  const place = await statusPlaceOf(tx, trashed.statusId);
  // The log keeps no copy of its comments' text (the rows themselves are kept in the trash).
  await scrubCardComments(tx, trashed);
  const snapshot = await snapshotRows(tx, "cards", [cardId]);
  await insertTrashEntry(tx, {
    workspaceId: trashed.workspaceId,
    kind: "card",
    itemId: cardId,
    name: trashed.name,
    spaceId: trashed.spaceId,
    parentId: trashed.statusId,
    placeName: place ? `${place.space} › ${place.status}` : "",
    readerIds: place?.isPrivate ? await spaceMemberIdsOf(tx, trashed.spaceId) : null,
    trashedBy: actor.id,
    contents: { cards: 1, spaces: 0, folders: 0 },
    snapshot,
  });
  await deleteTrashedRoot(tx, "card", cardId);
  for (const event of result.events) emit(event);
  trashChanged(ctx, trashed.workspaceId);
};

/** `DELETE /spaces/:id`: the space with its statuses, cards and everything of theirs, as one entry. */
export const trashSpace = async (ctx: MutationContext, actor: User, spaceId: string): Promise<void> => {
  const { tx, lock } = ctx;
  const before = await spaceAccess(tx, actor.id, spaceId);
  if (before) await lock(workspaceChannel(before.space.workspaceId));
  const { space, workspace } = authorize(
    await spaceAccess(tx, actor.id, spaceId),
    "remove_hierarchy",
    "Space",
  );
  await announceSpacesDeleted(ctx, workspace.id, [spaceId]);
  const snapshot = await snapshotRows(tx, "spaces", [spaceId]);
  await insertTrashEntry(tx, {
    workspaceId: workspace.id,
    kind: "space",
    itemId: spaceId,
    name: space.name,
    spaceId,
    parentId: space.folderId,
    placeName: await folderName(tx, space.folderId),
    readerIds: space.isPrivate ? await spaceMemberIdsOf(tx, spaceId) : null,
    trashedBy: actor.id,
    contents: { cards: count(snapshot, "cards"), spaces: 0, folders: 0 },
    snapshot,
  });
  await deleteTrashedRoot(tx, "space", spaceId);
  trashChanged(ctx, workspace.id);
};

/** `DELETE /folders/:id`: the folder, its folders and their spaces, as one entry. */
export const trashFolder = async (
  ctx: MutationContext,
  actor: User,
  folder: FolderRow,
  folderIds: string[],
  spaceIds: string[],
): Promise<void> => {
  const { tx } = ctx;
  await announceSpacesDeleted(ctx, folder.workspaceId, spaceIds);
  const snapshot = await snapshotRows(tx, "folders", folderIds);
  await insertTrashEntry(tx, {
    workspaceId: folder.workspaceId,
    kind: "folder",
    itemId: folder.id,
    name: folder.name,
    spaceId: null,
    parentId: folder.parentFolderId,
    placeName: await folderName(tx, folder.parentFolderId),
    readerIds: null,
    trashedBy: actor.id,
    contents: { cards: count(snapshot, "cards"), spaces: spaceIds.length, folders: folderIds.length - 1 },
    snapshot,
  });
  await deleteTrashedRoot(tx, "folder", folder.id);
  ctx.emit(
    draft(workspaceChannel(folder.workspaceId), "folder.deleted", {
      folderId: folder.id,
      workspaceId: folder.workspaceId,
    }),
  );
  trashChanged(ctx, folder.workspaceId);
};

// ---------- who sees and may do what ----------

interface Viewer {
  userId: string;
  workspaceRole: WorkspaceRole | null;
  /** Roles in the workspace's live spaces the viewer may read. */
  spaceRoles: Map<string, WorkspaceRole>;
  liveSpaceIds: Set<string>;
}

const viewerOf = async (db: Executor, userId: string, workspaceId: string): Promise<Viewer> => {
  const workspaceRole = (await workspaceAccess(db, userId, workspaceId))?.role ?? null;
  const readable = workspaceRole ? await spacesWithRoles(db, userId, { workspaceId }) : [];
  const live = await spaceIdsOfWorkspace(db, workspaceId);
  return {
    userId,
    workspaceRole,
    spaceRoles: new Map(readable.map((r) => [r.space.id, r.role])),
    liveSpaceIds: new Set(live),
  };
};

interface Rights {
  isVisible: boolean;
  canRestore: boolean;
  canPurge: boolean;
}

const rightsOf = (viewer: Viewer, entry: EntryRow): Rights => {
  const { workspaceRole } = viewer;
  const none = { isVisible: false, canRestore: false, canPurge: false };
  if (!workspaceRole) return none;
  const isOwner = workspaceRole === "owner";
  const isTrasher = entry.trashedBy === viewer.userId;
  if (entry.kind === "card" && entry.spaceId && viewer.liveSpaceIds.has(entry.spaceId)) {
    const role = viewer.spaceRoles.get(entry.spaceId) ?? null;
    if (!role) return none;
    return {
      isVisible: true,
      canRestore: can(role, Action.writeCards) && (role === "owner" || isTrasher),
      canPurge: role === "owner" || isOwner,
    };
  }
  const isVisible = isOwner || entry.readerIds === null || entry.readerIds.includes(viewer.userId);
  if (!isVisible) return none;
  // A card whose space is gone: restoring it waits for the space (409), for whoever could then.
  if (entry.kind === "card") return { isVisible, canRestore: isOwner || isTrasher, canPurge: isOwner };
  return {
    isVisible,
    canRestore: isOwner || (isTrasher && can(workspaceRole, Action.writeCards)),
    canPurge: isOwner,
  };
};

/** The trashed space (or folder holding it) that a card or space must wait for, if any. */
const trashedParentOf = async (
  db: Executor,
  viewer: Viewer,
  entry: Pick<EntryRow, "kind" | "spaceId">,
): Promise<TrashEntry["trashedParent"]> => {
  if (entry.kind !== "card" || !entry.spaceId || viewer.liveSpaceIds.has(entry.spaceId)) return null;
  const holder = await trashEntryHoldingSpace(db, entry.spaceId);
  if (!holder) return null;
  const rights = rightsOf(viewer, holder);
  if (!rights.isVisible) return null;
  return {
    kind: holder.kind === "folder" ? "folder" : "space",
    id: holder.itemId,
    name: holder.name,
    canRestore: rights.canRestore,
  };
};

// ---------- listing ----------

export interface TrashFilter extends TrashEntryFilter {
  limit: number;
}

export const listTrash = async (
  db: Executor,
  reader: Pick<User, "id" | "locale">,
  filter: TrashFilter,
  retentionDays: number,
): Promise<TrashEntry[]> => {
  const translator = createTranslator(reader.locale);
  const viewer = await viewerOf(db, reader.id, filter.workspaceId);
  const rows = await trashEntriesOf(db, filter);
  const visible = rows
    .map((row) => ({ row, rights: rightsOf(viewer, row) }))
    .filter((e) => e.rights.isVisible)
    .slice(0, filter.limit);
  const names = await userNames(
    db,
    visible.map((e) => e.row.trashedBy),
  );
  const someone = translator.t("activity.someone");
  const items: TrashEntry[] = [];
  for (const { row, rights } of visible) {
    const trashedParent = await trashedParentOf(db, viewer, row);
    items.push({
      kind: row.kind,
      id: row.itemId,
      name: row.name,
      workspaceId: row.workspaceId,
      spaceId: row.kind === "folder" ? null : row.spaceId,
      placeName: placeNameFor(row, translator),
      trashedAt: row.trashedAt.toISOString(),
      trashedBy: row.trashedBy,
      trashedByName: row.trashedBy ? (names.get(row.trashedBy) ?? someone) : someone,
      purgeAt: new Date(row.trashedAt.getTime() + retentionDays * dayMs).toISOString(),
      contents: row.contents,
      trashedParent,
      canRestore: rights.canRestore && trashedParent === null,
      canPurge: rights.canPurge,
    });
  }
  return items;
};

// ---------- restore and purge ----------

/** No entry for `itemId`: 409 when it is live and the caller sees it, else 404. */
const notInTrash = async (tx: Tx, userId: string, itemId: string): Promise<never> => {
  const item = await liveItemOf(tx, itemId);
  const isVisible =
    item?.kind === "card"
      ? (await spaceAccess(tx, userId, item.spaceId)) !== null
      : item?.kind === "space"
        ? (await spaceAccess(tx, userId, item.id)) !== null
        : item?.kind === "folder"
          ? (await workspaceAccess(tx, userId, item.workspaceId)) !== null
          : false;
  const name = item?.name;
  if (isVisible && name !== undefined)
    throw new DomainError(ErrorCode.conflict, `“${name}” is not in the trash`, [], {
      key: "refusal.trash.notInTrash",
      values: { name },
    });
  throw new DomainError(ErrorCode.notFound, "Nothing in the trash with this id", [], {
    key: "refusal.notFound.trash",
  });
};

/** The entry, locked, with the caller's rights; 404/409 as the header says. */
const claimEntry = async (ctx: MutationContext, userId: string, itemId: string) => {
  const { tx } = ctx;
  const workspaceId = await trashWorkspaceOf(tx, itemId);
  if (!workspaceId) return notInTrash(tx, userId, itemId);
  const viewer = await viewerOf(tx, userId, workspaceId);
  if (viewer.workspaceRole === null)
    throw new DomainError(ErrorCode.notFound, "Nothing in the trash with this id", [], {
      key: "refusal.notFound.trash",
    });
  await ctx.lock(workspaceChannel(workspaceId));
  // Security: read again under the lock, so two restores (or a restore and a purge) cannot both act.
  const entry = await lockTrashEntry(tx, itemId);
  if (!entry) return notInTrash(tx, userId, itemId);
  const rights = rightsOf(await viewerOf(tx, userId, workspaceId), entry);
  if (!rights.isVisible)
    throw new DomainError(ErrorCode.notFound, "Nothing in the trash with this id", [], {
      key: "refusal.notFound.trash",
    });
  return { entry, rights, viewer };
};

const withRow = (snapshot: TrashSnapshot, table: string, id: string, change: Record<string, unknown>) =>
  snapshot.map((part) =>
    part.table === table
      ? {
          ...part,
          rows: part.rows.map((r) =>
            (r as { id?: string }).id === id ? { ...(r as object), ...change } : r,
          ),
        }
      : part,
  );

const restoreCard = async (
  ctx: MutationContext,
  entry: EntryRow,
  viewer: Viewer,
  translator: Translator,
): Promise<Restored> => {
  const { tx } = ctx;
  const spaceId = entry.spaceId ?? "";
  const parent = await trashedParentOf(tx, viewer, entry);
  const spaceName = await spaceNameOf(tx, spaceId);
  if (spaceName === null) {
    throw parent
      ? new DomainError(
          ErrorCode.conflict,
          `Its ${parent.kind} “${parent.name}” is in the trash: restore that first`,
          [],
          { key: "refusal.trash.parentInTrash", values: { kind: parent.kind, name: parent.name } },
        )
      : new DomainError(ErrorCode.conflict, "The space it was in no longer exists", [], {
          key: "refusal.trash.spaceGone",
        });
  }
  await ctx.lock(spaceChannel(spaceId));
  const [row] = snapshotTable<{ id: string; status_id: string; position: string }>(entry.snapshot, "cards");
  if (!row) throw new Error("a card's trash entry without its card");
  const statuses = await statusNamesOf(tx, spaceId);
  const status = statuses.find((s) => s.id === row.status_id) ?? statuses[0];
  if (!status)
    throw new DomainError(ErrorCode.conflict, `The space “${spaceName}” has no column to put it in`, [], {
      key: "refusal.trash.noColumn",
      values: { space: spaceName },
    });
  const column = await cardKeysInStatus(tx, status.id);
  const isTaken = column.includes(row.position);
  const position =
    status.id === row.status_id && !isTaken ? row.position : keyBetween(column.at(-1) ?? null, null);
  const snapshot = withRow(entry.snapshot, "cards", row.id, { status_id: status.id, position });
  await restoreRows(tx, snapshot);
  const card = await mustLoadCard(tx, row.id);
  ctx.emit(draft(spaceChannel(spaceId), "card.restored", { card }));
  return {
    kind: "card",
    id: card.id,
    name: card.name,
    workspaceId: card.workspaceId,
    spaceId,
    placeName: `${spaceName} › ${status.name}`,
    note: status.id === row.status_id ? null : translator.t("note.trash.columnGone", { column: status.name }),
  };
};

const restoreHierarchy = async (
  ctx: MutationContext,
  entry: EntryRow,
  translator: Translator,
): Promise<Restored> => {
  const { tx, emit } = ctx;
  const table = entry.kind === "space" ? "spaces" : "folders";
  const parentColumn = entry.kind === "space" ? "folder_id" : "parent_folder_id";
  let snapshot = entry.snapshot;
  let note: string | null = null;
  let placeName = entry.placeName;
  if (entry.parentId) {
    const parentName = await folderNameOf(tx, entry.parentId);
    if (parentName === null) {
      snapshot = withRow(snapshot, table, entry.itemId, { [parentColumn]: null });
      note = translator.t("note.trash.folderGone", { folder: entry.placeName });
      placeName = translator.t("words.trash.topLevel");
    } else placeName = parentName;
  } else placeName = placeNameFor(entry, translator);
  await restoreRows(tx, snapshot);
  const folderIds = snapshotTable<{ id: string }>(snapshot, "folders").map((f) => f.id);
  const spaceIds = snapshotTable<{ id: string }>(snapshot, "spaces").map((s) => s.id);
  const folders = await foldersByIds(tx, folderIds);
  const byDepth = new Map(folders.map((f) => [f.id, f]));
  const depth = (id: string | null): number => {
    const f = id ? byDepth.get(id) : undefined;
    return f ? 1 + depth(f.parentFolderId) : 0;
  };
  for (const folder of [...folders].sort((a, b) => depth(a.id) - depth(b.id)))
    emit(draft(workspaceChannel(entry.workspaceId), "folder.created", { folder: toFolder(folder) }));
  const spaces = await spacesByIds(tx, spaceIds);
  for (const space of spaces)
    emit(draft(workspaceChannel(entry.workspaceId), "space.created", { space: toSpace(space) }));
  // Who finds a private space in the tree is decided again by each client's reload.
  if (spaces.some((s) => s.isPrivate))
    emit(
      draft(workspaceChannel(entry.workspaceId), "access.changed", {
        workspaceId: entry.workspaceId,
        userId: null,
      }),
    );
  return {
    kind: entry.kind,
    id: entry.itemId,
    name: entry.name,
    workspaceId: entry.workspaceId,
    spaceId: entry.kind === "space" ? entry.itemId : null,
    placeName,
    note,
  };
};

/** `POST /trash/:id/restore`: back where it was, with everything it had. */
export const restoreFromTrash = async (
  ctx: MutationContext,
  actor: User,
  itemId: string,
): Promise<Restored> => {
  const { entry, rights, viewer } = await claimEntry(ctx, actor.id, itemId);
  if (!rights.canRestore)
    throw new DomainError(ErrorCode.forbidden, "Only owners (or who deleted it) may restore this", [], {
      key: "refusal.trash.restoreForbidden",
    });
  // The note is read by whoever restores, in their language.
  const translator = createTranslator(actor.locale);
  const restored =
    entry.kind === "card"
      ? await restoreCard(ctx, entry, viewer, translator)
      : await restoreHierarchy(ctx, entry, translator);
  await deleteTrashEntry(ctx.tx, entry.id);
  trashChanged(ctx, entry.workspaceId);
  return restored;
};

/** `DELETE /trash/:id`: deleted for good (owners). */
export const purgeFromTrash = async (ctx: MutationContext, actor: User, itemId: string): Promise<void> => {
  const { entry, rights } = await claimEntry(ctx, actor.id, itemId);
  if (!rights.canPurge)
    throw new DomainError(ErrorCode.forbidden, "Only owners may delete this for good", [], {
      key: "refusal.trash.purgeForbidden",
    });
  await deleteTrashEntry(ctx.tx, entry.id);
  trashChanged(ctx, entry.workspaceId);
};

/**
 * Purges entries trashed before `cutoff`, a batch at a time. Each batch claims its rows with
 * FOR UPDATE SKIP LOCKED, so instances sweeping at once never take the same entry, and a restore
 * holding an entry's lock is waited out by neither. Returns the workspaces whose trash changed.
 */
export const sweepTrash = async (
  ctx: MutationContext,
  cutoff: Date,
  batch: number,
): Promise<{ purged: number; workspaceIds: string[] }> => {
  const purgedFrom = await sweepTrashEntries(ctx.tx, cutoff, batch);
  const workspaceIds = [...new Set(purgedFrom)];
  for (const workspaceId of workspaceIds) trashChanged(ctx, workspaceId);
  return { purged: purgedFrom.length, workspaceIds };
};
