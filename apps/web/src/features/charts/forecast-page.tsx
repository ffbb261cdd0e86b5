/** Forecast view: burn-up (completed vs scope) with the Monte Carlo completion forecast as a fan. */
import type { ForecastChartReply } from "@lattice/domain";
import { useEffect, useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import type uPlot from "uplot";
import { chartQueries } from "../../api/charts";
import { useSpaceLabels } from "../../api/labels";
import { useWorkspaceMembers } from "../../api/members";
import { useTranslator } from "../../lib/i18n/i18n";
import { DateField } from "../../ui/date-field";
import { EmptyState } from "../../ui/empty-state";
import { Input, Select } from "../../ui/input";
import { chartCardFilterOf, FieldFilterControls } from "./chart-filters";
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
import { countAxis, dateAxis, pixelRatio, utcDate } from "./plot-options";
import { DEFAULT_WEEKS, forecastRequestOf } from "./requests";
import {
  burnupSeries,
  type ChartWords,
  type Fan,
  forecastDateSentences,
  forecastFan,
  forecastSummary,
  forecastXRange,
  formatDate,
  howManySentence,
  insufficientText,
  parseConfidences,
  secondsToIsoDate,
  stackRows,
  throughputSentence,
  todayIso,
} from "./shape";
import { UPlotChart } from "./uplot-chart";

/** Draws the fan, the today line and the labelled rays on the plot's canvas. */
const drawFan = (fan: Fan, colors: ChartColors, words: ChartWords) => (u: uPlot) => {
  const ctx = u.ctx;
  const px = (x: number) => u.valToPos(x, "x", true);
  const py = (y: number) => u.valToPos(y, "y", true);
  const ratio = pixelRatio();
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  // today
  ctx.strokeStyle = colors.faint;
  ctx.lineWidth = ratio;
  ctx.setLineDash([3 * ratio, 3 * ratio]);
  ctx.beginPath();
  ctx.moveTo(px(fan.origin.x), top);
  ctx.lineTo(px(fan.origin.x), top + height);
  ctx.stroke();
  // remaining scope, flat from today to the latest date
  const last = fan.rays.at(-1);
  if (last) {
    ctx.strokeStyle = colors.muted;
    ctx.beginPath();
    ctx.moveTo(px(fan.origin.x), py(fan.target));
    ctx.lineTo(px(last.x), py(fan.target));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (fan.polygon.length > 2) {
    ctx.fillStyle = withAlpha(colors.warning, 0.16);
    ctx.beginPath();
    for (const [i, p] of fan.polygon.entries()) {
      if (i === 0) ctx.moveTo(px(p.x), py(p.y));
      else ctx.lineTo(px(p.x), py(p.y));
    }
    ctx.closePath();
    ctx.fill();
  }
  fan.rays.forEach((ray) => {
    const isMain = ray.label === "most_likely";
    ctx.strokeStyle = colors.warning;
    ctx.lineWidth = (isMain ? 2.5 : 1.5) * ratio;
    ctx.setLineDash(isMain ? [] : [6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(px(fan.origin.x), py(fan.origin.y));
    ctx.lineTo(px(ray.x), py(ray.y));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colors.warning;
    ctx.beginPath();
    ctx.arc(px(ray.x), py(ray.y), 3.5 * ratio, 0, Math.PI * 2);
    ctx.fill();
  });
  ctx.restore();
  drawRayLabels(u, fan, colors, words);
};

/** Space above the plot for the date labels: one row per level at most. */
const labelRowHeight = 16;
const labelPadding = (fan: Fan | null): number => (fan ? 8 + labelRowHeight * fan.rays.length : 8);

/**
 * The levels' labels ("85% · Jan 24, 2027") sit above the plot, outside the fan, each over its date
 * with a dotted leader down to its dot; labels that would touch go on rows of their own.
 */
const drawRayLabels = (u: uPlot, fan: Fan, colors: ChartColors, words: ChartWords) => {
  const ctx = u.ctx;
  const ratio = pixelRatio();
  const { left, top, width } = u.bbox;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = "bottom";
  ctx.textAlign = "left";
  // Canvas text follows the page's direction; a label placed by its left edge is drawn left to right.
  ctx.direction = "ltr";
  const labels = fan.rays.map((ray) => {
    const text = words.t("charts.forecast.rayLabel", {
      share: ray.confidence / 100,
      date: formatDate(words, ray.date),
    });
    const textWidth = ctx.measureText(text).width;
    const x = u.valToPos(ray.x, "x", true);
    const textLeft = Math.min(Math.max(x - textWidth / 2, left), left + width - textWidth);
    return { text, x, dotY: u.valToPos(ray.y, "y", true), left: textLeft, right: textLeft + textWidth };
  });
  const rows = stackRows(labels, 10 * ratio);
  const baselines = labels.map((_, i) => top - (4 + labelRowHeight * (rows[i] ?? 0)) * ratio);
  // Leaders first, then every label with a halo, so a leader passing a lower row never crosses text.
  ctx.strokeStyle = colors.faint;
  ctx.lineWidth = ratio;
  ctx.setLineDash([2 * ratio, 2 * ratio]);
  labels.forEach((label, i) => {
    ctx.beginPath();
    ctx.moveTo(label.x, (baselines[i] ?? top) + 2 * ratio);
    ctx.lineTo(label.x, label.dotY - 4 * ratio);
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.lineWidth = 4 * ratio;
  ctx.lineJoin = "round";
  labels.forEach((label, i) => {
    ctx.strokeStyle = colors.bg;
    ctx.strokeText(label.text, label.left, baselines[i] ?? top);
    ctx.fillStyle = colors.text;
    ctx.fillText(label.text, label.left, baselines[i] ?? top);
  });
  ctx.restore();
};

const forecastOptions = (
  reply: ForecastChartReply,
  fan: Fan | null,
  colors: ChartColors,
  words: ChartWords,
): uPlot.Options => {
  const range = forecastXRange(reply, fan);
  const countValue = (_u: uPlot, v: number | null) => (v == null ? "–" : words.format.number(v));
  return {
    width: 0,
    height: 0,
    tzDate: utcDate,
    scales: {
      x: { time: true, range: () => range },
      y: { range: (_u, _min, max) => [0, Math.max(max, fan?.target ?? 0, 1) * 1.08] },
    },
    axes: [dateAxis(colors, words), countAxis(colors, words.t("charts.axis.cards"), words)],
    series: [
      // The legend under the plot reads the hovered day and counts in the person's locale.
      {
        label: words.t("charts.table.date"),
        value: (_u, v) => (v == null ? "–" : formatDate(words, secondsToIsoDate(v))),
      },
      { label: words.t("charts.forecast.series.scope"), stroke: colors.muted, width: 2, value: countValue },
      {
        label: words.t("charts.forecast.series.completed"),
        stroke: colors.accent,
        width: 2,
        fill: withAlpha(colors.accent, 0.1),
        value: countValue,
      },
    ],
    padding: [labelPadding(fan), null, null, null],
    cursor: { drag: { x: false, y: false } },
    hooks: fan ? { draw: [drawFan(fan, colors, words)] } : {},
  };
};

export const ForecastPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const space = useSpaceInfo(spaceId);
  const colors = useChartColors();
  const words = useTranslator();
  const { t } = words;
  const today = todayIso();
  const request = forecastRequestOf({ workspaceId, spaceId }, search, today, space);
  const { scopeKind, scope, windowWeeks, confidences, targetDate, responsibleId, labelId } = request;
  // Fields, like labels, belong to one space: a folder or workspace forecast leaves them out.
  const fields = scopeKind === "space" ? chartCardFilterOf(search).fields : undefined;
  const params = fields ? { ...request.params, fields } : request.params;

  const setParam = (key: string, value: string | null) => {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  const { members } = useWorkspaceMembers(workspaceId);
  const labels = useSpaceLabels(spaceId);

  // A folder forecast waits for the space's folder: asked for once it is known.
  const result = useChartData(chartQueries.forecast(scope ?? { kind: "space", id: spaceId }, params), {
    enabled: scope !== null,
  });

  const reply = result.data;
  useFollowedSpaces(reply?.spaceIds ?? [spaceId]);
  const fan = useMemo(() => (reply ? forecastFan(reply) : null), [reply]);
  const data = useMemo<uPlot.AlignedData | null>(() => {
    if (!reply) return null;
    const s = burnupSeries(reply);
    return [s.x, s.scope, s.completed];
  }, [reply]);
  const options = useMemo(
    () => (reply ? forecastOptions(reply, fan, colors, words) : null),
    [reply, fan, colors, words],
  );

  const [confidenceDraft, setConfidenceDraft] = useState(confidences.join(", "));
  const confidenceKey = confidences.join(",");
  useEffect(() => setConfidenceDraft(confidenceKey.split(",").join(", ")), [confidenceKey]);

  const controls = (
    <>
      <Control label={t("charts.forecast.scope")}>
        {(id) => (
          <>
            <Select
              id={id}
              value={scopeKind}
              onChange={(e) => setParam("scope", e.target.value === "space" ? null : e.target.value)}
            >
              <option value="space">{t("charts.forecast.scopeSpace")}</option>
              <option value="folder" disabled={!space?.folderId}>
                {space && !space.folderId
                  ? t("charts.forecast.scopeFolderNone")
                  : t("charts.forecast.scopeFolder")}
              </option>
              <option value="workspace">{t("charts.forecast.scopeWorkspace")}</option>
            </Select>
          </>
        )}
      </Control>
      <Control label={t("charts.forecast.history")} className="-narrow">
        {(id) => (
          <>
            <Input
              id={id}
              type="number"
              min={1}
              max={260}
              value={windowWeeks}
              onChange={(e) =>
                setParam("weeks", e.target.value === String(DEFAULT_WEEKS) ? null : e.target.value)
              }
            />
          </>
        )}
      </Control>
      <Control label={t("charts.forecast.confidence")}>
        {(id) => (
          <>
            <Input
              id={id}
              value={confidenceDraft}
              inputMode="numeric"
              aria-describedby="confidence-hint"
              onChange={(e) => setConfidenceDraft(e.target.value)}
              onBlur={() => {
                const list = parseConfidences(confidenceDraft.replace(/\s/g, ""));
                setParam("confidence", list.join(",") === "15,50,85" ? null : list.join(","));
                setConfidenceDraft(list.join(", "));
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") e.currentTarget.blur();
              }}
            />
            <span id="confidence-hint" className="visually-hidden">
              {t("charts.forecast.confidenceHint")}
            </span>
          </>
        )}
      </Control>
      <Control label={t("charts.forecast.howManyBy")}>
        {(id) => (
          <>
            <DateField
              id={id}
              label={t("charts.forecast.howManyBy")}
              value={targetDate || null}
              min={today}
              isClearable
              onChange={(day) => setParam("by", day)}
            />
          </>
        )}
      </Control>
      <Control label={t("charts.filter.responsible")}>
        {(id) => (
          <>
            <Select id={id} value={responsibleId} onChange={(e) => setParam("responsible", e.target.value)}>
              <option value="">{t("charts.filter.anyone")}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
          </>
        )}
      </Control>
      <Control label={t("charts.filter.label")}>
        {(id) => (
          <>
            <Select
              id={id}
              value={labelId}
              disabled={scopeKind !== "space"}
              title={scopeKind !== "space" ? t("charts.filter.labelsOneSpace") : undefined}
              onChange={(e) => setParam("label", e.target.value)}
            >
              <option value="">{t("charts.filter.anyLabel")}</option>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </Select>
          </>
        )}
      </Control>
      <FieldFilterControls
        workspaceId={workspaceId}
        spaceId={spaceId}
        search={search}
        setSearch={setSearch}
        disabled={scopeKind !== "space"}
      />
    </>
  );

  return (
    <ChartPage
      workspaceId={workspaceId}
      spaceId={spaceId}
      title={t("charts.forecast.title")}
      space={space}
      controls={controls}
    >
      {result.status === "error" ? <ChartError error={result.error} onRetry={result.retry} /> : null}
      {!reply && result.status === "loading" ? <ChartSkeleton label={t("charts.forecast.loading")} /> : null}
      {reply && data && options ? (
        <ForecastFigure
          reply={reply}
          data={data}
          options={options}
          isBusy={result.isReloading}
          scopeKind={scopeKind}
        />
      ) : null}
    </ChartPage>
  );
};

const ForecastFigure = ({
  reply,
  data,
  options,
  isBusy,
  scopeKind,
}: {
  reply: ForecastChartReply;
  data: uPlot.AlignedData;
  options: uPlot.Options;
  isBusy: boolean;
  scopeKind: string;
}) => {
  const words = useTranslator();
  const { t, format } = words;
  const f = reply.forecast;
  const howMany = f.status === "forecast" ? f.howMany : null;
  if (reply.burnup.length === 0) {
    return (
      <EmptyState icon="📈" title={t("charts.forecast.emptyTitle")} size="sm">
        <p>{t("charts.forecast.emptyBody", { scope: scopeKind })}</p>
      </EmptyState>
    );
  }
  const side = (
    <>
      {f.status === "forecast" ? (
        <>
          <h3 className="chart-side-title">{t("charts.forecast.completion")}</h3>
          <ul className="chart-levels">
            {forecastDateSentences(words, f).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className={`chart-notice${f.status === "done" ? " is-done" : ""}`} role="status">
          {f.status === "done" ? t("charts.forecast.done") : insufficientText(words, f)}
        </p>
      )}
      <p className="chart-note" data-testid="throughput-samples">
        {throughputSentence(words, f)}
      </p>
      {f.status === "forecast" && howMany ? (
        <>
          <h3 className="chart-side-title">
            {t("charts.forecast.howManyTitle", { date: formatDate(words, howMany.targetDate) })}
          </h3>
          <ul className="chart-levels">
            {howMany.levels.map((level) => (
              <li key={level.confidence}>{howManySentence(words, level, howMany.remaining)}</li>
            ))}
          </ul>
          <p className="chart-note">
            {t("charts.forecast.howManyNote", { weeks: howMany.weeks, trials: f.trials })}
          </p>
        </>
      ) : null}
    </>
  );
  const table = (
    <table className="chart-table">
      <caption>{t("charts.forecast.tableCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("charts.table.date")}</th>
          <th scope="col">{t("charts.forecast.series.scope")}</th>
          <th scope="col">{t("charts.forecast.series.completed")}</th>
        </tr>
      </thead>
      <tbody>
        {reply.burnup.map((p) => (
          <tr key={p.date}>
            <td>{formatDate(words, p.date)}</td>
            <td>{format.number(p.scope)}</td>
            <td>{format.number(p.completed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      title={t("charts.forecast.figure")}
      summary={forecastSummary(words, reply)}
      side={side}
      table={table}
      isBusy={isBusy}
    >
      <UPlotChart name="forecast" options={options} data={data} height={380} />
    </ChartFigure>
  );
};
