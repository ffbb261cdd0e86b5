/**
 * Typed calls for the chart views: the chart endpoints (each reply parsed with its schema from
 * packages/domain; the Time chart's columns read back as the chart) and the space they belong to.
 *
 * The views read the charts through the query cache (`chartQueries`): one entry per chart request,
 * marked stale by the charted spaces' live events (sync/chart-query-bridge.ts), so an open chart
 * draws a change made anywhere without a reload.
 */
import {
  agingChartSchema,
  cumulativeFlowSchema,
  forecastChartSchema,
  spaceSchema,
  type TimeChartView,
  timeChartFromReply,
  timeChartSchema,
} from "@lattice/domain";
import type { QueryFunctionContext } from "@tanstack/react-query";
import { chartQueryRoot } from "../sync/chart-query-bridge";
import { type ReplySchema, request } from "./client";

const _arrayOf = <T>(item: ReplySchema<T>): ReplySchema<T[]> => ({
  safeParse(data) {
    if (!Array.isArray(data)) return { success: false };
    const out: T[] = [];
    for (const value of data) {
      const parsed = item.safeParse(value);
      if (!parsed.success) return { success: false };
      out.push(parsed.data);
    }
    return { success: true, data: out };
  },
});

/** `?a=1&b=2` from the defined, non-empty values (empty string when none). */
export const queryString = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

export interface RangeParams {
  from?: string | undefined;
  to?: string | undefined;
  responsibleId?: string | undefined;
  labelId?: string | undefined;
  /** Custom field filters, `<fieldId>:<value>,…`. */
  fields?: string | undefined;
}

export interface ForecastParams {
  windowWeeks?: number | undefined;
  confidences?: readonly number[] | undefined;
  trials?: number | undefined;
  seed?: number | undefined;
  targetDate?: string | undefined;
  responsibleId?: string | undefined;
  labelId?: string | undefined;
  fields?: string | undefined;
}

/** What a forecast covers: one space, a folder (and its subfolders) or the whole workspace. */
export type ForecastScope = { kind: "space" | "folder" | "workspace"; id: string };

const scopePath = (scope: ForecastScope): string =>
  scope.kind === "space"
    ? `/api/spaces/${scope.id}`
    : scope.kind === "folder"
      ? `/api/folders/${scope.id}`
      : `/api/workspaces/${scope.id}`;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

const timeChartPath = (spaceId: string, params: RangeParams) =>
  `/api/spaces/${spaceId}/charts/time${queryString({ ...params })}`;
const cumulativeFlowPath = (spaceId: string, params: RangeParams) =>
  `/api/spaces/${spaceId}/charts/cumulative-flow${queryString({ ...params })}`;
const agingChartPath = (spaceId: string, params: RangeParams) =>
  `/api/spaces/${spaceId}/charts/aging${queryString({ ...params })}`;
const forecastPath = (scope: ForecastScope, params: ForecastParams) =>
  `${scopePath(scope)}/charts/forecast${queryString({
    windowWeeks: params.windowWeeks,
    confidence: params.confidences?.join(","),
    trials: params.trials,
    seed: params.seed,
    targetDate: params.targetDate,
    responsibleId: params.responsibleId,
    labelId: params.labelId,
    fields: params.fields,
  })}`;

/**
 * Chart replies requested ahead of their view (a chart opened by its address starts loading its
 * data while the app checks the session and fetches the view's code). Each is taken once, by the
 * view's first request for the same address, so a later visit always asks the server again.
 */
const fetchedAhead = new Map<string, Promise<unknown>>();
const UNCLAIMED_MS = 10_000;

const fetchAhead = <T>(path: string, schema: ReplySchema<T>): void => {
  const reply = request("GET", path, schema);
  const forget = () => {
    if (fetchedAhead.get(path) === reply) fetchedAhead.delete(path);
  };
  // A failed reply (say, the session had ended) is dropped: a view that asks later asks the server.
  reply.catch(forget);
  fetchedAhead.set(path, reply);
  // Unclaimed (the view asked for something else): soon too old to hand over.
  window.setTimeout(forget, UNCLAIMED_MS);
};

const getChart = <T>(path: string, schema: ReplySchema<T>, signal?: AbortSignal): Promise<T> => {
  const ahead = fetchedAhead.get(path) as Promise<T> | undefined;
  if (ahead) {
    fetchedAhead.delete(path);
    return ahead;
  }
  return request("GET", path, schema, withSignal(signal));
};

export const chartsApi = {
  getSpace: (id: string, signal?: AbortSignal) =>
    request("GET", `/api/spaces/${id}`, spaceSchema, withSignal(signal)),

  timeChart: (spaceId: string, params: RangeParams, signal?: AbortSignal): Promise<TimeChartView> =>
    getChart(timeChartPath(spaceId, params), timeChartSchema, signal).then(timeChartFromReply),
  cumulativeFlow: (spaceId: string, params: RangeParams, signal?: AbortSignal) =>
    getChart(cumulativeFlowPath(spaceId, params), cumulativeFlowSchema, signal),
  forecast: (scope: ForecastScope, params: ForecastParams, signal?: AbortSignal) =>
    getChart(forecastPath(scope, params), forecastChartSchema, signal),
  agingChart: (spaceId: string, params: RangeParams, signal?: AbortSignal) =>
    getChart(agingChartPath(spaceId, params), agingChartSchema, signal),

  /** Starts loading what a chart view is about to ask for (same arguments, no signal). */
  ahead: {
    timeChart: (spaceId: string, params: RangeParams) =>
      fetchAhead(timeChartPath(spaceId, params), timeChartSchema),
    cumulativeFlow: (spaceId: string, params: RangeParams) =>
      fetchAhead(cumulativeFlowPath(spaceId, params), cumulativeFlowSchema),
    forecast: (scope: ForecastScope, params: ForecastParams) =>
      fetchAhead(forecastPath(scope, params), forecastChartSchema),
  },
};

/** One chart request as the query cache holds it: its key names the chart, its scope and its parameters. */
export interface ChartQuery<T> {
  queryKey: readonly [typeof chartQueryRoot, string, ForecastScope["kind"], string, object];
  queryFn: (context: QueryFunctionContext) => Promise<T>;
}

const spaceChart = <T>(
  chart: string,
  spaceId: string,
  params: RangeParams,
  load: (spaceId: string, params: RangeParams, signal?: AbortSignal) => Promise<T>,
): ChartQuery<T> => ({
  queryKey: [chartQueryRoot, chart, "space", spaceId, params],
  queryFn: ({ signal }) => load(spaceId, params, signal),
});

export const chartQueries = {
  time: (spaceId: string, params: RangeParams) => spaceChart("time", spaceId, params, chartsApi.timeChart),
  cumulativeFlow: (spaceId: string, params: RangeParams) =>
    spaceChart("cumulative-flow", spaceId, params, chartsApi.cumulativeFlow),
  aging: (spaceId: string, params: RangeParams) => spaceChart("aging", spaceId, params, chartsApi.agingChart),
  forecast: (scope: ForecastScope, params: ForecastParams) => ({
    queryKey: [chartQueryRoot, "forecast", scope.kind, scope.id, params] as const,
    queryFn: ({ signal }: QueryFunctionContext) => chartsApi.forecast(scope, params, signal),
  }),
};
