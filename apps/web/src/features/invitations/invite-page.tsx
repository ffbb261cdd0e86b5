/**
 * Where an invitation link lands (`/invite#<token>`; the token rides in the fragment, which browsers
 * never send to a server). A person without an account names themselves and picks a password; a
 * person with one signs in (or is signed in) and joins. A used, expired or withdrawn link, or one
 * that is not valid at all, gets a page that says so and what to do. An invitation to a space lands
 * in that space. With single sign-on, the token waits in this tab's session storage while the
 * provider is visited (`returnTo` cannot carry a fragment), and the page picks it up on return.
 */
import {
  type AcceptedInvitation,
  type InvitationPreview,
  limits,
  type SignInMethods,
  type SignupModeInfo,
} from "@lattice/domain";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { fetchSignInMethods, fetchSignupMode } from "../../api/sign-in-options";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Field, Input } from "../../ui/input";
import { emphasize, strong } from "./emphasis";

type Loaded =
  | { kind: "loading" }
  | { kind: "invalid"; message: string }
  | {
      kind: "ready";
      preview: InvitationPreview;
      mode: SignupModeInfo | null;
      methods: SignInMethods | null;
    };

/** Where a token waits while the person signs in with single sign-on. */
const pendingTokenKey = "lattice:invitation-token";

/** Where an invitation leads: its space, or its workspace. */
const landingPath = (at: { workspaceId: string; spaceId: string | null }): string =>
  at.spaceId ? `/w/${at.workspaceId}/s/${at.spaceId}` : `/w/${at.workspaceId}`;

/** "**Ward 3** in **Clinic**" for a space invitation, "**Clinic**" for a workspace one (see `emphasize`). */
const placeOf = (p: InvitationPreview): string =>
  p.spaceName
    ? translate("invitations.invite.place", {
        space: strong(p.spaceName),
        workspace: strong(p.workspaceName),
      })
    : strong(p.workspaceName);

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
  accepted: (p) => emphasize(translate("invitations.invite.used", { place: placeOf(p) })),
  expired: (p) =>
    emphasize(
      p.inviterName
        ? translate("invitations.invite.expired", { place: placeOf(p), inviter: p.inviterName })
        : translate("invitations.invite.expiredAskOwner", { place: placeOf(p) }),
    ),
  revoked: (p) => emphasize(translate("invitations.invite.revoked", { place: placeOf(p) })),
};

const unusableTitle = (state: Exclude<InvitationPreview["state"], "pending">): string =>
  translate("invitations.invite.unusableTitle", { state });

