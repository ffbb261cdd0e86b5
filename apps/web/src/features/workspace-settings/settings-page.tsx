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
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useParams } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { api } from "../../api/endpoints";
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
import { visibilityLabels } from "../sidebar/hierarchy-dialogs";

export const roleLabels: Record<WorkspaceRole, { label: string; hint: string }> = {
  owner: { label: "Owner", hint: "Manages members, columns and settings" },
  member: { label: "Member", hint: "Creates and edits cards, folders and spaces" },
  visitor: { label: "Visitor", hint: "Reads and comments" },
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
      toast.success("Workspace settings saved.");
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else toast.error(`Could not save the settings. ${describeError(error)}`);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h2 id="settings-general" className="section-title">
        General
      </h2>
      <form className="settings-form" onSubmit={(e) => void handleSubmit(e)}>
        <Field label="Name" error={errors.name}>
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
        <Field label="Description" error={errors.description}>
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
        <Field label="Visibility" error={errors.visibility} hint={visibilityLabels[visibility].hint}>
          {(props) => (
            <Select
              {...props}
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as Visibility)}
              disabled={!canEdit}
            >
              {visibilities.map((v) => (
                <option key={v} value={v}>
                  {visibilityLabels[v].label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {visibility === "public" ? (
          <Field
            label="People who join from the public list become"
            error={errors.joinRole}
            hint="Anyone signed in to this instance can find this workspace and join it."
          >
            {(props) => (
              <Select
                {...props}
                value={joinRole}
                onChange={(e) => setJoinRole(e.target.value as JoinRole)}
                disabled={!canEdit}
              >
                <option value="visitor">Visitors (read and comment)</option>
                <option value="member">Members (work with cards)</option>
              </Select>
            )}
          </Field>
        ) : null}
        {canEdit ? (
          <div className="form-actions">
            <Button variant="primary" type="submit" isBusy={isBusy} disabled={!isDirty}>
              Save changes
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
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const canManage = can(role, Action.manageMembers);

  const load = useCallback(async () => {
    try {
      setMembers(await api.listMembers(workspaceId));
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [workspaceId]);

  useEffect(() => {
    setMembers(null);
    void load();
  }, [load]);

  const handleRoleChange = async (member: Member, next: WorkspaceRole) => {
    try {
      const updated = await api.updateMember(workspaceId, member.userId, { role: next });
      setMembers((list) => list?.map((m) => (m.userId === updated.userId ? updated : m)) ?? null);
      useWorkspaces.getState().putMember(updated);
      toast.success(`${member.name} is now ${roleLabels[next].label.toLowerCase()}.`);
      if (member.userId === me?.id) void useWorkspaces.getState().loadWorkspaces();
    } catch (e) {
      toast.error(`Could not change ${member.name}'s role. ${describeError(e)}`);
      void load();
    }
  };

  const handleCapacityChange = async (member: Member, next: number | null) => {
    try {
      const updated = await api.updateMember(workspaceId, member.userId, { capacityPerWeek: next });
      setMembers((list) => list?.map((m) => (m.userId === updated.userId ? updated : m)) ?? null);
      useWorkspaces.getState().putMember(updated);
      toast.success(
        next === null
          ? `${member.name} has no capacity set.`
          : `${member.name} can hold ${next} ${next === 1 ? "card" : "cards"} a week.`,
      );
    } catch (e) {
      toast.error(`Could not change ${member.name}'s capacity. ${describeError(e)}`);
      void load();
    }
  };

  const handleRemove = async () => {
    if (!removing) return;
    setIsBusy(true);
    try {
      await api.removeMember(workspaceId, removing.userId);
      setMembers((list) => list?.filter((m) => m.userId !== removing.userId) ?? null);
      useWorkspaces.getState().dropMember(workspaceId, removing.userId);
      toast.success(`${removing.name} was removed from the workspace.`);
      if (removing.userId === me?.id) void useWorkspaces.getState().loadWorkspaces();
    } catch (e) {
      toast.error(`Could not remove ${removing.name}. ${describeError(e)}`);
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
          Members
        </h2>
        {members ? <span className="count-badge">{members.length}</span> : null}
      </div>
      {canManage ? <InvitationsPanel target={{ kind: "workspace", workspaceId }} /> : null}
      {error ? (
        <p className="form-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : !sorted ? (
        <ListSkeleton rows={3} />
      ) : sorted.length === 0 ? (
        <EmptyState size="sm" title="No explicit members">
          <p>Everyone on this instance can see this workspace through its visibility.</p>
        </EmptyState>
      ) : (
        <ul className="member-list">
          {sorted.map((member) => (
            <li key={member.userId} className="member-row">
              <Avatar name={member.name} seed={member.userId} size={32} color={member.color} />
              <div className="member-identity">
                <span className="member-name">
                  {member.name}
                  {member.userId === me?.id ? <span className="faint"> (you)</span> : null}
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
                    Role of {member.name}
                  </label>
                  <Select
                    id={`role-${member.userId}`}
                    className="member-role-select"
                    value={member.role}
                    onChange={(e) => void handleRoleChange(member, e.target.value as WorkspaceRole)}
                  >
                    {workspaceRoles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabels[r].label}
                      </option>
                    ))}
                  </Select>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setRemoving(member)}
                    aria-label={`Remove ${member.name}`}
                  >
                    Remove
                  </Button>
                </>
              ) : (
                <>
                  {member.capacityPerWeek !== null ? (
                    <span className="member-capacity muted">{member.capacityPerWeek} a week</span>
                  ) : null}
                  <span className={`role-pill role-${member.role}`}>{roleLabels[member.role].label}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing?.name ?? ""}?`}
        message="They lose access to this workspace's private spaces and cards. You can invite them again later."
        confirmLabel="Remove member"
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
  const parsed = value.trim() === "" ? null : Number(value);
  const isValid =
    parsed === null ||
    (Number.isInteger(parsed) && parsed >= capacityPerWeekRange.min && parsed <= capacityPerWeekRange.max);
  const commit = () => {
    if (value === saved) return;
    if (!isValid) {
      toast.error(
        `A capacity is a whole number of cards from ${capacityPerWeekRange.min} to ${capacityPerWeekRange.max}, or empty.`,
      );
      setValue(saved);
      return;
    }
    onCommit(parsed);
  };
  return (
    <span className="member-capacity" title="Cards a week, for the Workload view (empty: not set)">
      <label className="visually-hidden" htmlFor={`capacity-${member.userId}`}>
        Capacity of {member.name}, cards a week
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
        a week
      </span>
    </span>
  );
};

export const SettingsPage = () => {
  const { workspaceId = "" } = useParams();
  const workspace = useWorkspaces((s) => s.byId[workspaceId]);
  const status = useWorkspaces((s) => s.status);
  const loadTree = useWorkspaces((s) => s.loadTree);

  useEffect(() => {
    void loadTree(workspaceId);
  }, [workspaceId, loadTree]);

  if (!workspace) {
    return (
      <main className="page page-centered">
        {status === "ready" ? (
          <EmptyState title="Workspace not found">
            <p>It may have been deleted, or you are no longer a member.</p>
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
          <h1 className="page-title">Workspace settings</h1>
        </div>
        {workspace.role ? (
          <span className={`role-pill role-${workspace.role}`}>
            You are {roleLabels[workspace.role].label.toLowerCase()}
          </span>
        ) : null}
      </header>
      <GeneralSection workspaceId={workspaceId} />
      <MembersSection workspaceId={workspaceId} />
    </main>
  );
};
