/**
 * Space templates in the web app, loaded on first use: "New space" (blank, from a built-in template or
 * from one of the workspace's, with the day it starts), "Save as template…" from a space's menu, and
 * "Space templates…" to rename or delete the workspace's own.
 */
import { isoDay, type SpaceTemplate } from "@lattice/domain";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import {
  createSpaceFromTemplate,
  deleteSpaceTemplate,
  listSpaceTemplates,
  renameSpaceTemplate,
  saveSpaceAsTemplate,
} from "../../api/templates";
import { useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";
import { buildTree, folderOptions } from "../sidebar/tree";
import "./templates.css";

const useSubmit = () => {
  const [isBusy, setIsBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.fieldErrors());
      else setFormError(describeError(error));
    } finally {
      setIsBusy(false);
    }
  };
  return { isBusy, errors, formError, run };
};

const useTemplates = (workspaceId: string) => {
  const [templates, setTemplates] = useState<SpaceTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    listSpaceTemplates(workspaceId).then(setTemplates, (e: unknown) => setError(describeError(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per workspace
  useEffect(() => {
    void reload();
  }, [workspaceId]);
  return { templates, error, reload };
};

const blank = "";

/** "New space": blank (To Do / Doing / Done) or from a template, starting on a chosen day. */
export const NewSpaceDialog = ({
  workspaceId,
  folderId: initialFolderId,
  onClose,
}: {
  workspaceId: string;
  folderId: string | null;
  onClose: () => void;
}) => {
  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const createSpace = useWorkspaces((s) => s.createSpace);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const navigate = useNavigate();
  const { templates, error } = useTemplates(workspaceId);
  const [name, setName] = useState("");
  const [folderId, setFolderId] = useState<string>(initialFolderId ?? "");
  const [templateId, setTemplateId] = useState(blank);
  const [startDate, setStartDate] = useState(() => isoDay(new Date()));
  const [includeCards, setIncludeCards] = useState(true);
  const { isBusy, errors, formError, run } = useSubmit();
  const options = tree ? folderOptions(buildTree(tree)) : [];
  const chosen = templates?.find((t) => t.id === templateId) ?? null;
  const builtIn = templates?.filter((t) => t.isBuiltIn) ?? [];
  const own = templates?.filter((t) => !t.isBuiltIn) ?? [];
  const { t, format } = useTranslator();

  const handleSubmit = () =>
    run(async () => {
      const parent = folderId === "" ? null : folderId;
      if (!chosen) {
        const spaceId = await createSpace(workspaceId, { name, folderId: parent });
        onClose();
        void navigate(`/w/${workspaceId}/s/${spaceId}`);
        return;
      }
      const result = await createSpaceFromTemplate(workspaceId, {
        templateId: chosen.id,
        name,
        folderId: parent,
        startDate,
        includeCards,
      });
      await loadTree(workspaceId);
      for (const note of result.notes) toast.info(note);
      onClose();
      void navigate(`/w/${workspaceId}/s/${result.space.id}`);
    });

  return (
    <Dialog
      isOpen
      title={t("home.workspace.newSpace")}
      description={t("templates.new.description")}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {t("templates.new.create")}
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label={t("account.name")} error={errors.name}>
        {(props) => (
          <Input
            {...props}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
            autoFocus
          />
        )}
      </Field>
      <Field label={t("dialogs.location")} error={errors.folderId}>
        {(props) => (
          <Select {...props} value={folderId} onChange={(e) => setFolderId(e.target.value)}>
            <option value="">{t("dialogs.workspaceRoot")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label={t("templates.new.template")}
        error={errors.templateId ?? error ?? undefined}
        hint={
          chosen
            ? t("templates.new.templateHint", {
                description: chosen.description,
                columns: format.unitList(chosen.statusNames),
                count: chosen.cardCount,
              })
            : t("templates.new.blankHint")
        }
      >
        {(props) => (
          <Select {...props} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value={blank}>{t("templates.new.blank")}</option>
            {builtIn.length > 0 ? (
              <optgroup label={t("templates.new.builtIn")}>
                {builtIn.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {own.length > 0 ? (
              <optgroup label={t("templates.new.own")}>
                {own.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      {chosen ? (
        <>
          <Field
            label={t("templates.new.startsOn")}
            error={errors.startDate}
            hint={t("templates.new.startsOnHint")}
          >
            {(props) => (
              <Input
                {...props}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
                required
              />
            )}
          </Field>
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={includeCards}
              onChange={(e) => setIncludeCards(e.target.checked)}
            />{" "}
            {t("templates.new.includeCards")}
          </label>
        </>
      ) : null}
    </Dialog>
  );
};

/** "Save as template…": the space's shape, and its cards if wanted, as a template of its workspace. */
export const SaveSpaceTemplateDialog = ({
  spaceId,
  spaceName,
  onClose,
}: {
  spaceId: string;
  spaceName: string;
  onClose: () => void;
}) => {
  const [name, setName] = useState(spaceName);
  const [includeCards, setIncludeCards] = useState(true);
  const { isBusy, errors, formError, run } = useSubmit();
  const { t } = useTranslator();
  const handleSubmit = () =>
    run(async () => {
      const saved = await saveSpaceAsTemplate(spaceId, { name, includeCards });
      toast.success(t("templates.save.saved", { name: saved.name }));
      onClose();
    });
  return (
    <Dialog
      isOpen
      title={t("templates.save.title")}
      description={t("templates.save.description")}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {t("templates.save.save")}
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label={t("templates.save.name")} error={errors.name}>
        {(props) => (
          <Input
            {...props}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
            autoFocus
          />
        )}
      </Field>
      <label className="checkbox-row">
        <input type="checkbox" checked={includeCards} onChange={(e) => setIncludeCards(e.target.checked)} />{" "}
        {t("templates.save.includeCards")}
      </label>
    </Dialog>
  );
};

const TemplateRow = ({ template, onChanged }: { template: SpaceTemplate; onChanged: () => void }) => {
  const [name, setName] = useState(template.name);
  const [isBusy, setIsBusy] = useState(false);
  const { t } = useTranslator();
  const attempt = async (failed: (reason: string) => string, action: () => Promise<unknown>) => {
    setIsBusy(true);
    try {
      await action();
      onChanged();
    } catch (error) {
      toast.error(failed(describeError(error)));
    } finally {
      setIsBusy(false);
    }
  };
  if (!template.canManage)
    return (
      <li className="template-row">
        <span>{template.name}</span>
        <span className="template-meta">
          {template.isBuiltIn
            ? t("templates.manage.builtIn")
            : t("templates.manage.cards", { count: template.cardCount })}
        </span>
      </li>
    );
  return (
    <li className="template-row">
      <Input
        aria-label={t("templates.manage.nameOf", { name: template.name })}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
      />
      <Button
        size="sm"
        variant="ghost"
        disabled={isBusy || name.trim() === "" || name === template.name}
        onClick={() =>
          void attempt(
            (reason) => t("templates.manage.renameFailed", { reason }),
            () => renameSpaceTemplate(template.id, name),
          )
        }
      >
        {t("common.rename")}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={isBusy}
        onClick={() =>
          void attempt(
            (reason) => t("templates.manage.deleteFailed", { reason }),
            () => deleteSpaceTemplate(template.id),
          )
        }
      >
        {t("common.delete")}
      </Button>
    </li>
  );
};

/** "Space templates…": the workspace's templates; owners and whoever saved one rename or delete it. */
export const ManageTemplatesDialog = ({
  workspaceId,
  onClose,
}: {
  workspaceId: string;
  onClose: () => void;
}) => {
  const { templates, error, reload } = useTemplates(workspaceId);
  const { t } = useTranslator();
  return (
    <Dialog
      isOpen
      title={t("templates.manage.title")}
      description={t("templates.manage.description")}
      onClose={onClose}
      size="md"
      footer={
        <Button variant="ghost" onClick={onClose}>
          {t("common.close")}
        </Button>
      }
    >
      {error ? <p className="form-error">{error}</p> : null}
      <ul className="template-list">
        {(templates ?? []).map((t) => (
          <TemplateRow key={`${t.id}:${t.name}`} template={t} onChanged={() => void reload()} />
        ))}
      </ul>
    </Dialog>
  );
};
