/** Time chart view: lead / reaction / cycle time per completed card, percentiles, histogram, time per status. */
import type { TimeChartView } from "@lattice/domain";
import { useCallback, useMemo } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import uPlot from "uplot";
import { chartQueries } from "../../api/charts";
import { useTranslator } from "../../lib/i18n/i18n";
import { EmptyState } from "../../ui/empty-state";
import { Select } from "../../ui/input";
import { CardFilterControls, chartCardFilterOf } from "./chart-filters";
import {
  ChartError,
  ChartFigure,
  ChartPage,
  ChartSkeleton,
  Control,
  useChartData,
  useFollowedSpaces,
  useSpaceInfo,
} from "./chart-page";
import { type ChartColors, useChartColors, withAlpha } from "./colors";
import { PeriodControls } from "./period-controls";
import { axis, countAxis, dateAxis, numberValues, pixelRatio, utcDate } from "./plot-options";
import {
  type ChartWords,
  countIncrs,
  formatDate,
  formatDays,
  formatNumber,
  histogramSeries,
  isoDateToSeconds,
  metricName,
  nearestPointIndex,
  type PercentileLine,
  percentileLines,
  periodFromQuery,
  type ScatterSeries,
  scatterSeries,
  secondsToIsoDate,
  spreadLabels,
  statusTimeRows,
  type TimeMetric,
  timeSummary,
  todayIso,
} from "./shape";
import { UPlotChart } from "./uplot-chart";

const metrics: TimeMetric[] = ["lead", "reaction", "cycle"];

/** Room above the plot (CSS pixels) so equal percentiles at the top still get a label row each. */
const percentileHeadroom = (lines: readonly PercentileLine[]): number =>
  12 + 15 * Math.max(0, lines.length - 1);

