/** The bell in the app header: unread badge, and a dropdown of the latest notifications. */
import type { Notification } from "@lattice/domain";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { useMemberNames } from "../../api/members";
import { markNotificationsRead, useLatestNotifications } from "../../api/notifications";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { notificationHref, notificationMessage, relativeTimeOf } from "./notification-text";

const noNotifications: Notification[] = [];

const markRead = (ids: string[]) =>
  markNotificationsRead(ids).catch((error: unknown) =>
    toast.error(translate("notifications.markReadFailed", { reason: describeError(error) })),
  );
const markAllRead = () =>
  markNotificationsRead("all").catch((error: unknown) =>
    toast.error(translate("notifications.markAllReadFailed", { reason: describeError(error) })),
  );

export const NotificationBell = () => {
  const latest = useLatestNotifications();
  const items = latest.data?.items ?? noNotifications;
  const unreadCount = latest.data?.unreadCount ?? 0;
  const [isOpen, setIsOpen] = useState(false);
  // The people the notifications name, from the members of their workspaces, once the list is open.
  const workspaceIds = useMemo(
    () => [...new Set(items.flatMap((n) => (n.workspaceId ? [n.workspaceId] : [])))],
    [items],
  );
  const names = useMemberNames(workspaceIds, isOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const panelId = useId();
  const translator = useTranslator();
  const { t, format } = translator;

  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen]);

  const open = (n: Notification) => {
    void markRead([n.id]);
    const href = notificationHref(n);
    setIsOpen(false);
    if (href) void navigate(href);
  };

  const label = t("notifications.bellLabel", { count: unreadCount });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere inside closes the dropdown
    <div
      className="bell"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          event.stopPropagation();
          setIsOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost btn-md btn-icon bell-button"
        aria-label={label}
        title={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((v) => !v)}
      >
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unreadCount > 0 ? (
          <span className="bell-badge" aria-hidden="true">
            {unreadCount > 99 ? t("notifications.overNinetyNine") : format.number(unreadCount)}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <section id={panelId} className="bell-panel" aria-label={t("notifications.title")}>
          <header className="bell-panel-header">
            <h2 className="bell-title">{t("notifications.title")}</h2>
            <button
              type="button"
              className="link-button"
              disabled={unreadCount === 0}
              onClick={() => void markAllRead()}
            >
              {t("notifications.markAllRead")}
            </button>
          </header>
          {latest.isError ? (
            <p className="bell-empty" role="alert">
              {describeError(latest.error)}{" "}
              <button type="button" className="link-button" onClick={() => void latest.refetch()}>
                {t("common.retry")}
              </button>
            </p>
          ) : items.length === 0 ? (
            <p className="bell-empty">{latest.isSuccess ? t("notifications.empty") : t("common.loading")}</p>
          ) : (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={`bell-item${n.readAt ? "" : " is-unread"}`}
                    onClick={() => open(n)}
                  >
                    <span className="bell-dot" aria-hidden="true" />
                    <span className="bell-text">
                      {notificationMessage(n, (id) => names.get(id) ?? null, t)}
                      {n.readAt ? null : (
                        <span className="visually-hidden"> {t("notifications.unread")}</span>
                      )}
                    </span>
                    <time className="bell-time" dateTime={n.createdAt}>
                      {relativeTimeOf(n.createdAt, translator)}
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
};
