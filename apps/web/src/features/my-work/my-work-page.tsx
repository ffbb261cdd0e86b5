/**
 * "/my-work": every card where I am responsible or a co-worker, across spaces, grouped by when it is
 * due. "/my-space" (docs/MY-SPACE.md) and "/my-blockers" go through this page too (one route entry on
 * the first screen); My blockers loads on demand.
 */
import { Suspense, useCallback, useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { describeError } from "../../api/client";
import { findApi, type MyWork, type MyWorkGroup, myWorkGroups } from "../../api/search";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { onDemand } from "../../lib/on-demand";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { Skeleton } from "../../ui/skeleton";
import { CardAgeBadge } from "../aging/age-badge";
import { useSpaceAging } from "../aging/aging-store";
import { localToday } from "../filters/dates";
import { MySpacePage } from "../my-space/my-space-page";
import { MyActivity } from "./my-activity";

const groupTitles: Record<MyWorkGroup, MessageKey> = {
  overdue: "myWork.group.overdue",
  this_week: "myWork.group.thisWeek",
  later: "myWork.group.later",
  no_date: "myWork.group.noDate",
};

const MyBlockersPage = onDemand(
  () => import("../my-blockers/my-blockers-page"),
  (m) => m.MyBlockersPage,
);

/** The personal pages' part: My work, My space and My blockers. */
export const MyWorkPage = () => {
  const { pathname } = useLocation();
  if (pathname === "/my-space") return <MySpacePage />;
  if (pathname === "/my-blockers")
    return (
      <Suspense fallback={null}>
        <MyBlockersPage />
      </Suspense>
    );
  return <MyWorkList />;
};

/** At most this many spaces' agings are asked for (one request each) for the badges of My work. */
const MAX_AGING_SPACES = 20;

/** Loads one space's card agings while My work is shown (renders nothing). */
const SpaceAging = ({ spaceId }: { spaceId: string }) => {
  useSpaceAging(spaceId);
  return null;
};

const MyWorkList = () => {
  const { t, format } = useTranslator();
  const [work, setWork] = useState<MyWork | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setWork(await findApi.myCards(localToday()));
    } catch (err) {
      setError(describeError(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const total = work ? myWorkGroups.reduce((sum, g) => sum + work[g].length, 0) : 0;
  const agingSpaceIds = work
    ? [
        ...new Set(
          myWorkGroups.flatMap((g) =>
            work[g].filter((c) => c.statusRole === "in_progress").map((c) => c.spaceId),
          ),
        ),
      ].slice(0, MAX_AGING_SPACES)
    : [];
  return (
    <main className="page my-work-page">
      {agingSpaceIds.map((id) => (
        <SpaceAging key={id} spaceId={id} />
      ))}
      <header className="page-header">
        <h1 className="page-title">{t("myWork.title")}</h1>
        <p className="muted">{t("myWork.intro")}</p>
      </header>
      {error ? (
        <EmptyState title={t("myWork.error")}>
          <p>{error}</p>
          <Button onClick={() => void load()}>{t("myWork.retry")}</Button>
        </EmptyState>
      ) : !work ? (
        <div className="my-work-loading">
          <Skeleton width="40%" height={18} />
          <Skeleton width="90%" height={44} />
          <Skeleton width="90%" height={44} />
        </div>
      ) : total === 0 ? (
        <EmptyState icon="✓" title={t("myWork.empty.title")}>
          <p>{t("myWork.empty.text")}</p>
        </EmptyState>
      ) : (
        myWorkGroups.map((group) =>
          work[group].length === 0 ? null : (
            <section key={group} className={`my-work-group my-work-${group}`} aria-labelledby={`mw-${group}`}>
              <h2 id={`mw-${group}`} className="my-work-title">
                {t(groupTitles[group])} <span className="muted">{format.number(work[group].length)}</span>
              </h2>
              <ul className="my-work-list">
                {work[group].map((card) => (
                  <li key={card.id}>
                    <Link
                      className="my-work-row"
                      to={`/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`}
                    >
                      <span className="my-work-name">
                        {card.isBlocked ? (
                          <span className="my-work-blocked" title={t("myWork.blocked")}>
                            {t("myWork.blocked")}
                          </span>
                        ) : null}
                        {card.name}
                      </span>
                      <span className="my-work-space">{card.spaceName}</span>
                      <span className={`my-work-status status-role-${card.statusRole}`}>
                        <span className={`status-dot status-dot-${card.statusRole}`} aria-hidden="true" />
                        {card.statusName}
                        {card.statusRole === "in_progress" ? (
                          <CardAgeBadge spaceId={card.spaceId} cardId={card.id} />
                        ) : null}
                      </span>
                      <span className={`my-work-due${group === "overdue" ? " is-overdue" : ""}`}>
                        {card.dueDate ? (
                          <time dateTime={card.dueDate}>{format.dayRange(card.dueDate, card.dueDate)}</time>
                        ) : (
                          t("myWork.noDueDate")
                        )}
                      </span>
                      <span className="my-work-role">
                        {card.isResponsible ? t("myWork.role.responsible") : t("myWork.role.coworker")}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
      <MyActivity />
    </main>
  );
};
