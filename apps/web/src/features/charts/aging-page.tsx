/**
 * Aging work in progress: one dot per open in-progress card at its status and age, over bands of
 * the ages at which completed cards left each status (50th, 70th, 85th and 95th percentiles). Drawn
 * as SVG: a dot is a link to its card, so it is reachable by keyboard and read by screen readers.
 */
import { type AgingChartReply, type AgingDotReply, agingRiskText } from "@lattice/domain";
import type { MouseEvent } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { chartsApi } from "../../api/charts";
import { EmptyState } from "../../ui/empty-state";
import { ageBadgeText } from "../aging/age-badge";
import { CardFilterControls, chartCardFilterOf } from "./chart-filters";
import { ChartError, ChartFigure, ChartPage, ChartSkeleton, useChartData, useSpaceInfo } from "./chart-page";
import { PeriodControls } from "./period-controls";
import { ServiceLevelsForm } from "./service-levels-form";
import { formatDuration, formatNumber, periodFromQuery, plural, todayIso } from "./shape";

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

export const agingSummary = (reply: AgingChartReply): string => {
  const { expectation } = reply;
  const sle = expectation.isEnough
    ? `85 % of cards finished within ${plural(expectation.p85 ?? 0, "day")} (median ${formatDuration(expectation.p50 ?? 0)}, ${plural(expectation.sampleSize, "card")})`
    : `Not enough history for an expectation yet (${plural(expectation.sampleSize, "completed card")}, at least 5 needed)`;
  const atRisk = reply.dots.filter((d) => d.risk === "at_risk" || d.risk === "breached").length;
  return `${sle}. ${plural(reply.dots.length, "card")} in progress, ${formatNumber(atRisk)} at risk.`;
};

export const AgingPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const space = useSpaceInfo(spaceId);
  const period = periodFromQuery(search, todayIso());
  const filter = chartCardFilterOf(search);
  const key = JSON.stringify([spaceId, period.from, period.to, filter]);
  const result = useChartData(key, (signal) =>
    chartsApi.agingChart(spaceId, { from: period.from, to: period.to, ...filter }, signal),
  );
  const reply = result.data;
  const openCard = (cardId: string) => {
    void navigate(`/w/${workspaceId}/s/${spaceId}/c/${cardId}`);
  };

  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title="Aging work in progress"
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
      {!reply && result.status === "loading" ? <ChartSkeleton label="Loading the aging chart" /> : null}
      {reply ? (
        reply.bands.length === 0 ? (
          <EmptyState icon="◷" title="No in-progress status" size="sm">
            <p>The aging chart shows cards in statuses whose role is “in progress”.</p>
          </EmptyState>
        ) : (
          <ChartFigure
            title="Age of the cards in progress"
            summary={agingSummary(reply)}
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
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(t * top));
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
      aria-label="Cards in progress by status and age in days"
      data-chart="aging"
    >
      <title>Cards in progress by status and age in days</title>
      {ticks.map((t) => (
        <g key={t}>
          <line className="aging-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
          <text className="aging-axis" x={MARGIN.left - 8} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      <text
        className="aging-axis"
        transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        Age (days)
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
                <title>{`${statusName.get(band.statusId) ?? ""}: ${layer.to.slice(1)} % of completed cards left by day ${hi}`}</title>
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
            {band.count > 0 ? `${plural(band.count, "card")} passed` : "no history"}
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
            Target {plural(reply.spaceTargetDays, "day")}
          </text>
        </g>
      ) : null}
      {reply.dots.map((dot) => {
        const column = columns.findIndex((b) => b.statusId === dot.statusId);
        if (column < 0) return null;
        const cx = x(column) + (spread.get(dot.cardId) ?? 0);
        const cy = y(dot.ageDays);
        const label = `${dot.name}: ${ageBadgeText(dot.ageDays, dot.risk)} in ${statusName.get(dot.statusId) ?? ""}${dot.isBlocked ? ", blocked" : ""}`;
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

const AgingSide = ({ reply }: { reply: AgingChartReply }) => (
  <>
    <dl className="chart-stats">
      <dt>50th percentile</dt>
      <dd>{reply.expectation.p50 === null ? "–" : formatDuration(reply.expectation.p50)}</dd>
      <dt>85th percentile</dt>
      <dd>{reply.expectation.p85 === null ? "–" : formatDuration(reply.expectation.p85)}</dd>
      <dt>Space target</dt>
      <dd>{reply.spaceTargetDays === null ? "none" : plural(reply.spaceTargetDays, "day")}</dd>
    </dl>
    <p className="chart-note">
      Ages and cycle times are calendar days from a card's first start, both ends counted (as on the Time
      chart). Green: below the median; amber: past it; red: past the target (a label's, else the space's, else
      the 85th percentile). A diamond is a blocked card.
    </p>
    <ul className="chart-legend" aria-label="Bands">
      <li className="chart-legend-item">
        <span className="chart-swatch aging-band-50" aria-hidden="true" />
        up to the 50th percentile
      </li>
      <li className="chart-legend-item">
        <span className="chart-swatch aging-band-70" aria-hidden="true" />
        50th to 70th
      </li>
      <li className="chart-legend-item">
        <span className="chart-swatch aging-band-85" aria-hidden="true" />
        70th to 85th
      </li>
      <li className="chart-legend-item">
        <span className="chart-swatch aging-band-95" aria-hidden="true" />
        85th to 95th
      </li>
    </ul>
  </>
);

const AgingTable = ({ reply, onOpen }: { reply: AgingChartReply; onOpen: (cardId: string) => void }) => {
  const statusName = new Map(reply.statuses.map((s) => [s.id, s.name]));
  return (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">Card</th>
          <th scope="col">Status</th>
          <th scope="col">Age</th>
          <th scope="col">Risk</th>
          <th scope="col">Blocked</th>
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
            <td>{plural(d.ageDays, "day")}</td>
            <td>{d.risk === null ? "–" : agingRiskText[d.risk]}</td>
            <td>{d.isBlocked ? "yes" : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
