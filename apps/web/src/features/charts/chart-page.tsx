/** What the three chart views share: the space header with its tabs, data loading, skeleton, errors. */
import { spaceChannel } from "@lattice/domain";
import { hashKey, keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { type ChartQuery, chartsApi } from "../../api/charts";
import { ApiError, describeError } from "../../api/client";
import { queryClient } from "../../api/query-client";
import { useTranslator } from "../../lib/i18n/i18n";
import { sync } from "../../sync/live";
import { Skeleton } from "../../ui/skeleton";
import { SpaceViewHeader } from "../space-views/space-view-header";
import "./charts.css";

type Loaded<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "error"; data: T | null; error: unknown };

/**
 * A chart through the query cache: asked again when the request changes (after `delay` ms, so typing
 * in a filter does not send a request per keystroke; the first request goes at once) and when a live
 * event marks it stale; keeps the last chart on screen while the next one loads.
 */
export const useChartData = <T,>(
  chart: ChartQuery<T>,
  { enabled = true, delay = 200 }: { enabled?: boolean; delay?: number } = {},
): Loaded<T> & { isReloading: boolean; retry: () => void } => {
  const hash = hashKey(chart.queryKey);
  const [asked, setAsked] = useState({ chart, hash });
  // The last chart received: kept on screen while the next loads, and under the error if it fails.
  const shown = useRef<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hash names the request; the query object is rebuilt every render
  useEffect(() => {
    if (asked.hash === hash) return;
    // Nothing shown yet (the first request, or one that waited to be enabled): no reason to wait.
    const timer = window.setTimeout(() => setAsked({ chart, hash }), shown.current === null ? 0 : delay);
    return () => window.clearTimeout(timer);
  }, [hash]);
  const query = useQuery(
    { ...asked.chart, enabled, placeholderData: keepPreviousData, retry: false },
    queryClient,
  );
  if (query.data !== undefined) shown.current = query.data;
  const retry = () => void query.refetch();
  if (query.isError)
    return { status: "error", data: shown.current, error: query.error, isReloading: false, retry };
  // Waiting for the typing to settle, or for the reply to a new request: the last chart stays, busy.
  if (query.data === undefined || query.isPlaceholderData || asked.hash !== hash) {
    return {
      status: "loading",
      data: shown.current,
      error: null,
      isReloading: shown.current !== null,
      retry,
    };
  }
  return { status: "ready", data: query.data, error: null, isReloading: false, retry };
};

/**
 * Follows the live events of the spaces a chart covers while it is shown (those no other view
 * follows already), so the chart query bridge hears their changes and marks the chart stale.
 */
export const useFollowedSpaces = (spaceIds: readonly string[]): void => {
  const key = spaceIds.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined ids name the spaces
  useEffect(() => {
    const { registry } = sync;
    const followed = spaceIds.map(spaceChannel).filter((channel) => !registry.has(channel));
    for (const channel of followed) {
      // From now on: the chart is asked for alongside; a snapshot reload tells the bridge (null event).
      registry.subscribe(channel, null, { apply: () => undefined, reload: async (latest) => latest });
    }
    return () => {
      for (const channel of followed) registry.unsubscribe(channel);
    };
  }, [key]);
};

export interface SpaceInfo {
  name: string;
  folderId: string | null;
}

/** The space's name and folder, for the header and the forecast scope switch. */
export const useSpaceInfo = (spaceId: string): SpaceInfo | null => {
  const [info, setInfo] = useState<SpaceInfo | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setInfo(null);
    chartsApi.getSpace(spaceId, controller.signal).then(
      (space) => setInfo({ name: space.name, folderId: space.folderId }),
      () => undefined,
    );
    return () => controller.abort();
  }, [spaceId]);
  return info;
};

export const ChartPage = ({
  workspaceId,
  spaceId,
  title,
  space,
  controls,
  children,
}: {
  workspaceId: string;
  spaceId: string;
  title: string;
  space: SpaceInfo | null;
  controls?: ReactNode;
  children: ReactNode;
}) => (
  <main className="board-page chart-page">
    <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={space?.name ?? ""} />
    <section className="chart-scroll" aria-label={title}>
      {controls ? <div className="chart-controls">{controls}</div> : null}
      {children}
    </section>
  </main>
);

/** A problem+json error as a sentence, with the fields it names. */
export const ChartError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslator();
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="chart-error" role="alert">
      <p className="chart-error-title">{error instanceof ApiError ? error.title : t("charts.error.title")}</p>
      <p>{describeError(error)}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field.replace(/^querystring\./, "")}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
          {t("charts.error.retry")}
        </button>
      ) : null}
    </div>
  );
};

export const ChartSkeleton = ({ height = 320, label }: { height?: number; label: string }) => (
  <div className="chart-skeleton" role="status" aria-busy="true" aria-label={label}>
    <div className="chart-skeleton-plot" style={{ height }} />
    <div className="chart-skeleton-side">
      <Skeleton width="80%" />
      <Skeleton width="60%" />
      <Skeleton width="70%" />
    </div>
  </div>
);

/** A chart with its text summary beside it and a data table behind a toggle. */
export const ChartFigure = ({
  title,
  summary,
  side,
  table,
  children,
  isBusy = false,
}: {
  title: string;
  summary: ReactNode;
  side?: ReactNode;
  table?: ReactNode;
  children: ReactNode;
  isBusy?: boolean;
}) => {
  const { t } = useTranslator();
  return (
    <section className="chart-figure" aria-label={title} aria-busy={isBusy || undefined}>
      <div className="chart-figure-main">
        <h2 className="chart-figure-title">{title}</h2>
        <div className={`chart-plot${isBusy ? " is-busy" : ""}`}>{children}</div>
        {table ? (
          <details className="chart-table-toggle">
            <summary>{t("charts.table.show")}</summary>
            <div className="chart-table-scroll">{table}</div>
          </details>
        ) : null}
      </div>
      <aside className="chart-side">
        <p className="chart-summary" data-testid="chart-summary">
          {summary}
        </p>
        {side}
      </aside>
    </section>
  );
};

/** A labelled filter control above a chart. */
export const Control = ({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) => {
  const id = useId();
  return (
    <div className={`chart-control${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
};
