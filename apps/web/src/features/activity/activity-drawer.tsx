/** The space's activity stream in a side drawer, newest first, with "Load older" paging. */
import type { ActivityItem } from "@lattice/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { findApi } from "../../api/search";
import { useTranslator } from "../../lib/i18n/i18n";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";

interface ActivityDrawerProps {
  workspaceId: string;
  spaceId: string;
  spaceName: string;
  onClose: () => void;
}

export const ActivityDrawer = ({ workspaceId, spaceId, spaceName, onClose }: ActivityDrawerProps) => {
  const { t, format } = useTranslator();
  const [items, setItems] = useState<ActivityItem[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const loadPage = useCallback(
    async (before: string | null) => {
      setStatus("loading");
      try {
        const page = await findApi.spaceActivity(spaceId, before);
        setItems((current) => (before ? [...current, ...page.items] : page.items));
        setNextBefore(page.nextBefore);
        setStatus("ready");
      } catch (err) {
        setError(describeError(err));
        setStatus("error");
      }
    },
    [spaceId],
  );

  useEffect(() => {
    void loadPage(null);
    closeRef.current?.focus();
  }, [loadPage]);

  return (
    <aside
      className="side-drawer activity-drawer"
      aria-label={t("activity.label", { space: spaceName })}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="side-drawer-header">
        <h2 className="side-drawer-title">{t("activity.title")}</h2>
        <button
          ref={closeRef}
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          aria-label={t("activity.close")}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="side-drawer-body">
        {items.length === 0 && status === "ready" ? <p className="muted">{t("activity.empty")}</p> : null}
        <ol className="activity-list">
          {items.map((item) => (
            <li key={`${item.channel}:${item.seq}`} className="activity-item">
              <Avatar name={item.actorName} seed={item.actorId ?? item.actorName} size={24} />
              <div className="activity-body">
                <p className="activity-text">
                  {item.cardId ? (
                    <Link to={`/w/${workspaceId}/s/${spaceId}/c/${item.cardId}`}>{item.text}</Link>
                  ) : (
                    item.text
                  )}
                </p>
                <time className="activity-time muted" dateTime={item.at} title={format.dateTime(item.at)}>
                  {format.relative(item.at)}
                </time>
              </div>
            </li>
          ))}
        </ol>
        {status === "error" ? (
          <p role="alert" className="field-error">
            {error}{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => void loadPage(items.length ? nextBefore : null)}
            >
              {t("common.retry")}
            </button>
          </p>
        ) : null}
        {status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
        {status === "ready" && nextBefore ? (
          <Button size="sm" onClick={() => void loadPage(nextBefore)}>
            {t("activity.loadOlder")}
          </Button>
        ) : null}
      </div>
    </aside>
  );
};
