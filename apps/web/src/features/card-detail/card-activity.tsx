/**
 * The card's history as the server reads it aloud (`/api/cards/:id/activity`: who did what, when,
 * with cards the reader may not see left unnamed), newest first. Each live event about the card
 * reads the first page again, so the sentences stay the server's and nothing is described twice.
 */
import { type ActivityItem, activityEventTypes, activityPageSchema } from "@lattice/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError, request } from "../../api/client";
import { type Translator, useTranslator } from "../../lib/i18n/i18n";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { useCardEvents } from "./coordination-store";

/** "2 min ago", "just now", "3 h ago", then a date. */
export const relativeTime = (words: Pick<Translator, "t" | "format">, iso: string, now: number): string => {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (Number.isNaN(seconds) || seconds < 45) return words.t("card.time.justNow");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return words.t("card.time.minutes", { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return words.t("card.time.hours", { count: hours });
  return words.format.date(iso);
};

const pageSize = 20;

const fetchActivity = (cardId: string, before: string | null) => {
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (before) query.set("before", before);
  return request("GET", `/api/cards/${cardId}/activity?${query}`, activityPageSchema);
};

/** Live events that may add a line: the families of the event types activity reads. */
const activityPrefixes = [...new Set(activityEventTypes.map((type) => `${type.split(".")[0]}.`))];

const itemKey = (item: ActivityItem) => `${item.channel}:${item.seq}`;

interface History {
  items: ActivityItem[];
  /** The cursor of the next older page, null when the oldest is shown. */
  nextBefore: string | null;
}

/** The newest page read again on top of what is shown: older pages already read stay, with their cursor. */
export const mergeNewest = (shown: History | null, page: History): History => {
  const fresh = new Set(page.items.map(itemKey));
  const oldest = page.items.at(-1)?.seq ?? Number.POSITIVE_INFINITY;
  const older = (shown?.items ?? []).filter((i) => !fresh.has(itemKey(i)) && i.seq < oldest);
  return {
    items: [...page.items, ...older],
    nextBefore: older.length > 0 ? (shown?.nextBefore ?? null) : page.nextBefore,
  };
};

/** The sentence as the reader says it: their own actions start with "You". */
export const spoken = (item: ActivityItem, myUserId: string | null): string =>
  item.actorId !== null && item.actorId === myUserId && item.text.startsWith(`${item.actorName} `)
    ? `You${item.text.slice(item.actorName.length)}`
    : item.text;

export const CardActivity = ({ cardId, myUserId }: { cardId: string; myUserId: string | null }) => {
  const words = useTranslator();
  const { t, format } = words;
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoadingOlder, setIsLoadingOlder] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  // One read at a time; events that arrive during it ask for one more read after it.
  const reading = useRef<{ cardId: string; isAgain: boolean } | null>(null);

  const readLatest = useCallback(() => {
    if (reading.current?.cardId === cardId) {
      reading.current.isAgain = true;
      return;
    }
    const current = { cardId, isAgain: false };
    reading.current = current;
    const run = async () => {
      try {
        const page = await fetchActivity(cardId, null);
        if (reading.current !== current) return;
        setHistory((shown) => mergeNewest(shown, page));
        setError(null);
        setNow(Date.now());
      } catch (e) {
        if (reading.current === current) setError(describeError(e));
      }
      if (reading.current !== current) return;
      reading.current = null;
      if (current.isAgain) readLatest();
    };
    void run();
  }, [cardId]);

  useEffect(() => {
    setHistory(null);
    setError(null);
    reading.current = null;
    readLatest();
    return () => {
      reading.current = null;
    };
  }, [readLatest]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useCardEvents(cardId, activityPrefixes, readLatest);

  const nextBefore = history?.nextBefore ?? null;
  const handleLoadOlder = async () => {
    if (!nextBefore) return;
    setIsLoadingOlder(true);
    try {
      const page = await fetchActivity(cardId, nextBefore);
      setHistory((shown) => {
        const items = shown?.items ?? [];
        const known = new Set(items.map(itemKey));
        return {
          items: [...items, ...page.items.filter((i) => !known.has(itemKey(i)))],
          nextBefore: page.nextBefore,
        };
      });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setIsLoadingOlder(false);
    }
  };

  const items = history?.items;
  if (!items) {
    return error ? (
      <p className="coord-error" role="alert">
        {t("card.activity.failed", { reason: error })}
      </p>
    ) : (
      <p className="faint">{t("card.activity.loading")}</p>
    );
  }
  return (
    <div data-testid="card-activity">
      {items.length === 0 ? <p className="faint">{t("card.activity.none")}</p> : null}
      <ol className="activity-list" aria-label={t("card.activity.label")}>
        {items.map((item) => (
          <li key={itemKey(item)} className="activity-item">
            <Avatar name={item.actorName} seed={item.actorId ?? item.actorName} size={20} />
            <span className="activity-text">
              {spoken(item, myUserId)}{" "}
              <time className="activity-time" dateTime={item.at} title={format.dateTime(item.at)}>
                · {relativeTime(words, item.at, now)}
              </time>
            </span>
          </li>
        ))}
      </ol>
      {error ? (
        <p className="coord-error" role="alert">
          {error}
        </p>
      ) : null}
      {nextBefore ? (
        <Button size="sm" variant="ghost" onClick={() => void handleLoadOlder()} disabled={isLoadingOlder}>
          {isLoadingOlder ? t("common.loading") : t("card.activity.older")}
        </Button>
      ) : null}
    </div>
  );
};
