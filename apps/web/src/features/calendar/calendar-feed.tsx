/**
 * "Subscribe": the space's secret iCalendar URL. It is shown once when made (only a hash is kept);
 * making a new one revokes the old one; Revoke turns the feed off.
 */
import { useEffect, useState } from "react";
import { type ReplySchema, request, requestEmpty } from "../../api/client";
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
      toast.error("Could not make the calendar link. Try again.");
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
      toast.success("Calendar link revoked. Calendars using it stop updating.");
    } catch {
      toast.error("Could not revoke the calendar link. Try again.");
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
      toast.error("Could not copy; select the link and copy it yourself.");
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      size="md"
      title={`Subscribe to ${spaceName || "this space"}`}
      description="Add this space's due dates to Google Calendar, Outlook or Apple Calendar with a secret iCalendar link."
      footer={
        <>
          {state?.isActive ? (
            <Button variant="danger" onClick={() => void revoke()} disabled={isBusy}>
              Revoke link
            </Button>
          ) : null}
          <Button onClick={onClose}>Done</Button>
        </>
      }
    >
      <div className="cal-feed">
        {url ? (
          <>
            <label className="field-label" htmlFor="cal-feed-url">
              Your calendar link
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
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            <p className="field-hint">
              This link is shown only now. Anyone with it can read these due dates, so keep it private.
            </p>
          </>
        ) : (
          <p>
            {state === null
              ? "Checking…"
              : state.isActive
                ? `You made a link on ${new Date(state.createdAt ?? "").toLocaleDateString()}. It cannot be shown again; make a new one if you lost it.`
                : "You have no calendar link for this space yet."}
          </p>
        )}
        <p className="muted cal-feed-note">
          Making a new link revokes the previous one: calendars subscribed with the old link stop updating.
        </p>
        <Button variant={url ? "secondary" : "primary"} isBusy={isBusy} onClick={() => void create()}>
          {state?.isActive || url ? "Regenerate link" : "Create link"}
        </Button>
      </div>
    </Dialog>
  );
};
