/**
 * The owners' side of invitations, in the workspace settings: invite anyone by e-mail (the answer is
 * the same whether or not they have an account), and see the pending invitations to resend or revoke.
 */
import { type Invitation, type WorkspaceRole, workspaceRoles } from "@lattice/domain";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";

const roleNames: Record<WorkspaceRole, string> = { owner: "Owner", member: "Member", visitor: "Visitor" };

const dateFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });

export const InvitationsPanel = ({ workspaceId }: { workspaceId: string }) => {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("member");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const [pending, setPending] = useState<Invitation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPending(await mailApi.listInvitations(workspaceId));
      setLoadError(null);
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [workspaceId]);

  useEffect(() => {
    setPending(null);
    void load();
  }, [load]);

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
      const invitation = await mailApi.invite(workspaceId, { email, role });
      put(invitation);
      toast.success(`Invitation sent to ${invitation.email}.`);
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
      put(await mailApi.resendInvitation(workspaceId, invitation.id));
      toast.success(`A new link was sent to ${invitation.email}; the old one no longer works.`);
    } catch (error) {
      toast.error(`Could not resend the invitation. ${describeError(error)}`);
      void load();
    } finally {
      setBusyId(null);
    }
  };

  const handleRevoke = async () => {
    if (!revoking) return;
    setBusyId(revoking.id);
    try {
      await mailApi.revokeInvitation(workspaceId, revoking.id);
      setPending((list) => list?.filter((i) => i.id !== revoking.id) ?? null);
      toast.success(`The invitation to ${revoking.email} was withdrawn.`);
    } catch (error) {
      toast.error(`Could not revoke the invitation. ${describeError(error)}`);
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
          label="Invite by email"
          error={errors.email}
          hint="They get a link to join, with or without an account on this instance."
        >
          {(props) => (
            <Input
              {...props}
              type="email"
              placeholder="name@example.com"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Role" error={errors.role}>
          {(props) => (
            <Select {...props} value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
              {workspaceRoles.map((r) => (
                <option key={r} value={r}>
                  {roleNames[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button variant="primary" type="submit" isBusy={isBusy} className="invite-submit">
          Invite
        </Button>
      </form>
      {loadError ? (
        <p className="form-error">
          Could not load the pending invitations. {loadError}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : pending && pending.length > 0 ? (
        <section className="pending-invitations" aria-labelledby="pending-invitations-title">
          <h3 id="pending-invitations-title" className="pending-invitations-title">
            Pending invitations <span className="count-badge">{pending.length}</span>
          </h3>
          <ul className="member-list">
            {pending.map((invitation) => {
              const isExpired = Date.parse(invitation.expiresAt) <= Date.now();
              return (
                <li key={invitation.id} className="member-row">
                  <div className="member-identity">
                    <span className="member-name">{invitation.email}</span>
                    <span className="member-email muted">
                      {roleNames[invitation.role]} · {isExpired ? "expired" : "expires"}{" "}
                      {dateFormat.format(new Date(invitation.expiresAt))}
                      {invitation.invitedBy ? ` · invited by ${invitation.invitedBy.name}` : ""}
                    </span>
                  </div>
                  <Button
                    size="sm"
                    isBusy={busyId === invitation.id && !revoking}
                    onClick={() => void handleResend(invitation)}
                    aria-label={`Resend the invitation to ${invitation.email}`}
                  >
                    Resend
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setRevoking(invitation)}
                    aria-label={`Revoke the invitation to ${invitation.email}`}
                  >
                    Revoke
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke the invitation to ${revoking?.email ?? ""}?`}
        message="The link in their message stops working. You can invite them again later."
        confirmLabel="Revoke invitation"
        isBusy={busyId !== null}
        onConfirm={() => void handleRevoke()}
        onClose={() => setRevoking(null)}
      />
    </>
  );
};
