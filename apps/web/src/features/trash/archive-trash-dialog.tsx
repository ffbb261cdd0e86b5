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
import { type Translator, useTranslator } from "../../lib/i18n/i18n";
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

/** A name as a message quotes it: long ones cut at 40 characters (the message adds the quotation marks). */
const short = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

const pathOf = (item: Pick<ArchiveItem, "kind" | "id">) =>
  item.kind === "card"
    ? `/api/cards/${item.id}`
    : item.kind === "space"
      ? `/api/spaces/${item.id}`
      : `/api/folders/${item.id}`;

const unarchive = (item: Pick<ArchiveItem, "kind" | "id">) =>
  requestEmpty("PATCH", pathOf(item), { body: { archived: false } });

/** What went to the trash with a folder or a space ("2 cards, 1 space"), or "" for nothing. */
const contentsOf = (entry: TrashEntry, { t, format }: Translator): string => {
  const parts: string[] = [];
  const { cards, spaces, folders } = entry.contents;
  if (entry.kind !== "card" && cards > 0) parts.push(t("trash.count.cards", { count: cards }));
  if (spaces > 0) parts.push(t("trash.count.spaces", { count: spaces }));
  if (folders > 0) parts.push(t("trash.count.folders", { count: folders }));
  return format.unitList(parts);
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
  const translator = useTranslator();
  const { t, format } = translator;

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

  const run = async (id: string, failed: (reason: string) => string, action: () => Promise<void>) => {
    setBusyId(id);
    try {
      await action();
    } catch (err) {
      toast.error(failed(describeError(err)));
    } finally {
      setBusyId(null);
      reload();
    }
  };

  const restoreFailed = (name: string) => (reason: string) =>
    t("trash.restoreFailed", { name: short(name), reason });

  const handleUnarchive = (item: ArchiveItem) =>
    run(item.id, restoreFailed(item.name), async () => {
      await unarchive(item);
      toast.success(t("trash.restoredTo", { name: short(item.name), place: item.placeName }));
    });

  const handleRestore = (entry: TrashEntry) =>
    run(entry.id, restoreFailed(entry.name), async () => {
      const restored = await trashApi.restore(entry.id);
      toast.success(
        restored.note
          ? t("trash.restoredWithNote", { name: short(restored.name), note: restored.note })
          : t("trash.restoredTo", { name: short(restored.name), place: restored.placeName }),
      );
    });

  const handlePurge = (entry: TrashEntry) => {
    if (!window.confirm(t("trash.purgeConfirm", { name: short(entry.name) }))) return;
    void run(
      entry.id,
      (reason) => t("trash.purgeFailed", { name: short(entry.name), reason }),
      async () => {
        await trashApi.purge(entry.id);
        toast.success(t("trash.purged", { name: short(entry.name) }));
      },
    );
  };

  const list = tab === "archive" ? archive : trash;
  const scopeKind = spaceId ? "space" : "workspace";

  return (
    <Dialog
      isOpen
      title={spaceId ? t("trash.titleSpace") : t("trash.title")}
      description={
        tab === "archive"
          ? t("trash.archiveDescription", { scope: scopeKind })
          : retentionDays
            ? t("trash.trashDescriptionKept", { scope: scopeKind, days: retentionDays })
            : t("trash.trashDescription", { scope: scopeKind })
      }
      size="md"
      onClose={onClose}
      footer={<Button onClick={onClose}>{t("common.close")}</Button>}
    >
      <div className="archive-trash-tabs" role="tablist" aria-label={t("trash.tabs")}>
        {(["archive", "trash"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`archive-trash-tab${tab === name ? " is-active" : ""}`}
            onClick={() => setTab(name)}
          >
            {name === "archive" ? t("trash.tab.archive") : t("trash.tab.trash")}
          </button>
        ))}
      </div>
      <Input
        type="search"
        aria-label={t("trash.search")}
        placeholder={t("trash.search")}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
      />
      {error ? (
        <p role="alert">{error}</p>
      ) : list === null ? (
        <p role="status" className="muted">
          {t("common.loading")}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">
          {q ? t("trash.noMatch") : tab === "archive" ? t("trash.archiveEmpty") : t("trash.trashEmpty")}
        </p>
      ) : tab === "archive" ? (
        <ul className="archived-list" aria-label={t("trash.archivedList")}>
          {(archive ?? []).map((item) => (
            <li key={item.id} className="archived-item">
              <span className="archived-name">
                <strong>{item.name}</strong>
                <span className="archived-when muted">
                  {t("trash.archivedMeta", {
                    kind: item.kind,
                    place: item.placeName,
                    name: item.archivedByName,
                    when: format.dateTime(item.archivedAt),
                  })}
                </span>
                {item.archivedParent ? (
                  <span className="archived-when muted">
                    {t("trash.insideArchived", {
                      kind: item.archivedParent.kind,
                      name: short(item.archivedParent.name),
                    })}
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
                              void run(parent.id, restoreFailed(parent.name), async () => {
                                await unarchive(parent);
                                toast.success(t("trash.restored", { name: short(parent.name) }));
                              });
                          }}
                        >
                          {t("trash.restoreParent", { kind: item.archivedParent.kind })}
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
                  aria-label={t("trash.restoreNamed", { name: item.name })}
                  onClick={() => void handleUnarchive(item)}
                >
                  {t("common.restore")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="archived-list" aria-label={t("trash.tab.trash")}>
          {(trash ?? []).map((entry) => (
            <li key={entry.id} className="archived-item">
              <span className="archived-name">
                <strong>{entry.name}</strong>
                <span className="archived-when muted">
                  {t(contentsOf(entry, translator) ? "trash.trashedMetaWith" : "trash.trashedMeta", {
                    kind: entry.kind,
                    place: entry.placeName || t("trash.itsSpace"),
                    contents: contentsOf(entry, translator),
                    name: entry.trashedByName,
                    when: format.dateTime(entry.trashedAt),
                    day: format.date(entry.purgeAt),
                  })}
                </span>
                {entry.trashedParent ? (
                  <span className="archived-when muted">
                    {t("trash.parentTrashed", {
                      kind: entry.trashedParent.kind,
                      name: short(entry.trashedParent.name),
                    })}
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
                              void run(parent.id, restoreFailed(parent.name), async () => {
                                await trashApi.restore(parent.id);
                                toast.success(t("trash.restored", { name: short(parent.name) }));
                              });
                          }}
                        >
                          {t("trash.restoreParentFirst", { kind: entry.trashedParent.kind })}
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
                    aria-label={t("trash.restoreNamed", { name: entry.name })}
                    onClick={() => void handleRestore(entry)}
                  >
                    {t("common.restore")}
                  </Button>
                ) : null}
                {entry.canPurge ? (
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={busyId === entry.id}
                    aria-label={t("trash.purgeNamed", { name: entry.name })}
                    onClick={() => handlePurge(entry)}
                  >
                    {t("trash.purge")}
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
