import { type Visibility, visibilities } from "@lattice/domain";
import { lazy, Suspense, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { trashApi } from "../../api/trash";
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

export const visibilityLabels: Record<Visibility, { label: string; hint: string }> = {
  private: { label: "Private", hint: "Only people you invite know it exists." },
  public: { label: "Public", hint: "Everyone on this instance can find and read it." },
  org_wide: { label: "Organization-wide", hint: "Everyone on this instance is a member." },
};

const kindNoun: Record<HierarchyKind, string> = { workspace: "workspace", folder: "folder", space: "space" };

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

  const handleSubmit = () =>
    run(async () => {
      const workspace = await createWorkspace({ name, description, visibility });
      toast.success(`Workspace “${workspace.name}” created.`);
      onClose();
      void navigate(`/w/${workspace.id}`);
    });

  return (
    <Dialog
      isOpen
      title="Create a workspace"
      description="A workspace holds the folders and spaces of one team or project."
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            Create workspace
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label="Name" error={errors.name}>
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
      <Field label="Description" error={errors.description} hint="Optional. What is this workspace for?">
        {(props) => (
          <Textarea
            {...props}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label="Visibility" error={errors.visibility} hint={visibilityLabels[visibility].hint}>
        {(props) => (
          <Select {...props} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
            {visibilities.map((v) => (
              <option key={v} value={v}>
                {visibilityLabels[v].label}
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

  const handleSubmit = () =>
    run(async () => {
      const parent = folderId === "" ? null : folderId;
      if (kind === "folder") {
        await createFolder(workspaceId, { name, parentFolderId: parent });
        toast.success(`Folder “${name.trim()}” created.`);
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
      title={kind === "folder" ? "New folder" : "New space"}
      description={
        kind === "space"
          ? "A space is a board of cards. It starts with the columns To Do, Doing and Done."
          : "Folders group spaces and other folders."
      }
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            Create {kind}
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label="Name" error={errors.name}>
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
      <Field label="Location" error={errors.parentFolderId ?? errors.folderId}>
        {(props) => (
          <Select {...props} value={folderId} onChange={(e) => setFolderId(e.target.value)}>
            <option value="">Workspace root</option>
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
      title={`Rename ${kindNoun[target.kind]}`}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            Save
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label="Name" error={errors.name}>
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

  const handleConfirm = async () => {
    setIsBusy(true);
    try {
      if (target.kind === "workspace") {
        await store.deleteWorkspace(target.id);
        toast.success(`Deleted “${target.name}”.`);
      } else {
        if (target.kind === "folder") await store.deleteFolder(target.workspaceId, target.id);
        if (target.kind === "space") await store.deleteSpace(target.workspaceId, target.id);
        // A folder or a space goes to the trash: Undo takes it back at once, with everything in it.
        toast.undoable(`Moved “${target.name}” to the trash`, async () => {
          try {
            const restored = await trashApi.restore(target.id);
            if (restored.note) toast.info(`${restored.note}.`);
          } catch (error) {
            toast.error(`Could not restore “${target.name}”. ${describeError(error)}`);
          }
        });
      }
      onClose();
      if (window.location.pathname.includes(target.id)) {
        void navigate(target.kind === "workspace" ? "/" : `/w/${target.workspaceId}`);
      }
    } catch (error) {
      toast.error(`Could not delete “${target.name}”. ${describeError(error)}`);
      setIsBusy(false);
    }
  };

  const message =
    target.kind === "workspace"
      ? "Every folder, space and card in it is deleted for everyone. This cannot be undone. Archive it instead to hide it and keep its history."
      : target.kind === "folder"
        ? "The folder and everything inside it go to the workspace's trash, where owners can restore them until they are deleted for good."
        : "The space and its cards go to the workspace's trash, where owners can restore them until they are deleted for good.";

  return (
    <ConfirmDialog
      isOpen
      title={`Delete “${target.name}”?`}
      message={message}
      confirmLabel={`Delete ${kindNoun[target.kind]}`}
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

  const handleSubmit = () =>
    run(async () => {
      const destination = chosen === "" ? null : chosen;
      if (target.kind === "space") {
        await store.updateSpace(target.workspaceId, target.id, { folderId: destination });
      } else {
        await store.updateFolder(target.workspaceId, target.id, { parentFolderId: destination });
      }
      const where = options.find((o) => o.id === destination)?.label.trim() ?? "the workspace root";
      toast.success(`Moved “${target.name}” to ${where}.`);
      onClose();
    });

  return (
    <Dialog
      isOpen
      title={`Move ${kindNoun[target.kind]} “${target.name}”`}
      onClose={onClose}
      onSubmit={() => void handleSubmit()}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={chosen === (folderId ?? "")}>
            Move
          </Button>
        </>
      }
    >
      {formError ? <p className="form-error">{formError}</p> : null}
      <Field label="Folder" error={errors.parentFolderId ?? errors.folderId}>
        {(props) => (
          <Select {...props} value={chosen} onChange={(e) => setChosen(e.target.value)} autoFocus>
            <option value="">Workspace root</option>
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
