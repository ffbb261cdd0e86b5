/** Notifications of the signed-in person: list with the unread count, mark read. */
import { type Notification, notificationSchema } from "@lattice/domain";
import { type ReplySchema, request } from "./client";

/** A reply check from a function returning the typed value or null (the web app has no zod of its own). */
export const replyOf = <T>(check: (data: Record<string, unknown>) => T | null): ReplySchema<T> => ({
  safeParse(data) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) return { success: false };
    const value = check(data as Record<string, unknown>);
    return value === null ? { success: false } : { success: true, data: value };
  },
});

/** Every item parsed by `schema`, or null when one does not fit. */
export const itemsOf = <T>(schema: ReplySchema<T>, value: unknown): T[] | null => {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) return null;
    out.push(parsed.data);
  }
  return out;
};

const listReply = replyOf((data) => {
  const items = itemsOf<Notification>(notificationSchema, data.items);
  return items && typeof data.unreadCount === "number" ? { items, unreadCount: data.unreadCount } : null;
});
const countReply = replyOf((data) =>
  typeof data.unreadCount === "number" ? { unreadCount: data.unreadCount } : null,
);

export const notificationsApi = {
  list: (options: { unread?: boolean; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (options.unread) query.set("unread", "true");
    if (options.limit) query.set("limit", String(options.limit));
    const suffix = query.size > 0 ? `?${query}` : "";
    return request("GET", `/api/notifications${suffix}`, listReply);
  },
  markRead: (body: { ids: string[] } | { all: true }) =>
    request("POST", "/api/notifications/read", countReply, { body }),
};
