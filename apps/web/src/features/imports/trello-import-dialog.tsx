/**
 * Import a Trello board: choose its JSON export, check what it will become (lists and their roles,
 * who takes the place of each Trello member, what changes on the way), import, then see the summary.
 */
import type { ImportSummary, Member, StatusRole, TrelloImportResult, TrelloPreview } from "@lattice/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { importTrelloBoard, previewTrelloImport } from "../../api/imports";
import { fetchMembers } from "../../api/members";
import { useTranslator } from "../../lib/i18n/i18n";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Select } from "../../ui/input";
import { ImportDone, ImportFilePicker, ImportNotes, SpacePlacement, StatusRoles } from "./import-parts";

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const SummaryList = ({ summary }: { summary: ImportSummary }) => {
  const { t } = useTranslator();
  return (
    <ul className="import-counts">
      <li>{t("imports.count.lists", { count: summary.lists })}</li>
      <li>
        {summary.archivedCards > 0
          ? t("imports.count.cardsArchived", { count: summary.cards, archived: summary.archivedCards })
          : t("imports.count.cards", { count: summary.cards })}
      </li>
      <li>{t("imports.count.labels", { count: summary.labels })}</li>
      <li>{t("imports.count.checklists", { checklists: summary.checklists, todos: summary.todos })}</li>
      <li>{t("imports.count.comments", { count: summary.comments })}</li>
      <li>{t("imports.count.links", { count: summary.links })}</li>
    </ul>
  );
};

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
  const { t } = useTranslator();
  const allWell = t("imports.trello.allWell");

  useEffect(() => {
    let live = true;
    fetchMembers(workspaceId).then(
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
      setError(t("imports.trello.notJson", { name: file.name }));
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
        title={t("imports.trello.done")}
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
      title={t("imports.trello.title")}
      description={t("imports.trello.description")}
      onClose={onClose}
      onSubmit={() => void runImport()}
      size="lg"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy} disabled={!preview}>
            {preview ? t("imports.importCards", { count: preview.summary.cards }) : t("imports.import")}
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
        label={t("imports.trello.file")}
        hint={t("imports.trello.fileHint")}
        accept="application/json,.json"
        fileName={fileName}
        onFile={(file) => void chooseFile(file)}
      />
      {isBusy && !preview ? (
        <p className="import-reading">{t("imports.reading", { name: fileName })}</p>
      ) : null}
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
            legend={t("imports.trello.lists")}
            statuses={preview.statuses}
            roles={listRoles}
            onRole={(listId, role) => setListRoles({ ...listRoles, [listId]: role })}
          />
          {preview.members.length > 0 ? (
            <fieldset className="import-table">
              <legend>{t("imports.trello.members")}</legend>
              {preview.members.map((member) => (
                <div key={member.trelloId} className="import-row">
                  <span className="import-row-name">
                    {member.fullName || member.username}
                    {member.username ? <span className="import-row-count">@{member.username}</span> : null}
                  </span>
                  <Select
                    aria-label={t("imports.trello.whoReplaces", { name: member.fullName || member.username })}
                    value={memberMap[member.trelloId] ?? ""}
                    onChange={(e) =>
                      setMemberMap({ ...memberMap, [member.trelloId]: e.target.value || null })
                    }
                  >
                    <option value="">{t("imports.trello.leaveOut")}</option>
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
