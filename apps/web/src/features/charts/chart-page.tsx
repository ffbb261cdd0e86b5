/** What the three chart views share: the space header with its tabs, data loading, skeleton, errors. */
import { type ReactNode, useEffect, useId, useState } from "react";
import { chartsApi } from "../../api/charts";
import { ApiError, describeError } from "../../api/client";
import { useTranslator } from "../../lib/i18n/i18n";
import { Skeleton } from "../../ui/skeleton";
import { SpaceViewHeader } from "../space-views/space-view-header";
import "./charts.css";

type Loaded<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "error"; data: T | null; error: unknown };

/**
 * Loads `fetcher` whenever `key` changes (after `delay` ms, so typing in a filter does not send a
 * request per keystroke), aborting the previous request; keeps the last data while reloading.
 */
export const useChartData = <T,>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
  delay = 200,
): Loaded<T> & { isReloading: boolean; retry: () => void } => {
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<Loaded<T>>({ status: "loading", data: null, error: null });
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the request; fetcher is rebuilt every render
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: "loading", data: s.data, error: null }));
    const timer = window.setTimeout(
      () => {
        fetcher(controller.signal).then(
          (data) => {
            if (controller.signal.aborted) return;
            setState({ status: "ready", data, error: null });
            setLoadedKey(key);
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            setState((s) => ({ status: "error", data: s.data, error }));
            setLoadedKey(key);
          },
        );
      },
      loadedKey === null ? 0 : delay,
    );
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, nonce]);
  return {
    ...state,
    isReloading: state.status === "loading" && state.data !== null,
    retry: () => setNonce((n) => n + 1),
  } as Loaded<T> & { isReloading: boolean; retry: () => void };
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
