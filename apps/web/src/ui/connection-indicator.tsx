import { type MessageKey, useTranslator } from "../lib/i18n/i18n";
import { useSync } from "../sync/live";

type Status = ReturnType<typeof useSync.getState>["status"];

const labels: Record<Status, MessageKey> = {
  live: "ui.connection.live",
  connecting: "ui.connection.connecting",
  reconnecting: "ui.connection.reconnecting",
  offline: "ui.connection.offline",
};

const hints: Record<Status, MessageKey> = {
  live: "ui.connection.liveHint",
  connecting: "ui.connection.connectingHint",
  reconnecting: "ui.connection.reconnectingHint",
  offline: "ui.connection.offlineHint",
};

/** Live / Reconnecting… / Offline, for the page header. */
export const ConnectionIndicator = () => {
  const status = useSync((s) => s.status);
  const { t } = useTranslator();
  return (
    <output className={`connection connection-${status}`} title={t(hints[status])} aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      {t(labels[status])}
    </output>
  );
};
