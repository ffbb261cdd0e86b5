/**
 * The instance administrator's accounts: everyone on the instance, with their sessions, and
 * deactivating or reactivating one. Deactivating ends the person's sessions at once; their cards and
 * comments keep their name.
 */
import type { AdminUser } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { ApiError, describeError } from "../../api/client";
import { peopleApi } from "../../api/people";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export const AccountsPage = () => {
  const me = useSession((s) => s.user);
  const [accounts, setAccounts] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

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
        isActive ? `${account.name} can sign in again.` : `${account.name} is deactivated and signed out.`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) useSession.getState().expire();
      else toast.error(`Could not change ${account.name}'s account. ${describeError(err)}`);
    } finally {
      setBusyId(null);
      setConfirming(null);
    }
  };

  if (me && !me.isAdmin)
    return (
      <main className="page page-narrow">
        <EmptyState title="Only for administrators">
          <p>The accounts of this instance are managed by its administrators.</p>
        </EmptyState>
      </main>
    );

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">This instance</p>
          <h1 className="page-title">Accounts</h1>
        </div>
      </header>
      <section className="settings-section" aria-labelledby="accounts-list">
        <h2 id="accounts-list" className="section-title">
          Everyone who can sign in here
        </h2>
        {error ? (
          <p className="form-error" role="alert">
            {error}{" "}
            <button type="button" className="link-button" onClick={() => void load()}>
              Retry
            </button>
          </p>
        ) : !accounts ? (
          <ListSkeleton rows={4} />
        ) : (
          <ul className="member-list" aria-label="Accounts">
            {accounts.map((account) => (
              <li key={account.id} className="member-row">
                <Avatar name={account.name} seed={account.id} size={32} />
                <div className="member-identity">
                  <span className="member-name">
                    {account.name}
                    {account.isAdmin ? <span className="faint"> (administrator)</span> : null}
                    {account.id === me?.id ? <span className="faint"> (you)</span> : null}
                  </span>
                  <span className="member-email muted">
                    {account.email} · since {dateFormat.format(new Date(account.createdAt))} ·{" "}
                    {account.sessions} session{account.sessions === 1 ? "" : "s"}
                  </span>
                </div>
                {account.deactivatedAt ? (
                  <>
                    <span className="role-pill role-visitor">
                      Deactivated {dateFormat.format(new Date(account.deactivatedAt))}
                    </span>
                    <Button
                      size="sm"
                      isBusy={busyId === account.id}
                      onClick={() => void setActive(account, true)}
                      aria-label={`Reactivate ${account.name}`}
                    >
                      Reactivate
                    </Button>
                  </>
                ) : account.id === me?.id ? null : (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setConfirming(account)}
                    aria-label={`Deactivate ${account.name}`}
                  >
                    Deactivate
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        isOpen={confirming !== null}
        title={`Deactivate ${confirming?.name ?? ""}?`}
        message="They are signed out everywhere at once and cannot sign in until reactivated. Their cards and comments stay, with their name."
        confirmLabel="Deactivate"
        isBusy={busyId !== null}
        onConfirm={() => confirming && void setActive(confirming, false)}
        onClose={() => setConfirming(null)}
      />
    </main>
  );
};
