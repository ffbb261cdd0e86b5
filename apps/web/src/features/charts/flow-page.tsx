/** Cumulative flow view: cards per status (board order) at the end of each day, stacked. */
import type { CumulativeFlowReply } from "@lattice/domain";
import { useMemo } from "react";
import { useParams, useSearchParams } from "react-router";
import type uPlot from "uplot";
import { chartQueries } from "../../api/charts";
import { useTranslator } from "../../lib/i18n/i18n";
import { EmptyState } from "../../ui/empty-state";
import { CardFilterControls, chartCardFilterOf } from "./chart-filters";
import {
  ChartError,
  ChartFigure,
  ChartPage,
  ChartSkeleton,
  useChartData,
  useFollowedSpaces,
  useSpaceInfo,
} from "./chart-page";
import { type ChartColors, statusColors, useChartColors } from "./colors";
import { PeriodControls } from "./period-controls";
import { countAxis, dateAxis, utcDate } from "./plot-options";
import {
  type ChartWords,
  type FlowSeries,
  flowSeries,
  flowSummary,
  formatDate,
  formatDuration,
  formatMeasure,
  formatNumber,
  periodFromQuery,
  secondsToIsoDate,
  todayIso,
} from "./shape";
import { UPlotChart } from "./uplot-chart";

const flowOptions = (
  series: FlowSeries,
  fills: string[],
  colors: ChartColors,
  words: ChartWords,
): uPlot.Options => ({
  width: 0,
  height: 0,
  tzDate: utcDate,
  scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.05] } },
  axes: [dateAxis(colors, words), countAxis(colors, words.t("charts.axis.cards"), words)],
  // The first status is the top layer: drawn first, each later (lower) layer paints over it.
  series: [
    {
      value: (_u, v) => (v == null ? "" : formatDate(words, secondsToIsoDate(v))),
    },
    ...series.layers.map((layer, i) => ({
      label: layer.name,
      stroke: colors.bg,
      width: 1,
      fill: fills[i] ?? colors.accent,
      points: { show: false },
      value: (_u: uPlot, _v: number | null, _s: number, idx: number | null) =>
        idx == null ? "" : words.format.number(layer.counts[idx] ?? 0),
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
  const words = useTranslator();
  const { t } = words;
  const period = periodFromQuery(search, todayIso());
  const filter = chartCardFilterOf(search);
  const result = useChartData(
    chartQueries.cumulativeFlow(spaceId, { from: period.from, to: period.to, ...filter }),
  );
  useFollowedSpaces([spaceId]);
  const reply = result.data;
  const series = useMemo(() => (reply ? flowSeries(reply) : null), [reply]);
  const fills = useMemo(() => (series ? statusColors(series.layers, colors) : []), [series, colors]);
  const data = useMemo<uPlot.AlignedData | null>(
    () => (series ? [series.x, ...series.layers.map((l) => l.top)] : null),
    [series],
  );
  const options = useMemo(
    () => (series ? flowOptions(series, fills, colors, words) : null),
    [series, fills, colors, words],
  );

  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title={t("charts.flow.title")}
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
      {!reply && result.status === "loading" ? <ChartSkeleton label={t("charts.flow.loading")} /> : null}
      {reply && series && data && options ? (
        reply.statuses.length === 0 || reply.days.every((d) => d.counts.every((c) => c === 0)) ? (
          <EmptyState icon="▤" title={t("charts.flow.emptyTitle")} size="sm">
            <p>{t("charts.flow.emptyBody")}</p>
          </EmptyState>
        ) : (
          <ChartFigure
            title={t("charts.flow.figure")}
            summary={flowSummary(words, reply)}
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
}) => {
  const words = useTranslator();
  const { t } = words;
  return (
    <>
      <dl className="chart-stats">
        <dt>{t("charts.flow.currentWip")}</dt>
        <dd>{formatNumber(words, reply.currentWip)}</dd>
        <dt>{t("charts.flow.averageWip")}</dt>
        <dd>{formatMeasure(words, reply.averageWip)}</dd>
        <dt>{t("charts.flow.throughput")}</dt>
        <dd>
          {t("charts.flow.throughputValue", {
            rate: formatMeasure(words, reply.throughputPerDay),
            completed: reply.completions,
          })}
        </dd>
        <dt>{t("charts.flow.averageCycle")}</dt>
        <dd>
          {reply.approximateCycleDays === null
            ? "–"
            : t("charts.flow.approximately", { duration: formatDuration(words, reply.approximateCycleDays) })}
        </dd>
      </dl>
      <p className="chart-note">
        {reply.measuredFrom === null
          ? t("charts.flow.noCards")
          : t(
              reply.measuredFrom === reply.from
                ? "charts.flow.averagesOver"
                : "charts.flow.averagesOverFirst",
              {
                days: reply.measuredDays,
                date: formatDate(words, reply.measuredFrom),
              },
            )}{" "}
        {t("charts.flow.littleNote")}
      </p>
      <ul className="chart-legend" aria-label={t("charts.flow.legend")}>
        {series.layers.map((layer, i) => (
          <li key={layer.statusId} className="chart-legend-item">
            <span className="chart-swatch" style={{ background: fills[i] }} aria-hidden="true" />
            {layer.name}
          </li>
        ))}
      </ul>
    </>
  );
};

const FlowTable = ({ reply }: { reply: CumulativeFlowReply }) => {
  const words = useTranslator();
  return (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">{words.t("charts.table.date")}</th>
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
            <td>{formatDate(words, d.date)}</td>
            {reply.statuses.map((s, i) => (
              <td key={s.id}>{words.format.number(d.counts[i] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
