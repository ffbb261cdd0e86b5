/**
 * The person's own account: their name, initials colour, language, time zone and theme; change the
 * password (which signs out every other session) and see where they are logged in, signing out any
 * other browser or all of them at once.
 */
import {
  type AccountSession,
  changePasswordBody,
  defaultInitialsColor,
  type InitialsColor,
  initialsColorNames,
  initialsColors,
  type Locale,
  limits,
  locales,
  type MailDelivery,
  type MailPreferences,
  type MailTopic,
  mailDeliveries,
  mailTopics,
  type Theme,
  themes,
  type UpdateMailPreferencesBody,
} from "@lattice/domain";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { accountApi } from "../../api/account";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { peopleApi } from "../../api/people";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";
import { ListSkeleton } from "../../ui/skeleton";
import "./account.css";
import { describeDevice } from "./device";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** A 401 here means this very session was ended elsewhere: show the login page. */
const isSessionGone = (error: unknown) => error instanceof ApiError && error.status === 401;

const localeLabels: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  nl: "Nederlands",
  pt: "Português",
};

const themeLabels: Record<Theme, string> = { light: "Light", dark: "Dark", system: "Follow the system" };

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [browserTimeZone];
  }
})();

const paletteColor = (value: string | null): InitialsColor | null =>
  initialsColors.find((c) => c === value) ?? null;

