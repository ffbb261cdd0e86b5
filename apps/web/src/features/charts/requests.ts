/**
 * What each chart view asks the server for, read from its address alone (path and query), so that
 * the view and `preloadChartView` build the very same request. Loaded with the app, not with the
 * chart views: no React and no uPlot here.
 */
import { chartLimits, forecastDefaults } from "@lattice/domain";
import { chartsApi, type ForecastParams, type ForecastScope } from "../../api/charts";
import { addDays, parseConfidences, periodFromQuery, todayIso } from "./shape";

export const DEFAULT_WEEKS: number = forecastDefaults.windowWeeks;

export type ScopeKind = ForecastScope["kind"];

export interface ForecastRequest {
  scopeKind: ScopeKind;
  /** Null while the space's folder is not known yet (a folder forecast waits for it). */
  scope: ForecastScope | null;
  windowWeeks: number;
  confidences: number[];
  targetDate: string;
  responsibleId: string;
  /** Labels belong to one space: ignored for a folder or workspace forecast. */
  labelId: string;
  params: ForecastParams;
}

/**
 * The forecast a view at `/w/:workspaceId/s/:spaceId/forecast?…` shows. `space` is the space's folder
 * once known (null before): a folder forecast of a space outside any folder falls back to the space.
 */
export const forecastRequestOf = (
  ids: { workspaceId: string; spaceId: string },
  search: URLSearchParams,
  today: string,
  space: { folderId: string | null } | null,
): ForecastRequest => {
  const weeksParam = Number(search.get("weeks"));
  const windowWeeks =
    Number.isInteger(weeksParam) && weeksParam >= 1 && weeksParam <= chartLimits.maxWindowWeeks
      ? weeksParam
      : DEFAULT_WEEKS;
  const confidences = parseConfidences(search.get("confidence"));
  const targetDate = search.get("by") ?? addDays(today, 28);
  const responsibleId = search.get("responsible") ?? "";
  const requestedScope = (search.get("scope") ?? "space") as ScopeKind;
  const scopeKind: ScopeKind =
    requestedScope === "folder" && space && !space.folderId
      ? "space"
      : ["space", "folder", "workspace"].includes(requestedScope)
        ? requestedScope
        : "space";
  const scope: ForecastScope | null =
    scopeKind === "space"
      ? { kind: "space", id: ids.spaceId }
      : scopeKind === "workspace"
        ? { kind: "workspace", id: ids.workspaceId }
        : space?.folderId
          ? { kind: "folder", id: space.folderId }
          : null;
  const labelId = scopeKind === "space" ? (search.get("label") ?? "") : "";
  return {
    scopeKind,
    scope,
    windowWeeks,
    confidences,
    targetDate,
    responsibleId,
    labelId,
    params: {
      windowWeeks,
      confidences,
      trials: forecastDefaults.trials,
      targetDate,
      responsibleId: responsibleId || undefined,
      labelId: labelId || undefined,
    },
  };
};

// The modules app.tsx loads lazily: importing one here first means the route finds it loaded.
const loadForecastPage = () => import("./forecast-page");
const loadTimePage = () => import("./time-page");
const loadFlowPage = () => import("./flow-page");

const chartViewPath = /^\/w\/([0-9a-f-]{36})\/s\/([0-9a-f-]{36})\/(forecast|time|flow)\/?$/i;

/**
 * A chart view opened by its address (a link, a reload): its code and its data start loading now,
 * alongside the app's session check, instead of one after the other once the route renders.
 */
export const preloadChartView = (location: { pathname: string; search: string }): void => {
  const match = chartViewPath.exec(location.pathname);
  const [, workspaceId, spaceId, view] = match ?? [];
  if (!workspaceId || !spaceId) return;
  const search = new URLSearchParams(location.search);
  const today = todayIso();
  // A failed chunk is reported by the route's own import.
  const ignore = () => undefined;
  if (view === "forecast") {
    loadForecastPage().catch(ignore);
    const request = forecastRequestOf({ workspaceId, spaceId }, search, today, null);
    if (request.scope) chartsApi.ahead.forecast(request.scope, request.params);
  } else {
    const period = periodFromQuery(search, today);
    const range = { from: period.from, to: period.to };
    if (view === "time") {
      loadTimePage().catch(ignore);
      chartsApi.ahead.timeChart(spaceId, range);
    } else {
      loadFlowPage().catch(ignore);
      chartsApi.ahead.cumulativeFlow(spaceId, range);
    }
  }
};
