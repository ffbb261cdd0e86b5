/**
 * A notification that asks for attention now (a mention, a reminder) is also said in a toast when its
 * event arrives; the bell's list itself is the query cache's (api/notifications.ts).
 */
import type { WireEvent } from "@lattice/domain";
import { cachedMemberName } from "../../api/members";
import { translate } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { notificationMessage } from "./notification-text";

export const announceNotification = (event: WireEvent): void => {
  if (event.type !== "notification.created") return;
  const { notification } = event.payload;
  if (notification.kind !== "mentioned" && notification.kind !== "reminder") return;
  const { workspaceId } = notification;
  const nameOf = (userId: string) => (workspaceId ? cachedMemberName(workspaceId, userId) : null);
  toast.info(notificationMessage(notification, nameOf, translate));
};
