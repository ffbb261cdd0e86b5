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
import {
  applyLanguage,
  type MessageKey,
  type Translator,
  translate,
  useTranslator,
} from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";
import { ListSkeleton } from "../../ui/skeleton";
import "./account.css";
import { type DeviceWords, describeDevice } from "./device";

/** A 401 here means this very session was ended elsewhere: show the login page. */
const isSessionGone = (error: unknown) => error instanceof ApiError && error.status === 401;

/** Each language by its own name, as a person looking for it would recognize it. */
const localeLabels: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  ar: "العربية",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  nl: "Nederlands",
  pt: "Português",
};

const themeLabels: Record<Theme, MessageKey> = {
  light: "account.theme.light",
  dark: "account.theme.dark",
  system: "account.theme.system",
};

const colorLabels: Record<InitialsColor, MessageKey> = {
  "#1d4ed8": "account.color.blue",
  "#6d28d9": "account.color.violet",
  "#a21caf": "account.color.purple",
  "#be185d": "account.color.pink",
  "#b91c1c": "account.color.red",
  "#c2410c": "account.color.orange",
  "#a16207": "account.color.amber",
  "#4d7c0f": "account.color.lime",
  "#15803d": "account.color.green",
  "#0f766e": "account.color.teal",
  "#0e7490": "account.color.cyan",
  "#475569": "account.color.slate",
};

