/**
 * The parts the import dialogs share: the file picker that also takes a dropped file, the new space's
 * name and place, the statuses with their roles, what changes on the way, and the closing summary
 * with a way into the new space.
 */
import type { PlannedStatus, Space, StatusRole } from "@lattice/domain";
import { statusRoles } from "@lattice/domain";
import { type DragEvent, type ReactNode, useState } from "react";
import { useNavigate } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Field, Input, Select } from "../../ui/input";
import { statusRoleLabels } from "../board/columns-dialog";
import { buildTree, folderOptions } from "../sidebar/tree";
import "./imports.css";

/** A file input inside an area a file can also be dropped on. */
export const ImportFilePicker = ({
  label,
  hint,
  accept,
  fileName,
  onFile,
}: {
  label: string;
  hint: ReactNode;
  accept: string;
  fileName: string;
  onFile: (file: File) => void;
}) => {
  const [isOver, setIsOver] = useState(false);
  const { t } = useTranslator();
  const handleDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setIsOver(true);
  };
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for the file input inside, which the keyboard reaches
    <div
      className={`import-drop${isOver ? " import-drop-over" : ""}`}
      onDragOver={handleDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsOver(false);
      }}
      onDrop={handleDrop}
    >
      <Field label={label} hint={hint}>
        {(props) => (
          <Input
            {...props}
            type="file"
            accept={accept}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
            }}
          />
        )}
      </Field>
      <p className="import-drop-text" aria-hidden="true">
        {fileName ? t("imports.file.chosen", { name: fileName }) : t("imports.file.drop")}
      </p>
    </div>
  );
};

/** The new space's name and the folder it goes in. */
export const SpacePlacement = ({
  workspaceId,
  name,
  folderId,
  onName,
  onFolder,
}: {
  workspaceId: string;
  name: string;
  folderId: string;
  onName: (name: string) => void;
  onFolder: (folderId: string) => void;
}) => {
  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const options = tree ? folderOptions(buildTree(tree)) : [];
  const { t } = useTranslator();
  return (
    <div className="import-placement">
      <Field label={t("imports.spaceName")}>
        {(props) => (
          <Input {...props} value={name} onChange={(e) => onName(e.target.value)} required maxLength={120} />
        )}
      </Field>
      <Field label={t("dialogs.location")}>
        {(props) => (
          <Select {...props} value={folderId} onChange={(e) => onFolder(e.target.value)}>
            <option value="">{t("dialogs.workspaceRoot")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
};

/** Each status to be created with its card count and a choice of its role. */
export const StatusRoles = ({
  legend,
  statuses,
  roles,
  onRole,
}: {
  legend: string;
  statuses: readonly PlannedStatus[];
  roles: Readonly<Record<string, StatusRole>>;
  onRole: (listId: string, role: StatusRole) => void;
}) => {
  const { t } = useTranslator();
  return (
    <fieldset className="import-table">
      <legend>{legend}</legend>
      {statuses.map((status) => (
        <div key={status.listId || "default"} className="import-row">
          <span className="import-row-name">
            {status.name}{" "}
            <span className="import-row-count">{t("imports.count.cards", { count: status.cardCount })}</span>
          </span>
          <Select
            aria-label={t("imports.roleOf", { name: status.name })}
            value={roles[status.listId] ?? status.role}
            disabled={status.listId === ""}
            onChange={(e) => onRole(status.listId, e.target.value as StatusRole)}
          >
            {statusRoles.map((role) => (
              <option key={role} value={role}>
                {statusRoleLabels[role]}
              </option>
            ))}
          </Select>
        </div>
      ))}
    </fieldset>
  );
};

/** What does not come across as it was, or a line saying everything does. */
export const ImportNotes = ({ notes, allWell }: { notes: readonly string[]; allWell: string }) => {
  const { t } = useTranslator();
  return notes.length === 0 ? (
    <p className="import-note-ok">{allWell}</p>
  ) : (
    <ul className="import-notes" aria-label={t("imports.notes")}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
};

/** The end of an import: what was made, what was not, and the way into the new space. */
export const ImportDone = ({
  title,
  workspaceId,
  space,
  counts,
  notes,
  allWell,
  onClose,
}: {
  title: string;
  workspaceId: string;
  space: Space;
  counts: ReactNode;
  notes: readonly string[];
  allWell: string;
  onClose: () => void;
}) => {
  const navigate = useNavigate();
  const { t } = useTranslator();
  return (
    <Dialog
      isOpen
      title={title}
      description={t("imports.done.ready", { name: space.name })}
      onClose={onClose}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button
            variant="primary"
            autoFocus
            onClick={() => {
              onClose();
              void navigate(`/w/${workspaceId}/s/${space.id}`);
            }}
          >
            {t("imports.done.open")}
          </Button>
        </>
      }
    >
      {counts}
      <ImportNotes notes={notes} allWell={allWell} />
    </Dialog>
  );
};
