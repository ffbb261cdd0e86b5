import {
  Action,
  can,
  capacityPerWeekRange,
  type JoinRole,
  type Member,
  type Visibility,
  visibilities,
  type WorkspaceRole,
  workspaceRoles,
} from "@lattice/domain";
import { type FormEvent, useEffect, useState } from "react";
import { useParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { dropMember, putMember, refreshMembers, useWorkspaceMembers } from "../../api/members";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { EmptyState } from "../../ui/empty-state";
import { Field, Input, Select, Textarea } from "../../ui/input";
import { ListSkeleton } from "../../ui/skeleton";
import { InvitationsPanel } from "../invitations/invitations-panel";
import { visibilityKeys } from "../sidebar/hierarchy-dialogs";

/** A role's name and what it may do, as message keys (the role pill, the role selects, the space members dialog). */
export const roleKeys: Record<WorkspaceRole, { label: MessageKey; hint: MessageKey }> = {
  owner: { label: "settings.role.owner", hint: "settings.role.ownerHint" },
  member: { label: "settings.role.member", hint: "settings.role.memberHint" },
  visitor: { label: "settings.role.visitor", hint: "settings.role.visitorHint" },
};

const GeneralSection = ({ workspaceId }: { workspaceId: string }) => {
  const workspace = useWorkspaces((s) => s.byId[workspaceId]);
  const updateWorkspace = useWorkspaces((s) => s.updateWorkspace);
  const [name, setName] = useState(workspace?.name ?? "");
  const [description, setDescription] = useState(workspace?.description ?? "");
  const [visibility, setVisibility] = useState<Visibility>(workspace?.visibility ?? "private");
  const [joinRole, setJoinRole] = useState<JoinRole>(workspace?.joinRole ?? "visitor");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const { t } = useTranslator();

  useEffect(() => {
    if (!workspace) return;
    setName(workspace.name);
    setDescription(workspace.description);
    setVisibility(workspace.visibility);
    setJoinRole(workspace.joinRole);
  }, [workspace]);

  if (!workspace) return null;
  const canEdit = can(workspace.role, Action.manageSettings);
  const isDirty =
    name !== workspace.name ||
    description !== workspace.description ||
    visibility !== workspace.visibility ||
    joinRole !== workspace.joinRole;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setIsBusy(true);
    try {
      await updateWorkspace(workspaceId, { name, description, visibility, joinRole });
      toast.success(t("settings.general.saved"));
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else toast.error(t("settings.general.saveFailed", { reason: describeError(error) }));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h2 id="settings-general" className="section-title">
        {t("settings.general.title")}
      </h2>
      <form className="settings-form" onSubmit={(e) => void handleSubmit(e)}>
        <Field label={t("account.name")} error={errors.name}>
          {(props) => (
            <Input
              {...props}
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!canEdit}
              required
              maxLength={120}
            />
          )}
        </Field>
        <Field label={t("dialogs.description")} error={errors.description}>
          {(props) => (
            <Textarea
              {...props}
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              disabled={!canEdit}
            />
          )}
        </Field>
        <Field
          label={t("dialogs.visibility")}
          error={errors.visibility}
          hint={t(visibilityKeys[visibility].hint)}
        >
          {(props) => (
            <Select
              {...props}
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as Visibility)}
              disabled={!canEdit}
            >
              {visibilities.map((v) => (
                <option key={v} value={v}>
                  {t(visibilityKeys[v].label)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {visibility === "public" ? (
          <Field
            label={t("settings.general.joinRole")}
            error={errors.joinRole}
            hint={t("settings.general.joinRoleHint")}
          >
            {(props) => (
              <Select
                {...props}
                value={joinRole}
                onChange={(e) => setJoinRole(e.target.value as JoinRole)}
                disabled={!canEdit}
              >
                <option value="visitor">{t("settings.general.joinAsVisitors")}</option>
                <option value="member">{t("settings.general.joinAsMembers")}</option>
              </Select>
            )}
          </Field>
        ) : null}
        {canEdit ? (
          <div className="form-actions">
            <Button variant="primary" type="submit" isBusy={isBusy} disabled={!isDirty}>
              {t("settings.general.save")}
            </Button>
          </div>
        ) : null}
      </form>
    </section>
  );
};

const MembersSection = ({ workspaceId }: { workspaceId: string }) => {
  const role = useWorkspaces((s) => s.byId[workspaceId]?.role ?? null);
  const me = useSession((s) => s.user);
  const list = useWorkspaceMembers(workspaceId);
  const members = list.isLoaded ? list.members : null;
  const error = list.error ? describeError(list.error) : null;
  const [removing, setRemoving] = useState<Member | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const canManage = can(role, Action.manageMembers);
  const { t, format } = useTranslator();

  const load = () => refreshMembers(workspaceId);

  const handleRoleChange = async (member: Member, next: WorkspaceRole) => {
    try {
      const updated = await api.updateMember(workspaceId, member.userId, { role: next });
      putMember(updated);
      toast.success(t("settings.members.roleChanged", { name: member.name, role: next }));
      if (member.userId === me?.id) void useWorkspaces.getState().loadWorkspaces();
    } catch (e) {
      toast.error(t("settings.members.roleFailed", { name: member.name, reason: describeError(e) }));
      void load();
    }
  };

  const handleCapacityChange = async (member: Member, next: number | null) => {
    try {
      const updated = await api.updateMember(workspaceId, member.userId, { capacityPerWeek: next });
      putMember(updated);
      toast.success(
        next === null
          ? t("settings.members.capacityCleared", { name: member.name })
          : t("settings.members.capacitySet", { name: member.name, count: next }),
      );
    } catch (e) {
      toast.error(t("settings.members.capacityFailed", { name: member.name, reason: describeError(e) }));
      void load();
    }
  };

  const handleRemove = async () => {
    if (!removing) return;
    setIsBusy(true);
    try {
      await api.removeMember(workspaceId, removing.userId);
      dropMember(workspaceId, removing.userId);
      toast.success(t("settings.members.removed", { name: removing.name }));
      if (removing.userId === me?.id) void useWorkspaces.getState().loadWorkspaces();
    } catch (e) {
      toast.error(t("settings.members.removeFailed", { name: removing.name, reason: describeError(e) }));
    } finally {
      setIsBusy(false);
      setRemoving(null);
    }
  };

  const sorted = members
    ? [...members].sort(
        (a, b) =>
          workspaceRoles.indexOf(a.role) - workspaceRoles.indexOf(b.role) || a.name.localeCompare(b.name),
      )
    : null;

  return (
    <section className="settings-section" aria-labelledby="settings-members">
      <div className="section-header">
        <h2 id="settings-members" className="section-title">
          {t("settings.members.title")}
        </h2>
        {members ? <span className="count-badge">{format.number(members.length)}</span> : null}
      </div>
      {canManage ? <InvitationsPanel target={{ kind: "workspace", workspaceId }} /> : null}
      {error ? (
        <p className="form-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t("common.retry")}
          </button>
        </p>
      ) : !sorted ? (
        <ListSkeleton rows={3} />
      ) : sorted.length === 0 ? (
        <EmptyState size="sm" title={t("settings.members.empty")}>
          <p>{t("settings.members.emptyHint")}</p>
        </EmptyState>
      ) : (
        <ul className="member-list">
          {sorted.map((member) => (
            <li key={member.userId} className="member-row">
              <Avatar name={member.name} seed={member.userId} size={32} color={member.color} />
              <div className="member-identity">
                <span className="member-name">
                  {member.name}
                  {member.userId === me?.id ? (
                    <span className="faint"> {t("settings.members.you")}</span>
                  ) : null}
                </span>
                <span className="member-email muted">{member.email}</span>
              </div>
              {canManage ? (
                <>
                  <CapacityInput
                    member={member}
                    onCommit={(next) => void handleCapacityChange(member, next)}
                  />
                  <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                    {t("settings.members.roleOf", { name: member.name })}
                  </label>
                  <Select
                    id={`role-${member.userId}`}
                    className="member-role-select"
                    value={member.role}
                    onChange={(e) => void handleRoleChange(member, e.target.value as WorkspaceRole)}
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
                    onClick={() => setRemoving(member)}
                    aria-label={t("settings.members.removeNamed", { name: member.name })}
                  >
                    {t("common.remove")}
                  </Button>
                </>
              ) : (
                <>
                  {member.capacityPerWeek !== null ? (
                    <span className="member-capacity muted">
                      {t("settings.members.capacityShown", { count: member.capacityPerWeek })}
                    </span>
                  ) : null}
                  <span className={`role-pill role-${member.role}`}>{t(roleKeys[member.role].label)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t("settings.members.removeTitle", { name: removing?.name ?? "" })}
        message={t("settings.members.removeMessage")}
        confirmLabel={t("settings.members.removeConfirm")}
        isBusy={isBusy}
        onConfirm={() => void handleRemove()}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
};

/**
 * A member's weekly capacity for the Workload view (cards a week, 1 to 500; empty: not set), saved
 * when the field is left or Enter is pressed, if it changed and is valid.
 */
const CapacityInput = ({ member, onCommit }: { member: Member; onCommit: (next: number | null) => void }) => {
  const saved = member.capacityPerWeek === null ? "" : String(member.capacityPerWeek);
  const [value, setValue] = useState(saved);
  useEffect(() => setValue(saved), [saved]);
  const { t } = useTranslator();
  const parsed = value.trim() === "" ? null : Number(value);
  const isValid =
    parsed === null ||
    (Number.isInteger(parsed) && parsed >= capacityPerWeekRange.min && parsed <= capacityPerWeekRange.max);
  const commit = () => {
    if (value === saved) return;
    if (!isValid) {
      toast.error(
        t("settings.capacity.invalid", {
          min: capacityPerWeekRange.min,
          max: capacityPerWeekRange.max,
        }),
      );
      setValue(saved);
      return;
    }
    onCommit(parsed);
  };
  return (
    <span className="member-capacity" title={t("settings.capacity.title")}>
      <label className="visually-hidden" htmlFor={`capacity-${member.userId}`}>
        {t("settings.capacity.label", { name: member.name })}
      </label>
      <Input
        id={`capacity-${member.userId}`}
        type="number"
        inputMode="numeric"
        min={capacityPerWeekRange.min}
        max={capacityPerWeekRange.max}
        step={1}
        placeholder="—"
        className="member-capacity-input"
        value={value}
        aria-invalid={!isValid}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span className="muted" aria-hidden="true">
        {t("settings.capacity.aWeek")}
      </span>
    </span>
  );
};

export const SettingsPage = () => {
  const { workspaceId = "" } = useParams();
  const workspace = useWorkspaces((s) => s.byId[workspaceId]);
  const status = useWorkspaces((s) => s.status);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const { t } = useTranslator();

  useEffect(() => {
    void loadTree(workspaceId);
  }, [workspaceId, loadTree]);

  if (!workspace) {
    return (
      <main className="page page-centered">
        {status === "ready" ? (
          <EmptyState title={t("settings.notFound")}>
            <p>{t("settings.notFoundHint")}</p>
          </EmptyState>
        ) : (
          <ListSkeleton />
        )}
      </main>
    );
  }

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{workspace.name}</p>
          <h1 className="page-title">{t("settings.title")}</h1>
        </div>
        {workspace.role ? (
          <span className={`role-pill role-${workspace.role}`}>
            {t("settings.yourRole", { role: workspace.role })}
          </span>
        ) : null}
      </header>
      <GeneralSection workspaceId={workspaceId} />
      <MembersSection workspaceId={workspaceId} />
    </main>
  );
};
