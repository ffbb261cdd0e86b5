/**
 * The person's own account: change the password (which signs out every other session) and see where
 * they are logged in, signing out any other browser or all of them at once.
 */
import { type AccountSession, changePasswordBody, limits } from "@lattice/domain";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { accountApi } from "../../api/account";
import { ApiError, describeError } from "../../api/client";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Field, Input } from "../../ui/input";
import { ListSkeleton } from "../../ui/skeleton";
import "./account.css";
import { describeDevice } from "./device";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** A 401 here means this very session was ended elsewhere: show the login page. */
const isSessionGone = (error: unknown) => error instanceof ApiError && error.status === 401;

const PasswordSection = ({ onChanged }: { onChanged: () => void }) => {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    // The same rule, and sentence, the server applies.
    const checked = changePasswordBody.shape.newPassword.safeParse(newPassword);
    if (!checked.success) {
      setErrors({ newPassword: checked.error.issues[0]?.message ?? "is not allowed" });
      return;
    }
    if (newPassword !== confirmation) {
      setErrors({ confirmation: "does not match the new password" });
      return;
    }
    setIsBusy(true);
    try {
      await accountApi.changePassword({ currentPassword, newPassword });
      setCurrentPassword("");
      setNewPassword("");
      setConfirmation("");
      toast.success("Password changed. Every other session was signed out.");
      onChanged();
    } catch (error) {
      if (isSessionGone(error)) useSession.getState().expire();
      else if (error instanceof ApiError && error.fieldErrors().currentPassword)
        setErrors({ currentPassword: "is wrong" });
      else if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else setFormError(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="account-password">
      <h2 id="account-password" className="section-title">
        Password
      </h2>
      <p className="muted account-intro">Changing it signs you out on every other browser.</p>
      <form className="settings-form account-password-form" onSubmit={(e) => void handleSubmit(e)}>
        <Field label="Current password" error={errors.currentPassword}>
          {(props) => (
            <Input
              {...props}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          label="New password"
          error={errors.newPassword}
          hint={`At least ${limits.passwordMin} characters.`}
        >
          {(props) => (
            <Input
              {...props}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Repeat the new password" error={errors.confirmation}>
          {(props) => (
            <Input
              {...props}
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={(e) => setConfirmation(e.target.value)}
              required
            />
          )}
        </Field>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-actions">
          <Button variant="primary" type="submit" isBusy={isBusy}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
};

const SessionRow = ({
  session,
  isBusy,
  onSignOut,
}: {
  session: AccountSession;
  isBusy: boolean;
  onSignOut: (session: AccountSession) => void;
}) => {
  const device = describeDevice(session.device);
  return (
    <li className="member-row session-row">
      <div className="member-identity">
        <span className="member-name session-device" title={session.device || undefined}>
          {device}
          {session.current ? <span className="session-current">This browser</span> : null}
        </span>
        <span className="muted session-details">
          {session.address || "Unknown address"} · last active{" "}
          <time dateTime={session.lastUsedAt}>{formatTime(session.lastUsedAt)}</time>
        </span>
        <span className="faint session-details">
          Signed in <time dateTime={session.createdAt}>{formatTime(session.createdAt)}</time>
        </span>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          size="sm"
          isBusy={isBusy}
          aria-label={`Sign out ${device}, last active ${formatTime(session.lastUsedAt)}`}
          onClick={() => onSignOut(session)}
        >
          Sign out
        </Button>
      )}
    </li>
  );
};

const SessionsSection = ({ reloadKey }: { reloadKey: number }) => {
  const [sessions, setSessions] = useState<AccountSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSigningOutOthers, setIsSigningOutOthers] = useState(false);

  const load = useCallback(async (signal?: AbortSignal) => {
    setError(null);
    try {
      setSessions(await accountApi.listSessions(signal));
    } catch (caught) {
      if (signal?.aborted) return;
      if (isSessionGone(caught)) useSession.getState().expire();
      else setError(`Could not load your sessions. ${describeError(caught)}`);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh list
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, reloadKey]);

  const handleSignOut = async (session: AccountSession) => {
    setBusyId(session.id);
    try {
      await accountApi.signOutSession(session.id);
      setSessions((list) => (list ? list.filter((s) => s.id !== session.id) : list));
      toast.success(`Signed out ${describeDevice(session.device)}.`);
    } catch (caught) {
      if (isSessionGone(caught)) useSession.getState().expire();
      else if (caught instanceof ApiError && caught.status === 404) {
        // Already ended (say, from another tab): the list was just out of date.
        setSessions((list) => (list ? list.filter((s) => s.id !== session.id) : list));
      } else toast.error(`Could not sign out that session. ${describeError(caught)}`);
    } finally {
      setBusyId(null);
    }
  };

  const handleSignOutOthers = async () => {
    setIsSigningOutOthers(true);
    try {
      const { ended } = await accountApi.signOutOthers();
      setSessions((list) => (list ? list.filter((s) => s.current) : list));
      toast.success(ended === 1 ? "Signed out 1 other session." : `Signed out ${ended} other sessions.`);
      setIsConfirming(false);
    } catch (caught) {
      if (isSessionGone(caught)) useSession.getState().expire();
      else toast.error(`Could not sign out the other sessions. ${describeError(caught)}`);
    } finally {
      setIsSigningOutOthers(false);
    }
  };

  const otherCount = sessions?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="settings-section" aria-labelledby="account-sessions">
      <div className="section-header">
        <h2 id="account-sessions" className="section-title">
          Where you are logged in
        </h2>
        {sessions ? <span className="count-badge">{sessions.length}</span> : null}
      </div>
      {error ? (
        <p className="form-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : !sessions ? (
        <ListSkeleton rows={2} />
      ) : (
        <>
          <ul className="member-list" aria-label="Sessions">
            {sessions.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                isBusy={busyId === session.id}
                onSignOut={(s) => void handleSignOut(s)}
              />
            ))}
          </ul>
          <div className="form-actions account-actions">
            <p className="muted account-note">
              {otherCount === 0
                ? "No other sessions."
                : "Sign out a browser you no longer use or do not recognize."}
            </p>
            <Button variant="danger" disabled={otherCount === 0} onClick={() => setIsConfirming(true)}>
              Sign out all other sessions
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        isOpen={isConfirming}
        title="Sign out all other sessions?"
        message={`Every other browser logged in to your account (${otherCount}) will have to log in again. This one stays logged in.`}
        confirmLabel="Sign out others"
        isBusy={isSigningOutOthers}
        onConfirm={() => void handleSignOutOthers()}
        onClose={() => setIsConfirming(false)}
      />
    </section>
  );
};

export const AccountPage = () => {
  const user = useSession((s) => s.user);
  // Bumped after a password change, which ends the other sessions: the list is read again.
  const [sessionsVersion, setSessionsVersion] = useState(0);

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{user?.email}</p>
          <h1 className="page-title">Account</h1>
        </div>
      </header>
      <PasswordSection onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection reloadKey={sessionsVersion} />
    </main>
  );
};
