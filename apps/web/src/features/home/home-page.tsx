import { Action, can, type FolderDashboard, type Tree, type WorkspaceDashboard } from "@lattice/domain";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { describeError } from "../../api/client";
import { dashboardApi } from "../../api/dashboard";
import { useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { useUi } from "../../store/ui";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";
import { localToday } from "../filters/dates";
import { DashboardFigures, type Figures } from "./dashboard-figures";
import "./home.css";
import { readRecentSpaces } from "./recent-spaces";

/** The recent spaces that still exist and are not archived, named from the live trees. */
const useRecentSpaces = () => {
  const userId = useSession((s) => s.user?.id ?? null);
  const trees = useWorkspaces((s) => s.trees);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const [recent] = useState(() => (userId ? readRecentSpaces(userId) : []));
  const workspaceIds = useMemo(() => [...new Set(recent.map((r) => r.workspaceId))], [recent]);
  // A tree not asked for yet is asked for once (loadTree marks it loading at once).
  const missing = workspaceIds.filter((id) => !trees[id]).join(" ");
  useEffect(() => {
    for (const id of missing.split(" ").filter(Boolean)) void loadTree(id);
  }, [missing, loadTree]);
  const isLoading = workspaceIds.some((id) => !trees[id] || trees[id]?.status === "loading");
  const spaces = recent.flatMap((r) => {
    const tree = trees[r.workspaceId]?.tree;
    const space = tree?.spaces.find((s) => s.id === r.spaceId && s.archivedAt === null);
    return tree && space && tree.workspace.archivedAt === null ? [{ tree, space }] : [];
  });
  return { spaces, isLoading: isLoading && spaces.length === 0 };
};

const folderName = (tree: Tree, folderId: string | null) =>
  folderId ? (tree.folders.find((f) => f.id === folderId)?.name ?? null) : null;

/** "/": invite to create the first workspace, or show the recent spaces and the workspaces. */
export const HomePage = () => {
  const status = useWorkspaces((s) => s.status);
  const count = useWorkspaces((s) => s.order.filter((id) => s.byId[id]?.archivedAt === null).length);
  const openDialog = useUi((s) => s.openDialog);
  const { t } = useTranslator();

  if (status === "idle" || status === "loading") {
    return (
      <main className="page page-centered">
        <ListSkeleton />
      </main>
    );
  }
  if (count === 0) {
    return (
      <main className="page page-centered">
        <EmptyState
          icon="◧"
          title={t("home.firstWorkspace.title")}
          action={
            <Button variant="primary" onClick={() => openDialog({ type: "create-workspace" })}>
              {t("sidebar.createAWorkspace")}
            </Button>
          }
        >
          <p>{t("home.firstWorkspace.body")}</p>
        </EmptyState>
      </main>
    );
  }
  return <Home />;
};

/** The signed-in home: the spaces the person opened lately, then their workspaces. */
const Home = () => {
  const name = useSession((s) => s.user?.name ?? "");
  const order = useWorkspaces((s) => s.order);
  const byId = useWorkspaces((s) => s.byId);
  const workspaces = useMemo(
    () =>
      order.flatMap((id) => {
        const w = byId[id];
        return w && w.archivedAt === null ? [w] : [];
      }),
    [order, byId],
  );
  const recent = useRecentSpaces();
  const { t } = useTranslator();
  return (
    <main className="page home-page">
      <header className="page-header">
        <h1 className="page-title">
          {name ? t("home.welcome", { name: name.split(" ")[0] ?? name }) : t("home.title")}
        </h1>
      </header>
      <section className="home-section" aria-labelledby="home-recent">
        <h2 id="home-recent" className="home-section-title">
          {t("home.recent")}
        </h2>
        {recent.isLoading ? (
          <ListSkeleton />
        ) : recent.spaces.length === 0 ? (
          <p className="muted">{t("home.recentEmpty")}</p>
        ) : (
          <ul className="space-grid" aria-label={t("home.recent")}>
            {recent.spaces.map(({ tree, space }) => {
              const folder = folderName(tree, space.folderId);
              return (
                <li key={space.id}>
                  <Link className="space-tile" to={`/w/${tree.workspace.id}/s/${space.id}`}>
                    <span className="space-tile-name">{space.name}</span>
                    <span className="space-tile-meta muted">
                      {folder ? `${tree.workspace.name} › ${folder}` : tree.workspace.name}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="home-section" aria-labelledby="home-workspaces">
        <h2 id="home-workspaces" className="home-section-title">
          {t("sidebar.workspaces")}
        </h2>
        <ul className="space-grid" aria-label={t("sidebar.workspaces")}>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link className="space-tile" to={`/w/${w.id}`}>
                <span className="space-tile-name">{w.name}</span>
                <span className="space-tile-meta muted">{w.description || t("home.workspaceTileHint")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
};

/**
 * The workspace dashboard: each readable space's and folder's figures. Asked again when the tree
 * changes (a space added, renamed, archived) and when the person comes back to the tab, so the
 * counts are today's.
 */
const useDashboard = (workspaceId: string, tree: Tree | null) => {
  const [dashboard, setDashboard] = useState<WorkspaceDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focusCount, setFocusCount] = useState(0);
  useEffect(() => {
    const handleFocus = () => setFocusCount((n) => n + 1);
    window.addEventListener("focus", handleFocus);
    return () => window.removeEventListener("focus", handleFocus);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the tree and focus count are the triggers
  useEffect(() => {
    if (!tree) return;
    let isCurrent = true;
    dashboardApi.workspaceDashboard(workspaceId, localToday()).then(
      (reply) => {
        if (!isCurrent) return;
        setDashboard(reply);
        setError(null);
      },
      (e: unknown) => {
        if (isCurrent) setError(describeError(e));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, tree, focusCount]);
  const spaces = useMemo(
    () => new Map<string, Figures>((dashboard?.spaces ?? []).map((s) => [s.spaceId, s])),
    [dashboard],
  );
  const folders = useMemo(
    () => new Map<string, FolderDashboard>((dashboard?.folders ?? []).map((f) => [f.folderId, f])),
    [dashboard],
  );
  return { spaces, folders, error };
};

/** "Patient experience › Wayfinding": a folder's path from the root. */
const folderPath = (tree: Tree, folderId: string): string => {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null = folderId; id && !seen.has(id); ) {
    seen.add(id);
    const folder = tree.folders.find((f) => f.id === id);
    if (!folder) break;
    names.unshift(folder.name);
    id = folder.parentFolderId;
  }
  return names.join(" › ");
};

/**
 * "/w/:workspaceId": the workspace dashboard: its folders (rolling up their spaces) and spaces, each
 * with cards by status role, dates, late and blocked counts and a burn-up sparkline.
 */
export const WorkspaceHomePage = () => {
  const { workspaceId = "" } = useParams();
  const entry = useWorkspaces((s) => s.trees[workspaceId]);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const openDialog = useUi((s) => s.openDialog);
  const { t } = useTranslator();

  useEffect(() => {
    void loadTree(workspaceId);
  }, [workspaceId, loadTree]);
  const dashboard = useDashboard(workspaceId, entry?.tree ?? null);

  if (!entry || (!entry.tree && entry.status === "loading")) {
    return (
      <main className="page page-centered">
        <ListSkeleton />
      </main>
    );
  }
  if (!entry.tree) {
    return (
      <main className="page page-centered">
        <EmptyState title={t("home.workspace.unavailable")}>
          <p>{entry.error ?? t("home.workspace.unavailableHint")}</p>
        </EmptyState>
      </main>
    );
  }
  const { workspace } = entry.tree;
  const spaces = entry.tree.spaces.filter((s) => s.archivedAt === null);
  const folders = entry.tree.folders.filter((f) => f.archivedAt === null);
  const canCreate = can(workspace.role, Action.createHierarchy);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{workspace.name}</h1>
          {workspace.description ? <p className="muted">{workspace.description}</p> : null}
        </div>
        <div className="page-header-actions">
          <Link className="btn btn-secondary btn-md" to={`/w/${workspace.id}/workload`}>
            Workload
          </Link>
          <Link className="btn btn-secondary btn-md" to={`/w/${workspace.id}/settings`}>
            {can(workspace.role, Action.manageSettings) ? t("home.workspace.settings") : t("sidebar.members")}
          </Link>
          {canCreate ? (
            <Button
              variant="primary"
              onClick={() => openDialog({ type: "create-space", workspaceId, folderId: null })}
            >
              {t("home.workspace.newSpace")}
            </Button>
          ) : null}
        </div>
      </header>
      {spaces.length === 0 ? (
        <EmptyState icon="▦" title={t("sidebar.noSpaces")}>
          <p>{canCreate ? t("home.workspace.noSpacesCreate") : t("home.workspace.noSpacesYet")}</p>
        </EmptyState>
      ) : (
        <>
          {dashboard.error ? (
            <p className="coord-error" role="alert">
              {t("home.workspace.figuresFailed", { reason: dashboard.error })}
            </p>
          ) : null}
          {folders.length > 0 ? (
            <section className="home-section" aria-labelledby="ws-folders">
              <h2 id="ws-folders" className="home-section-title">
                {t("home.workspace.folders")}
              </h2>
              <ul className="space-grid" aria-label={t("home.workspace.folders")}>
                {folders.map((folder) => {
                  const figures = dashboard.folders.get(folder.id);
                  const path = folderPath(entry.tree as Tree, folder.id);
                  return (
                    <li key={folder.id} className="space-tile folder-tile">
                      <span className="space-tile-name">{path}</span>
                      <span className="space-tile-meta muted">
                        {figures ? t("home.workspace.spaceCount", { count: figures.spaceIds.length }) : ""}
                      </span>
                      <DashboardFigures figures={figures} name={path} />
                      <Link
                        className="folder-tile-link"
                        to={`/w/${workspace.id}/f/${folder.id}/workload`}
                        aria-label={`Workload of ${path}`}
                      >
                        Workload
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          <h2 className="home-section-title">{t("home.workspace.spaces")}</h2>
          <ul className="space-grid" aria-label={t("home.workspace.spaces")}>
            {spaces.map((space) => {
              const folder = folderName(entry.tree as Tree, space.folderId);
              return (
                <li key={space.id}>
                  <Link className="space-tile" to={`/w/${workspace.id}/s/${space.id}`}>
                    <span className="space-tile-name">{space.name}</span>
                    {folder || space.description ? (
                      <span className="space-tile-meta muted">
                        {[folder, space.description].filter(Boolean).join(" · ")}
                      </span>
                    ) : null}
                    <DashboardFigures figures={dashboard.spaces.get(space.id)} name={space.name} />
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </main>
  );
};
