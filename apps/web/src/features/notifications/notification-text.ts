/** Where a notification leads and how long ago it happened; its words come from the domain. */
import { type Notification, notificationText } from "@lattice/domain";

export { notificationText };

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

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
