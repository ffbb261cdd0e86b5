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
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/input";
import { AuthCard } from "../invitations/invite-page";

export const ForgotPasswordPage = () => {
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
        title="Check your e-mail"
        subtitle={`If ${sentTo} has an account here, a link to set a new password is on its way. It works once, within an hour.`}
      >
        <p className="auth-switch muted">
          <Link to="/login">Back to the login page</Link>
        </p>
      </AuthCard>
    );

  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter your e-mail address and we will send you a link to set a new one."
    >
      <form className="auth-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Field label="Email" error={error ?? undefined}>
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
          Send the link
        </Button>
      </form>
      <p className="auth-switch muted">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </AuthCard>
  );
};

export const ResetPasswordPage = () => {
  const location = useLocation();
  const token = location.hash.replace(/^#/, "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [linkError, setLinkError] = useState<string | null>(
    /^[A-Za-z0-9_-]{43}$/.test(token)
      ? null
      : "This link is incomplete. Copy the whole link from the message.",
  );
  const [isBusy, setIsBusy] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (password.length < limits.passwordMin) {
      setErrors({ password: `must be at least ${limits.passwordMin} characters` });
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
      <AuthCard
        title="Password changed"
        subtitle="You were signed out everywhere. Log in with your new password."
      >
        <Link to="/login" className="btn btn-primary btn-md auth-submit">
          Log in
        </Link>
      </AuthCard>
    );
  if (linkError)
    return (
      <AuthCard title="This link does not work" subtitle={linkError}>
        <p className="auth-switch muted">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title="Set a new password" subtitle="Setting it signs you out on every device.">
      <form className="auth-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Field
          label="New password"
          error={errors.password}
          hint={`At least ${limits.passwordMin} characters.`}
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
          Set password
        </Button>
      </form>
    </AuthCard>
  );
};
