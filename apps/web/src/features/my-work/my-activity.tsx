/** What I did lately, across every space I can still see, in sentences (the per-person activity stream). */
import type { ActivityItem } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { findApi } from "../../api/search";
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";

export const MyActivity = () => {
  const { t, format } = useTranslator();
  const [items, setItems] = useState<ActivityItem[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);

  const loadPage = useCallback(async (before: string | null) => {
    setStatus("loading");
    try {
      const page = await findApi.myActivity(before);
      setItems((current) => (before ? [...current, ...page.items] : page.items));
      setNextBefore(page.nextBefore);
      setStatus("ready");
    } catch (err) {
      setError(describeError(err));
      setStatus("error");
    }
  }, []);

  useEffect(() => {
    void loadPage(null);
  }, [loadPage]);

  return (
    <section className="my-work-group my-activity" aria-labelledby="mw-activity">
      <h2 id="mw-activity" className="my-work-title">
        {t("myWork.activity.title")}
      </h2>
      {status === "ready" && items.length === 0 ? (
        <p className="muted">{t("myWork.activity.empty")}</p>
      ) : null}
      <ol className="activity-list">
        {items.map((item) => (
          <li key={`${item.channel}:${item.seq}`} className="activity-item">
            <div className="activity-body">
              <p className="activity-text">{item.text}</p>
              <time className="activity-time muted" dateTime={item.at} title={format.dateTime(item.at)}>
                {format.relative(item.at)}
              </time>
            </div>
          </li>
        ))}
      </ol>
      {status === "error" ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
      {status === "ready" && nextBefore ? (
        <Button size="sm" onClick={() => void loadPage(nextBefore)}>
          {t("myWork.activity.older")}
        </Button>
      ) : null}
    </section>
  );
};
