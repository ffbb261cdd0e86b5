/**
 * Import a Trello board: choose its JSON export, check what it will become (lists and their roles,
 * who takes the place of each Trello member, what changes on the way), import, then see the summary.
 */
import type { ImportSummary, Member, StatusRole, TrelloImportResult, TrelloPreview } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { importTrelloBoard, previewTrelloImport } from "../../api/imports";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Select } from "../../ui/input";
import {
  count,
  ImportDone,
  ImportFilePicker,
  ImportNotes,
  SpacePlacement,
  StatusRoles,
} from "./import-parts";

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const allWell = "Everything comes across as it is in Trello.";

const SummaryList = ({ summary }: { summary: ImportSummary }) => (
  <ul className="import-counts">
    <li>{count(summary.lists, "list", "lists")}</li>
    <li>
      {count(summary.cards, "card", "cards")}
      {summary.archivedCards > 0 ? ` (${summary.archivedCards.toLocaleString()} archived)` : ""}
    </li>
    <li>{count(summary.labels, "label", "labels")}</li>
    <li>
      {count(summary.checklists, "checklist", "checklists")} → {count(summary.todos, "to-do", "to-dos")}
    </li>
    <li>{count(summary.comments, "comment", "comments")}</li>
    <li>{count(summary.links, "attachment link", "attachment links")}</li>
  </ul>
);

export const TrelloImportDialog = ({
  workspaceId,
  folderId: initialFolderId,
  onClose,
}: {
  workspaceId: string;
  folderId: string | null;
  onClose: () => void;
}) => {
  const loadTree = useWorkspaces((s) => s.loadTree);
  const [board, setBoard] = useState<unknown>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<TrelloPreview | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [name, setName] = useState("");
  const [folderId, setFolderId] = useState(initialFolderId ?? "");
  const [memberMap, setMemberMap] = useState<Record<string, string | null>>({});
  const [listRoles, setListRoles] = useState<Record<string, StatusRole>>({});
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<TrelloImportResult | null>(null);

  useEffect(() => {
    let live = true;
    api.listMembers(workspaceId).then(
      (list) => live && setMembers(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workspaceId]);

  const chooseFile = async (file: File) => {
    setError(null);
    setPreview(null);
    setFileName(file.name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError(
        `“${file.name}” is not a JSON file. In Trello, use Board menu → Print, export and share → Export as JSON.`,
      );
      return;
    }
    setIsBusy(true);
    try {
      const answer = await previewTrelloImport(workspaceId, parsed, { timeZone: browserTimeZone() });
      setBoard(parsed);
      setPreview(answer);
      setName(answer.name);
      setMemberMap(Object.fromEntries(answer.members.map((m) => [m.trelloId, m.userId])));
      setListRoles(Object.fromEntries(answer.statuses.map((s) => [s.listId, s.role])));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setIsBusy(false);
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setIsBusy(true);
    setError(null);
    try {
      const imported = await importTrelloBoard(workspaceId, board, {
        name,
        folderId: folderId === "" ? null : folderId,
        memberMap,
        listRoles: Object.fromEntries(Object.entries(listRoles).filter(([listId]) => listId !== "")),
        timeZone: browserTimeZone(),
      });
      await loadTree(workspaceId);
      setResult(imported);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setIsBusy(false);
    }
  };

  if (result) {
    return (
      <ImportDone
        title="Board imported"
        workspaceId={workspaceId}
        space={result.space}
        counts={<SummaryList summary={result.summary} />}
        notes={result.summary.notes}
        allWell={allWell}
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog
      isOpen
      title="Import from Trello"
      description="A Trello board becomes a new space: lists become statuses, cards keep their order, dates, labels, checklists and comments."
      onClose={onClose}
      onSubmit={() => void runImport()}
      size="lg"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={!preview}>
            {preview ? `Import ${count(preview.summary.cards, "card", "cards")}` : "Import"}
          </Button>
        </>
      }
    >
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <ImportFilePicker
        label="Trello export"
        hint="In Trello: Board menu → Print, export and share → Export as JSON. The file stays in your browser until you import it."
        accept="application/json,.json"
        fileName={fileName}
        onFile={(file) => void chooseFile(file)}
      />
      {isBusy && !preview ? <p className="import-reading">Reading {fileName}…</p> : null}
      {preview ? (
        <div className="import-preview">
          <SummaryList summary={preview.summary} />
          <SpacePlacement
            workspaceId={workspaceId}
            name={name}
            folderId={folderId}
            onName={setName}
            onFolder={setFolderId}
          />
          <StatusRoles
            legend="Lists become statuses"
            statuses={preview.statuses}
            roles={listRoles}
            onRole={(listId, role) => setListRoles({ ...listRoles, [listId]: role })}
          />
          {preview.members.length > 0 ? (
            <fieldset className="import-table">
              <legend>Trello members</legend>
              {preview.members.map((member) => (
                <div key={member.trelloId} className="import-row">
                  <span className="import-row-name">
                    {member.fullName || member.username}
                    {member.username ? <span className="import-row-count">@{member.username}</span> : null}
                  </span>
                  <Select
                    aria-label={`Who takes the place of ${member.fullName || member.username}`}
                    value={memberMap[member.trelloId] ?? ""}
                    onChange={(e) =>
                      setMemberMap({ ...memberMap, [member.trelloId]: e.target.value || null })
                    }
                  >
                    <option value="">Leave out</option>
                    {members.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </Select>
                </div>
              ))}
            </fieldset>
          ) : null}
          <ImportNotes notes={preview.summary.notes} allWell={allWell} />
        </div>
      ) : null}
    </Dialog>
  );
};
