/**
 * Workspaces the caller may see and the hierarchy tree of each. Hierarchy changes are rare and
 * structural, so they are not optimistic: each mutation waits for the server and then reloads the
 * affected tree, which keeps positions exactly as the server computed them.
 *
 * A workspace's members are not held here: they are a query (api/members.ts) the live member.*
 * events mark stale; this store only drops a workspace the person was taken out of.
 */
import {
  byPosition,
  type CreateFolderBody,
  type CreateSpaceBody,
  type Tree,
  type UpdateFolderBody,
  type UpdateSpaceBody,
  type UpdateWorkspaceBody,
  type Workspace,
} from "@lattice/domain";
import { create } from "zustand";
import { describeError } from "../api/client";
import { api, type CreateWorkspaceInput } from "../api/endpoints";
import type { WireEvent } from "../sync/channels";

export type LoadStatus = "idle" | "loading" | "ready" | "error";

export interface TreeEntry {
  status: LoadStatus;
  tree: Tree | null;
  error: string | null;
}

interface WorkspacesState {
  status: LoadStatus;
  error: string | null;
  byId: Record<string, Workspace>;
  order: string[];
  trees: Record<string, TreeEntry>;
  /**
   * Per workspace, a count bumped by every live change the archive and trash lists show (something
   * trashed, restored, purged, archived): an open list reloads when it moves.
   */
  archiveVersions: Record<string, number>;

  loadWorkspaces: () => Promise<void>;
  loadTree: (workspaceId: string) => Promise<void>;
  createWorkspace: (body: CreateWorkspaceInput) => Promise<Workspace>;
  updateWorkspace: (id: string, body: UpdateWorkspaceBody) => Promise<Workspace>;
  deleteWorkspace: (id: string) => Promise<void>;
  createFolder: (workspaceId: string, body: CreateFolderBody) => Promise<void>;
  updateFolder: (workspaceId: string, id: string, body: UpdateFolderBody) => Promise<void>;
  deleteFolder: (workspaceId: string, id: string) => Promise<void>;
  createSpace: (workspaceId: string, body: CreateSpaceBody) => Promise<string>;
  updateSpace: (workspaceId: string, id: string, body: UpdateSpaceBody) => Promise<void>;
  deleteSpace: (workspaceId: string, id: string) => Promise<void>;
  /** A live event of a workspace channel (hierarchy changes). */
  applyTreeEvent: (workspaceId: string, event: WireEvent, myUserId: string | null) => void;
  /** We lost access (removed, workspace deleted): forget it. */
  dropWorkspace: (workspaceId: string) => void;
  reset: () => void;
}

/** Workspace-channel events that change what the archive and trash lists show. */
const archiveEvents = new Set<string>([
  "trash.changed",
  "folder.created",
  "folder.updated",
  "folder.deleted",
  "space.created",
  "space.updated",
  "space.deleted",
]);

const sortWorkspaces = (list: Workspace[]): Workspace[] => [...list].sort(byPosition);

const initial = {
  status: "idle" as LoadStatus,
  error: null,
  byId: {},
  order: [],
  trees: {},
  archiveVersions: {},
};

