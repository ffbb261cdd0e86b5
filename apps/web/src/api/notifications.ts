/**
 * The signed-in person's latest notifications with the unread count: read by the bell and by My
 * blockers. Held in the query cache under `notificationKeys.latest`, fetched once however many views
 * ask, and marked stale by the person's channel's notification.* events (sync/query-bridge.ts), so a
 * notification arriving, or read in another tab, shows at once.
 */
import {
  type Notification,
  type NotificationList,
  notificationListSchema,
  unreadCountSchema,
} from "@lattice/domain";
import { useQuery } from "@tanstack/react-query";
import { request } from "./client";
import { queryClient } from "./query-client";

/** How many of the latest notifications the bell lists. */
const latestCount = 30;

export const notificationKeys = {
  all: ["notifications"] as const,
  latest: ["notifications", "latest"] as const,
};

export const notificationsApi = {
  list: (options: { unread?: boolean; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.unread) query.set("unread", "true");
    if (options.limit) query.set("limit", String(options.limit));
    const suffix = query.size > 0 ? `?${query}` : "";
    return request("GET", `/api/notifications${suffix}`, notificationListSchema);
  },
  markRead: (body: { ids: string[] } | { all: true }) =>
    request("POST", "/api/notifications/read", unreadCountSchema, { body }),
};

const latestQuery = {
  queryKey: notificationKeys.latest,
  queryFn: () => notificationsApi.list({ limit: latestCount }),
};

/** The latest notifications, newest first (undefined while loading), the query's status and error. */
export const useLatestNotifications = () => useQuery(latestQuery, queryClient);

/** Shows `ids` read at once (or all of them: "all"); the request's event brings the server's list. */
const showRead = (ids: string[] | "all"): void => {
  const now = new Date().toISOString();
  queryClient.setQueryData<NotificationList>(notificationKeys.latest, (list) => {
    if (!list) return list;
    const isNowRead = (n: Notification) => n.readAt === null && (ids === "all" || ids.includes(n.id));
    const newlyRead = list.items.filter(isNowRead).length;
    return {
      items: list.items.map((n) => (isNowRead(n) ? { ...n, readAt: now } : n)),
      unreadCount: ids === "all" ? 0 : Math.max(0, list.unreadCount - newlyRead),
    };
  });
};

/**
 * Marks notifications read (`"all"`: every one). Shown read at once; if the server refuses, the list
 * is asked again and the error is thrown for the caller to tell.
 */
export const markNotificationsRead = async (ids: string[] | "all"): Promise<void> => {
  const latest = queryClient.getQueryData<NotificationList>(notificationKeys.latest);
  const unread =
    ids === "all" ? ids : ids.filter((id) => latest?.items.some((n) => n.id === id && n.readAt === null));
  if (unread !== "all" && unread.length === 0) return;
  showRead(unread);
  try {
    await notificationsApi.markRead(unread === "all" ? { all: true } : { ids: unread });
  } catch (error) {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    throw error;
  }
};
