import { limits, type SignInMethods, type SignupModeInfo } from "@lattice/domain";
import { type FormEvent, useEffect, useState } from "react";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { fetchSignInMethods, fetchSignupMode } from "../../api/sign-in-options";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/input";

type Mode = "login" | "signup";

/** What the server's single sign-on callback says went wrong (`?sso_error=`), as a sentence. */
const ssoErrors: Record<string, MessageKey> = {
  unavailable: "auth.sso.unavailable",
  state: "auth.sso.state",
  rejected: "auth.sso.rejected",
  denied: "auth.sso.denied",
  domain: "auth.sso.domain",
  unverified: "auth.sso.unverified",
  deactivated: "auth.sso.deactivated",
  invitation: "auth.sso.invitation",
};

/** How this instance lets people in; read once per page. Null while loading. */
const useSignInMethods = (): SignInMethods | null => {
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => {
    let isCurrent = true;
    fetchSignInMethods()
      .then((m) => isCurrent && setMethods(m))
      // Unknown: offer the password form, which says itself if it is refused.
      .catch(() => isCurrent && setMethods({ password: true, sso: null }));
    return () => {
      isCurrent = false;
    };
  }, []);
  return methods;
};

/** What the instance's sign-up mode lets a newcomer do, said on the login and signup pages. */
const signupModeNotes: Record<SignupModeInfo["mode"], MessageKey | null> = {
  open: null,
  invitation: "auth.signupMode.invitation",
  sso: "auth.signupMode.sso",
};

/** The instance's sign-up mode; null until known (or if the server could not say). */
const useSignupMode = (): SignupModeInfo | null => {
  const [info, setInfo] = useState<SignupModeInfo | null>(null);
  useEffect(() => {
    let isCurrent = true;
    fetchSignupMode()
      .then((value) => {
        if (isCurrent) setInfo(value);
      })
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, []);
  return info;
};

/** Where to go after logging in: the page that sent us here, if it is one of ours. */
const useNextPath = () => {
  const [params] = useSearchParams();
  const next = params.get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
};

const AuthForm = ({ mode }: { mode: Mode }) => {
  const status = useSession((s) => s.status);
  const login = useSession((s) => s.login);
  const signup = useSession((s) => s.signup);
  const navigate = useNavigate();
  const next = useNextPath();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const methods = useSignInMethods();
  const [params] = useSearchParams();
  const ssoError = params.get("sso_error");
  const signupMode = useSignupMode();
  const translator = useTranslator();
  const { t } = translator;

  if (status === "authenticated") return <Navigate to={next} replace />;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (mode === "signup" && password.length < limits.passwordMin) {
      setErrors({ password: t("auth.passwordTooShort", { min: limits.passwordMin }) });
      return;
    }
    setIsBusy(true);
    try {
      // The account starts in the language the sign-up page was shown in.
      if (mode === "signup") await signup({ email, name, password, locale: translator.locale });
      else await login({ email, password });
      void navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else if (error instanceof ApiError && error.code === "email_taken") setErrors({ email: error.detail });
      else setFormError(describeError(error));
      setIsBusy(false);
    }
  };

  const isSignup = mode === "signup";
  const canSignUp = signupMode?.canSignUp ?? true;
  const modeNoteKey = signupMode && !signupMode.canSignUp ? signupModeNotes[signupMode.mode] : null;
  const modeNote = modeNoteKey ? t(modeNoteKey) : "";
  if (isSignup && !canSignUp)
    return (
      <main className="auth-page">
        <div className="auth-card">
          <div className="auth-brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>Lattice</span>
          </div>
          <h1 className="auth-title">{t("auth.signupClosed")}</h1>
          <p className="auth-subtitle muted">{modeNote}</p>
          <p className="auth-switch muted">
            {t("auth.haveAccount")}{" "}
            <Link to={{ pathname: "/login", search: location.search }}>{t("auth.logIn")}</Link>
          </p>
        </div>
      </main>
    );
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Lattice</span>
        </div>
        <h1 className="auth-title">{isSignup ? t("auth.signup.title") : t("auth.login.title")}</h1>
        <p className="auth-subtitle muted">
          {isSignup ? t("auth.signup.subtitle") : t("auth.login.subtitle")}
        </p>
        {ssoError ? (
          <p className="form-error" role="alert">
            {t(ssoErrors[ssoError] ?? "auth.sso.failed")}
          </p>
        ) : null}
        {methods?.sso ? (
          <div className="auth-sso">
            <a
              className="btn btn-primary btn-md auth-submit"
              href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(next)}`}
            >
              {methods.sso.label}
            </a>
            {methods.password ? <p className="auth-divider muted">{t("auth.orWithPassword")}</p> : null}
          </div>
        ) : null}
        {methods && !methods.password ? null : (
          <form className="auth-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
            {formError ? (
              <p className="form-error" role="alert">
                {formError}
              </p>
            ) : null}
            <Field label={t("auth.email")} error={errors.email}>
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
            {isSignup ? (
              <Field label={t("auth.name")} error={errors.name}>
                {(props) => (
                  <Input
                    {...props}
                    name="name"
                    autoComplete="name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    required
                    maxLength={limits.nameMax}
                  />
                )}
              </Field>
            ) : null}
            <Field
              label={t("auth.password")}
              error={errors.password}
              hint={isSignup ? t("auth.passwordHint", { min: limits.passwordMin }) : undefined}
            >
              {(props) => (
                <Input
                  {...props}
                  type="password"
                  name="password"
                  autoComplete={isSignup ? "new-password" : "current-password"}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
              )}
            </Field>
            <Button variant="primary" type="submit" isBusy={isBusy} className="auth-submit">
              {isSignup ? t("auth.createAccount") : t("auth.logIn")}
            </Button>
          </form>
        )}
        {isSignup || (methods && !methods.password) ? null : (
          <p className="auth-forgot">
            <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
          </p>
        )}
        {methods && !methods.password ? null : isSignup || canSignUp ? (
          <p className="auth-switch muted">
            {isSignup ? t("auth.haveAccount") : t("auth.newHere")}{" "}
            <Link to={{ pathname: isSignup ? "/login" : "/signup", search: location.search }}>
              {isSignup ? t("auth.logIn") : t("auth.createAnAccount")}
            </Link>
          </p>
        ) : (
          <p className="auth-switch muted" data-testid="signup-mode-note">
            {modeNote}
          </p>
        )}
      </div>
    </main>
  );
};

export const LoginPage = () => <AuthForm mode="login" />;
export const SignupPage = () => <AuthForm mode="signup" />;