export const useWorkspaces = create<WorkspacesState>((set, get) => {
  const putWorkspaces = (list: Workspace[]) => {
    const sorted = sortWorkspaces(list);
    set({
      status: "ready",
      error: null,
      byId: Object.fromEntries(sorted.map((w) => [w.id, w])),
      order: sorted.map((w) => w.id),
    });
  };

  const reloadTree = async (workspaceId: string) => {
    if (get().trees[workspaceId]) await get().loadTree(workspaceId);
  };

  return {
    ...initial,

    loadWorkspaces: async () => {
      if (get().status === "idle") set({ status: "loading" });
      try {
        putWorkspaces(await api.listWorkspaces());
      } catch (error) {
        set({ status: "error", error: describeError(error) });
      }
    },

    loadTree: async (workspaceId) => {
      const previous = get().trees[workspaceId];
      if (!previous || previous.status === "error") {
        set({ trees: { ...get().trees, [workspaceId]: { status: "loading", tree: null, error: null } } });
      }
      try {
        const tree = await api.getTree(workspaceId);
        set({
          trees: { ...get().trees, [workspaceId]: { status: "ready", tree, error: null } },
          byId: { ...get().byId, [workspaceId]: tree.workspace },
        });
      } catch (error) {
        set({
          trees: {
            ...get().trees,
            [workspaceId]: { status: "error", tree: previous?.tree ?? null, error: describeError(error) },
          },
        });
      }
    },

    createWorkspace: async (body) => {
      const workspace = await api.createWorkspace(body);
      await get().loadWorkspaces();
      return workspace;
    },

    updateWorkspace: async (id, body) => {
      const workspace = await api.updateWorkspace(id, body);
      await Promise.all([get().loadWorkspaces(), reloadTree(id)]);
      return workspace;
    },

    deleteWorkspace: async (id) => {
      await api.deleteWorkspace(id);
      const trees = { ...get().trees };
      delete trees[id];
      set({ trees });
      await get().loadWorkspaces();
    },

    createFolder: async (workspaceId, body) => {
      await api.createFolder(workspaceId, body);
      await get().loadTree(workspaceId);
    },
    updateFolder: async (workspaceId, id, body) => {
      await api.updateFolder(id, body);
      await get().loadTree(workspaceId);
    },
    deleteFolder: async (workspaceId, id) => {
      await api.deleteFolder(id);
      await get().loadTree(workspaceId);
    },

    createSpace: async (workspaceId, body) => {
      const space = await api.createSpace(workspaceId, body);
      await get().loadTree(workspaceId);
      return space.id;
    },
    updateSpace: async (workspaceId, id, body) => {
      await api.updateSpace(id, body);
      await get().loadTree(workspaceId);
    },
    deleteSpace: async (workspaceId, id) => {
      await api.deleteSpace(id);
      await get().loadTree(workspaceId);
    },

    applyTreeEvent: (workspaceId, event, myUserId) => {
      if (archiveEvents.has(event.type)) {
        const versions = get().archiveVersions;
        set({ archiveVersions: { ...versions, [workspaceId]: (versions[workspaceId] ?? 0) + 1 } });
      }
      const entry = get().trees[workspaceId];
      const tree = entry?.tree;
      const putTree = (next: Tree) =>
        set({ trees: { ...get().trees, [workspaceId]: { status: "ready", tree: next, error: null } } });
      switch (event.type) {
        case "workspace.deleted":
          get().dropWorkspace(workspaceId);
          return;
        case "member.removed":
          if (event.payload.userId === myUserId) get().dropWorkspace(workspaceId);
          return;
        case "member.updated":
          // My role decides which private spaces I see (owners see them all): take the server's tree.
          if (tree && event.payload.member.userId === myUserId) void get().loadTree(workspaceId);
          return;
        case "workspace.updated": {
          const previous = get().byId[workspaceId];
          const workspace = {
            ...event.payload.workspace,
            role: previous?.role ?? event.payload.workspace.role,
          };
          set({ byId: { ...get().byId, [workspaceId]: workspace } });
          if (tree) putTree({ ...tree, workspace });
          return;
        }
        case "folder.created":
        case "folder.updated": {
          if (!tree) return;
          const folder = event.payload.folder;
          putTree({ ...tree, folders: [...tree.folders.filter((f) => f.id !== folder.id), folder] });
          return;
        }
        case "folder.deleted": {
          if (!tree) return;
          // Spaces and sub-folders go with it on the server; the snapshot has the whole truth.
          void get().loadTree(workspaceId);
          return;
        }
        case "space.updated": {
          if (!tree) return;
          const space = event.payload.space;
          const previous = tree.spaces.find((s) => s.id === space.id);
          if (!previous) {
            void get().loadTree(workspaceId);
            return;
          }
          putTree({
            ...tree,
            spaces: tree.spaces.map((s) => (s.id === space.id ? { ...space, role: s.role } : s)),
          });
          return;
        }
        case "space.deleted": {
          if (!tree) return;
          putTree({ ...tree, spaces: tree.spaces.filter((s) => s.id !== event.payload.spaceId) });
          return;
        }
        case "space.created":
        case "access.changed":
          // Which spaces we may see, and with which role, is the server's to say: take its snapshot.
          if (tree) void get().loadTree(workspaceId);
          return;
        default:
          return;
      }
    },

    dropWorkspace: (workspaceId) => {
      const trees = { ...get().trees };
      delete trees[workspaceId];
      const byId = { ...get().byId };
      delete byId[workspaceId];
      set({ trees, byId, order: get().order.filter((id) => id !== workspaceId) });
    },

    reset: () => set(initial),
  };
});
