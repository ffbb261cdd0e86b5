/**
 * The figures of a space or folder on the workspace dashboard: a bar of its cards by status role,
 * the span of its dates, its late and blocked counts, and a burn-up sparkline (done against scope,
 * weekly over the last 12 weeks).
 */
import type { SparklinePoint } from "@lattice/domain";

export interface Figures {
  total: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  late: number;
  blocked: number;
  startDate: string | null;
  dueDate: string | null;
  burnup: SparklinePoint[];
}

const spanFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
const spanFormatYear = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateText = (day: string, withYear: boolean) =>
  (withYear ? spanFormatYear : spanFormat).format(new Date(`${day}T00:00:00Z`));

/** "3 Mar – 30 Apr 2027", or one date when the span is one day. */
export const spanText = (start: string, end: string) =>
  start === end
    ? dateText(end, true)
    : `${dateText(start, start.slice(0, 4) !== end.slice(0, 4))} – ${dateText(end, true)}`;

const WIDTH = 96;
const HEIGHT = 28;

/** Done (filled) under scope (line), both on the scale of the largest scope. */
const Sparkline = ({ points, name }: { points: SparklinePoint[]; name: string }) => {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const max = Math.max(1, ...points.map((p) => p.scope));
  const x = (i: number) => (points.length === 1 ? WIDTH : (i / (points.length - 1)) * WIDTH);
  const y = (v: number) => HEIGHT - 1 - (v / max) * (HEIGHT - 2);
  const line = (pick: (p: SparklinePoint) => number) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const area = `0,${HEIGHT} ${line((p) => p.completed)} ${WIDTH},${HEIGHT}`;
  return (
    <svg
      className="space-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${name} burn-up: ${last.completed} of ${last.scope} done now, ${first.completed} of ${first.scope} twelve weeks ago`}
    >
      <polygon className="space-sparkline-done" points={area} />
      <polyline className="space-sparkline-scope" points={line((p) => p.scope)} />
    </svg>
  );
};

const roles = [
  ["notStarted", "not started"],
  ["inProgress", "in progress"],
  ["completed", "done"],
] as const;

export const DashboardFigures = ({ figures, name }: { figures: Figures | undefined; name: string }) => {
  if (!figures) return <span className="space-tile-meta muted">Counting…</span>;
  if (figures.total === 0) return <span className="space-tile-meta muted">No cards yet</span>;
  const percent = Math.round((figures.completed / figures.total) * 100);
  const label = roles.map(([key, text]) => `${figures[key]} ${text}`).join(", ");
  return (
    <>
      <span className="space-progress">
        <span className="space-role-bar" role="img" aria-label={`${name}: ${percent}% done (${label})`}>
          {roles.map(([key]) =>
            figures[key] > 0 ? (
              <span
                key={key}
                className={`space-role-part space-role-${key}`}
                style={{ flexGrow: figures[key] }}
                title={`${figures[key]} ${roles.find(([k]) => k === key)?.[1] ?? ""}`}
              />
            ) : null,
          )}
        </span>
        <span className="space-tile-meta">
          {figures.completed} of {figures.total} done
        </span>
      </span>
      <span className="space-role-legend muted">{label}</span>
      <span className="space-tile-row">
        <span className="space-tile-meta muted">
          {figures.startDate && figures.dueDate ? spanText(figures.startDate, figures.dueDate) : "No dates"}
        </span>
        <Sparkline points={figures.burnup} name={name} />
      </span>
      <span className="space-flags">
        <span className={`space-flag${figures.late > 0 ? " is-late" : ""}`}>{figures.late} late</span>
        <span className={`space-flag${figures.blocked > 0 ? " is-blocked" : ""}`}>
          {figures.blocked} blocked
        </span>
      </span>
    </>
  );
};
