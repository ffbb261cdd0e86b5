/**
 * Aging work in progress: one dot per open in-progress card at its status and age, over bands of
 * the ages at which completed cards left each status (50th, 70th, 85th and 95th percentiles). Drawn
 * as SVG: a dot is a link to its card, so it is reachable by keyboard and read by screen readers.
 */
import type { AgingChartReply, AgingDotReply } from "@lattice/domain";
import type { MouseEvent } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
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
import { PeriodControls } from "./period-controls";
import { ServiceLevelsForm } from "./service-levels-form";
import { type ChartWords, formatDuration, periodFromQuery, todayIso } from "./shape";

const WIDTH = 720;
const HEIGHT = 380;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };

/** Round days up to a readable axis maximum whose quarters are whole days. */
const niceMax = (value: number): number => {
  const steps = [4, 8, 12, 16, 20, 24, 32, 40, 60, 80, 100, 120, 160, 200, 280, 360];
  return steps.find((s) => s >= value) ?? Math.ceil(value / 400) * 400;
};

/** Spread the dots of one status and age sideways so they do not hide each other. */
const offsets = (dots: readonly AgingDotReply[]): Map<string, number> => {
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const d of dots) {
    const key = `${d.statusId}:${d.ageDays}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(d.cardId, n === 0 ? 0 : (n % 2 === 1 ? 1 : -1) * Math.ceil(n / 2) * 10);
  }
  return out;
};

export const agingSummary = (words: ChartWords, reply: AgingChartReply): string => {
  const { expectation } = reply;
  const sle = expectation.isEnough
    ? words.t("charts.aging.expectation", {
        p85: expectation.p85 ?? 0,
        median: formatDuration(words, expectation.p50 ?? 0),
        sample: expectation.sampleSize,
      })
    : words.t("charts.aging.noExpectation", { sample: expectation.sampleSize });
  const atRisk = reply.dots.filter((d) => d.risk === "at_risk" || d.risk === "breached").length;
  return words.t("charts.aging.summary", { expectation: sle, count: reply.dots.length, atRisk });
};

export const AgingPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const space = useSpaceInfo(spaceId);
  const words = useTranslator();
  const { t } = words;
  const period = periodFromQuery(search, todayIso());
  const filter = chartCardFilterOf(search);
  const result = useChartData(chartQueries.aging(spaceId, { from: period.from, to: period.to, ...filter }));
  useFollowedSpaces([spaceId]);
  const reply = result.data;
  const openCard = (cardId: string) => {
    void navigate(`/w/${workspaceId}/s/${spaceId}/c/${cardId}`);
  };

  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title={t("charts.aging.title")}
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
      {!reply && result.status === "loading" ? <ChartSkeleton label={t("charts.aging.loading")} /> : null}
      {reply ? (
        reply.bands.length === 0 ? (
          <EmptyState icon="◷" title={t("charts.aging.emptyTitle")} size="sm">
            <p>{t("charts.aging.emptyBody")}</p>
          </EmptyState>
        ) : (
          <ChartFigure
            title={t("charts.aging.figure")}
            summary={agingSummary(words, reply)}
            isBusy={result.isReloading}
            side={<AgingSide reply={reply} />}
            table={<AgingTable reply={reply} onOpen={openCard} />}
          >
            <AgingPlot
              reply={reply}
              hrefOf={(id) => `/w/${workspaceId}/s/${spaceId}/c/${id}`}
              onOpen={openCard}
            />
          </ChartFigure>
        )
      ) : null}
      <ServiceLevelsForm spaceId={spaceId} onChanged={result.retry} />
    </ChartPage>
  );
};

const AgingPlot = ({
  reply,
  hrefOf,
  onOpen,
}: {
  reply: AgingChartReply;
  hrefOf: (cardId: string) => string;
  onOpen: (cardId: string) => void;
}) => {
  const { t, format } = useTranslator();
  const statusName = new Map(reply.statuses.map((s) => [s.id, s.name]));
  const columns = reply.bands;
  const top = niceMax(
    Math.max(
      5,
      ...reply.dots.map((d) => d.ageDays),
      ...columns.map((b) => b.p95 ?? 0),
      reply.spaceTargetDays ?? 0,
    ) * 1.05,
  );
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const colW = plotW / columns.length;
  const y = (days: number) => MARGIN.top + plotH - (Math.min(days, top) / top) * plotH;
  const x = (index: number) => MARGIN.left + colW * (index + 0.5);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => Math.round(share * top));
  const spread = offsets(reply.dots);
  const handleClick = (event: MouseEvent, cardId: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(cardId);
  };
  const bandLayers = [
    { from: 0, to: "p50", className: "aging-band-50" },
    { from: "p50", to: "p70", className: "aging-band-70" },
    { from: "p70", to: "p85", className: "aging-band-85" },
    { from: "p85", to: "p95", className: "aging-band-95" },
  ] as const;
  return (
    <svg
      className="aging-plot"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-label={t("charts.aging.plot")}
      data-chart="aging"
    >
      <title>{t("charts.aging.plot")}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="aging-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text className="aging-axis" x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end">
            {format.number(tick)}
          </text>
        </g>
      ))}
      <text
        className="aging-axis"
        transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {t("charts.aging.axis")}
      </text>
      {columns.map((band, i) => (
        <g key={band.statusId} data-status={band.statusId}>
          {bandLayers.map((layer) => {
            const lo = layer.from === 0 ? 0 : band[layer.from];
            const hi = band[layer.to];
            if (lo === null || hi === null || hi <= lo) return null;
            return (
              <rect
                key={layer.className}
                className={`aging-band ${layer.className}`}
                x={x(i) - colW / 2 + 4}
                width={colW - 8}
                y={y(hi)}
                height={y(lo) - y(hi)}
              >
                <title>
                  {t("charts.aging.band", {
                    status: statusName.get(band.statusId) ?? "",
                    share: Number(layer.to.slice(1)),
                    day: hi,
                  })}
                </title>
              </rect>
            );
          })}
          <text
            className="aging-axis aging-column-name"
            x={x(i)}
            y={HEIGHT - MARGIN.bottom + 18}
            textAnchor="middle"
          >
            {statusName.get(band.statusId) ?? ""}
          </text>
          <text
            className="aging-axis aging-column-count"
            x={x(i)}
            y={HEIGHT - MARGIN.bottom + 32}
            textAnchor="middle"
          >
            {band.count > 0 ? t("charts.aging.passed", { count: band.count }) : t("charts.aging.noHistory")}
          </text>
        </g>
      ))}
      {reply.spaceTargetDays !== null ? (
        <g>
          <line
            className="aging-target"
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(reply.spaceTargetDays)}
            y2={y(reply.spaceTargetDays)}
          />
          <text
            className="aging-axis"
            x={WIDTH - MARGIN.right}
            y={y(reply.spaceTargetDays) - 4}
            textAnchor="end"
          >
            {t("charts.aging.targetLine", { days: reply.spaceTargetDays })}
          </text>
        </g>
      ) : null}
      {reply.dots.map((dot) => {
        const column = columns.findIndex((b) => b.statusId === dot.statusId);
        if (column < 0) return null;
        const cx = x(column) + (spread.get(dot.cardId) ?? 0);
        const cy = y(dot.ageDays);
        const label = t("charts.aging.dot", {
          name: dot.name,
          age: dot.ageDays,
          risk: dot.risk ?? "none",
          status: statusName.get(dot.statusId) ?? "",
          blocked: dot.isBlocked ? "yes" : "no",
        });
        return (
          <a
            key={dot.cardId}
            href={hrefOf(dot.cardId)}
            className={`aging-dot risk-${dot.risk ?? "none"}${dot.isBlocked ? " is-blocked" : ""}`}
            aria-label={label}
            data-card-id={dot.cardId}
            onClick={(event) => handleClick(event, dot.cardId)}
          >
            <title>{label}</title>
            {dot.isBlocked ? (
              <rect x={cx - 6} y={cy - 6} width={12} height={12} transform={`rotate(45 ${cx} ${cy})`} />
            ) : (
              <circle cx={cx} cy={cy} r={6} />
            )}
          </a>
        );
      })}
    </svg>
  );
};

const AgingSide = ({ reply }: { reply: AgingChartReply }) => {
  const words = useTranslator();
  const { t } = words;
  return (
    <>
      <dl className="chart-stats">
        <dt>{t("charts.percentile.p50")}</dt>
        <dd>{reply.expectation.p50 === null ? "–" : formatDuration(words, reply.expectation.p50)}</dd>
        <dt>{t("charts.percentile.p85")}</dt>
        <dd>{reply.expectation.p85 === null ? "–" : formatDuration(words, reply.expectation.p85)}</dd>
        <dt>{t("charts.aging.spaceTarget")}</dt>
        <dd>
          {reply.spaceTargetDays === null
            ? t("charts.aging.none")
            : t("charts.unit.days", { count: reply.spaceTargetDays })}
        </dd>
      </dl>
      <p className="chart-note">{t("charts.aging.note")}</p>
      <ul className="chart-legend" aria-label={t("charts.aging.bands")}>
        <li className="chart-legend-item">
          <span className="chart-swatch aging-band-50" aria-hidden="true" />
          {t("charts.aging.band50")}
        </li>
        <li className="chart-legend-item">
          <span className="chart-swatch aging-band-70" aria-hidden="true" />
          {t("charts.aging.band70")}
        </li>
        <li className="chart-legend-item">
          <span className="chart-swatch aging-band-85" aria-hidden="true" />
          {t("charts.aging.band85")}
        </li>
        <li className="chart-legend-item">
          <span className="chart-swatch aging-band-95" aria-hidden="true" />
          {t("charts.aging.band95")}
        </li>
      </ul>
    </>
  );
};

const AgingTable = ({ reply, onOpen }: { reply: AgingChartReply; onOpen: (cardId: string) => void }) => {
  const { t } = useTranslator();
  const statusName = new Map(reply.statuses.map((s) => [s.id, s.name]));
  return (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">{t("charts.table.card")}</th>
          <th scope="col">{t("charts.table.status")}</th>
          <th scope="col">{t("charts.aging.age")}</th>
          <th scope="col">{t("charts.aging.risk")}</th>
          <th scope="col">{t("charts.aging.blocked")}</th>
        </tr>
      </thead>
      <tbody>
        {reply.dots.map((d) => (
          <tr key={d.cardId}>
            <td>
              <button type="button" className="chart-link" onClick={() => onOpen(d.cardId)}>
                {d.name}
              </button>
            </td>
            <td>{statusName.get(d.statusId) ?? ""}</td>
            <td>{t("charts.unit.days", { count: d.ageDays })}</td>
            <td>{t("charts.aging.riskText", { risk: d.risk ?? "none" })}</td>
            <td>{d.isBlocked ? t("charts.aging.yes") : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
