/**
 * The instance administrator's accounts: everyone on the instance, with their sessions, and
 * deactivating or reactivating one. Deactivating ends the person's sessions at once; their cards and
 * comments keep their name.
 */
import type { AdminUser } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { ApiError, describeError } from "../../api/client";
import { peopleApi } from "../../api/people";
import { useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

export const AccountsPage = () => {
  const me = useSession((s) => s.user);
  const [accounts, setAccounts] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { t, format } = useTranslator();

  const load = useCallback(async () => {
    setError(null);
    try {
      setAccounts(await peopleApi.listUsers());
    } catch (err) {
      setError(describeError(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setActive = async (account: AdminUser, isActive: boolean) => {
    setBusyId(account.id);
    try {
      const updated = await peopleApi.setUserActive(account.id, isActive);
      setAccounts((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? null);
      toast.success(
        isActive
          ? t("people.accounts.reactivated", { name: account.name })
          : t("people.accounts.deactivated", { name: account.name }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) useSession.getState().expire();
      else toast.error(t("people.accounts.changeFailed", { name: account.name, reason: describeError(err) }));
    } finally {
      setBusyId(null);
      setConfirming(null);
    }
  };

  if (me && !me.isAdmin)
    return (
      <main className="page page-narrow">
        <EmptyState title={t("people.accounts.adminsOnly")}>
          <p>{t("people.accounts.adminsOnlyHint")}</p>
        </EmptyState>
      </main>
    );

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t("people.thisInstance")}</p>
          <h1 className="page-title">{t("people.accounts.title")}</h1>
        </div>
      </header>
      <section className="settings-section" aria-labelledby="accounts-list">
        <h2 id="accounts-list" className="section-title">
          {t("people.accounts.everyone")}
        </h2>
        {error ? (
          <p className="form-error" role="alert">
            {error}{" "}
            <button type="button" className="link-button" onClick={() => void load()}>
              {t("common.retry")}
            </button>
          </p>
        ) : !accounts ? (
          <ListSkeleton rows={4} />
        ) : (
          <ul className="member-list" aria-label={t("people.accounts.title")}>
            {accounts.map((account) => (
              <li key={account.id} className="member-row">
                <Avatar name={account.name} seed={account.id} size={32} />
                <div className="member-identity">
                  <span className="member-name">
                    {account.name}
                    {account.isAdmin ? (
                      <span className="faint"> {t("people.accounts.administrator")}</span>
                    ) : null}
                    {account.id === me?.id ? (
                      <span className="faint"> {t("settings.members.you")}</span>
                    ) : null}
                  </span>
                  <span className="member-email muted">
                    {t("people.accounts.details", {
                      email: account.email,
                      since: format.date(account.createdAt),
                      count: account.sessions,
                    })}
                  </span>
                </div>
                {account.deactivatedAt ? (
                  <>
                    <span className="role-pill role-visitor">
                      {t("people.accounts.deactivatedOn", { date: format.date(account.deactivatedAt) })}
                    </span>
                    <Button
                      size="sm"
                      isBusy={busyId === account.id}
                      onClick={() => void setActive(account, true)}
                      aria-label={t("people.accounts.reactivateNamed", { name: account.name })}
                    >
                      {t("people.accounts.reactivate")}
                    </Button>
                  </>
                ) : account.id === me?.id ? null : (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setConfirming(account)}
                    aria-label={t("people.accounts.deactivateNamed", { name: account.name })}
                  >
                    {t("people.accounts.deactivate")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        isOpen={confirming !== null}
        title={t("people.accounts.deactivateTitle", { name: confirming?.name ?? "" })}
        message={t("people.accounts.deactivateMessage")}
        confirmLabel={t("people.accounts.deactivate")}
        isBusy={busyId !== null}
        onConfirm={() => confirming && void setActive(confirming, false)}
        onClose={() => setConfirming(null)}
      />
    </main>
  );
};
