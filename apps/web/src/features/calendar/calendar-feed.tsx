/**
 * "Subscribe": the space's secret iCalendar URL. It is shown once when made (only a hash is kept);
 * making a new one revokes the old one; Revoke turns the feed off.
 */
import { useEffect, useState } from "react";
import { type ReplySchema, request, requestEmpty } from "../../api/client";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";

const isObject = (data: unknown): data is Record<string, unknown> =>
  typeof data === "object" && data !== null;
const feedState: ReplySchema<{ isActive: boolean; createdAt: string | null }> = {
  safeParse: (data) =>
    isObject(data) && typeof data.isActive === "boolean"
      ? {
          success: true,
          data: {
            isActive: data.isActive,
            createdAt: typeof data.createdAt === "string" ? data.createdAt : null,
          },
        }
      : { success: false },
};
const createdFeed: ReplySchema<{ url: string; createdAt: string }> = {
  safeParse: (data) =>
    isObject(data) && typeof data.url === "string" && typeof data.createdAt === "string"
      ? { success: true, data: { url: data.url, createdAt: data.createdAt } }
      : { success: false },
};

export const CalendarFeedDialog = ({
  spaceId,
  spaceName,
  isOpen,
  onClose,
}: {
  spaceId: string;
  spaceName: string;
  isOpen: boolean;
  onClose: () => void;
}) => {
  const { t, format } = useTranslator();
  const [state, setState] = useState<{ isActive: boolean; createdAt: string | null } | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    setUrl(null);
    setCopied(false);
    let isCurrent = true;
    request("GET", `/api/spaces/${spaceId}/calendar-feed`, feedState)
      .then((s) => isCurrent && setState(s))
      .catch(() => isCurrent && setState({ isActive: false, createdAt: null }));
    return () => {
      isCurrent = false;
    };
  }, [isOpen, spaceId]);

  const create = async () => {
    setIsBusy(true);
    try {
      const feed = await request("POST", `/api/spaces/${spaceId}/calendar-feed`, createdFeed);
      setUrl(feed.url);
      setCopied(false);
      setState({ isActive: true, createdAt: feed.createdAt });
    } catch {
      toast.error(translate("calendar.feed.makeFailed"));
    } finally {
      setIsBusy(false);
    }
  };

  const revoke = async () => {
    setIsBusy(true);
    try {
      await requestEmpty("DELETE", `/api/spaces/${spaceId}/calendar-feed`);
      setUrl(null);
      setState({ isActive: false, createdAt: null });
      toast.success(translate("calendar.feed.revoked"));
    } catch {
      toast.error(translate("calendar.feed.revokeFailed"));
    } finally {
      setIsBusy(false);
    }
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      toast.error(translate("calendar.feed.copyFailed"));
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      size="md"
      title={spaceName ? t("calendar.feed.title", { space: spaceName }) : t("calendar.feed.titleUnnamed")}
      description={t("calendar.feed.description")}
      footer={
        <>
          {state?.isActive ? (
            <Button variant="danger" onClick={() => void revoke()} disabled={isBusy}>
              {t("calendar.feed.revoke")}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t("common.done")}</Button>
        </>
      }
    >
      <div className="cal-feed">
        {url ? (
          <>
            <label className="field-label" htmlFor="cal-feed-url">
              {t("calendar.feed.yourLink")}
            </label>
            <div className="cal-feed-url">
              <input
                id="cal-feed-url"
                className="input"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button variant="primary" onClick={() => void copy()}>
                {t(copied ? "calendar.feed.copied" : "calendar.feed.copy")}
              </Button>
            </div>
            <p className="field-hint">{t("calendar.feed.shownOnce")}</p>
          </>
        ) : (
          <p>
            {state === null
              ? t("calendar.feed.checking")
              : state.isActive
                ? t("calendar.feed.active", { date: state.createdAt ? format.date(state.createdAt) : "" })
                : t("calendar.feed.none")}
          </p>
        )}
        <p className="muted cal-feed-note">{t("calendar.feed.note")}</p>
        <Button variant={url ? "secondary" : "primary"} isBusy={isBusy} onClick={() => void create()}>
          {t(state?.isActive || url ? "calendar.feed.regenerate" : "calendar.feed.create")}
        </Button>
      </div>
    </Dialog>
  );
};
