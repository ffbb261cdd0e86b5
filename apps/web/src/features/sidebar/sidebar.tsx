import { Action, can, type Workspace, type WorkspaceRole } from "@lattice/domain";
import { useEffect, useState } from "react";
import { Link, NavLink, useNavigate, useParams } from "react-router";
import { describeError } from "../../api/client";
import { useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { useUi } from "../../store/ui";
import { useWorkspaces } from "../../store/workspaces";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { Menu, type MenuItem } from "../../ui/menu";
import { Skeleton } from "../../ui/skeleton";
import type { HierarchyTarget } from "./hierarchy-dialogs";
import { buildTree, type FolderNode, stepPlacement, type TreeSpace } from "./tree";

/** Whether the sidebar is open as a drawer over the page (below 1024 px), so it is the innermost layer. */
export const isSidebarDrawerOpen = (): boolean =>
  useUi.getState().isSidebarOpen && !window.matchMedia("(min-width: 1024px)").matches;

const Chevron = ({ isOpen }: { isOpen: boolean }) => (
  <svg
    className={`chevron${isOpen ? " chevron-open" : ""}`}
    width="12"
    height="12"
    viewBox="0 0 12 12"
    aria-hidden="true"
  >
    <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </svg>
);

/** Runs a hierarchy change and reports a refusal in words. */
const attempt = async (failed: (reason: string) => string, action: () => Promise<unknown>) => {
  try {
    await action();
  } catch (error) {
    toast.error(failed(describeError(error)));
  }
};

interface ItemMenuOptions {
  target: HierarchyTarget;
  role: WorkspaceRole | null;
  onMove: ((direction: "up" | "down") => Promise<unknown>) | null;
  /** For spaces and folders: the folder they are in now (null: the workspace root). */
  folderId?: string | null;
  onArchive: () => Promise<unknown>;
  /** Takes an archive back (the toast's Undo). */
  onRestore?: () => Promise<unknown>;
  extra?: MenuItem[];
  /** Workspaces are renamed and removed with the settings permission. */
  renameAction: Action;
  removeAction: Action;
}

const useItemMenu = ({
  target,
  role,
  onMove,
  folderId,
  onArchive,
  onRestore,
  extra = [],
  renameAction,
  removeAction,
}: ItemMenuOptions) => {
  const openDialog = useUi((s) => s.openDialog);
  const { t } = useTranslator();
  const name = target.name;
  const items: Array<MenuItem | "separator"> = [...extra];
  if (can(role, renameAction)) {
    if (items.length > 0) items.push("separator");
    items.push({ label: t("sidebar.rename"), onSelect: () => openDialog({ type: "rename", target }) });
    if (onMove) {
      items.push({
        label: t("sidebar.moveUp"),
        onSelect: () =>
          void attempt(
            (reason) => t("sidebar.moveFailed", { name, reason }),
            () => onMove("up"),
          ),
      });
      items.push({
        label: t("sidebar.moveDown"),
        onSelect: () =>
          void attempt(
            (reason) => t("sidebar.moveFailed", { name, reason }),
            () => onMove("down"),
          ),
      });
    }
    if (folderId !== undefined && target.kind !== "workspace") {
      const movable = { ...target, kind: target.kind };
      items.push({
        label: t("sidebar.moveToFolder"),
        onSelect: () => openDialog({ type: "move-to-folder", target: movable, folderId }),
      });
    }
  }
  if (can(role, removeAction)) {
    items.push("separator");
    items.push({
      label: t("sidebar.archive"),
      onSelect: () =>
        void attempt(
          (reason) => t("sidebar.archiveFailed", { name, reason }),
          async () => {
            await onArchive();
            if (onRestore) {
              toast.undoable(t("sidebar.archived", { name }), () =>
                attempt((reason) => t("sidebar.restoreFailed", { name, reason }), onRestore),
              );
            }
          },
        ),
    });
    items.push({
      label: t("sidebar.delete"),
      isDanger: true,
      onSelect: () => openDialog({ type: "delete", target }),
    });
  }
  return items;
};

const SpaceRow = ({
  space,
  siblings,
  workspaceRole,
}: {
  space: TreeSpace;
  siblings: TreeSpace[];
  workspaceRole: WorkspaceRole | null;
}) => {
  const updateSpace = useWorkspaces((s) => s.updateSpace);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const openDialog = useUi((s) => s.openDialog);
  const { t } = useTranslator();
  const target: HierarchyTarget = {
    kind: "space",
    id: space.id,
    workspaceId: space.workspaceId,
    name: space.name,
  };
  const items = useItemMenu({
    target,
    role: workspaceRole,
    extra: can(workspaceRole, Action.createHierarchy)
      ? [
          {
            label: t("sidebar.saveAsTemplate"),
            onSelect: () => openDialog({ type: "save-template", spaceId: space.id, name: space.name }),
          },
        ]
      : [],
    renameAction: Action.renameHierarchy,
    removeAction: Action.removeHierarchy,
    onMove: async (direction) => {
      const placement = stepPlacement(siblings, space.id, direction);
      if (placement) await updateSpace(space.workspaceId, space.id, placement);
    },
    onArchive: () => updateSpace(space.workspaceId, space.id, { archived: true }),
    onRestore: () => updateSpace(space.workspaceId, space.id, { archived: false }),
    folderId: space.folderId,
  });
  return (
    <li className="tree-row-wrap">
      <NavLink
        to={`/w/${space.workspaceId}/s/${space.id}`}
        className={({ isActive }) => `tree-row tree-space${isActive ? " is-active" : ""}`}
        // A card dragged from a board and dropped here moves to this space (see the board canvas).
        data-drop-space-id={space.id}
        data-drop-space-name={space.name}
        onClick={() => {
          if (!window.matchMedia("(min-width: 1024px)").matches) setSidebarOpen(false);
        }}
      >
        <span className="tree-icon" aria-hidden="true">
          ▦
        </span>
        <span className="tree-label">{space.name}</span>
        {space.isPrivate ? (
          <span className="tree-badge" title={t("sidebar.privateSpace")}>
            {t("sidebar.private")}
          </span>
        ) : null}
      </NavLink>
      <div className="tree-actions">
        <Menu label={t("sidebar.actionsFor", { name: space.name })} items={items} />
      </div>
    </li>
  );
};

const FolderRow = ({
  node,
  siblings,
  workspaceId,
  role,
  expanded,
  onToggle,
}: {
  node: FolderNode;
  siblings: FolderNode[];
  workspaceId: string;
  role: WorkspaceRole | null;
  expanded: Set<string>;
  onToggle: (id: string) => void;
}) => {
  const updateFolder = useWorkspaces((s) => s.updateFolder);
  const openDialog = useUi((s) => s.openDialog);
  const { folder } = node;
  const { t } = useTranslator();
  const isOpen = expanded.has(folder.id);
  const target: HierarchyTarget = { kind: "folder", id: folder.id, workspaceId, name: folder.name };
  const createItems: MenuItem[] = can(role, Action.createHierarchy)
    ? [
        {
          label: t("sidebar.newSpaceHere"),
          onSelect: () => openDialog({ type: "create-space", workspaceId, folderId: folder.id }),
        },
        {
          label: t("sidebar.newFolderHere"),
          onSelect: () => openDialog({ type: "create-folder", workspaceId, parentFolderId: folder.id }),
        },
        {
          label: t("sidebar.importTrelloHere"),
          onSelect: () => openDialog({ type: "import-trello", workspaceId, folderId: folder.id }),
        },
        {
          label: t("sidebar.importCsvHere"),
          onSelect: () => openDialog({ type: "import-csv", workspaceId, folderId: folder.id }),
        },
      ]
    : [];
  const items = useItemMenu({
    target,
    role,
    extra: createItems,
    renameAction: Action.renameHierarchy,
    removeAction: Action.removeHierarchy,
    onMove: async (direction) => {
      const placement = stepPlacement(
        siblings.map((s) => s.folder),
        folder.id,
        direction,
      );
      if (placement) await updateFolder(workspaceId, folder.id, placement);
    },
    onArchive: () => updateFolder(workspaceId, folder.id, { archived: true }),
    onRestore: () => updateFolder(workspaceId, folder.id, { archived: false }),
    folderId: folder.parentFolderId,
  });
  const isEmpty = node.folders.length === 0 && node.spaces.length === 0;
  return (
    <li className="tree-row-wrap tree-folder-wrap">
      <button
        type="button"
        className="tree-row tree-folder"
        aria-expanded={isOpen}
        onClick={() => onToggle(folder.id)}
      >
        <Chevron isOpen={isOpen} />
        <span className="tree-label">{folder.name}</span>
      </button>
      <div className="tree-actions">
        <Menu label={t("sidebar.actionsFor", { name: folder.name })} items={items} />
      </div>
      {isOpen ? (
        <ul className="tree-children">
          {node.folders.map((child) => (
            <FolderRow
              key={child.folder.id}
              node={child}
              siblings={node.folders}
              workspaceId={workspaceId}
              role={role}
              expanded={expanded}
              onToggle={onToggle}
            />
          ))}
          {node.spaces.map((space) => (
            <SpaceRow key={space.id} space={space} siblings={node.spaces} workspaceRole={role} />
          ))}
          {isEmpty ? <li className="tree-empty">{t("sidebar.emptyFolder")}</li> : null}
        </ul>
      ) : null}
    </li>
  );
};

const WorkspaceTree = ({
  workspace,
  expanded,
  onToggle,
}: {
  workspace: Workspace;
  expanded: Set<string>;
  onToggle: (id: string) => void;
}) => {
  const entry = useWorkspaces((s) => s.trees[workspace.id]);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const openDialog = useUi((s) => s.openDialog);
  const { t } = useTranslator();

  useEffect(() => {
    if (!entry) void loadTree(workspace.id);
  }, [entry, loadTree, workspace.id]);

  if (!entry || (entry.status === "loading" && !entry.tree)) {
    return (
      <div className="tree-loading">
        <Skeleton width="70%" />
        <Skeleton width="55%" />
      </div>
    );
  }
  if (!entry.tree) {
    return (
      <p className="tree-empty">
        {t("sidebar.couldNotLoad")}{" "}
        <button type="button" className="link-button" onClick={() => void loadTree(workspace.id)}>
          {t("common.retry")}
        </button>
      </p>
    );
  }
  const view = buildTree(entry.tree);
  const role = workspace.role;
  const isEmpty = view.folders.length === 0 && view.spaces.length === 0;
  return (
    <ul className="tree-children">
      {view.folders.map((node) => (
        <FolderRow
          key={node.folder.id}
          node={node}
          siblings={view.folders}
          workspaceId={workspace.id}
          role={role}
          expanded={expanded}
          onToggle={onToggle}
        />
      ))}
      {view.spaces.map((space) => (
        <SpaceRow key={space.id} space={space} siblings={view.spaces} workspaceRole={role} />
      ))}
      {isEmpty ? (
        <li className="tree-empty">
          {t("sidebar.noSpaces")}
          {can(role, Action.createHierarchy) ? (
            <>
              {" "}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  openDialog({ type: "create-space", workspaceId: workspace.id, folderId: null })
                }
              >
                {t("sidebar.createOne")}
              </button>
            </>
          ) : null}
        </li>
      ) : null}
    </ul>
  );
};

