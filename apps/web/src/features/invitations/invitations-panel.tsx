/**
 * The owners' side of invitations, in the workspace settings (or, for a private space, in its members
 * dialog): invite anyone by e-mail (the answer is the same whether or not they have an account), and
 * see the pending invitations to resend or revoke. A space's list reloads when `invitations.changed`
 * arrives on the open board's channel, so every manager looking at it sees the others' changes.
 */
import { type Invitation, type WorkspaceRole, workspaceRoles } from "@lattice/domain";
import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { useTranslator } from "../../lib/i18n/i18n";
import { onBoardEvent } from "../../store/board";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";
import { roleKeys } from "../workspace-settings/settings-page";

/** Whose invitations: the workspace's own, or one space's (its role is then the role in the space). */
export type InvitationTarget =
  | { kind: "workspace"; workspaceId: string }
  | { kind: "space"; spaceId: string };

const callsFor = (target: InvitationTarget) =>
  target.kind === "workspace"
    ? {
        list: () => mailApi.listInvitations(target.workspaceId),
        invite: (email: string, role: WorkspaceRole) => mailApi.invite(target.workspaceId, { email, role }),
        resend: (id: string) => mailApi.resendInvitation(target.workspaceId, id),
        revoke: (id: string) => mailApi.revokeInvitation(target.workspaceId, id),
        isMine: (change: { spaceId: string | null; workspaceId: string }) =>
          change.spaceId === null && change.workspaceId === target.workspaceId,
      }
    : {
        list: () => mailApi.listSpaceInvitations(target.spaceId),
        invite: (email: string, role: WorkspaceRole) =>
          mailApi.inviteToSpace(target.spaceId, { email, role }),
        resend: (id: string) => mailApi.resendSpaceInvitation(target.spaceId, id),
        revoke: (id: string) => mailApi.revokeSpaceInvitation(target.spaceId, id),
        isMine: (change: { spaceId: string | null }) => change.spaceId === target.spaceId,
      };

export const InvitationsPanel = ({ target }: { target: InvitationTarget }) => {
  const { kind } = target;
  const id = target.kind === "workspace" ? target.workspaceId : target.spaceId;
  const targetKey = `${kind}-${id}`;
  const calls = useMemo(
    () => callsFor(kind === "workspace" ? { kind, workspaceId: id } : { kind, spaceId: id }),
    [kind, id],
  );
  const isSpace = kind === "space";
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("member");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const [pending, setPending] = useState<Invitation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { t, format } = useTranslator();

  const load = useCallback(async () => {
    try {
      setPending(await calls.list());
      setLoadError(null);
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [calls]);

  useEffect(() => {
    setPending(null);
    void load();
  }, [load]);

  // The open board's space channel carries `invitations.changed` for its space's list.
  useEffect(
    () =>
      onBoardEvent((event) => {
        if (event.type === "invitations.changed" && calls.isMine(event.payload)) void load();
      }),
    [calls, load],
  );

  const put = (invitation: Invitation) =>
    setPending((list) =>
      [...(list ?? []).filter((i) => i.id !== invitation.id), invitation].sort((a, b) =>
        a.email.localeCompare(b.email),
      ),
    );

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setIsBusy(true);
    try {
      const invitation = await calls.invite(email, role);
      put(invitation);
      toast.success(t("invitations.sent", { email: invitation.email }));
      setEmail("");
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else setErrors({ email: describeError(error) });
    } finally {
      setIsBusy(false);
    }
  };

  const handleResend = async (invitation: Invitation) => {
    setBusyId(invitation.id);
    try {
      put(await calls.resend(invitation.id));
      toast.success(t("invitations.resent", { email: invitation.email }));
    } catch (error) {
      toast.error(t("invitations.resendFailed", { reason: describeError(error) }));
      void load();
    } finally {
      setBusyId(null);
    }
  };

  const handleRevoke = async () => {
    if (!revoking) return;
    setBusyId(revoking.id);
    try {
      await calls.revoke(revoking.id);
      setPending((list) => list?.filter((i) => i.id !== revoking.id) ?? null);
      toast.success(t("invitations.revoked", { email: revoking.email }));
    } catch (error) {
      toast.error(t("invitations.revokeFailed", { reason: describeError(error) }));
      void load();
    } finally {
      setBusyId(null);
      setRevoking(null);
    }
  };

  return (
    <>
      <form className="invite-form" onSubmit={(e) => void handleSubmit(e)}>
        <Field
          label={t("invitations.byEmail")}
          error={errors.email}
          hint={isSpace ? t("invitations.byEmailSpaceHint") : t("invitations.byEmailHint")}
        >
          {(props) => (
            <Input
              {...props}
              type="email"
              placeholder={t("invitations.emailPlaceholder")}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={isSpace ? t("invitations.inviteAs") : t("invitations.role")} error={errors.role}>
          {(props) => (
            <Select {...props} value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
              {workspaceRoles.map((r) => (
                <option key={r} value={r}>
                  {t(roleKeys[r].label)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button variant="primary" type="submit" isBusy={isBusy} className="invite-submit">
          {t("invitations.invite")}
        </Button>
      </form>
      {loadError ? (
        <p className="form-error">
          {t("invitations.loadFailed", { reason: loadError })}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t("common.retry")}
          </button>
        </p>
      ) : pending && pending.length > 0 ? (
        <section className="pending-invitations" aria-labelledby={`pending-invitations-title-${targetKey}`}>
          <h3 id={`pending-invitations-title-${targetKey}`} className="pending-invitations-title">
            {t("invitations.pending")} <span className="count-badge">{format.number(pending.length)}</span>
          </h3>
          <ul className="member-list">
            {pending.map((invitation) => {
              const isExpired = Date.parse(invitation.expiresAt) <= Date.now();
              return (
                <li key={invitation.id} className="member-row">
                  <div className="member-identity">
                    <span className="member-name">{invitation.email}</span>
                    <span className="member-email muted">
                      {t(roleKeys[invitation.spaceRole ?? invitation.role].label)} ·{" "}
                      {isExpired
                        ? t("invitations.expired", { date: format.date(invitation.expiresAt) })
                        : t("invitations.expires", { date: format.date(invitation.expiresAt) })}
                      {invitation.invitedBy
                        ? ` · ${t("invitations.invitedBy", { name: invitation.invitedBy.name })}`
                        : ""}
                    </span>
                  </div>
                  <Button
                    size="sm"
                    isBusy={busyId === invitation.id && !revoking}
                    onClick={() => void handleResend(invitation)}
                    aria-label={t("invitations.resendNamed", { email: invitation.email })}
                  >
                    {t("invitations.resend")}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setRevoking(invitation)}
                    aria-label={t("invitations.revokeNamed", { email: invitation.email })}
                  >
                    {t("invitations.revoke")}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        isOpen={revoking !== null}
        title={t("invitations.revokeTitle", { email: revoking?.email ?? "" })}
        message={t("invitations.revokeMessage")}
        confirmLabel={t("invitations.revokeConfirm")}
        isBusy={busyId !== null}
        onConfirm={() => void handleRevoke()}
        onClose={() => setRevoking(null)}
      />
    </>
  );
};
