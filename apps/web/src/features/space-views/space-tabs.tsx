import { useLayoutEffect, useRef } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { parseFilters, writeFilters } from "../filters/filters";

/** The views of one space, as tabs in the space header (`label`: the tab's message); the current view is part of the URL. */
export const spaceViews = [
  { path: "", label: "views.tab.board" },
  { path: "list", label: "views.tab.list" },
  { path: "calendar", label: "views.tab.calendar" },
  { path: "gantt", label: "views.tab.gantt" },
  { path: "workload", label: "views.tab.workload" },
  { path: "forecast", label: "views.tab.forecast" },
  { path: "time", label: "views.tab.time" },
  { path: "flow", label: "views.tab.flow" },
  { path: "aging", label: "views.tab.aging" },
] as const;

export type SpaceViewPath = (typeof spaceViews)[number]["path"];

/** The view a space URL shows: the segment after the space id ("" for the board and its open cards). */
export const currentView = (pathname: string, spaceId: string): SpaceViewPath => {
  const rest = pathname.split(`/s/${spaceId}`)[1] ?? "";
  const segment = rest.split("/")[1] ?? "";
  return spaceViews.find((v) => v.path === segment && v.path !== "")?.path ?? "";
};

/** A tab chosen by hand: the bare board address then shows the board, not the space's default view. */
const tabState = { view: "tab" } as const;

export const SpaceTabs = ({ workspaceId, spaceId }: { workspaceId: string; spaceId: string }) => {
  const { t } = useTranslator();
  const { pathname } = useLocation();
  const active = currentView(pathname, spaceId);
  // The board's filters travel with the person between views (List, Gantt and the board read them).
  const [params] = useSearchParams();
  const filterQuery = writeFilters(new URLSearchParams(), parseFilters(params)).toString();
  // On a phone the tabs scroll sideways: bring the current one into view (without moving the page).
  const navRef = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the current view changes
  useLayoutEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
    nav.scrollLeft = current.offsetLeft - nav.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, [active]);
  return (
    <nav className="space-tabs" aria-label={t("views.tabs.label")} ref={navRef}>
      {spaceViews.map((v) => (
        <Link
          key={v.path}
          to={`/w/${workspaceId}/s/${spaceId}${v.path ? `/${v.path}` : ""}${filterQuery ? `?${filterQuery}` : ""}`}
          state={tabState}
          className={`space-tab${v.path === active ? " is-active" : ""}`}
          aria-current={v.path === active ? "page" : undefined}
        >
          {t(v.label)}
        </Link>
      ))}
    </nav>
  );
};
