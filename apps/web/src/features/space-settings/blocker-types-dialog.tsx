/**
 * Blocker types of a space, for its owners: every type with how many cards it blocks now; create
 * local types; enable or disable on-demand ones here. Administrators also create global and
 * on-demand types (for every space) from the same dialog.
 */
import type { BlockerType } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { findApi } from "../../api/search";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";

const kindLabels: Record<BlockerType["kind"], string> = {
  local: "This space",
  global: "Everywhere",
  on_demand: "On demand",
};

interface BlockerTypesDialogProps {
  isOpen: boolean;
  spaceId: string;
  onClose: () => void;
}

export const BlockerTypesDialog = ({ isOpen, spaceId, onClose }: BlockerTypesDialogProps) => {
  const isAdmin = useSession((s) => s.user?.isAdmin ?? false);
  const [types, setTypes] = useState<BlockerType[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<"local" | "global" | "on_demand">("local");
  const [isSaving, setIsSaving] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setTypes(await findApi.spaceBlockerTypes(spaceId));
    } catch (err) {
      setError(describeError(err));
    }
  }, [spaceId]);

  useEffect(() => {
    if (isOpen) void load();
  }, [isOpen, load]);

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setIsSaving(true);
    try {
      const body = description.trim()
        ? { name: trimmed, description: description.trim() }
        : { name: trimmed };
      if (kind === "local") await findApi.createLocalBlockerType(spaceId, body);
      else await findApi.createInstanceBlockerType({ ...body, kind });
      setName("");
      setDescription("");
      toast.success(`Blocker type “${trimmed}” added.`);
      await load();
    } catch (err) {
      toast.error(`Could not add the blocker type. ${describeError(err)}`);
    } finally {
      setIsSaving(false);
    }
  };

  const toggle = async (type: BlockerType) => {
    setBusyId(type.id);
    try {
      const updated = await findApi.setOnDemandEnabled(spaceId, type.id, !type.isEnabled);
      setTypes((current) => current?.map((t) => (t.id === updated.id ? updated : t)) ?? null);
    } catch (err) {
      toast.error(`Could not change “${type.name}”. ${describeError(err)}`);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      title="Blocker types"
      description="What can block a card in this space. A blocked card cannot change status until the blocking is cleared."
      onClose={onClose}
      size="md"
      footer={<Button onClick={onClose}>Done</Button>}
    >
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {types === null && !error ? <p className="muted">Loading…</p> : null}
      {types && types.length === 0 ? (
        <p className="muted">No blocker types yet. Add the first one below.</p>
      ) : null}
      {types && types.length > 0 ? (
        <table className="blocker-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Applies to</th>
              <th scope="col">Blocking now</th>
              <th scope="col">
                <span className="visually-hidden">Enabled</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.id}>
                <td>
                  <span className="blocker-name">{type.name}</span>
                  {type.description ? (
                    <span className="blocker-description muted">{type.description}</span>
                  ) : null}
                </td>
                <td>{kindLabels[type.kind]}</td>
                <td>
                  {type.activeCount} card{type.activeCount === 1 ? "" : "s"}
                </td>
                <td>
                  {type.kind === "on_demand" ? (
                    <label className="blocker-toggle">
                      <input
                        type="checkbox"
                        checked={type.isEnabled}
                        disabled={busyId === type.id}
                        onChange={() => void toggle(type)}
                      />{" "}
                      Enabled here
                    </label>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="blocker-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <h3 className="blocker-form-title">Add a blocker type</h3>
        <Field label="Name">
          {(props) => (
            <Input
              {...props}
              value={name}
              maxLength={120}
              placeholder="Waiting for supplier"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Description (optional)">
          {(props) => (
            <Input {...props} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        {isAdmin ? (
          <Field
            label="Applies to"
            hint="Everywhere and on-demand types are for every space (you are an administrator); on-demand ones are enabled per space."
          >
            {(props) => (
              <Select {...props} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                <option value="local">This space only</option>
                <option value="global">Everywhere</option>
                <option value="on_demand">On demand (each space enables it)</option>
              </Select>
            )}
          </Field>
        ) : null}
        <Button type="submit" variant="primary" isBusy={isSaving} disabled={!name.trim()}>
          Add blocker type
        </Button>
      </form>
    </Dialog>
  );
};
