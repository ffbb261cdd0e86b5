/** The bell in the app header: unread badge, and a dropdown of the latest notifications. */
import type { Notification } from "@lattice/domain";
import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { notificationHref, notificationMessage, relativeTimeOf } from "./notification-text";
import { useNotifications } from "./notifications-store";

export const NotificationBell = () => {
  const items = useNotifications((s) => s.items);
  const unreadCount = useNotifications((s) => s.unreadCount);
  const status = useNotifications((s) => s.status);
  const error = useNotifications((s) => s.error);
  const names = useNotifications((s) => s.names);
  const load = useNotifications((s) => s.load);
  const loadNames = useNotifications((s) => s.loadNames);
  const markRead = useNotifications((s) => s.markRead);
  const markAllRead = useNotifications((s) => s.markAllRead);
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const panelId = useId();
  const translator = useTranslator();
  const { t, format } = translator;

  useEffect(() => {
    if (status === "idle") void load();
  }, [status, load]);

  useEffect(() => {
    if (!isOpen) return;
    void loadNames();
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen, loadNames]);

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
          {status === "error" ? (
            <p className="bell-empty" role="alert">
              {error}{" "}
              <button type="button" className="link-button" onClick={() => void load()}>
                {t("common.retry")}
              </button>
            </p>
          ) : items.length === 0 ? (
            <p className="bell-empty">
              {status === "ready" ? t("notifications.empty") : t("common.loading")}
            </p>
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
                      {notificationMessage(n, (id) => names[id] ?? null, t)}
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
