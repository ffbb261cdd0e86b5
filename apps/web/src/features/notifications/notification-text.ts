/** A notification in words a person reads, from the names frozen in its `data`. */
import type { Notification } from "@lattice/domain";

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** `actorName` resolves the actor's id to a name (members of the workspace); the data's own name wins. */
export const notificationText = (
  n: Notification,
  actorName: (id: string) => string | null = () => null,
): string => {
  const card = `'${str(n.data.cardName) ?? "a card"}'`;
  const actor = str(n.data.actorName) ?? (n.actorId ? actorName(n.actorId) : null) ?? "Someone";
  switch (n.kind) {
    case "mentioned":
      return `${actor} mentioned you on ${card}`;
    case "assigned_responsible":
      return `${actor} made you responsible for ${card}`;
    case "assigned_coworker":
      return `${actor} added you as a co-worker on ${card}`;
    case "status_changed": {
      const from = str(n.data.fromStatus);
      const to = str(n.data.toStatus);
      if (from && to) return `${card} moved from ${from} to ${to}`;
      return to ? `${card} moved to ${to}` : `${card} changed status`;
    }
    case "blocked": {
      const blocker = str(n.data.blocker);
      const reason = str(n.data.reason);
      const why = [blocker, reason].filter(Boolean).join(" — ");
      return why ? `${card} is blocked: ${why}` : `${card} is blocked`;
    }
    case "unblocked": {
      const blocker = str(n.data.blocker);
      return blocker ? `${card} is no longer blocked by ${blocker}` : `${card} is no longer blocked`;
    }
    case "reminder": {
      const note = str(n.data.note);
      return note ? `Reminder: ${card} — ${note}` : `Reminder: ${card}`;
    }
    default:
      return `Update on ${card}`;
  }
};

/** Where the notification's card opens, or null when it has none (or we cannot tell its space). */
export const notificationHref = (n: Notification): string | null => {
  const spaceId = str(n.data.spaceId);
  if (!n.cardId || !n.workspaceId || !spaceId) return null;
  const commentId = str(n.data.commentId);
  // A mention opens the card at the comment that mentions.
  return `/w/${n.workspaceId}/s/${spaceId}/c/${n.cardId}${commentId ? `#comment-${commentId}` : ""}`;
};

/** "just now", "5 min ago", "3 h ago", "2 d ago", or the date. */
export const timeAgo = (iso: string, now: number = Date.now()): string => {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  return new Date(iso).toLocaleDateString();
};
