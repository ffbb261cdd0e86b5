/** Where a notification leads and how long ago it happened; its words come from the domain. */
import { type Notification, notificationText } from "@lattice/domain";
import type { MessageKey, Translator } from "../../lib/i18n/i18n";

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

const messageKeys = {
  mentioned: "notifications.kind.mentioned",
  assigned_responsible: "notifications.kind.assignedResponsible",
  assigned_coworker: "notifications.kind.assignedCoworker",
  commented: "notifications.kind.commented",
} as const satisfies Partial<Record<Notification["kind"], MessageKey>>;

/** The notification as a sentence in the interface's language (the domain's English one goes into e-mails). */
export const notificationMessage = (
  n: Notification,
  actorName: (id: string) => string | null,
  t: Translator["t"],
): string => {
  const card = str(n.data.cardName) ?? t("notifications.aCard");
  const actor =
    str(n.data.actorName) ?? (n.actorId ? actorName(n.actorId) : null) ?? t("notifications.someone");
  switch (n.kind) {
    case "mentioned":
    case "assigned_responsible":
    case "assigned_coworker":
    case "commented":
      return t(messageKeys[n.kind], { actor, card });
    case "status_changed": {
      const from = str(n.data.fromStatus);
      const to = str(n.data.toStatus);
      if (from && to) return t("notifications.kind.statusChangedFromTo", { card, from, to });
      return to
        ? t("notifications.kind.statusChangedTo", { card, to })
        : t("notifications.kind.statusChanged", { card });
    }
    case "blocked": {
      const why = [str(n.data.blocker), str(n.data.reason)].filter(Boolean).join(" — ");
      return why
        ? t("notifications.kind.blockedBecause", { card, why })
        : t("notifications.kind.blocked", { card });
    }
    case "unblocked": {
      const blocker = str(n.data.blocker);
      return blocker
        ? t("notifications.kind.unblockedFrom", { card, blocker })
        : t("notifications.kind.unblocked", { card });
    }
    case "reminder": {
      const note = str(n.data.note);
      return note
        ? t("notifications.kind.reminderNote", { card, note })
        : t("notifications.kind.reminder", { card });
    }
    default:
      return t("notifications.kind.other", { card });
  }
};

/** "now", "5 minutes ago", "yesterday" within a week, else the date, in the interface's language. */
export const relativeTimeOf = (
  iso: string,
  translator: Pick<Translator, "t" | "format">,
  now = new Date(),
) => {
  const seconds = (now.getTime() - Date.parse(iso)) / 1000;
  if (seconds < 60) return translator.t("notifications.justNow");
  if (seconds < 7 * 24 * 3600) return translator.format.relative(iso, now);
  return translator.format.date(iso);
};