const WorkspaceRow = ({
  workspace,
  siblings,
  expanded,
  onToggle,
}: {
  workspace: Workspace;
  siblings: Workspace[];
  expanded: Set<string>;
  onToggle: (id: string) => void;
}) => {
  const updateWorkspace = useWorkspaces((s) => s.updateWorkspace);
  const openDialog = useUi((s) => s.openDialog);
  const navigate = useNavigate();
  const { t } = useTranslator();
  const isOpen = expanded.has(workspace.id);
  const role = workspace.role;
  const target: HierarchyTarget = {
    kind: "workspace",
    id: workspace.id,
    workspaceId: workspace.id,
    name: workspace.name,
  };
  const extra: MenuItem[] = [];
  if (can(role, Action.createHierarchy)) {
    extra.push({
      label: t("sidebar.newSpace"),
      onSelect: () => openDialog({ type: "create-space", workspaceId: workspace.id, folderId: null }),
    });
    extra.push({
      label: t("sidebar.newFolder"),
      onSelect: () => openDialog({ type: "create-folder", workspaceId: workspace.id, parentFolderId: null }),
    });
    extra.push({
      label: t("sidebar.importTrello"),
      onSelect: () => openDialog({ type: "import-trello", workspaceId: workspace.id, folderId: null }),
    });
    extra.push({
      label: t("sidebar.importCsv"),
      onSelect: () => openDialog({ type: "import-csv", workspaceId: workspace.id, folderId: null }),
    });
  }
  extra.push({
    label: t("sidebar.spaceTemplates"),
    onSelect: () => openDialog({ type: "manage-templates", workspaceId: workspace.id }),
  });
  extra.push({
    label: can(role, Action.manageSettings) ? t("sidebar.settingsAndMembers") : t("sidebar.members"),
    onSelect: () => void navigate(`/w/${workspace.id}/settings`),
  });
  extra.push({
    label: t("sidebar.archiveAndTrash"),
    onSelect: () =>
      openDialog({ type: "archive-trash", workspaceId: workspace.id, spaceId: null, tab: "archive" }),
  });
  const items = useItemMenu({
    target,
    role,
    extra,
    renameAction: Action.manageSettings,
    removeAction: Action.manageSettings,
    onMove: async (direction) => {
      const placement = stepPlacement(siblings, workspace.id, direction);
      if (placement) await updateWorkspace(workspace.id, placement);
    },
    onArchive: () => updateWorkspace(workspace.id, { archived: true }),
  });
  return (
    <li className="tree-row-wrap tree-workspace-wrap">
      <button
        type="button"
        className="tree-row tree-workspace"
        aria-expanded={isOpen}
        onClick={() => onToggle(workspace.id)}
      >
        <Chevron isOpen={isOpen} />
        <span className="workspace-mark" aria-hidden="true">
          {workspace.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="tree-label">{workspace.name}</span>
      </button>
      <div className="tree-actions">
        <Menu label={t("sidebar.actionsFor", { name: workspace.name })} items={items} />
      </div>
      {isOpen ? <WorkspaceTree workspace={workspace} expanded={expanded} onToggle={onToggle} /> : null}
    </li>
  );
};

export const Sidebar = () => {
  const { workspaceId, spaceId } = useParams();
  const status = useWorkspaces((s) => s.status);
  const error = useWorkspaces((s) => s.error);
  const byId = useWorkspaces((s) => s.byId);
  const order = useWorkspaces((s) => s.order);
  const loadWorkspaces = useWorkspaces((s) => s.loadWorkspaces);
  const user = useSession((s) => s.user);
  const logout = useSession((s) => s.logout);
  const openDialog = useUi((s) => s.openDialog);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const navigate = useNavigate();
  const { t, dir } = useTranslator();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(workspaceId ? [workspaceId] : []));

  // At phone and tablet width the sidebar is a drawer over the page: Escape closes it, unless
  // something inside it (a menu, a dialog) took the key first.
  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || !isSidebarDrawerOpen()) return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setSidebarOpen(false);
    };
    document.addEventListener("keydown", handleKey);
    return () => document.removeEventListener("keydown", handleKey);
  }, [setSidebarOpen]);

  useEffect(() => {
    if (status === "idle") void loadWorkspaces();
  }, [status, loadWorkspaces]);

  useEffect(() => {
    if (workspaceId)
      setExpanded((current) => (current.has(workspaceId) ? current : new Set(current).add(workspaceId)));
  }, [workspaceId]);

  // Open the folders that lead to the space on screen, so the sidebar shows where you are.
  const activeTree = useWorkspaces((s) => (workspaceId ? s.trees[workspaceId]?.tree : undefined));
  useEffect(() => {
    if (!activeTree || !spaceId) return;
    const folderById = new Map(activeTree.folders.map((f) => [f.id, f]));
    const ancestors: string[] = [];
    let folderId = activeTree.spaces.find((s) => s.id === spaceId)?.folderId ?? null;
    while (folderId && !ancestors.includes(folderId)) {
      ancestors.push(folderId);
      folderId = folderById.get(folderId)?.parentFolderId ?? null;
    }
    if (ancestors.length === 0) return;
    setExpanded((current) =>
      ancestors.every((id) => current.has(id)) ? current : new Set([...current, ...ancestors]),
    );
  }, [activeTree, spaceId]);

  const handleToggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const handleLogout = async () => {
    await logout();
    useWorkspaces.getState().reset();
    void navigate("/login");
  };

  const workspaces = order.flatMap((id) => {
    const w = byId[id];
    return w && w.archivedAt === null ? [w] : [];
  });

  return (
    <nav className="sidebar" aria-label={t("sidebar.workspaces")}>
      <div className="sidebar-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Lattice
        </Link>
        <Button
          variant="ghost"
          size="sm"
          isIcon
          aria-label={t("sidebar.hide")}
          onClick={() => setSidebarOpen(false)}
        >
          <span aria-hidden="true">{dir === "rtl" ? "»" : "«"}</span>
        </Button>
      </div>
      <div className="sidebar-section-title">
        <span>{t("sidebar.workspaces")}</span>
        <Button
          variant="ghost"
          size="sm"
          isIcon
          aria-label={t("sidebar.createWorkspace")}
          title={t("sidebar.createWorkspace")}
          onClick={() => openDialog({ type: "create-workspace" })}
        >
          <span aria-hidden="true">+</span>
        </Button>
      </div>
      <div className="sidebar-scroll">
        {status === "loading" || status === "idle" ? (
          <div className="tree-loading">
            <Skeleton width="80%" />
            <Skeleton width="65%" />
            <Skeleton width="72%" />
          </div>
        ) : status === "error" && workspaces.length === 0 ? (
          <p className="tree-empty">
            {error}{" "}
            <button type="button" className="link-button" onClick={() => void loadWorkspaces()}>
              {t("common.retry")}
            </button>
          </p>
        ) : workspaces.length === 0 ? (
          <div className="sidebar-empty">
            <p>{t("sidebar.noWorkspaces")}</p>
            <Button variant="primary" size="sm" onClick={() => openDialog({ type: "create-workspace" })}>
              {t("sidebar.createAWorkspace")}
            </Button>
          </div>
        ) : (
          <ul className="tree">
            {workspaces.map((workspace) => (
              <WorkspaceRow
                key={workspace.id}
                workspace={workspace}
                siblings={workspaces}
                expanded={expanded}
                onToggle={handleToggle}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="sidebar-links">
        <Link to="/public-workspaces" className="sidebar-link">
          {t("sidebar.publicWorkspaces")}
        </Link>
        {user?.isAdmin ? (
          <>
            <Link to="/accounts" className="sidebar-link">
              {t("sidebar.accounts")}
            </Link>
            {/* Beside the other instance-wide links, so the footer keeps its width for the person's name. */}
            <Link to="/admin/outbox" className="sidebar-link" title={t("sidebar.outboxTitle")}>
              {t("sidebar.outbox")}
            </Link>
          </>
        ) : null}
      </div>
      {user ? (
        <div className="sidebar-footer">
          <Avatar name={user.name} seed={user.id} color={user.color} />
          <Link to="/account" className="sidebar-user" title={t("sidebar.accountTitle")}>
            <span className="sidebar-user-name">{user.name}</span>
            <span className="sidebar-user-email">{user.email}</span>
          </Link>
          <Button variant="ghost" size="sm" onClick={() => void handleLogout()}>
            {t("sidebar.logOut")}
          </Button>
        </div>
      ) : null}
    </nav>
  );
};
