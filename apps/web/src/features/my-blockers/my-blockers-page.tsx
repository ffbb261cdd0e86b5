/**
 * "My blockers": the blocked cards I must clear, most harmful first (how much open work waits on
 * each, then how soon it is due). Live: the page follows the spaces the server names and asks again
 * when something changes there or a notification arrives (I was named on a blocking elsewhere).
 */
import type { BlockerRole, MyBlocker, MyBlockers } from "@lattice/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { dashboardApi } from "../../api/dashboard";
import { useLatestNotifications } from "../../api/notifications";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { Skeleton } from "../../ui/skeleton";
import "./my-blockers.css";
import { useLiveSpaces } from "./use-live-spaces";

const roleText: Record<BlockerRole, MessageKey> = {
  clearing: "myBlockers.role.clearing",
  responsible: "myBlockers.role.responsible",
  coworker: "myBlockers.role.coworker",
};

const cardHref = (c: { workspaceId: string; spaceId: string; id: string }) =>
  `/w/${c.workspaceId}/s/${c.spaceId}/c/${c.id}`;

const BlockerRow = ({ item }: { item: MyBlocker }) => {
  const { t, format } = useTranslator();
  const more = item.waiting - item.waitingCards.length;
  return (
    <li className="my-blocker" aria-label={item.name}>
      <div className="my-blocker-head">
        <Link className="my-blocker-name" to={cardHref({ ...item, id: item.cardId })}>
          {item.name}
        </Link>
        <span className="my-work-space">{item.spaceName}</span>
        <span className={`my-work-status status-role-${item.statusRole}`}>
          <span className={`status-dot status-dot-${item.statusRole}`} aria-hidden="true" />
          {item.statusName}
        </span>
        <span className="my-work-role">{item.roles.map((r) => t(roleText[r])).join(" · ")}</span>
      </div>
      <ul className="my-blocker-reasons">
        {item.blockings.map((b) => (
          <li key={b.id}>
            <span className="my-work-blocked">{b.blockerName}</span>
            {b.reason}{" "}
            <time className="muted" dateTime={b.blockedAt} title={format.dateTime(b.blockedAt)}>
              {t("myBlockers.blockedAgo", { days: b.ageDays })}
            </time>
          </li>
        ))}
      </ul>
      <p className="my-blocker-impact">
        {item.waiting === 0 ? (
          <span className="muted">{t("myBlockers.waiting.none")}</span>
        ) : (
          <>
            <strong>{t("myBlockers.waiting.count", { count: item.waiting })}</strong>
            {item.soonestDue ? (
              <>
                {" · "}
                {t("myBlockers.waiting.firstDue")}{" "}
                <time dateTime={item.soonestDue}>{format.dayRange(item.soonestDue, item.soonestDue)}</time>
              </>
            ) : null}
            {": "}
            {item.waitingCards.map((w, i) => (
              <span key={w.id}>
                {i > 0 ? ", " : ""}
                <Link to={cardHref(w)}>{w.name}</Link>
              </span>
            ))}
            {more > 0 ? ` ${t("myBlockers.waiting.more", { count: more })}` : ""}
          </>
        )}
      </p>
    </li>
  );
};

export const MyBlockersPage = () => {
  const { t } = useTranslator();
  const [reply, setReply] = useState<MyBlockers | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One request at a time; a change during one asks once more when it ends.
  const inFlight = useRef(false);
  const isDirty = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) {
      isDirty.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        isDirty.current = false;
        const next = await dashboardApi.myBlockers();
        setReply(next);
        setError(null);
      } while (isDirty.current);
    } catch (err) {
      setError(describeError(err));
    } finally {
      inFlight.current = false;
    }
  }, []);

  const latestNotification = useLatestNotifications().data?.items[0]?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new notification is the trigger
  useEffect(() => {
    void load();
  }, [load, latestNotification]);
  useLiveSpaces(reply?.watch ?? null, () => void load());

  return (
    <main className="page my-work-page my-blockers-page">
      <header className="page-header">
        <h1 className="page-title">{t("myBlockers.title")}</h1>
        <p className="muted">{t("myBlockers.intro")}</p>
      </header>
      {error && !reply ? (
        <EmptyState title={t("myBlockers.error")}>
          <p>{error}</p>
          <Button onClick={() => void load()}>{t("myBlockers.retry")}</Button>
        </EmptyState>
      ) : !reply ? (
        <div className="my-work-loading">
          <Skeleton width="40%" height={18} />
          <Skeleton width="90%" height={64} />
          <Skeleton width="90%" height={64} />
        </div>
      ) : reply.items.length === 0 ? (
        <EmptyState icon="✓" title={t("myBlockers.empty.title")}>
          <p>{t("myBlockers.empty.text")}</p>
        </EmptyState>
      ) : (
        <ol className="my-blocker-list" aria-label={t("myBlockers.title")}>
          {reply.items.map((item) => (
            <BlockerRow key={item.cardId} item={item} />
          ))}
        </ol>
      )}
    </main>
  );
};