export const InvitePage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const token = location.hash.replace(/^#/, "") || (sessionStorage.getItem(pendingTokenKey) ?? "");
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
  const { t } = useTranslator();

  useEffect(() => {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      setLoaded({
        kind: "invalid",
        message: translate("invitations.invite.incomplete"),
      });
      return;
    }
    let isCurrent = true;
    sessionStorage.removeItem(pendingTokenKey);
    Promise.all([
      mailApi.previewInvitation(token),
      fetchSignupMode().catch(() => null),
      fetchSignInMethods().catch(() => null),
    ])
      .then(([preview, mode, methods]) => {
        if (isCurrent) setLoaded({ kind: "ready", preview, mode, methods });
      })
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setLoaded({
          kind: "invalid",
          message:
            error instanceof ApiError && error.status === 404
              ? translate("invitations.invite.notValid")
              : describeError(error),
        });
      });
    return () => {
      isCurrent = false;
    };
  }, [token]);

  const land = async (accepted: AcceptedInvitation) => {
    await useSession.getState().load();
    await useWorkspaces.getState().loadWorkspaces();
    void navigate(landingPath(accepted), { replace: true });
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
      await land(await mailApi.acceptInvitation(token));
    } catch (error) {
      fail(error);
    }
  };

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (password.length < limits.passwordMin) {
      setErrors({ password: t("auth.passwordTooShort", { min: limits.passwordMin }) });
      return;
    }
    setBusy("new");
    try {
      await land(await mailApi.acceptInvitationNew({ token, name, password }));
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
      await land(await mailApi.acceptInvitation(token));
    } catch (error) {
      fail(error);
    }
  };

  if (loaded.kind === "loading") return <AuthCard title={t("invitations.invite.opening")} />;
  if (loaded.kind === "invalid")
    return (
      <AuthCard title={t("auth.reset.brokenTitle")} subtitle={loaded.message}>
        <p className="auth-switch muted">
          <Link to="/login">{t("invitations.invite.toLogin")}</Link>
        </p>
      </AuthCard>
    );

  const { preview, mode, methods } = loaded;
  if (preview.state !== "pending")
    return (
      <AuthCard title={unusableTitle(preview.state)} subtitle={unusable[preview.state](preview)}>
        <p className="auth-switch muted">
          {status === "authenticated" && preview.state === "accepted" ? (
            // Back from single sign-on, which accepted it: the way in.
            <Link to={landingPath(preview)}>
              {t("invitations.invite.open", { place: preview.spaceName ?? preview.workspaceName })}
            </Link>
          ) : (
            <Link to="/login">{t("invitations.invite.toLogin")}</Link>
          )}
        </p>
      </AuthCard>
    );

  const inviter = preview.inviterName ?? t("common.unknownPerson");
  const subtitle = emphasize(
    preview.spaceName
      ? t("invitations.invite.toSpace", {
          inviter,
          email: strong(preview.email),
          space: strong(preview.spaceName),
          workspace: strong(preview.workspaceName),
          role: preview.spaceRole ?? preview.role,
        })
      : t("invitations.invite.toWorkspace", {
          inviter,
          email: strong(preview.email),
          workspace: strong(preview.workspaceName),
          role: preview.role,
        }),
  );
  const place = preview.spaceName ?? preview.workspaceName;
  const handleSso = () => sessionStorage.setItem(pendingTokenKey, token);
  const ssoButton = methods?.sso ? (
    <div className="auth-sso">
      <a
        className="btn btn-primary btn-md auth-submit"
        href={`/api/auth/oidc/start?returnTo=${encodeURIComponent("/invite")}`}
        onClick={handleSso}
      >
        {methods.sso.label}
      </a>
      {methods.password ? <p className="auth-divider muted">{t("auth.orWithPassword")}</p> : null}
    </div>
  ) : null;
  const alert = formError ? (
    <p className="form-error" role="alert">
      {formError}
    </p>
  ) : null;

  if (status === "authenticated" && user)
    return (
      <AuthCard title={t("invitations.invite.join", { place })} subtitle={subtitle}>
        {alert}
        <p className="muted">{t("invitations.invite.signedInAs", { name: user.name, email: user.email })}</p>
        <Button
          variant="primary"
          className="auth-submit"
          isBusy={busy === "join"}
          onClick={() => void handleJoin()}
        >
          {t("invitations.invite.join", { place })}
        </Button>
        <p className="auth-switch muted">
          {t("invitations.invite.notYou")}{" "}
          <button type="button" className="link-button" onClick={() => void useSession.getState().logout()}>
            {t("invitations.invite.logOut")}
          </button>
        </p>
      </AuthCard>
    );

  const canCreate = mode?.mode !== "sso" && methods?.password !== false;
  return (
    <AuthCard title={t("invitations.invite.join", { place })} subtitle={subtitle}>
      {alert}
      {ssoButton}
      {canCreate ? (
        <form
          className="auth-form"
          onSubmit={(e) => void handleCreate(e)}
          noValidate
          aria-label={t("invitations.invite.createForm")}
        >
          <h2 className="section-title">{t("invitations.invite.createTitle")}</h2>
          <Field label={t("invitations.invite.yourName")} error={errors.name}>
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
            label={t("invitations.invite.choosePassword")}
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
              />
            )}
          </Field>
          <Button variant="primary" type="submit" isBusy={busy === "new"} className="auth-submit">
            {t("invitations.invite.createAndJoin")}
          </Button>
        </form>
      ) : ssoButton ? null : (
        <p className="muted">{t("auth.signupMode.sso")}</p>
      )}
      {methods?.password === false ? null : (
        <form
          className="auth-form invite-login"
          onSubmit={(e) => void handleLogin(e, loginEmail ?? preview.email)}
          noValidate
          aria-label={t("invitations.invite.loginAndJoin")}
        >
          <h2 className="section-title">{t("auth.haveAccount")}</h2>
          <Field label={t("auth.email")}>
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
          <Field label={t("auth.password")}>
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
            {t("invitations.invite.loginAndJoin")}
          </Button>
          <p className="auth-switch muted">
            <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
          </p>
        </form>
      )}
    </AuthCard>
  );
};
