import { useEffect, useState } from "react";
import { type ActivityEntry, useBoard } from "../../store/board";
import { Avatar } from "../../ui/avatar";

const empty: ActivityEntry[] = [];

/** "2 min ago", "just now", "3 h ago", then a date. */
export const relativeTime = (iso: string, now: number): string => {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (Number.isNaN(seconds) || seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString();
};

const describe = (entry: ActivityEntry): string => {
  switch (entry.kind) {
    case "created":
      return entry.toStatus ? `created this in ${entry.toStatus}` : "created this";
    case "moved":
      return entry.fromStatus
        ? `moved this from ${entry.fromStatus} to ${entry.toStatus ?? "another column"}`
        : `reordered this within ${entry.toStatus ?? "its column"}`;
    case "renamed":
      return `renamed this to “${entry.name ?? ""}”`;
    case "described":
      return "edited the description";
    case "archived":
      return "archived this";
    case "updated":
      return "updated this";
  }
};

/** What happened to the card since the board was opened, newest first, from the live events. */
export const CardActivity = ({
  cardId,
  names,
  myUserId,
}: {
  cardId: string;
  names: ReadonlyMap<string, string>;
  myUserId: string | null;
}) => {
  const entries = useBoard((s) => s.activity[cardId] ?? empty);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (entries.length === 0) {
    return <p className="faint">No changes since you opened this board.</p>;
  }
  return (
    <ol className="activity-list">
      {entries.map((entry) => {
        const name =
          entry.actorId === null
            ? "Someone"
            : entry.actorId === myUserId
              ? "You"
              : (names.get(entry.actorId) ?? "A former member");
        return (
          <li key={entry.seq} className="activity-item">
            <Avatar
              name={(entry.actorId && names.get(entry.actorId)) || name}
              seed={entry.actorId ?? name}
              size={20}
            />
            <span>
              <strong>{name}</strong> {describe(entry)}{" "}
              <time className="activity-time" dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
                · {relativeTime(entry.at, now)}
              </time>
            </span>
          </li>
        );
      })}
    </ol>
  );
};
