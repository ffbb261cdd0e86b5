/**
 * The saved views of the open space (docs/SAVED-VIEWS.md): shared ones and the person's own, in
 * order, with what the person may do. Loaded when a view of the space opens; kept current by the
 * space channel (shared views) and the person's own channel (their personal views).
 */
import {
  type CreateSavedViewBody,
  compareKeys,
  type SavedView,
  type SavedViewList,
  savedViewListSchema,
  savedViewSchema,
  type UpdateSavedViewBody,
} from "@lattice/domain";
import { create } from "zustand";
import { request, requestEmpty } from "../../api/client";
import type { WireEvent } from "../../sync/channels";

interface SavedViewsState {
  spaceId: string | null;
  status: "idle" | "loading" | "ready" | "error";
  items: SavedView[];
  canShare: boolean;
  canChooseDefault: boolean;
  load: (spaceId: string) => Promise<void>;
  receive: (event: WireEvent) => void;
  create: (
    spaceId: string,
    body: Partial<CreateSavedViewBody> & Pick<CreateSavedViewBody, "name" | "kind">,
  ) => Promise<SavedView>;
  update: (viewId: string, body: UpdateSavedViewBody) => Promise<SavedView>;
  remove: (viewId: string) => Promise<void>;
  setDefault: (spaceId: string, viewId: string | null) => Promise<void>;
}

const ordered = (items: SavedView[]): SavedView[] =>
  [...items].sort((a, b) => compareKeys(a.position, b.position) || compareKeys(a.id, b.id));

const upsert = (items: SavedView[], view: SavedView): SavedView[] =>
  ordered([...items.filter((v) => v.id !== view.id), view]);

export const useSavedViews = create<SavedViewsState>((set, get) => {
  const put = (view: SavedView) => {
    if (view.spaceId === get().spaceId) set({ items: upsert(get().items, view) });
  };
  const putList = (spaceId: string, list: SavedViewList) => {
    if (get().spaceId !== spaceId) return;
    set({
      status: "ready",
      items: ordered(list.items),
      canShare: list.canShare,
      canChooseDefault: list.canChooseDefault,
    });
  };
  return {
    spaceId: null,
    status: "idle",
    items: [],
    canShare: false,
    canChooseDefault: false,
    load: async (spaceId) => {
      if (get().spaceId !== spaceId)
        set({ spaceId, status: "loading", items: [], canShare: false, canChooseDefault: false });
      try {
        putList(spaceId, await request("GET", `/api/spaces/${spaceId}/saved-views`, savedViewListSchema));
      } catch {
        if (get().spaceId === spaceId) set({ status: "error" });
      }
    },
    receive: (event) => {
      if (event.type === "saved_view.created" || event.type === "saved_view.updated") put(event.payload.view);
      else if (event.type === "saved_view.deleted" && event.payload.spaceId === get().spaceId)
        set({ items: get().items.filter((v) => v.id !== event.payload.viewId) });
    },
    create: async (spaceId, body) => {
      const view = await request("POST", `/api/spaces/${spaceId}/saved-views`, savedViewSchema, { body });
      put(view);
      if (view.isDefault) void get().load(spaceId);
      return view;
    },
    update: async (viewId, body) => {
      const view = await request("PATCH", `/api/saved-views/${viewId}`, savedViewSchema, { body });
      put(view);
      return view;
    },
    remove: async (viewId) => {
      await requestEmpty("DELETE", `/api/saved-views/${viewId}`);
      set({ items: get().items.filter((v) => v.id !== viewId) });
    },
    setDefault: async (spaceId, viewId) => {
      const list = await request("PUT", `/api/spaces/${spaceId}/default-view`, savedViewListSchema, {
        body: { viewId },
      });
      putList(spaceId, list);
    },
  };
});
