/**
 * A space's own members, for the space's owners and the workspace's owners. For a private space they
 * are who may see it (with the workspace's owners); for a public one, a role here overrides the
 * workspace role. People are chosen among the workspace's members.
 */
import { type Member, type SpaceMember, type WorkspaceRole, workspaceRoles } from "@lattice/domain";
import { useCallback, useEffect, useMemo, useState } from "react";
import { describeError } from "../../api/client";
import { peopleApi } from "../../api/people";
import { useTranslator } from "../../lib/i18n/i18n";
import { onBoardEvent } from "../../store/board";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Select } from "../../ui/input";
import { InvitationsPanel } from "../invitations/invitations-panel";
import { roleKeys } from "../workspace-settings/settings-page";

interface SpaceMembersDialogProps {
  isOpen: boolean;
  spaceId: string;
  isPrivate: boolean;
  /** The workspace's members: the people a space member is chosen from. */
  workspaceMembers: Member[];
  onClose: () => void;
}

export const SpaceMembersDialog = ({
  isOpen,
  spaceId,
  isPrivate,
  workspaceMembers,
  onClose,
}: SpaceMembersDialogProps) => {
  const [members, setMembers] = useState<SpaceMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("member");
  const [busyId, setBusyId] = useState<string | null>(null);
  const { t } = useTranslator();

  const load = useCallback(async () => {
    setError(null);
    try {
      setMembers(await peopleApi.listSpaceMembers(spaceId));
    } catch (err) {
      setError(describeError(err));
    }
  }, [spaceId]);

  useEffect(() => {
    if (isOpen) void load();
  }, [isOpen, load]);

  // Someone accepting an invitation joins the space: the list of members reloads with the pending one.
  useEffect(() => {
    if (!isOpen) return;
    return onBoardEvent((event) => {
      if (event.type === "invitations.changed" && event.payload.spaceId === spaceId) void load();
    });
  }, [isOpen, spaceId, load]);

  const candidates = useMemo(() => {
    const taken = new Set((members ?? []).map((m) => m.userId));
    return workspaceMembers.filter((m) => !taken.has(m.userId));
  }, [members, workspaceMembers]);

  const handleAdd = async () => {
    if (!userId) return;
    setBusyId("add");
    try {
      const added = await peopleApi.addSpaceMember(spaceId, { userId, role });
      setMembers((list) => [...(list ?? []), added].sort((a, b) => a.name.localeCompare(b.name)));
      setUserId("");
      toast.success(t("spaceSettings.members.added", { name: added.name, role: added.role }));
    } catch (err) {
      toast.error(t("spaceSettings.members.addFailed", { reason: describeError(err) }));
    } finally {
      setBusyId(null);
    }
  };

  const handleRole = async (member: SpaceMember, next: WorkspaceRole) => {
    setBusyId(member.userId);
    try {
      const updated = await peopleApi.updateSpaceMember(spaceId, member.userId, next);
      setMembers((list) => list?.map((m) => (m.userId === updated.userId ? updated : m)) ?? null);
    } catch (err) {
      toast.error(t("settings.members.roleFailed", { name: member.name, reason: describeError(err) }));
    } finally {
      setBusyId(null);
    }
  };

  const handleRemove = async (member: SpaceMember) => {
    setBusyId(member.userId);
    try {
      await peopleApi.removeSpaceMember(spaceId, member.userId);
      setMembers((list) => list?.filter((m) => m.userId !== member.userId) ?? null);
      toast.success(t("spaceSettings.members.removed", { name: member.name }));
    } catch (err) {
      toast.error(t("settings.members.removeFailed", { name: member.name, reason: describeError(err) }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t("spaceSettings.members.title")}
      description={isPrivate ? t("spaceSettings.members.privateHint") : t("spaceSettings.members.publicHint")}
      onClose={onClose}
      size="md"
      footer={<Button onClick={onClose}>{t("common.done")}</Button>}
    >
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {members === null && !error ? <p className="muted">{t("common.loading")}</p> : null}
      {members && members.length === 0 ? <p className="muted">{t("spaceSettings.members.empty")}</p> : null}
      {members && members.length > 0 ? (
        <ul className="member-list" aria-label={t("spaceSettings.members.title")}>
          {members.map((member) => (
            <li key={member.userId} className="member-row">
              <Avatar name={member.name} seed={member.userId} size={28} />
              <div className="member-identity">
                <span className="member-name">{member.name}</span>
                <span className="member-email muted">{member.email}</span>
              </div>
              <label className="visually-hidden" htmlFor={`space-role-${member.userId}`}>
                {t("spaceSettings.members.roleOf", { name: member.name })}
              </label>
              <Select
                id={`space-role-${member.userId}`}
                className="member-role-select"
                value={member.role}
                disabled={busyId === member.userId}
                onChange={(e) => void handleRole(member, e.target.value as WorkspaceRole)}
              >
                {workspaceRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(roleKeys[r].label)}
                  </option>
                ))}
              </Select>
              <Button
                variant="ghost"
                size="sm"
                disabled={busyId === member.userId}
                onClick={() => void handleRemove(member)}
                aria-label={t("spaceSettings.members.removeNamed", { name: member.name })}
              >
                {t("common.remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="blocker-form"
        onSubmit={(event) => {
          event.preventDefault();
          void handleAdd();
        }}
      >
        <h3 className="blocker-form-title">{t("spaceSettings.members.addTitle")}</h3>
        {candidates.length === 0 ? (
          <p className="muted">{t("spaceSettings.members.noCandidates")}</p>
        ) : (
          <>
            <Field label={t("spaceSettings.members.person")}>
              {(props) => (
                <Select {...props} value={userId} onChange={(e) => setUserId(e.target.value)}>
                  <option value="">{t("spaceSettings.members.choosePerson")}</option>
                  {candidates.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name} ({m.email})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("spaceSettings.members.role")} hint={t(roleKeys[role].hint)}>
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
            <Button type="submit" variant="primary" isBusy={busyId === "add"} disabled={!userId}>
              {t("spaceSettings.members.add")}
            </Button>
          </>
        )}
      </form>
      {isPrivate ? (
        <section className="blocker-form" aria-label={t("spaceSettings.members.inviteRegion")}>
          <h3 className="blocker-form-title">{t("spaceSettings.members.inviteTitle")}</h3>
          <InvitationsPanel target={{ kind: "space", spaceId }} />
        </section>
      ) : null}
    </Dialog>
  );
};
