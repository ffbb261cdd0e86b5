/**
 * The instance administrators' outbox: every message queued, sent or failed, newest first. Without
 * SMTP nothing leaves, so this is where an invitation or reset link can be copied and sent by hand.
 */
import type { Outbox, OutboxMessage } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { useSession } from "../../store/session";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const stateLabels: Record<OutboxMessage["state"], string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Dropped (read in the app)",
};

const MessageItem = ({ message }: { message: OutboxMessage }) => (
  <li className="outbox-message">
    <details>
      <summary>
        <span className={`outbox-state outbox-state-${message.state}`}>{stateLabels[message.state]}</span>
        <span className="outbox-subject">{message.subject}</span>
        <span className="muted outbox-meta">
          to {message.to} · {timeFormat.format(new Date(message.createdAt))}
          {message.attempts > 0 ? ` · ${message.attempts} attempt${message.attempts === 1 ? "" : "s"}` : ""}
        </span>
      </summary>
      {message.lastError ? <p className="form-error">Last error: {message.lastError}</p> : null}
      <pre className="outbox-text">{message.text}</pre>
    </details>
  </li>
);

export const OutboxPage = () => {
  const user = useSession((s) => s.user);
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user?.isAdmin) return;
    mailApi
      .outbox()
      .then(setOutbox)
      .catch((e: unknown) => setError(describeError(e)));
  }, [user?.isAdmin]);

  if (!user?.isAdmin)
    return (
      <main className="page page-centered">
        <EmptyState title="Administrators only">
          <p>The outbox is for the administrators of this instance.</p>
        </EmptyState>
      </main>
    );

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">Instance administration</p>
          <h1 className="page-title">Mail outbox</h1>
        </div>
      </header>
      {outbox && !outbox.smtpConfigured ? (
        <p className="outbox-notice" role="note">
          No SMTP server is configured (SMTP_URL), so messages stay here. Open one to copy its link and send
          it by hand.
        </p>
      ) : null}
      {error ? (
        <p className="form-error">{error}</p>
      ) : !outbox ? (
        <ListSkeleton rows={4} />
      ) : outbox.messages.length === 0 ? (
        <EmptyState title="No messages yet">
          <p>Invitations and password resets appear here as they are queued.</p>
        </EmptyState>
      ) : (
        <ul className="outbox-list">
          {outbox.messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ul>
      )}
    </main>
  );
};
