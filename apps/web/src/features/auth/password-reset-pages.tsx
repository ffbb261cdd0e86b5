/**
 * "Forgot password": asking always gets the same answer (whether or not the address has an account);
 * the link in the message (`/reset-password#<token>`, valid for an hour, once) sets a new password
 * and signs the person out everywhere, so they log in again with it.
 */
import { limits } from "@lattice/domain";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/input";
import { AuthCard } from "../invitations/invite-page";

export const ForgotPasswordPage = () => {
  const { t } = useTranslator();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    try {
      await mailApi.forgotPassword(email);
      setSentTo(email.trim());
    } catch (e) {
      setError(
        e instanceof ApiError && e.errors.length > 0 ? (e.errors[0]?.message ?? e.detail) : describeError(e),
      );
    } finally {
      setIsBusy(false);
    }
  };

  if (sentTo)
    return (
      <AuthCard
        title={t("auth.forgot.sentTitle")}
        subtitle={t("auth.forgot.sentSubtitle", { email: sentTo })}
      >
        <p className="auth-switch muted">
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </p>
      </AuthCard>
    );

  return (
    <AuthCard title={t("auth.forgot.title")} subtitle={t("auth.forgot.subtitle")}>
      <form className="auth-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Field label={t("auth.email")} error={error ?? undefined}>
          {(props) => (
            <Input
              {...props}
              type="email"
              name="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoFocus
            />
          )}
        </Field>
        <Button variant="primary" type="submit" isBusy={isBusy} className="auth-submit">
          {t("auth.forgot.send")}
        </Button>
      </form>
      <p className="auth-switch muted">
        {t("auth.forgot.remembered")} <Link to="/login">{t("auth.logIn")}</Link>
      </p>
    </AuthCard>
  );
};

export const ResetPasswordPage = () => {
  const { t } = useTranslator();
  const location = useLocation();
  const token = location.hash.replace(/^#/, "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [linkError, setLinkError] = useState<string | null>(
    /^[A-Za-z0-9_-]{43}$/.test(token) ? null : t("auth.reset.incomplete"),
  );
  const [isBusy, setIsBusy] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (password.length < limits.passwordMin) {
      setErrors({ password: t("auth.passwordTooShort", { min: limits.passwordMin }) });
      return;
    }
    setIsBusy(true);
    try {
      await mailApi.resetPassword({ token, password });
      setIsDone(true);
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      if (fields.token) setLinkError(fields.token);
      else if (e instanceof ApiError && e.errors.length > 0) setErrors(fields);
      else setErrors({ password: describeError(e) });
    } finally {
      setIsBusy(false);
    }
  };

  if (isDone)
    return (
      <AuthCard title={t("auth.reset.doneTitle")} subtitle={t("auth.reset.doneSubtitle")}>
        <Link to="/login" className="btn btn-primary btn-md auth-submit">
          {t("auth.logIn")}
        </Link>
      </AuthCard>
    );
  if (linkError)
    return (
      <AuthCard title={t("auth.reset.brokenTitle")} subtitle={linkError}>
        <p className="auth-switch muted">
          <Link to="/forgot-password">{t("auth.reset.askAgain")}</Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title={t("auth.reset.title")} subtitle={t("auth.reset.subtitle")}>
      <form className="auth-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Field
          label={t("auth.reset.newPassword")}
          error={errors.password}
          hint={t("auth.passwordHint", { min: limits.passwordMin })}
        >
          {(props) => (
            <Input
              {...props}
              type="password"
              name="new-password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoFocus
            />
          )}
        </Field>
        <Button variant="primary" type="submit" isBusy={isBusy} className="auth-submit">
          {t("auth.reset.submit")}
        </Button>
      </form>
    </AuthCard>
  );
};