const drawPercentiles = (lines: PercentileLine[], colors: ChartColors, words: ChartWords) => (u: uPlot) => {
  const ctx = u.ctx;
  const ratio = pixelRatio();
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  // Labels are placed by their right edge at the plot's right: drawn left to right in every language.
  ctx.direction = "ltr";
  const tones = [colors.success, colors.warning, colors.danger];
  const ys = lines.map((line) => u.valToPos(line.value, "y", true));
  // Close values would print their labels over each other: spread the labels, not the lines.
  const labelYs = spreadLabels(
    ys.map((y) => y - 2 * ratio),
    15 * ratio,
    // Labels may rise into the space reserved above the plot (`percentileHeadroom`).
    top - (percentileHeadroom(lines) - 14) * ratio,
    top + height - 2 * ratio,
  );
  const isShown = (i: number) => {
    const y = ys[i] ?? Number.NaN;
    return y >= top && y <= top + height;
  };
  lines.forEach((_, i) => {
    const y = ys[i] ?? Number.NaN;
    if (!isShown(i)) return;
    ctx.strokeStyle = tones[i] ?? colors.muted;
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash(i === 0 ? [] : [6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  });
  // Labels after every line, each on a patch of the background colour, so a neighbouring line never
  // runs through a label.
  lines.forEach((line, i) => {
    if (!isShown(i)) return;
    const text = words.t("charts.time.lineLabel", { label: line.label, days: formatDays(words, line.value) });
    const x = left + width - 4 * ratio;
    const labelY = labelYs[i] ?? (ys[i] ?? 0) - 2 * ratio;
    const textWidth = ctx.measureText(text).width;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(x - textWidth - 3 * ratio, labelY - 14 * ratio, textWidth + 6 * ratio, 14 * ratio);
    ctx.fillStyle = tones[i] ?? colors.muted;
    ctx.fillText(text, x, labelY);
  });
  ctx.restore();
};

const scatterOptions = (
  scatter: ScatterSeries,
  lines: PercentileLine[],
  metric: TimeMetric,
  reply: TimeChartView,
  colors: ChartColors,
  words: ChartWords,
): uPlot.Options => {
  const from = isoDateToSeconds(reply.from) - 43_200;
  const to = isoDateToSeconds(reply.to) + 86_400 + 43_200;
  const maxY = Math.max(
    1,
    ...lines.map((l) => l.value),
    scatter.y.reduce((m, v) => Math.max(m, v), 0),
  );
  return {
    width: 0,
    height: 0,
    tzDate: utcDate,
    scales: { x: { time: true, range: () => [from, to] }, y: { range: () => [0, maxY * 1.1] } },
    axes: [
      dateAxis(colors, words),
      countAxis(colors, words.t("charts.axis.metricDays", { metric: metricName(words, metric) }), words),
    ],
    series: [
      {},
      {
        label: metricName(words, metric),
        stroke: colors.accent,
        fill: withAlpha(colors.accent, 0.5),
        paths: () => null,
        points: {
          show: true,
          size: 6,
          width: 1,
          stroke: colors.accent,
          fill: withAlpha(colors.accent, 0.35),
        },
      },
    ],
    legend: { show: false },
    padding: [percentileHeadroom(lines), null, null, null],
    cursor: { drag: { x: true, y: false }, points: { size: 9 } },
    // Drawn after the axes and before the points: a card's point is never hidden behind a label.
    hooks: { drawAxes: [drawPercentiles(lines, colors, words)] },
  };
};

const bars = uPlot.paths.bars?.({ size: [0.85, 40] });

const histogramOptions = (metric: TimeMetric, colors: ChartColors, words: ChartWords): uPlot.Options => ({
  width: 0,
  height: 0,
  scales: { x: { time: false } },
  axes: [
    {
      ...axis(colors, words.t("charts.axis.metricDays", { metric: metricName(words, metric) })),
      incrs: countIncrs,
      values: numberValues(words),
    },
    countAxis(colors, words.t("charts.axis.cards"), words),
  ],
  series: [
    {},
    {
      label: words.t("charts.axis.cards"),
      stroke: colors.accent,
      width: 0,
      fill: withAlpha(colors.accent, 0.45),
      ...(bars ? { paths: bars } : {}),
      points: { show: false },
    },
  ],
  legend: { show: false },
  cursor: { drag: { x: false, y: false } },
});

export const TimePage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const space = useSpaceInfo(spaceId);
  const colors = useChartColors();
  const words = useTranslator();
  const { t } = words;
  const period = periodFromQuery(search, todayIso());
  const metricParam = search.get("metric");
  const metric: TimeMetric = metrics.includes(metricParam as TimeMetric)
    ? (metricParam as TimeMetric)
    : "lead";

  const filter = chartCardFilterOf(search);
  const result = useChartData(chartQueries.time(spaceId, { from: period.from, to: period.to, ...filter }));
  useFollowedSpaces([spaceId]);
  const reply = result.data;

  const scatter = useMemo(() => (reply ? scatterSeries(reply, metric) : null), [reply, metric]);
  const lines = useMemo(() => (reply ? percentileLines(words, reply[metric]) : []), [reply, metric, words]);
  const scatterData = useMemo<uPlot.AlignedData | null>(
    () => (scatter ? [scatter.x, scatter.y] : null),
    [scatter],
  );
  const scatterOpts = useMemo(
    () => (reply && scatter ? scatterOptions(scatter, lines, metric, reply, colors, words) : null),
    [reply, scatter, lines, metric, colors, words],
  );
  const histogram = useMemo(
    () => (reply ? histogramSeries(reply.histograms[metric]) : null),
    [reply, metric],
  );
  const histogramData = useMemo<uPlot.AlignedData | null>(
    () => (histogram ? [histogram.x, histogram.y] : null),
    [histogram],
  );
  const histogramOpts = useMemo(() => histogramOptions(metric, colors, words), [metric, colors, words]);

  const openCard = useCallback(
    (cardId: string) => {
      void navigate(`/w/${workspaceId}/s/${spaceId}/c/${cardId}`);
    },
    [navigate, workspaceId, spaceId],
  );

  const onScatterCreate = useCallback(
    (plot: uPlot) => {
      if (!scatter) return undefined;
      const over = plot.over;
      const pick = (event: MouseEvent) => {
        if (plot.select.width > 2) return -1;
        const rect = over.getBoundingClientRect();
        const cx = event.clientX - rect.left;
        const cy = event.clientY - rect.top;
        const xs = scatter.x.map((x) => plot.valToPos(x, "x"));
        const ys = scatter.y.map((y) => plot.valToPos(y, "y"));
        return nearestPointIndex(xs, ys, cx, cy, 8);
      };
      const onClick = (event: MouseEvent) => {
        const index = pick(event);
        const id = scatter.cardIds[index];
        if (index >= 0 && id) openCard(id);
      };
      const onMove = (event: MouseEvent) => {
        const index = pick(event);
        over.style.cursor = index >= 0 ? "pointer" : "";
        over.title =
          index >= 0
            ? words.t("charts.time.pointTitle", {
                name: scatter.names[index] ?? "",
                days: formatDays(words, scatter.y[index] ?? 0),
              })
            : "";
      };
      over.addEventListener("click", onClick);
      over.addEventListener("mousemove", onMove);
      return () => {
        over.removeEventListener("click", onClick);
        over.removeEventListener("mousemove", onMove);
      };
    },
    [scatter, openCard, words],
  );

  const setMetric = (value: TimeMetric) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === "lead") next.delete("metric");
        else next.set("metric", value);
        return next;
      },
      { replace: true },
    );

  const controls = (
    <>
      <Control label={t("charts.time.measure")}>
        {(id) => (
          <>
            <Select id={id} value={metric} onChange={(e) => setMetric(e.target.value as TimeMetric)}>
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {metricName(words, m)}
                </option>
              ))}
            </Select>
          </>
        )}
      </Control>
      <PeriodControls preset={period.preset} from={period.from} to={period.to} setSearch={setSearch} />
      <CardFilterControls workspaceId={workspaceId} spaceId={spaceId} search={search} setSearch={setSearch} />
    </>
  );

  const summary = reply ? reply[metric] : null;
  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title={t("charts.time.title")}
      space={space}
      controls={controls}
    >
      {result.status === "error" ? <ChartError error={result.error} onRetry={result.retry} /> : null}
      {!reply && result.status === "loading" ? <ChartSkeleton label={t("charts.time.loading")} /> : null}
      {reply && summary && scatter && scatterData && scatterOpts && histogramData ? (
        reply.points.length === 0 ? (
          <EmptyState icon="⏱" title={t("charts.time.emptyTitle")} size="sm">
            <p>{t("charts.time.emptyBody")}</p>
          </EmptyState>
        ) : (
          <>
            <ChartFigure
              title={t("charts.time.figure", { metric })}
              summary={timeSummary(words, reply, metric)}
              isBusy={result.isReloading}
              side={
                <>
                  <dl className="chart-stats">
                    <dt>{t("charts.time.stats.cards")}</dt>
                    <dd>{formatNumber(words, summary.count)}</dd>
                    <dt>{t("charts.percentile.median")}</dt>
                    <dd>{formatDays(words, summary.median)}</dd>
                    <dt>{t("charts.percentile.p85")}</dt>
                    <dd>{formatDays(words, summary.p85)}</dd>
                    <dt>{t("charts.percentile.p95")}</dt>
                    <dd>{formatDays(words, summary.p95)}</dd>
                    <dt>{t("charts.time.stats.average")}</dt>
                    <dd>
                      {summary.average === null
                        ? "–"
                        : formatDays(words, Math.round(summary.average * 10) / 10)}
                    </dd>
                  </dl>
                  <p className="chart-note">{t("charts.time.note")}</p>
                  {scatter.x.length < reply.points.length ? (
                    <p className="chart-note">
                      {t("charts.time.neverStarted", {
                        count: reply.points.length - scatter.x.length,
                        metric,
                      })}
                    </p>
                  ) : null}
                </>
              }
              table={<PointsTable scatter={scatter} onOpen={openCard} metric={metric} />}
            >
              <UPlotChart
                name="time-scatter"
                options={scatterOpts}
                data={scatterData}
                height={340}
                onCreate={onScatterCreate}
              />
            </ChartFigure>
            <ChartFigure
              title={t("charts.time.distribution", { metric })}
              summary={t("charts.time.distributionSummary", { metric })}
              table={
                <table className="chart-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("charts.table.days")}</th>
                      <th scope="col">{t("charts.table.cards")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reply.histograms[metric].map((b) => (
                      <tr key={b.days}>
                        <td>{words.format.number(b.days)}</td>
                        <td>{words.format.number(b.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <UPlotChart name="time-histogram" options={histogramOpts} data={histogramData} height={200} />
            </ChartFigure>
            <StatusTimeTable reply={reply} />
          </>
        )
      ) : null}
    </ChartPage>
  );
};

const PointsTable = ({
  scatter,
  metric,
  onOpen,
}: {
  scatter: ScatterSeries;
  metric: TimeMetric;
  onOpen: (id: string) => void;
}) => {
  const words = useTranslator();
  const { t } = words;
  return (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">{t("charts.table.card")}</th>
          <th scope="col">{t("charts.table.completed")}</th>
          <th scope="col">{metricName(words, metric)}</th>
        </tr>
      </thead>
      <tbody>
        {scatter.cardIds.slice(0, 500).map((id, i) => (
          <tr key={id}>
            <td>
              <button type="button" className="chart-link" onClick={() => onOpen(id)}>
                {scatter.names[i]}
              </button>
            </td>
            <td>{formatDate(words, secondsToIsoDate(scatter.x[i] ?? 0))}</td>
            <td>{formatDays(words, scatter.y[i] ?? null)}</td>
          </tr>
        ))}
        {scatter.cardIds.length > 500 ? (
          <tr>
            <td colSpan={3}>{t("charts.time.moreRows", { count: scatter.cardIds.length - 500 })}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
};

const StatusTimeTable = ({ reply }: { reply: TimeChartView }) => {
  const words = useTranslator();
  const { t } = words;
  const rows = statusTimeRows(words, reply);
  const total = rows.reduce((sum, r) => sum + r.days, 0);
  return (
    <section className="chart-figure chart-figure-table" aria-label={t("charts.time.perStatus")}>
      <div className="chart-figure-main">
        <h2 className="chart-figure-title">{t("charts.time.perStatus")}</h2>
        <table className="chart-table chart-table-wide">
          <thead>
            <tr>
              <th scope="col">{t("charts.table.status")}</th>
              <th scope="col">{t("charts.time.daysSummed")}</th>
              <th scope="col">{t("charts.time.share")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.statusId}>
                <td>{r.name}</td>
                <td>{formatNumber(words, r.days)}</td>
                <td>
                  {total > 0
                    ? t("charts.time.shareValue", { share: Math.round((r.days / total) * 100) })
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("charts.time.blocked")}</th>
              <td>{formatNumber(words, reply.blocked.days)}</td>
              <td>{t("charts.time.blockedCards", { count: reply.blocked.cards })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
};
