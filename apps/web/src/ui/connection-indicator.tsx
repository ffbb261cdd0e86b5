import { useSync } from "../sync/live";

const labels = {
  live: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  offline: "Offline",
} as const;

const hints = {
  live: "Changes by others appear as they happen.",
  connecting: "Connecting to live updates.",
  reconnecting: "The live connection dropped; trying again. Your changes are kept.",
  offline: "No connection. Your changes are kept and sent when the connection is back.",
} as const;

/** Live / Reconnecting… / Offline, for the page header. */
export const ConnectionIndicator = () => {
  const status = useSync((s) => s.status);
  return (
    <output className={`connection connection-${status}`} title={hints[status]} aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      {labels[status]}
    </output>
  );
};
