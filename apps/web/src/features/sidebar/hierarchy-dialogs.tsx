import { type Visibility, visibilities } from "@lattice/domain";
import { lazy, Suspense, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { trashApi } from "../../api/trash";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { Field, Input, Select, Textarea } from "../../ui/input";
import { buildTree, type FolderNode, folderOptions, type TreeView } from "./tree";

export type HierarchyKind = "workspace" | "folder" | "space";

export interface HierarchyTarget {
  kind: HierarchyKind;
  id: string;
  workspaceId: string;
  name: string;
}

export type HierarchyDialogState =
  | { type: "create-workspace" }
  | { type: "create-folder"; workspaceId: string; parentFolderId: string | null }
  | { type: "create-space"; workspaceId: string; folderId: string | null }
  | { type: "import-trello"; workspaceId: string; folderId: string | null }
  | { type: "import-csv"; workspaceId: string; folderId: string | null }
  | { type: "save-template"; spaceId: string; name: string }
  | { type: "manage-templates"; workspaceId: string }
  | { type: "rename"; target: HierarchyTarget }
  | { type: "delete"; target: HierarchyTarget }
  | { type: "archive-trash"; workspaceId: string; spaceId: string | null; tab: "archive" | "trash" }
  | {
      type: "move-to-folder";
      target: HierarchyTarget & { kind: "folder" | "space" };
      folderId: string | null;
    }
  | null;

/** A visibility's name and what it means, as message keys (here and in the workspace settings). */
export const visibilityKeys: Record<Visibility, { label: MessageKey; hint: MessageKey }> = {
  private: { label: "dialogs.visibility.private", hint: "dialogs.visibility.privateHint" },
  public: { label: "dialogs.visibility.public", hint: "dialogs.visibility.publicHint" },
  org_wide: { label: "dialogs.visibility.orgWide", hint: "dialogs.visibility.orgWideHint" },
};

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

const CreateWorkspaceDialog = ({ onClose }: { onClose: () => void }) => {
  const createWorkspace = useWorkspaces((s) => s.createWorkspace);
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("private");
  const { isBusy, errors, formError, run } = useSubmit();
  const { t } = useTranslator();

  const handleSubmit = () =>
    run(async () => {
      const workspace = await createWorkspace({ name, description, visibility });
      toast.success(t("dialogs.workspaceCreated", { name: workspace.name }));
      onClose();
      void navigate(`/w/${workspace.id}`);
    });

  return (
    <Dialog
      isOpen
      title={t("sidebar.createAWorkspace")}
      description={t("dialogs.createWorkspace.description")}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("dialogs.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {t("sidebar.createWorkspace")}
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
      <Field
        label={t("dialogs.description")}
        error={errors.description}
        hint={t("dialogs.createWorkspace.descriptionHint")}
      >
        {(props) => (
          <Textarea
            {...props}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("dialogs.visibility")}
        error={errors.visibility}
        hint={t(visibilityKeys[visibility].hint)}
      >
        {(props) => (
          <Select {...props} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
            {visibilities.map((v) => (
              <option key={v} value={v}>
                {t(visibilityKeys[v].label)}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </Dialog>
  );
};

const CreateChildDialog = ({
  kind,
  workspaceId,
  parentId,
  onClose,
}: {
  kind: "folder" | "space";
  workspaceId: string;
  parentId: string | null;
  onClose: () => void;
}) => {
  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const createFolder = useWorkspaces((s) => s.createFolder);
  const createSpace = useWorkspaces((s) => s.createSpace);
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [folderId, setFolderId] = useState<string>(parentId ?? "");
  const { isBusy, errors, formError, run } = useSubmit();
  const options = tree ? folderOptions(buildTree(tree)) : [];
  const { t } = useTranslator();

  const handleSubmit = () =>
    run(async () => {
      const parent = folderId === "" ? null : folderId;
      if (kind === "folder") {
        await createFolder(workspaceId, { name, parentFolderId: parent });
        toast.success(t("dialogs.folderCreated", { name: name.trim() }));
        onClose();
      } else {
        const spaceId = await createSpace(workspaceId, { name, folderId: parent });
        onClose();
        void navigate(`/w/${workspaceId}/s/${spaceId}`);
      }
    });

  return (
    <Dialog
      isOpen
      title={kind === "folder" ? t("dialogs.newFolder") : t("home.workspace.newSpace")}
      description={kind === "space" ? t("dialogs.newSpace.description") : t("dialogs.newFolder.description")}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("dialogs.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {t("dialogs.create", { kind })}
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
      <Field label={t("dialogs.location")} error={errors.parentFolderId ?? errors.folderId}>
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
    </Dialog>
  );
};

const RenameDialog = ({ target, onClose }: { target: HierarchyTarget; onClose: () => void }) => {
  const store = useWorkspaces();
  const [name, setName] = useState(target.name);
  const { isBusy, errors, formError, run } = useSubmit();
  const { t } = useTranslator();

  const handleSubmit = () =>
    run(async () => {
      if (target.kind === "workspace") await store.updateWorkspace(target.id, { name });
      if (target.kind === "folder") await store.updateFolder(target.workspaceId, target.id, { name });
      if (target.kind === "space") await store.updateSpace(target.workspaceId, target.id, { name });
      onClose();
    });

  return (
    <Dialog
      isOpen
      title={t("dialogs.rename", { kind: target.kind })}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("dialogs.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {t("dialogs.save")}
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
    </Dialog>
  );
};

const DeleteDialog = ({ target, onClose }: { target: HierarchyTarget; onClose: () => void }) => {
  const store = useWorkspaces();
  const navigate = useNavigate();
  const [isBusy, setIsBusy] = useState(false);
  const { t } = useTranslator();

  const handleConfirm = async () => {
    setIsBusy(true);
    try {
      if (target.kind === "workspace") {
        await store.deleteWorkspace(target.id);
        toast.success(t("dialogs.deleted", { name: target.name }));
      } else {
        if (target.kind === "folder") await store.deleteFolder(target.workspaceId, target.id);
        if (target.kind === "space") await store.deleteSpace(target.workspaceId, target.id);
        // A folder or a space goes to the trash: Undo takes it back at once, with everything in it.
        toast.undoable(t("dialogs.movedToTrash", { name: target.name }), async () => {
          try {
            const restored = await trashApi.restore(target.id);
            if (restored.note) toast.info(`${restored.note}.`);
          } catch (error) {
            toast.error(
              translate("sidebar.restoreFailed", { name: target.name, reason: describeError(error) }),
            );
          }
        });
      }
      onClose();
      if (window.location.pathname.includes(target.id)) {
        void navigate(target.kind === "workspace" ? "/" : `/w/${target.workspaceId}`);
      }
    } catch (error) {
      toast.error(t("dialogs.deleteFailed", { name: target.name, reason: describeError(error) }));
      setIsBusy(false);
    }
  };

  const message = t("dialogs.delete.message", { kind: target.kind });

  return (
    <ConfirmDialog
      isOpen
      title={t("dialogs.delete.title", { name: target.name })}
      message={message}
      confirmLabel={t("dialogs.delete.confirm", { kind: target.kind })}
      isBusy={isBusy}
      onConfirm={() => void handleConfirm()}
      onClose={onClose}
    />
  );
};

/** The folders a folder could go into: not itself nor any folder inside it (that would be a loop). */
const foldersOutside = (view: TreeView, folderId: string): Set<string> => {
  const inside = new Set<string>();
  const walk = (nodes: FolderNode[], isInside: boolean) => {
    for (const node of nodes) {
      const isHere = isInside || node.folder.id === folderId;
      if (isHere) inside.add(node.folder.id);
      walk(node.folders, isHere);
    }
  };
  walk(view.folders, false);
  return inside;
};

/** "Move to folder…": a space or a folder goes to another folder of its workspace (or the root), at the end. */
const MoveToFolderDialog = ({
  target,
  folderId,
  onClose,
}: {
  target: HierarchyTarget & { kind: "folder" | "space" };
  folderId: string | null;
  onClose: () => void;
}) => {
  const tree = useWorkspaces((s) => s.trees[target.workspaceId]?.tree ?? null);
  const store = useWorkspaces();
  const [chosen, setChosen] = useState(folderId ?? "");
  const { isBusy, errors, formError, run } = useSubmit();
  const view = tree ? buildTree(tree) : null;
  const excluded = view && target.kind === "folder" ? foldersOutside(view, target.id) : new Set<string>();
  const options = view ? folderOptions(view).filter((o) => !excluded.has(o.id)) : [];
  const { t } = useTranslator();

  const handleSubmit = () =>
    run(async () => {
      const destination = chosen === "" ? null : chosen;
      if (target.kind === "space") {
        await store.updateSpace(target.workspaceId, target.id, { folderId: destination });
      } else {
        await store.updateFolder(target.workspaceId, target.id, { parentFolderId: destination });
      }
      const folder = options.find((o) => o.id === destination)?.label.trim();
      toast.success(
        folder
          ? t("dialogs.moved", { name: target.name, folder })
          : t("dialogs.movedToRoot", { name: target.name }),
      );
      onClose();
    });

  return (
    <Dialog
      isOpen
      title={t("dialogs.move.title", { kind: target.kind, name: target.name })}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("dialogs.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={chosen === (folderId ?? "")}>
            {t("dialogs.move")}
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label={t("dialogs.folder")} error={errors.parentFolderId ?? errors.folderId}>
        {(props) => (
          <Select {...props} value={chosen} onChange={(e) => setChosen(e.target.value)} autoFocus>
            <option value="">{t("dialogs.workspaceRoot")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </Dialog>
  );
};

// Loaded when first opened: reading a Trello export is rare, and the first screen stays small.
const TrelloImportDialog = lazy(() =>
  import("../imports/trello-import-dialog").then((m) => ({ default: m.TrelloImportDialog })),
);
const CsvImportDialog = lazy(() =>
  import("../imports/csv-import-dialog").then((m) => ({ default: m.CsvImportDialog })),
);
const ArchiveTrashDialog = lazy(() =>
  import("../trash/archive-trash-dialog").then((m) => ({ default: m.ArchiveTrashDialog })),
);

// Loaded when first opened, like the import: templates are listed from the server when asked for.
const templateDialogs = () => import("../templates/template-dialogs");
const NewSpaceDialog = lazy(() => templateDialogs().then((m) => ({ default: m.NewSpaceDialog })));
const SaveSpaceTemplateDialog = lazy(() =>
  templateDialogs().then((m) => ({ default: m.SaveSpaceTemplateDialog })),
);
const ManageTemplatesDialog = lazy(() =>
  templateDialogs().then((m) => ({ default: m.ManageTemplatesDialog })),
);

export const HierarchyDialogs = ({
  state,
  onClose,
}: {
  state: HierarchyDialogState;
  onClose: () => void;
}) => {
  if (!state) return null;
  switch (state.type) {
    case "create-workspace":
      return <CreateWorkspaceDialog onClose={onClose} />;
    case "create-folder":
      return (
        <CreateChildDialog
          kind="folder"
          workspaceId={state.workspaceId}
          parentId={state.parentFolderId}
          onClose={onClose}
        />
      );
    case "create-space":
      return (
        <Suspense fallback={null}>
          <NewSpaceDialog workspaceId={state.workspaceId} folderId={state.folderId} onClose={onClose} />
        </Suspense>
      );
    case "save-template":
      return (
        <Suspense fallback={null}>
          <SaveSpaceTemplateDialog spaceId={state.spaceId} spaceName={state.name} onClose={onClose} />
        </Suspense>
      );
    case "manage-templates":
      return (
        <Suspense fallback={null}>
          <ManageTemplatesDialog workspaceId={state.workspaceId} onClose={onClose} />
        </Suspense>
      );
    case "import-trello":
      return (
        <Suspense fallback={null}>
          <TrelloImportDialog workspaceId={state.workspaceId} folderId={state.folderId} onClose={onClose} />
        </Suspense>
      );
    case "import-csv":
      return (
        <Suspense fallback={null}>
          <CsvImportDialog workspaceId={state.workspaceId} folderId={state.folderId} onClose={onClose} />
        </Suspense>
      );
    case "rename":
      return <RenameDialog target={state.target} onClose={onClose} />;
    case "delete":
      return <DeleteDialog target={state.target} onClose={onClose} />;
    case "archive-trash":
      return (
        <Suspense fallback={null}>
          <ArchiveTrashDialog
            workspaceId={state.workspaceId}
            spaceId={state.spaceId}
            initialTab={state.tab}
            onClose={onClose}
          />
        </Suspense>
      );
    case "move-to-folder":
      return <MoveToFolderDialog target={state.target} folderId={state.folderId} onClose={onClose} />;
  }
};
