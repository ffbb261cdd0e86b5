/** A notification in words a person reads, from the names frozen in its `data` (the app and e-mail say the same). */
import type { Notification } from "./coordination-schemas.js";

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
    case "commented":
      return `${actor} commented on ${card}`;
    case "reminder": {
      const note = str(n.data.note);
      return note ? `Reminder: ${card} — ${note}` : `Reminder: ${card}`;
    }
    default:
      return `Update on ${card}`;
  }
};
