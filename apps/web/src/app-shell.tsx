import { Suspense, useEffect } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import "./features/filters/finding.css";
import { queryClient } from "./api/query-client";
import { useRecordRecentSpace } from "./features/home/recent-spaces";
import { NotificationBell } from "./features/notifications/notification-bell";
import { SearchBox } from "./features/search/search-box";
import { Sidebar } from "./features/sidebar/sidebar";
import { SidebarResizer, useSidebarWidth } from "./features/sidebar/sidebar-resizer";
import { useTranslator } from "./lib/i18n/i18n";
import { onDemand } from "./lib/on-demand";
import { useSession } from "./store/session";
import { useUi } from "./store/ui";
import { sync, useLiveTrees } from "./sync/live";
import { Button } from "./ui/button";

// The create/rename/move dialogs load when first opened (or when the browser is idle).
const HierarchyDialogs = onDemand(
  () => import("./features/sidebar/hierarchy-dialogs"),
  (m) => m.HierarchyDialogs,
);

/** Sidebar + page. Below 1024 px the sidebar becomes an overlay opened from the page header. */
export const AppShell = () => {
  const isSidebarOpen = useUi((s) => s.isSidebarOpen);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const dialog = useUi((s) => s.dialog);
  const closeDialog = useUi((s) => s.closeDialog);
  const location = useLocation();
  const userId = useSession((s) => s.user?.id ?? null);
  const { t } = useTranslator();

  useEffect(() => {
    if (!userId) return;
    sync.start(userId);
    return () => {
      sync.stop();
      // The lookups were this person's (their notifications, their workspaces' members).
      queryClient.clear();
    };
  }, [userId]);
  useLiveTrees();
  useRecordRecentSpace();
  const [sidebarWidth, setSidebarWidth] = useSidebarWidth();

  useEffect(() => {
    const query = window.matchMedia("(min-width: 1024px)");
    const handleChange = () => setSidebarOpen(query.matches);
    query.addEventListener("change", handleChange);
    return () => query.removeEventListener("change", handleChange);
  }, [setSidebarOpen]);

  // Route changes close any hierarchy dialog left open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => closeDialog(), [location.pathname, closeDialog]);

  return (
    <div
      className={`app-shell${isSidebarOpen ? " sidebar-open" : " sidebar-closed"}`}
      style={{ ["--sidebar-width-chosen" as string]: `${sidebarWidth}px` }}
    >
      <div className="sidebar-slot">
        <Sidebar />
        <SidebarResizer width={sidebarWidth} onResize={setSidebarWidth} />
      </div>
      {isSidebarOpen ? (
        <button
          type="button"
          className="sidebar-scrim"
          aria-label={t("shell.closeSidebar")}
          tabIndex={-1}
          onClick={() => setSidebarOpen(false)}
        />
      ) : null}
      <div className="main-slot">
        <header className="app-topbar">
          {isSidebarOpen ? null : (
            <Button
              variant="secondary"
              size="sm"
              isIcon
              className="topbar-sidebar-toggle"
              aria-label={t("shell.showSidebar")}
              onClick={() => setSidebarOpen(true)}
            >
              <span aria-hidden="true">☰</span>
            </Button>
          )}
          <SearchBox />
          <nav className="topbar-nav" aria-label={t("shell.personal")}>
            <NavLink to="/my-work" className="topbar-link">
              {t("shell.myWork")}
            </NavLink>
            <NavLink to="/my-space" className="topbar-link">
              {t("shell.mySpace")}
            </NavLink>
            <NavLink to="/my-blockers" className="topbar-link">
              {t("shell.myBlockers")}
            </NavLink>
          </nav>
          <NotificationBell />
        </header>
        <Outlet />
      </div>
      {dialog ? (
        <Suspense fallback={null}>
          <HierarchyDialogs state={dialog} onClose={closeDialog} />
        </Suspense>
      ) : null}
    </div>
  );
};
