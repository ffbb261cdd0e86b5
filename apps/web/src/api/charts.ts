/** Typed calls for the chart views: the chart endpoints, plus the space, label and member look-ups they need. */
import {
  cumulativeFlowSchema,
  forecastChartSchema,
  labelSchema,
  memberSchema,
  spaceSchema,
  timeChartSchema,
} from "@lattice/domain";
import { type ReplySchema, request } from "./client";

const arrayOf = <T>(item: ReplySchema<T>): ReplySchema<T[]> => ({
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

const labelList = arrayOf(labelSchema);
const memberList = arrayOf(memberSchema);

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
}

export interface ForecastParams {
  windowWeeks?: number | undefined;
  confidences?: readonly number[] | undefined;
  trials?: number | undefined;
  seed?: number | undefined;
  targetDate?: string | undefined;
  responsibleId?: string | undefined;
  labelId?: string | undefined;
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

export const chartsApi = {
  getSpace: (id: string, signal?: AbortSignal) =>
    request("GET", `/api/spaces/${id}`, spaceSchema, withSignal(signal)),
  listLabels: (spaceId: string, signal?: AbortSignal) =>
    request("GET", `/api/spaces/${spaceId}/labels`, labelList, withSignal(signal)),
  listMembers: (workspaceId: string, signal?: AbortSignal) =>
    request("GET", `/api/workspaces/${workspaceId}/members`, memberList, withSignal(signal)),

  timeChart: (spaceId: string, params: RangeParams, signal?: AbortSignal) =>
    request(
      "GET",
      `/api/spaces/${spaceId}/charts/time${queryString({ ...params })}`,
      timeChartSchema,
      withSignal(signal),
    ),
  cumulativeFlow: (spaceId: string, params: RangeParams, signal?: AbortSignal) =>
    request(
      "GET",
      `/api/spaces/${spaceId}/charts/cumulative-flow${queryString({ ...params })}`,
      cumulativeFlowSchema,
      withSignal(signal),
    ),
  forecast: (scope: ForecastScope, params: ForecastParams, signal?: AbortSignal) =>
    request(
      "GET",
      `${scopePath(scope)}/charts/forecast${queryString({
        windowWeeks: params.windowWeeks,
        confidence: params.confidences?.join(","),
        trials: params.trials,
        seed: params.seed,
        targetDate: params.targetDate,
        responsibleId: params.responsibleId,
        labelId: params.labelId,
      })}`,
      forecastChartSchema,
      withSignal(signal),
    ),
};