const PreferencesSection = () => {
  const user = useSession((s) => s.user);
  const putUser = useSession((s) => s.putUser);
  const [name, setName] = useState(user?.name ?? "");
  // A colour chosen before the palette existed shows as automatic until a palette colour is picked.
  const [color, setColor] = useState<InitialsColor | null>(paletteColor(user?.color ?? null));
  const [locale, setLocale] = useState<string>(user?.locale ?? "en");
  const [timeZone, setTimeZone] = useState<string | null>(user?.timeZone ?? null);
  const [theme, setTheme] = useState<Theme>(user?.theme ?? "system");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  if (!user) return null;
  const isDirty =
    name !== user.name ||
    color !== paletteColor(user.color) ||
    locale !== user.locale ||
    timeZone !== user.timeZone ||
    theme !== user.theme;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setIsBusy(true);
    try {
      const updated = await peopleApi.updateSettings({
        name,
        color,
        locale: locale as Locale,
        timeZone,
        theme,
      });
      putUser(updated);
      toast.success("Your settings are saved.");
    } catch (error) {
      if (isSessionGone(error)) useSession.getState().expire();
      else if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else toast.error(`Could not save your settings. ${describeError(error)}`);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="account-preferences">
      <h2 id="account-preferences" className="section-title">
        You
      </h2>
      <form className="settings-form" onSubmit={(e) => void handleSubmit(e)}>
        <div className="account-identity">
          <Avatar name={name || user.name} seed={user.id} size={44} color={color} />
          <Field label="Name" error={errors.name}>
            {(props) => (
              <Input
                {...props}
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                maxLength={limits.nameMax}
              />
            )}
          </Field>
        </div>
        <fieldset className="account-colors">
          <legend className="field-label">Initials colour</legend>
          <p className="field-hint muted">Everyone sees your initials in this colour.</p>
          <div className="account-color-options">
            <label className="account-color-option" title="Automatic">
              <input
                type="radio"
                name="initials-color"
                value=""
                checked={color === null}
                onChange={() => setColor(null)}
              />
              <span
                className="account-color-swatch"
                style={{ background: defaultInitialsColor(user.id) }}
                aria-hidden="true"
              >
                A
              </span>
              <span className="visually-hidden">Automatic</span>
            </label>
            {initialsColors.map((option) => (
              <label key={option} className="account-color-option" title={initialsColorNames[option]}>
                <input
                  type="radio"
                  name="initials-color"
                  value={option}
                  checked={color === option}
                  onChange={() => setColor(option)}
                />
                <span className="account-color-swatch" style={{ background: option }} aria-hidden="true" />
                <span className="visually-hidden">{initialsColorNames[option]}</span>
              </label>
            ))}
          </div>
          {errors.color ? <p className="field-error">{errors.color}</p> : null}
        </fieldset>
        <Field
          label="Language"
          error={errors.locale}
          hint="Kept for when the interface is translated; it is in English for now."
        >
          {(props) => (
            <Select {...props} value={locale} onChange={(e) => setLocale(e.target.value)}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {localeLabels[l]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Time zone"
          error={errors.timeZone}
          hint={'Decides what "today" is on boards, filters and your work.'}
        >
          {(props) => (
            <Select {...props} value={timeZone ?? ""} onChange={(e) => setTimeZone(e.target.value || null)}>
              <option value="">This browser's ({browserTimeZone})</option>
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className="account-theme">
          <legend className="field-label">Theme</legend>
          {themes.map((t) => (
            <label key={t} className="account-theme-option">
              <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />{" "}
              {themeLabels[t]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={!isDirty}>
            Save settings
          </Button>
        </div>
      </form>
    </section>
  );
};

const topicLabels: Record<MailTopic, string> = {
  mentioned: "Someone mentions me",
  assigned: "I am made responsible or a co-worker",
  reminder: "A reminder of mine is due",
  blocked: "A card of mine is blocked or unblocked",
  commented: "Someone comments on a card I follow",
  status_changed: "A card I follow changes status",
};

const deliveryLabels: Record<MailDelivery, string> = {
  instant: "E-mail me at once",
  digest: "In my daily digest",
  never: "Never by e-mail",
};

/**
 * Which notifications also come by e-mail: each topic at once (unless read in the app within a few
 * minutes), in the morning digest, or never. A choice is saved as soon as it is made.
 */
const NotificationsSection = () => {
  const [preferences, setPreferences] = useState<MailPreferences | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [savingKey, setSavingKey] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    mailApi
      .mailPreferences()
      .then((p) => isCurrent && setPreferences(p))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (isSessionGone(error)) useSession.getState().expire();
        else setLoadError(describeError(error));
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  const save = async (key: string, change: UpdateMailPreferencesBody) => {
    setSavingKey(key);
    // The choice shows at once; the server's answer confirms it, and a refusal puts the old one back.
    const before = preferences;
    if (before)
      setPreferences({
        ...before,
        ...(change.dailyDigest === undefined ? {} : { dailyDigest: change.dailyDigest }),
        topics: Object.assign(
          { ...before.topics },
          Object.fromEntries(
            Object.entries(change.topics ?? {}).filter(([, choice]) => choice !== undefined),
          ),
        ),
      });
    try {
      setPreferences(await mailApi.updateMailPreferences(change));
      toast.success("Your e-mail choices are saved.");
    } catch (error) {
      if (before) setPreferences(before);
      if (isSessionGone(error)) useSession.getState().expire();
      else toast.error(`Could not save your e-mail choices. ${describeError(error)}`);
    } finally {
      setSavingKey(null);
    }
  };

  return (
    <section id="notifications" className="settings-section" aria-labelledby="account-notifications">
      <h2 id="account-notifications" className="section-title">
        Notifications by e-mail
      </h2>
      <p className="muted account-intro">
        What you are notified of in the app can also come by e-mail. "At once" waits a few minutes and is not
        sent if you read the notification in the app meanwhile.
      </p>
      {loadError ? (
        <p className="form-error" role="alert">
          Could not load your e-mail choices. {loadError}
        </p>
      ) : !preferences ? (
        <ListSkeleton rows={3} />
      ) : (
        <div className="settings-form account-mail">
          <div className="account-mail-topics">
            {mailTopics.map((topic) => (
              <div key={topic} className="account-mail-topic">
                <label htmlFor={`mail-topic-${topic}`}>{topicLabels[topic]}</label>
                <Select
                  id={`mail-topic-${topic}`}
                  value={preferences.topics[topic]}
                  disabled={savingKey === topic}
                  onChange={(e) => void save(topic, { topics: { [topic]: e.target.value as MailDelivery } })}
                >
                  {mailDeliveries.map((d) => (
                    <option key={d} value={d}>
                      {deliveryLabels[d]}
                    </option>
                  ))}
                </Select>
              </div>
            ))}
          </div>
          <label className="account-mail-digest">
            <input
              type="checkbox"
              checked={preferences.dailyDigest}
              disabled={savingKey === "digest"}
              onChange={(e) => void save("digest", { dailyDigest: e.target.checked })}
            />{" "}
            Send me a daily digest in the morning (in my time zone): cards due today and late, blocked cards I
            am responsible for, unread mentions and the topics above chosen for the digest. No news, no
            e-mail.
          </label>
        </div>
      )}
    </section>
  );
};

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
      <PreferencesSection />
      <NotificationsSection />
      <PasswordSection onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection reloadKey={sessionsVersion} />
    </main>
  );
};
