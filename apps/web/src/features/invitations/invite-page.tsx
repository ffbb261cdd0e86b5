/**
 * Where an invitation link lands (`/invite#<token>`; the token rides in the fragment, which browsers
 * never send to a server). A person without an account names themselves and picks a password; a
 * person with one signs in (or is signed in) and joins. A used, expired or withdrawn link, or one
 * that is not valid at all, gets a page that says so and what to do.
 */
import { type InvitationPreview, limits, type SignupModeInfo } from "@lattice/domain";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { useSession } from "../../store/session";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/input";

type Loaded =
  | { kind: "loading" }
  | { kind: "invalid"; message: string }
  | { kind: "ready"; preview: InvitationPreview; mode: SignupModeInfo | null };

const roleWords: Record<InvitationPreview["role"], string> = {
  owner: "an owner",
  member: "a member",
  visitor: "a visitor",
};

export const AuthCard = ({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
}) => (
  <main className="auth-page">
    <div className="auth-card">
      <div className="auth-brand">
        <span className="brand-mark" aria-hidden="true" />
        <span>Lattice</span>
      </div>
      <h1 className="auth-title">{title}</h1>
      {subtitle ? <p className="auth-subtitle muted">{subtitle}</p> : null}
      {children}
    </div>
  </main>
);

const unusable: Record<
  Exclude<InvitationPreview["state"], "pending">,
  (p: InvitationPreview) => ReactNode
> = {
  accepted: (p) => (
    <>
      This invitation to <strong>{p.workspaceName}</strong> was already used. If it was you, log in to find
      the workspace.
    </>
  ),
  expired: (p) => (
    <>
      This invitation to <strong>{p.workspaceName}</strong> has expired. Ask{" "}
      {p.inviterName ?? "an owner of the workspace"} to send you a new one.
    </>
  ),
  revoked: (p) => (
    <>
      This invitation to <strong>{p.workspaceName}</strong> was withdrawn. If you still need access, ask an
      owner of the workspace.
    </>
  ),
};

const unusableTitle: Record<Exclude<InvitationPreview["state"], "pending">, string> = {
  accepted: "Invitation already used",
  expired: "Invitation expired",
  revoked: "Invitation withdrawn",
};

export const InvitePage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const token = location.hash.replace(/^#/, "");
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [loginEmail, setLoginEmail] = useState<string | null>(null);
  const [loginPassword, setLoginPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"new" | "login" | "join" | null>(null);

  useEffect(() => {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      setLoaded({
        kind: "invalid",
        message: "This link is incomplete. Copy the whole link from the message and try again.",
      });
      return;
    }
    let isCurrent = true;
    Promise.all([mailApi.previewInvitation(token), mailApi.signupMode().catch(() => null)])
      .then(([preview, mode]) => {
        if (isCurrent) setLoaded({ kind: "ready", preview, mode });
      })
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setLoaded({
          kind: "invalid",
          message:
            error instanceof ApiError && error.status === 404
              ? "This invitation link is not valid. Perhaps a newer invitation replaced it; ask for a new one."
              : describeError(error),
        });
      });
    return () => {
      isCurrent = false;
    };
  }, [token]);

  const land = async (workspaceId: string) => {
    await useSession.getState().load();
    await useWorkspaces.getState().loadWorkspaces();
    void navigate(`/w/${workspaceId}`, { replace: true });
  };

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
    else setFormError(describeError(error));
    setBusy(null);
  };

  const handleJoin = async () => {
    setFormError(null);
    setBusy("join");
    try {
      await land((await mailApi.acceptInvitation(token)).workspaceId);
    } catch (error) {
      fail(error);
    }
  };

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (password.length < limits.passwordMin) {
      setErrors({ password: `must be at least ${limits.passwordMin} characters` });
      return;
    }
    setBusy("new");
    try {
      await land((await mailApi.acceptInvitationNew({ token, name, password })).workspaceId);
    } catch (error) {
      fail(error);
    }
  };

  const handleLogin = async (event: FormEvent, email: string) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setBusy("login");
    try {
      await useSession.getState().login({ email, password: loginPassword });
      await land((await mailApi.acceptInvitation(token)).workspaceId);
    } catch (error) {
      fail(error);
    }
  };

  if (loaded.kind === "loading") return <AuthCard title="Opening your invitation…" />;
  if (loaded.kind === "invalid")
    return (
      <AuthCard title="This link does not work" subtitle={loaded.message}>
        <p className="auth-switch muted">
          <Link to="/login">Go to the login page</Link>
        </p>
      </AuthCard>
    );

  const { preview, mode } = loaded;
  if (preview.state !== "pending")
    return (
      <AuthCard title={unusableTitle[preview.state]} subtitle={unusable[preview.state](preview)}>
        <p className="auth-switch muted">
          <Link to="/login">Go to the login page</Link>
        </p>
      </AuthCard>
    );

  const subtitle = (
    <>
      {preview.inviterName ?? "Someone"} invited <strong>{preview.email}</strong> to join{" "}
      <strong>{preview.workspaceName}</strong> as {roleWords[preview.role]}.
    </>
  );
  const alert = formError ? (
    <p className="form-error" role="alert">
      {formError}
    </p>
  ) : null;

  if (status === "authenticated" && user)
    return (
      <AuthCard title={`Join ${preview.workspaceName}`} subtitle={subtitle}>
        {alert}
        <p className="muted">
          You are signed in as {user.name} ({user.email}).
        </p>
        <Button
          variant="primary"
          className="auth-submit"
          isBusy={busy === "join"}
          onClick={() => void handleJoin()}
        >
          Join {preview.workspaceName}
        </Button>
        <p className="auth-switch muted">
          Not you?{" "}
          <button type="button" className="link-button" onClick={() => void useSession.getState().logout()}>
            Log out
          </button>
        </p>
      </AuthCard>
    );

  const canCreate = mode?.mode !== "sso";
  return (
    <AuthCard title={`Join ${preview.workspaceName}`} subtitle={subtitle}>
      {alert}
      {canCreate ? (
        <form
          className="auth-form"
          onSubmit={(e) => void handleCreate(e)}
          noValidate
          aria-label="Create your account"
        >
          <h2 className="section-title">New to Lattice? Create your account</h2>
          <Field label="Your name" error={errors.name}>
            {(props) => (
              <Input
                {...props}
                name="name"
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                maxLength={limits.nameMax}
                autoFocus
              />
            )}
          </Field>
          <Field
            label="Choose a password"
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
              />
            )}
          </Field>
          <Button variant="primary" type="submit" isBusy={busy === "new"} className="auth-submit">
            Create account and join
          </Button>
        </form>
      ) : (
        <p className="muted">Accounts on this instance are made by signing in with single sign-on.</p>
      )}
      <form
        className="auth-form invite-login"
        onSubmit={(e) => void handleLogin(e, loginEmail ?? preview.email)}
        noValidate
        aria-label="Log in and join"
      >
        <h2 className="section-title">Already have an account?</h2>
        <Field label="Email">
          {(props) => (
            <Input
              {...props}
              type="email"
              name="email"
              autoComplete="email"
              value={loginEmail ?? preview.email}
              onChange={(e) => setLoginEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Password">
          {(props) => (
            <Input
              {...props}
              type="password"
              name="password"
              autoComplete="current-password"
              value={loginPassword}
              onChange={(e) => setLoginPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <Button type="submit" isBusy={busy === "login"} className="auth-submit">
          Log in and join
        </Button>
        <p className="auth-switch muted">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </AuthCard>
  );
};
