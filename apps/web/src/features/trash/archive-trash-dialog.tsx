/**
 * The archive and the trash of a workspace (or of one space's cards), loaded on demand. Archived
 * things are restored with the ordinary `archived: false` change; trashed ones with the trash's
 * restore, which answers where the thing went when its old place is gone. Both lists reload on the
 * workspace's `trash.changed` and hierarchy events (`archiveVersions`), so what another person
 * restores or deletes shows. A space's archived cards change on its own channel: that list reloads
 * after each action here and when reopened.
 */
import type { ArchiveItem, TrashEntry } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError, requestEmpty } from "../../api/client";
import { trashApi } from "../../api/trash";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Input } from "../../ui/input";
import "../board/archived-cards.css";
import "./archive-trash.css";

export type ArchiveTrashTab = "archive" | "trash";

interface ArchiveTrashDialogProps {
  workspaceId: string;
  /** Only this space's cards. */
  spaceId?: string | null;
  initialTab: ArchiveTrashTab;
  onClose: () => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const quoted = (name: string) => `“${name.length > 40 ? `${name.slice(0, 39)}…` : name}”`;
const kindWord = { card: "Card", space: "Space", folder: "Folder" } as const;

const pathOf = (item: Pick<ArchiveItem, "kind" | "id">) =>
  item.kind === "card"
    ? `/api/cards/${item.id}`
    : item.kind === "space"
      ? `/api/spaces/${item.id}`
      : `/api/folders/${item.id}`;

const unarchive = (item: Pick<ArchiveItem, "kind" | "id">) =>
  requestEmpty("PATCH", pathOf(item), { body: { archived: false } });

const contentsOf = (entry: TrashEntry): string => {
  const parts: string[] = [];
  const { cards, spaces, folders } = entry.contents;
  if (entry.kind !== "card" && cards > 0) parts.push(`${cards} card${cards === 1 ? "" : "s"}`);
  if (spaces > 0) parts.push(`${spaces} space${spaces === 1 ? "" : "s"}`);
  if (folders > 0) parts.push(`${folders} folder${folders === 1 ? "" : "s"}`);
  return parts.length > 0 ? ` · with ${parts.join(", ")}` : "";
};

export const ArchiveTrashDialog = ({
  workspaceId,
  spaceId = null,
  initialTab,
  onClose,
}: ArchiveTrashDialogProps) => {
  const [tab, setTab] = useState<ArchiveTrashTab>(initialTab);
  const [q, setQ] = useState("");
  const [archive, setArchive] = useState<ArchiveItem[] | null>(null);
  const [trash, setTrash] = useState<TrashEntry[] | null>(null);
  const [retentionDays, setRetentionDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const liveVersion = useWorkspaces((s) => s.archiveVersions[workspaceId] ?? 0);
  const scope = { workspaceId, spaceId };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh list
  useEffect(() => {
    let isCurrent = true;
    setError(null);
    const timer = setTimeout(
      () => {
        const load =
          tab === "archive"
            ? trashApi.listArchive(scope, q).then((reply) => {
                if (isCurrent) setArchive(reply.items);
              })
            : trashApi.listTrash(scope, q).then((reply) => {
                if (isCurrent) {
                  setTrash(reply.items);
                  setRetentionDays(reply.retentionDays);
                }
              });
        load.catch((err: unknown) => {
          if (isCurrent) setError(describeError(err));
        });
      },
      q ? 200 : 0,
    );
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [tab, q, workspaceId, spaceId, reloads, liveVersion]);

  const run = async (id: string, what: string, action: () => Promise<void>) => {
    setBusyId(id);
    try {
      await action();
    } catch (err) {
      toast.error(`Could not ${what}. ${describeError(err)}`);
    } finally {
      setBusyId(null);
      reload();
    }
  };

  const handleUnarchive = (item: ArchiveItem) =>
    run(item.id, `restore ${quoted(item.name)}`, async () => {
      await unarchive(item);
      toast.success(`Restored ${quoted(item.name)} to ${item.placeName}.`);
    });

  const handleRestore = (entry: TrashEntry) =>
    run(entry.id, `restore ${quoted(entry.name)}`, async () => {
      const restored = await trashApi.restore(entry.id);
      toast.success(
        restored.note
          ? `Restored ${quoted(restored.name)}. ${restored.note}.`
          : `Restored ${quoted(restored.name)} to ${restored.placeName}.`,
      );
    });

  const handlePurge = (entry: TrashEntry) => {
    if (!window.confirm(`Delete ${quoted(entry.name)} for good? This cannot be undone.`)) return;
    void run(entry.id, `delete ${quoted(entry.name)}`, async () => {
      await trashApi.purge(entry.id);
      toast.success(`Deleted ${quoted(entry.name)} for good.`);
    });
  };

  const list = tab === "archive" ? archive : trash;
  const where = spaceId ? "this space" : "this workspace";

  return (
    <Dialog
      isOpen
      title={spaceId ? "Archive and trash of this space" : "Archive and trash"}
      description={
        tab === "archive"
          ? `Archived ${spaceId ? "cards" : "folders, spaces and cards"} of ${where}, the most recent first.`
          : `Deleted ${spaceId ? "cards" : "folders, spaces and cards"} of ${where}${retentionDays ? `, kept ${retentionDays} days before they are deleted for good` : ""}.`
      }
      size="md"
      onClose={onClose}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <div className="archive-trash-tabs" role="tablist" aria-label="Archive or trash">
        {(["archive", "trash"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`archive-trash-tab${tab === t ? " is-active" : ""}`}
            onClick={() => setTab(t)}
          >
            {t === "archive" ? "Archive" : "Trash"}
          </button>
        ))}
      </div>
      <Input
        type="search"
        aria-label="Search by name"
        placeholder="Search by name"
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
      />
      {error ? (
        <p role="alert">{error}</p>
      ) : list === null ? (
        <p role="status" className="muted">
          Loading…
        </p>
      ) : list.length === 0 ? (
        <p className="muted">
          {q ? "Nothing by that name." : tab === "archive" ? "Nothing is archived." : "The trash is empty."}
        </p>
      ) : tab === "archive" ? (
        <ul className="archived-list" aria-label="Archived">
          {(archive ?? []).map((item) => (
            <li key={item.id} className="archived-item">
              <span className="archived-name">
                <strong>{item.name}</strong>
                <span className="archived-when muted">
                  {kindWord[item.kind]} · {item.placeName} · archived by {item.archivedByName} on{" "}
                  {when.format(new Date(item.archivedAt))}
                </span>
                {item.archivedParent ? (
                  <span className="archived-when muted">
                    Inside the archived {item.archivedParent.kind} {quoted(item.archivedParent.name)}
                    {item.archivedParent.canRestore ? (
                      <>
                        {" "}
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={busyId !== null}
                          onClick={() => {
                            const parent = item.archivedParent;
                            if (parent)
                              void run(parent.id, `restore ${quoted(parent.name)}`, async () => {
                                await unarchive(parent);
                                toast.success(`Restored ${quoted(parent.name)}.`);
                              });
                          }}
                        >
                          Restore the {item.archivedParent.kind}
                        </Button>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </span>
              {item.canRestore ? (
                <Button
                  size="sm"
                  disabled={busyId === item.id}
                  aria-label={`Restore ${item.name}`}
                  onClick={() => void handleUnarchive(item)}
                >
                  Restore
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="archived-list" aria-label="Trash">
          {(trash ?? []).map((entry) => (
            <li key={entry.id} className="archived-item">
              <span className="archived-name">
                <strong>{entry.name}</strong>
                <span className="archived-when muted">
                  {kindWord[entry.kind]} · was in {entry.placeName || "its space"}
                  {contentsOf(entry)} · deleted by {entry.trashedByName} on{" "}
                  {when.format(new Date(entry.trashedAt))} · gone for good on{" "}
                  {day.format(new Date(entry.purgeAt))}
                </span>
                {entry.trashedParent ? (
                  <span className="archived-when muted">
                    Its {entry.trashedParent.kind} {quoted(entry.trashedParent.name)} is in the trash too
                    {entry.trashedParent.canRestore ? (
                      <>
                        {" "}
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={busyId !== null}
                          onClick={() => {
                            const parent = entry.trashedParent;
                            if (parent)
                              void run(parent.id, `restore ${quoted(parent.name)}`, async () => {
                                await trashApi.restore(parent.id);
                                toast.success(`Restored ${quoted(parent.name)}.`);
                              });
                          }}
                        >
                          Restore the {entry.trashedParent.kind} first
                        </Button>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </span>
              <span className="archive-trash-actions">
                {entry.canRestore ? (
                  <Button
                    size="sm"
                    disabled={busyId === entry.id}
                    aria-label={`Restore ${entry.name}`}
                    onClick={() => void handleRestore(entry)}
                  >
                    Restore
                  </Button>
                ) : null}
                {entry.canPurge ? (
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={busyId === entry.id}
                    aria-label={`Delete ${entry.name} for good`}
                    onClick={() => handlePurge(entry)}
                  >
                    Delete for good
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
};
