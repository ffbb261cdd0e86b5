/** Time chart view: lead / reaction / cycle time per completed card, percentiles, histogram, time per status. */
import type { TimeChartReply } from "@lattice/domain";
import { useCallback, useMemo } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import uPlot from "uplot";
import { chartsApi } from "../../api/charts";
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
  useSpaceInfo,
} from "./chart-page";
import { type ChartColors, useChartColors, withAlpha } from "./colors";
import { PeriodControls } from "./period-controls";
import { axis, countAxis, dateAxis, pixelRatio, utcDate } from "./plot-options";
import {
  countIncrs,
  formatDays,
  formatNumber,
  histogramSeries,
  isoDateToSeconds,
  metricNames,
  nearestPointIndex,
  type PercentileLine,
  percentileLines,
  periodFromQuery,
  plural,
  type ScatterSeries,
  scatterSeries,
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

const drawPercentiles = (lines: PercentileLine[], colors: ChartColors) => (u: uPlot) => {
  const ctx = u.ctx;
  const ratio = pixelRatio();
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
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
    const text = `${line.label}: ${formatDays(line.value)}`;
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
  reply: TimeChartReply,
  colors: ChartColors,
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
    axes: [dateAxis(colors), countAxis(colors, `${metricNames[metric]} (days)`)],
    series: [
      {},
      {
        label: metricNames[metric],
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
    hooks: { drawAxes: [drawPercentiles(lines, colors)] },
  };
};

const bars = uPlot.paths.bars?.({ size: [0.85, 40] });

const histogramOptions = (metric: TimeMetric, colors: ChartColors): uPlot.Options => ({
  width: 0,
  height: 0,
  scales: { x: { time: false } },
  axes: [{ ...axis(colors, `${metricNames[metric]} (days)`), incrs: countIncrs }, countAxis(colors, "Cards")],
  series: [
    {},
    {
      label: "Cards",
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
  const period = periodFromQuery(search, todayIso());
  const metricParam = search.get("metric");
  const metric: TimeMetric = metrics.includes(metricParam as TimeMetric)
    ? (metricParam as TimeMetric)
    : "lead";

  const filter = chartCardFilterOf(search);
  const key = JSON.stringify([spaceId, period.from, period.to, filter]);
  const result = useChartData(key, (signal) =>
    chartsApi.timeChart(spaceId, { from: period.from, to: period.to, ...filter }, signal),
  );
  const reply = result.data;

  const scatter = useMemo(() => (reply ? scatterSeries(reply, metric) : null), [reply, metric]);
  const lines = useMemo(() => (reply ? percentileLines(reply[metric]) : []), [reply, metric]);
  const scatterData = useMemo<uPlot.AlignedData | null>(
    () => (scatter ? [scatter.x, scatter.y] : null),
    [scatter],
  );
  const scatterOpts = useMemo(
    () => (reply && scatter ? scatterOptions(scatter, lines, metric, reply, colors) : null),
    [reply, scatter, lines, metric, colors],
  );
  const histogram = useMemo(
    () => (reply ? histogramSeries(reply.histograms[metric]) : null),
    [reply, metric],
  );
  const histogramData = useMemo<uPlot.AlignedData | null>(
    () => (histogram ? [histogram.x, histogram.y] : null),
    [histogram],
  );
  const histogramOpts = useMemo(() => histogramOptions(metric, colors), [metric, colors]);

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
        over.title = index >= 0 ? `${scatter.names[index]} · ${formatDays(scatter.y[index] ?? 0)}` : "";
      };
      over.addEventListener("click", onClick);
      over.addEventListener("mousemove", onMove);
      return () => {
        over.removeEventListener("click", onClick);
        over.removeEventListener("mousemove", onMove);
      };
    },
    [scatter, openCard],
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
      <Control label="Measure">
        {(id) => (
          <>
            <Select id={id} value={metric} onChange={(e) => setMetric(e.target.value as TimeMetric)}>
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {metricNames[m]}
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
    <ChartPage workspaceId={workspaceId} spaceId={spaceId} title="Time" space={space} controls={controls}>
      {result.status === "error" ? <ChartError error={result.error} onRetry={result.retry} /> : null}
      {!reply && result.status === "loading" ? <ChartSkeleton label="Loading the time chart" /> : null}
      {reply && summary && scatter && scatterData && scatterOpts && histogramData ? (
        reply.points.length === 0 ? (
          <EmptyState icon="⏱" title="No completed cards in this period yet" size="sm">
            <p>Cards appear here once they reach a completed status. Try a longer period.</p>
          </EmptyState>
        ) : (
          <>
            <ChartFigure
              title={`${metricNames[metric]} per completed card`}
              summary={timeSummary(reply, metric)}
              isBusy={result.isReloading}
              side={
                <>
                  <dl className="chart-stats">
                    <dt>Cards</dt>
                    <dd>{formatNumber(summary.count)}</dd>
                    <dt>Median</dt>
                    <dd>{formatDays(summary.median)}</dd>
                    <dt>85th percentile</dt>
                    <dd>{formatDays(summary.p85)}</dd>
                    <dt>95th percentile</dt>
                    <dd>{formatDays(summary.p95)}</dd>
                    <dt>Average</dt>
                    <dd>
                      {summary.average === null ? "–" : formatDays(Math.round(summary.average * 10) / 10)}
                    </dd>
                  </dl>
                  <p className="chart-note">
                    Calendar days; a card done the day it was created counts 1 day. The median is the middle
                    value (for an even count, the mean of the two middle ones); the percentiles are observed
                    values by nearest rank. Click a point to open its card.
                  </p>
                  {scatter.x.length < reply.points.length ? (
                    <p className="chart-note">
                      {plural(reply.points.length - scatter.x.length, "completed card")} never started, so{" "}
                      {metricNames[metric].toLowerCase()} does not apply.
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
              title={`${metricNames[metric]} distribution`}
              summary={`How many cards took each number of days (${metricNames[metric].toLowerCase()}).`}
              table={
                <table className="chart-table">
                  <thead>
                    <tr>
                      <th scope="col">Days</th>
                      <th scope="col">Cards</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reply.histograms[metric].map((b) => (
                      <tr key={b.days}>
                        <td>{b.days}</td>
                        <td>{b.count}</td>
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
}) => (
  <table className="chart-table">
    <thead>
      <tr>
        <th scope="col">Card</th>
        <th scope="col">Completed</th>
        <th scope="col">{metricNames[metric]}</th>
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
          <td>{new Date((scatter.x[i] ?? 0) * 1000).toISOString().slice(0, 10)}</td>
          <td>{formatDays(scatter.y[i] ?? null)}</td>
        </tr>
      ))}
      {scatter.cardIds.length > 500 ? (
        <tr>
          <td colSpan={3}>… and {formatNumber(scatter.cardIds.length - 500)} more</td>
        </tr>
      ) : null}
    </tbody>
  </table>
);

const StatusTimeTable = ({ reply }: { reply: TimeChartReply }) => {
  const rows = statusTimeRows(reply);
  const total = rows.reduce((sum, r) => sum + r.days, 0);
  return (
    <section className="chart-figure chart-figure-table" aria-label="Time per status">
      <div className="chart-figure-main">
        <h2 className="chart-figure-title">Time per status</h2>
        <table className="chart-table chart-table-wide">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Days, summed over the completed cards</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.statusId}>
                <td>{r.name}</td>
                <td>{formatNumber(r.days)}</td>
                <td>{total > 0 ? `${Math.round((r.days / total) * 100)} %` : "–"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Blocked</th>
              <td>{formatNumber(reply.blocked.days)}</td>
              <td>
                {plural(reply.blocked.cards, "card")} {reply.blocked.cards === 1 ? "was" : "were"} blocked
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
};
