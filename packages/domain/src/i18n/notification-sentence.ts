/**
 * A notification in the reader's language, from the names frozen in its `data`: what an e-mail says.
 * The web app says the same through its own messages (`notifications.kind.*`); `notificationText`
 * (notification-text.ts) is the English original both follow.
 */
import type { Notification } from "../coordination-schemas.js";
import type { Translator } from "./translator.js";

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** `actorName` resolves the actor's id to a name (members of the workspace); the data's own name wins. */
export const notificationSentence = (
  n: Notification,
  tr: Translator,
  actorName: (id: string) => string | null = () => null,
): string => {
  const { t } = tr;
  const card = t("activity.quoted", { text: str(n.data.cardName) ?? t("notification.someCard") });
  const actor = str(n.data.actorName) ?? (n.actorId ? actorName(n.actorId) : null) ?? t("mail.someone");
  switch (n.kind) {
    case "mentioned":
      return t("notification.mentioned", { actor, card });
    case "assigned_responsible":
      return t("notification.assignedResponsible", { actor, card });
    case "assigned_coworker":
      return t("notification.assignedCoworker", { actor, card });
    case "status_changed": {
      const from = str(n.data.fromStatus);
      const to = str(n.data.toStatus);
      if (from && to) return t("notification.statusChanged", { card, from, to });
      return to
        ? t("notification.statusChangedTo", { card, to })
        : t("notification.statusChangedAny", { card });
    }
    case "blocked": {
      const blocker = str(n.data.blocker);
      const reason = str(n.data.reason);
      if (blocker && reason) return t("notification.blockedBoth", { card, blocker, reason });
      const why = blocker ?? reason;
      return why ? t("notification.blockedWhy", { card, why }) : t("notification.blocked", { card });
    }
    case "unblocked": {
      const blocker = str(n.data.blocker);
      return blocker
        ? t("notification.unblockedBy", { card, blocker })
        : t("notification.unblocked", { card });
    }
    case "commented":
      return t("notification.commented", { actor, card });
    case "reminder": {
      const note = str(n.data.note);
      return note ? t("notification.reminderNote", { card, note }) : t("notification.reminder", { card });
    }
    default:
      return t("notification.other", { card });
  }
};
