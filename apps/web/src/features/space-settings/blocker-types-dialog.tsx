/**
 * Blocker types of a space, for its owners: every type with how many cards it blocks now; create
 * local types; enable or disable on-demand ones here. Administrators also create global and
 * on-demand types (for every space) from the same dialog.
 */
import type { BlockerType } from "@lattice/domain";
import { useState } from "react";
import { blockerTypesApi, putBlockerType, useBlockerTypes } from "../../api/blocker-types";
import { describeError } from "../../api/client";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";

const kindKeys: Record<BlockerType["kind"], MessageKey> = {
  local: "spaceSettings.blockers.kind.local",
  global: "spaceSettings.blockers.kind.global",
  on_demand: "spaceSettings.blockers.kind.onDemand",
};

interface BlockerTypesDialogProps {
  isOpen: boolean;
  spaceId: string;
  onClose: () => void;
}

export const BlockerTypesDialog = ({ isOpen, spaceId, onClose }: BlockerTypesDialogProps) => {
  const isAdmin = useSession((s) => s.user?.isAdmin ?? false);
  const { types, error: loadError } = useBlockerTypes(spaceId);
  const error = loadError ? describeError(loadError) : null;
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<"local" | "global" | "on_demand">("local");
  const [isSaving, setIsSaving] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { t } = useTranslator();

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setIsSaving(true);
    try {
      const body = description.trim()
        ? { name: trimmed, description: description.trim() }
        : { name: trimmed };
      const created =
        kind === "local"
          ? await blockerTypesApi.createLocal(spaceId, body)
          : await blockerTypesApi.createForEverySpace({ ...body, kind });
      setName("");
      setDescription("");
      toast.success(t("spaceSettings.blockers.added", { name: trimmed }));
      await putBlockerType(spaceId, created);
    } catch (err) {
      toast.error(t("spaceSettings.blockers.addFailed", { reason: describeError(err) }));
    } finally {
      setIsSaving(false);
    }
  };

  const toggle = async (type: BlockerType) => {
    setBusyId(type.id);
    try {
      await putBlockerType(
        spaceId,
        await blockerTypesApi.setOnDemandEnabled(spaceId, type.id, !type.isEnabled),
      );
    } catch (err) {
      toast.error(t("spaceSettings.blockers.changeFailed", { name: type.name, reason: describeError(err) }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t("spaceSettings.blockers.title")}
      description={t("spaceSettings.blockers.description")}
      onClose={onClose}
      size="md"
      footer={<Button onClick={onClose}>{t("common.done")}</Button>}
    >
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {types === null && !error ? <p className="muted">{t("common.loading")}</p> : null}
      {types && types.length === 0 ? <p className="muted">{t("spaceSettings.blockers.empty")}</p> : null}
      {types && types.length > 0 ? (
        <table className="blocker-table">
          <thead>
            <tr>
              <th scope="col">{t("spaceSettings.blockers.type")}</th>
              <th scope="col">{t("spaceSettings.blockers.appliesTo")}</th>
              <th scope="col">{t("spaceSettings.blockers.blockingNow")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("spaceSettings.blockers.enabled")}</span>
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
                <td>{t(kindKeys[type.kind])}</td>
                <td>{t("spaceSettings.blockers.cards", { count: type.activeCount })}</td>
                <td>
                  {type.kind === "on_demand" ? (
                    <label className="blocker-toggle">
                      <input
                        type="checkbox"
                        checked={type.isEnabled}
                        disabled={busyId === type.id}
                        onChange={() => void toggle(type)}
                      />{" "}
                      {t("spaceSettings.blockers.enabledHere")}
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
        <h3 className="blocker-form-title">{t("spaceSettings.blockers.addTitle")}</h3>
        <Field label={t("account.name")}>
          {(props) => (
            <Input
              {...props}
              value={name}
              maxLength={120}
              placeholder={t("spaceSettings.blockers.namePlaceholder")}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("spaceSettings.blockers.descriptionOptional")}>
          {(props) => (
            <Input {...props} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        {isAdmin ? (
          <Field
            label={t("spaceSettings.blockers.appliesTo")}
            hint={t("spaceSettings.blockers.appliesToHint")}
          >
            {(props) => (
              <Select {...props} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                <option value="local">{t("spaceSettings.blockers.thisSpaceOnly")}</option>
                <option value="global">{t("spaceSettings.blockers.kind.global")}</option>
                <option value="on_demand">{t("spaceSettings.blockers.onDemandOption")}</option>
              </Select>
            )}
          </Field>
        ) : null}
        <Button type="submit" variant="primary" isBusy={isSaving} disabled={!name.trim()}>
          {t("spaceSettings.blockers.add")}
        </Button>
      </form>
    </Dialog>
  );
};
