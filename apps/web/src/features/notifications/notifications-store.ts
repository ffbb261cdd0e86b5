/**
 * The bell's state: the latest notifications and the unread count, kept live by the `user:<me>`
 * channel (`notification.created`, `notification.read`), plus the names of the people they mention.
 */
import type { Notification } from "@lattice/domain";
import { create } from "zustand";
import { describeError } from "../../api/client";
import { notificationsApi } from "../../api/notifications";
import { findApi } from "../../api/search";
import { translate } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { notificationMessage } from "./notification-text";

const pageSize = 30;

interface NotificationsState {
  items: Notification[];
  unreadCount: number;
  status: "idle" | "loading" | "ready" | "error";
  error: string | null;
  /** user id → name, from the members of the workspaces the notifications come from. */
  names: Record<string, string>;
  load: () => Promise<void>;
  markRead: (ids: string[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** A live event of the user channel. */
  receive: (event: { type: string; payload: unknown }) => void;
  loadNames: () => Promise<void>;
  reset: () => void;
}

const loadedWorkspaces = new Set<string>();

export const useNotifications = create<NotificationsState>((set, get) => ({
  items: [],
  unreadCount: 0,
  status: "idle",
  error: null,
  names: {},

  load: async () => {
    set({ status: get().status === "ready" ? "ready" : "loading" });
    try {
      const reply = await notificationsApi.list({ limit: pageSize });
      set({ items: reply.items, unreadCount: reply.unreadCount, status: "ready", error: null });
    } catch (error) {
      set({ status: "error", error: describeError(error) });
    }
  },

  markRead: async (ids) => {
    const unread = ids.filter((id) => get().items.some((n) => n.id === id && n.readAt === null));
    if (unread.length === 0) return;
    const now = new Date().toISOString();
    set({
      items: get().items.map((n) => (unread.includes(n.id) ? { ...n, readAt: now } : n)),
      unreadCount: Math.max(0, get().unreadCount - unread.length),
    });
    try {
      const reply = await notificationsApi.markRead({ ids: unread });
      set({ unreadCount: reply.unreadCount });
    } catch (error) {
      toast.error(translate("notifications.markReadFailed", { reason: describeError(error) }));
      void get().load();
    }
  },

  markAllRead: async () => {
    const now = new Date().toISOString();
    set({ items: get().items.map((n) => (n.readAt ? n : { ...n, readAt: now })), unreadCount: 0 });
    try {
      const reply = await notificationsApi.markRead({ all: true });
      set({ unreadCount: reply.unreadCount });
    } catch (error) {
      toast.error(translate("notifications.markAllReadFailed", { reason: describeError(error) }));
      void get().load();
    }
  },

  receive: (event) => {
    if (event.type === "notification.created") {
      const notification = (event.payload as { notification?: Notification }).notification;
      if (!notification || get().items.some((n) => n.id === notification.id)) return;
      set({
        items: [notification, ...get().items].slice(0, 100),
        unreadCount: get().unreadCount + (notification.readAt ? 0 : 1),
      });
      if (notification.kind === "mentioned" || notification.kind === "reminder") {
        toast.info(notificationMessage(notification, (id) => get().names[id] ?? null, translate));
      }
      return;
    }
    if (event.type === "notification.read") {
      const ids = (event.payload as { ids?: string[] | "all" }).ids;
      const now = new Date().toISOString();
      if (ids === "all") {
        set({ items: get().items.map((n) => (n.readAt ? n : { ...n, readAt: now })), unreadCount: 0 });
        return;
      }
      if (!Array.isArray(ids)) return;
      // Read elsewhere (another tab): the count is the server's to give; ask it.
      set({ items: get().items.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: now } : n)) });
      void notificationsApi.list({ unread: true, limit: 1 }).then(
        (reply) => set({ unreadCount: reply.unreadCount }),
        () => undefined,
      );
    }
  },

  loadNames: async () => {
    const wanted = [...new Set(get().items.flatMap((n) => (n.workspaceId ? [n.workspaceId] : [])))].filter(
      (id) => !loadedWorkspaces.has(id),
    );
    await Promise.all(
      wanted.map(async (workspaceId) => {
        loadedWorkspaces.add(workspaceId);
        try {
          const members = await findApi.members(workspaceId);
          const names = { ...get().names };
          for (const m of members) names[m.userId] = m.name;
          set({ names });
        } catch {
          loadedWorkspaces.delete(workspaceId);
        }
      }),
    );
  },

  reset: () => {
    loadedWorkspaces.clear();
    set({ items: [], unreadCount: 0, status: "idle", error: null, names: {} });
  },
}));
