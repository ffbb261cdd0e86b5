/**
 * The instance administrators' outbox: every message queued, sent or failed, newest first. Without
 * SMTP nothing leaves, so this is where an invitation or reset link can be copied and sent by hand.
 */
import type { Outbox, OutboxMessage } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

const stateKeys: Record<OutboxMessage["state"], MessageKey> = {
  queued: "admin.outbox.queued",
  sent: "admin.outbox.sent",
  failed: "admin.outbox.failed",
  cancelled: "admin.outbox.cancelled",
};

const MessageItem = ({ message }: { message: OutboxMessage }) => {
  const { t, format } = useTranslator();
  return (
    <li className="outbox-message">
      <details>
        <summary>
          <span className={`outbox-state outbox-state-${message.state}`}>{t(stateKeys[message.state])}</span>
          <span className="outbox-subject">{message.subject}</span>
          <span className="muted outbox-meta">
            {message.attempts > 0
              ? t("admin.outbox.metaWithAttempts", {
                  to: message.to,
                  when: format.dateTime(message.createdAt),
                  count: message.attempts,
                })
              : t("admin.outbox.meta", { to: message.to, when: format.dateTime(message.createdAt) })}
          </span>
        </summary>
        {message.lastError ? (
          <p className="form-error">{t("admin.outbox.lastError", { error: message.lastError })}</p>
        ) : null}
        <pre className="outbox-text">{message.text}</pre>
      </details>
    </li>
  );
};

export const OutboxPage = () => {
  const user = useSession((s) => s.user);
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslator();

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
        <EmptyState title={t("admin.outbox.adminsOnly")}>
          <p>{t("admin.outbox.adminsOnlyHint")}</p>
        </EmptyState>
      </main>
    );

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t("admin.eyebrow")}</p>
          <h1 className="page-title">{t("admin.outbox.title")}</h1>
        </div>
      </header>
      {outbox && !outbox.smtpConfigured ? (
        <p className="outbox-notice" role="note">
          {t("admin.outbox.noSmtp")}
        </p>
      ) : null}
      {error ? (
        <p className="form-error">{error}</p>
      ) : !outbox ? (
        <ListSkeleton rows={4} />
      ) : outbox.messages.length === 0 ? (
        <EmptyState title={t("admin.outbox.empty")}>
          <p>{t("admin.outbox.emptyHint")}</p>
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
