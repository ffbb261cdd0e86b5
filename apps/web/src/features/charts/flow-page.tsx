/** Cumulative flow view: cards per status (board order) at the end of each day, stacked. */
import type { CumulativeFlowReply } from "@lattice/domain";
import { useMemo } from "react";
import { useParams, useSearchParams } from "react-router";
import type uPlot from "uplot";
import { chartsApi } from "../../api/charts";
import { EmptyState } from "../../ui/empty-state";
import { CardFilterControls, chartCardFilterOf } from "./chart-filters";
import { ChartError, ChartFigure, ChartPage, ChartSkeleton, useChartData, useSpaceInfo } from "./chart-page";
import { type ChartColors, statusColors, useChartColors } from "./colors";
import { PeriodControls } from "./period-controls";
import { countAxis, dateAxis, utcDate } from "./plot-options";
import {
  type FlowSeries,
  flowSeries,
  flowSummary,
  formatDate,
  formatDuration,
  formatMeasure,
  formatNumber,
  periodFromQuery,
  plural,
  todayIso,
} from "./shape";
import { UPlotChart } from "./uplot-chart";

const flowOptions = (series: FlowSeries, fills: string[], colors: ChartColors): uPlot.Options => ({
  width: 0,
  height: 0,
  tzDate: utcDate,
  scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.05] } },
  axes: [dateAxis(colors), countAxis(colors, "Cards")],
  // The first status is the top layer: drawn first, each later (lower) layer paints over it.
  series: [
    {
      value: (_u, v) => (v == null ? "" : new Date(v * 1000).toISOString().slice(0, 10)),
    },
    ...series.layers.map((layer, i) => ({
      label: layer.name,
      stroke: colors.bg,
      width: 1,
      fill: fills[i] ?? colors.accent,
      points: { show: false },
      value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) =>
        idx == null ? "" : String(layer.counts[idx] ?? ""),
    })),
  ],
  legend: { show: false },
  cursor: { drag: { x: true, y: false } },
});

export const FlowPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const space = useSpaceInfo(spaceId);
  const colors = useChartColors();
  const period = periodFromQuery(search, todayIso());
  const filter = chartCardFilterOf(search);
  const key = JSON.stringify([spaceId, period.from, period.to, filter]);
  const result = useChartData(key, (signal) =>
    chartsApi.cumulativeFlow(spaceId, { from: period.from, to: period.to, ...filter }, signal),
  );
  const reply = result.data;
  const series = useMemo(() => (reply ? flowSeries(reply) : null), [reply]);
  const fills = useMemo(() => (series ? statusColors(series.layers, colors) : []), [series, colors]);
  const data = useMemo<uPlot.AlignedData | null>(
    () => (series ? [series.x, ...series.layers.map((l) => l.top)] : null),
    [series],
  );
  const options = useMemo(
    () => (series ? flowOptions(series, fills, colors) : null),
    [series, fills, colors],
  );

  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title="Cumulative flow"
      space={space}
      controls={
        <>
          <PeriodControls preset={period.preset} from={period.from} to={period.to} setSearch={setSearch} />
          <CardFilterControls
            workspaceId={workspaceId}
            spaceId={spaceId}
            search={search}
            setSearch={setSearch}
          />
        </>
      }
    >
      {result.status === "error" ? <ChartError error={result.error} onRetry={result.retry} /> : null}
      {!reply && result.status === "loading" ? <ChartSkeleton label="Loading the cumulative flow" /> : null}
      {reply && series && data && options ? (
        reply.statuses.length === 0 || reply.days.every((d) => d.counts.every((c) => c === 0)) ? (
          <EmptyState icon="▤" title="No cards in this period yet" size="sm">
            <p>The flow shows how many cards stood in each status at the end of every day.</p>
          </EmptyState>
        ) : (
          <ChartFigure
            title="Cards per status, day by day"
            summary={flowSummary(reply)}
            isBusy={result.isReloading}
            side={<FlowSide reply={reply} series={series} fills={fills} />}
            table={<FlowTable reply={reply} />}
          >
            <UPlotChart name="flow" options={options} data={data} height={380} />
          </ChartFigure>
        )
      ) : null}
    </ChartPage>
  );
};

const FlowSide = ({
  reply,
  series,
  fills,
}: {
  reply: CumulativeFlowReply;
  series: FlowSeries;
  fills: string[];
}) => (
  <>
    <dl className="chart-stats">
      <dt>Current WIP</dt>
      <dd>{formatNumber(reply.currentWip)}</dd>
      <dt>Average WIP</dt>
      <dd>{formatMeasure(reply.averageWip)}</dd>
      <dt>Throughput</dt>
      <dd>
        {formatMeasure(reply.throughputPerDay)} / day ({formatNumber(reply.completions)} completed)
      </dd>
      <dt>Average cycle time</dt>
      <dd>{reply.approximateCycleDays === null ? "–" : `≈ ${formatDuration(reply.approximateCycleDays)}`}</dd>
    </dl>
    <p className="chart-note">
      {reply.measuredFrom === null
        ? "No card existed yet in this period."
        : `Averages over ${plural(reply.measuredDays, "day")} since ${formatDate(reply.measuredFrom)}${
            reply.measuredFrom === reply.from ? "" : ", when the first card was created"
          }. `}
      The cycle time here is approximate: average WIP divided by throughput (Little's law), not measured per
      card. The Time view measures it.
    </p>
    <ul className="chart-legend" aria-label="Statuses, in board order">
      {series.layers.map((layer, i) => (
        <li key={layer.statusId} className="chart-legend-item">
          <span className="chart-swatch" style={{ background: fills[i] }} aria-hidden="true" />
          {layer.name}
        </li>
      ))}
    </ul>
  </>
);

const FlowTable = ({ reply }: { reply: CumulativeFlowReply }) => (
  <table className="chart-table">
    <thead>
      <tr>
        <th scope="col">Date</th>
        {reply.statuses.map((s) => (
          <th key={s.id} scope="col">
            {s.name}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {reply.days.map((d) => (
        <tr key={d.date}>
          <td>{d.date}</td>
          {reply.statuses.map((s, i) => (
            <td key={s.id}>{d.counts[i] ?? 0}</td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);
