/**
 * The figures of a space or folder on the workspace dashboard: a bar of its cards by status role,
 * the span of its dates, its late and blocked counts, and a burn-up sparkline (done against scope,
 * weekly over the last 12 weeks).
 */

import type { SparklinePoint } from "@lattice/domain";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";

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

const WIDTH = 96;
const HEIGHT = 28;

/** Done (filled) under scope (line), both on the scale of the largest scope. */
const Sparkline = ({ points, name }: { points: SparklinePoint[]; name: string }) => {
  const { t } = useTranslator();
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
      aria-label={t("home.figures.burnup", {
        name,
        doneNow: last.completed,
        scopeNow: last.scope,
        doneThen: first.completed,
        scopeThen: first.scope,
      })}
    >
      <polygon className="space-sparkline-done" points={area} />
      <polyline className="space-sparkline-scope" points={line((p) => p.scope)} />
    </svg>
  );
};

const roles = [
  ["notStarted", "home.figures.notStarted"],
  ["inProgress", "home.figures.inProgress"],
  ["completed", "home.figures.done"],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

export const DashboardFigures = ({ figures, name }: { figures: Figures | undefined; name: string }) => {
  const { t, format } = useTranslator();
  if (!figures) return <span className="space-tile-meta muted">{t("home.figures.counting")}</span>;
  if (figures.total === 0) return <span className="space-tile-meta muted">{t("home.figures.noCards")}</span>;
  const share = Math.round((figures.completed / figures.total) * 100) / 100;
  const roleText = (key: (typeof roles)[number][0], text: MessageKey) => t(text, { count: figures[key] });
  const label = t("home.figures.roleList", {
    notStarted: roleText("notStarted", "home.figures.notStarted"),
    inProgress: roleText("inProgress", "home.figures.inProgress"),
    done: roleText("completed", "home.figures.done"),
  });
  return (
    <>
      <span className="space-progress">
        <span
          className="space-role-bar"
          role="img"
          aria-label={t("home.figures.progress", { name, share, roles: label })}
        >
          {roles.map(([key]) =>
            figures[key] > 0 ? (
              <span
                key={key}
                className={`space-role-part space-role-${key}`}
                style={{ flexGrow: figures[key] }}
                title={roleText(key, roles.find(([k]) => k === key)?.[1] ?? "home.figures.done")}
              />
            ) : null,
          )}
        </span>
        <span className="space-tile-meta">
          {t("home.figures.doneOf", { done: figures.completed, total: figures.total })}
        </span>
      </span>
      <span className="space-role-legend muted">{label}</span>
      <span className="space-tile-row">
        <span className="space-tile-meta muted">
          {figures.startDate && figures.dueDate
            ? format.dayRange(figures.startDate, figures.dueDate)
            : t("home.figures.noDates")}
        </span>
        <Sparkline points={figures.burnup} name={name} />
      </span>
      <span className="space-flags">
        <span className={`space-flag${figures.late > 0 ? " is-late" : ""}`}>
          {t("home.figures.late", { count: figures.late })}
        </span>
        <span className={`space-flag${figures.blocked > 0 ? " is-blocked" : ""}`}>
          {t("home.figures.blocked", { count: figures.blocked })}
        </span>
      </span>
    </>
  );
};