const deviceWords = (t: Translator["t"]): DeviceWords => ({
  unknown: t("account.sessions.unknownDevice"),
  browserOnSystem: (browser, system) => t("account.sessions.browserOnSystem", { browser, system }),
});

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
  const { t } = useTranslator();
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
      // A new language is in place before the confirmation, which is said in it.
      await applyLanguage(updated.locale, updated.timeZone);
      toast.success(translate("account.saved"));
    } catch (error) {
      if (isSessionGone(error)) useSession.getState().expire();
      else if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else toast.error(t("account.saveFailed", { reason: describeError(error) }));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="account-preferences">
      <h2 id="account-preferences" className="section-title">
        {t("account.you")}
      </h2>
      <form className="settings-form" onSubmit={(e) => void handleSubmit(e)}>
        <div className="account-identity">
          <Avatar name={name || user.name} seed={user.id} size={44} color={color} />
          <Field label={t("account.name")} error={errors.name}>
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
          <legend className="field-label">{t("account.color.legend")}</legend>
          <p className="field-hint muted">{t("account.color.hint")}</p>
          <div className="account-color-options">
            <label className="account-color-option" title={t("account.color.automatic")}>
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
              <span className="visually-hidden">{t("account.color.automatic")}</span>
            </label>
            {initialsColors.map((option) => (
              <label key={option} className="account-color-option" title={t(colorLabels[option])}>
                <input
                  type="radio"
                  name="initials-color"
                  value={option}
                  checked={color === option}
                  onChange={() => setColor(option)}
                />
                <span className="account-color-swatch" style={{ background: option }} aria-hidden="true" />
                <span className="visually-hidden">{t(colorLabels[option])}</span>
              </label>
            ))}
          </div>
          {errors.color ? <p className="field-error">{errors.color}</p> : null}
        </fieldset>
        <Field label={t("account.language")} error={errors.locale} hint={t("account.languageHint")}>
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
        <Field label={t("account.timeZone")} error={errors.timeZone} hint={t("account.timeZoneHint")}>
          {(props) => (
            <Select {...props} value={timeZone ?? ""} onChange={(e) => setTimeZone(e.target.value || null)}>
              <option value="">{t("account.browserTimeZone", { zone: browserTimeZone })}</option>
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className="account-theme">
          <legend className="field-label">{t("account.theme")}</legend>
          {themes.map((option) => (
            <label key={option} className="account-theme-option">
              <input
                type="radio"
                name="theme"
                value={option}
                checked={theme === option}
                onChange={() => setTheme(option)}
              />{" "}
              {t(themeLabels[option])}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={!isDirty}>
            {t("account.save")}
          </Button>
        </div>
      </form>
    </section>
  );
};

const topicLabels: Record<MailTopic, MessageKey> = {
  mentioned: "account.mail.topic.mentioned",
  assigned: "account.mail.topic.assigned",
  reminder: "account.mail.topic.reminder",
  blocked: "account.mail.topic.blocked",
  commented: "account.mail.topic.commented",
  status_changed: "account.mail.topic.statusChanged",
};

const deliveryLabels: Record<MailDelivery, MessageKey> = {
  instant: "account.mail.delivery.instant",
  digest: "account.mail.delivery.digest",
  never: "account.mail.delivery.never",
};

/**
 * Which notifications also come by e-mail: each topic at once (unless read in the app within a few
 * minutes), in the morning digest, or never. A choice is saved as soon as it is made.
 */
const NotificationsSection = () => {
  const [preferences, setPreferences] = useState<MailPreferences | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [savingKey, setSavingKey] = useState<string | null>(null);
  const { t } = useTranslator();

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
      toast.success(t("account.mail.saved"));
    } catch (error) {
      if (before) setPreferences(before);
      if (isSessionGone(error)) useSession.getState().expire();
      else toast.error(t("account.mail.saveFailed", { reason: describeError(error) }));
    } finally {
      setSavingKey(null);
    }
  };

  return (
    <section id="notifications" className="settings-section" aria-labelledby="account-notifications">
      <h2 id="account-notifications" className="section-title">
        {t("account.mail.title")}
      </h2>
      <p className="muted account-intro">{t("account.mail.intro")}</p>
      {loadError ? (
        <p className="form-error" role="alert">
          {t("account.mail.loadFailed", { reason: loadError })}
        </p>
      ) : !preferences ? (
        <ListSkeleton rows={3} />
      ) : (
        <div className="settings-form account-mail">
          <div className="account-mail-topics">
            {mailTopics.map((topic) => (
              <div key={topic} className="account-mail-topic">
                <label htmlFor={`mail-topic-${topic}`}>{t(topicLabels[topic])}</label>
                <Select
                  id={`mail-topic-${topic}`}
                  value={preferences.topics[topic]}
                  disabled={savingKey === topic}
                  onChange={(e) => void save(topic, { topics: { [topic]: e.target.value as MailDelivery } })}
                >
                  {mailDeliveries.map((d) => (
                    <option key={d} value={d}>
                      {t(deliveryLabels[d])}
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
            {t("account.mail.digest")}
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
  const { t } = useTranslator();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    // The same rule, and sentence, the server applies.
    const checked = changePasswordBody.shape.newPassword.safeParse(newPassword);
    if (!checked.success) {
      setErrors({
        newPassword:
          newPassword.length < limits.passwordMin
            ? t("auth.passwordTooShort", { min: limits.passwordMin })
            : t("account.password.tooLong", { max: limits.passwordMax }),
      });
      return;
    }
    if (newPassword !== confirmation) {
      setErrors({ confirmation: t("account.password.mismatch") });
      return;
    }
    setIsBusy(true);
    try {
      await accountApi.changePassword({ currentPassword, newPassword });
      setCurrentPassword("");
      setNewPassword("");
      setConfirmation("");
      toast.success(t("account.password.changed"));
      onChanged();
    } catch (error) {
      if (isSessionGone(error)) useSession.getState().expire();
      else if (error instanceof ApiError && error.fieldErrors().currentPassword)
        setErrors({ currentPassword: t("account.password.wrong") });
      else if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else setFormError(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="account-password">
      <h2 id="account-password" className="section-title">
        {t("account.password.title")}
      </h2>
      <p className="muted account-intro">{t("account.password.intro")}</p>
      <form className="settings-form account-password-form" onSubmit={(e) => void handleSubmit(e)}>
        <Field label={t("account.password.current")} error={errors.currentPassword}>
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
          label={t("auth.reset.newPassword")}
          error={errors.newPassword}
          hint={t("auth.passwordHint", { min: limits.passwordMin })}
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
        <Field label={t("account.password.repeat")} error={errors.confirmation}>
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
            {t("account.password.submit")}
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
  const { t, format } = useTranslator();
  const device = describeDevice(session.device, deviceWords(t));
  const lastActive = format.dateTime(session.lastUsedAt);
  return (
    <li className="member-row session-row">
      <div className="member-identity">
        <span className="member-name session-device" title={session.device || undefined}>
          {device}
          {session.current ? (
            <span className="session-current">{t("account.sessions.thisBrowser")}</span>
          ) : null}
        </span>
        <span className="muted session-details">
          {session.address || t("account.sessions.unknownAddress")} · {t("account.sessions.lastActive")}{" "}
          <time dateTime={session.lastUsedAt}>{lastActive}</time>
        </span>
        <span className="faint session-details">
          {t("account.sessions.signedIn")}{" "}
          <time dateTime={session.createdAt}>{format.dateTime(session.createdAt)}</time>
        </span>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          size="sm"
          isBusy={isBusy}
          aria-label={t("account.sessions.signOutLabel", { device, when: lastActive })}
          onClick={() => onSignOut(session)}
        >
          {t("account.sessions.signOut")}
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
  const { t, format } = useTranslator();

  const load = useCallback(async (signal?: AbortSignal) => {
    setError(null);
    try {
      setSessions(await accountApi.listSessions(signal));
    } catch (caught) {
      if (signal?.aborted) return;
      if (isSessionGone(caught)) useSession.getState().expire();
      else setError(translate("account.sessions.loadFailed", { reason: describeError(caught) }));
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
      toast.success(
        t("account.sessions.signedOut", { device: describeDevice(session.device, deviceWords(t)) }),
      );
    } catch (caught) {
      if (isSessionGone(caught)) useSession.getState().expire();
      else if (caught instanceof ApiError && caught.status === 404) {
        // Already ended (say, from another tab): the list was just out of date.
        setSessions((list) => (list ? list.filter((s) => s.id !== session.id) : list));
      } else toast.error(t("account.sessions.signOutFailed", { reason: describeError(caught) }));
    } finally {
      setBusyId(null);
    }
  };

  const handleSignOutOthers = async () => {
    setIsSigningOutOthers(true);
    try {
      const { ended } = await accountApi.signOutOthers();
      setSessions((list) => (list ? list.filter((s) => s.current) : list));
      toast.success(t("account.sessions.signedOutOthers", { count: ended }));
      setIsConfirming(false);
    } catch (caught) {
      if (isSessionGone(caught)) useSession.getState().expire();
      else toast.error(t("account.sessions.signOutOthersFailed", { reason: describeError(caught) }));
    } finally {
      setIsSigningOutOthers(false);
    }
  };

  const otherCount = sessions?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="settings-section" aria-labelledby="account-sessions">
      <div className="section-header">
        <h2 id="account-sessions" className="section-title">
          {t("account.sessions.title")}
        </h2>
        {sessions ? <span className="count-badge">{format.number(sessions.length)}</span> : null}
      </div>
      {error ? (
        <p className="form-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t("common.retry")}
          </button>
        </p>
      ) : !sessions ? (
        <ListSkeleton rows={2} />
      ) : (
        <>
          <ul className="member-list" aria-label={t("account.sessions.list")}>
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
              {otherCount === 0 ? t("account.sessions.noOthers") : t("account.sessions.othersHint")}
            </p>
            <Button variant="danger" disabled={otherCount === 0} onClick={() => setIsConfirming(true)}>
              {t("account.sessions.signOutAll")}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        isOpen={isConfirming}
        title={t("account.sessions.confirmTitle")}
        message={t("account.sessions.confirmMessage", { count: otherCount })}
        confirmLabel={t("account.sessions.confirmButton")}
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
  const { t } = useTranslator();

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{user?.email}</p>
          <h1 className="page-title">{t("account.title")}</h1>
        </div>
      </header>
      <PreferencesSection />
      <NotificationsSection />
      <PasswordSection onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsSection reloadKey={sessionsVersion} />
    </main>
  );
};
