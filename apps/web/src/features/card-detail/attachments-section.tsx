/**
 * The card's documents: attach by choosing, dropping on the card panel or pasting; list with name,
 * size, who and when; images previewed inline, PDFs opened in a new tab (the server sandboxes
 * both); download, rename, remove, and "use as cover" for images. The list follows the space's
 * live attachment events, so a teammate's upload appears without a reload.
 */
import { type Attachment, isPreviewableImage, type Member, type WorkspaceRole } from "@lattice/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { create } from "zustand";
import { attachmentsApi, attachmentUrl } from "../../api/attachments";
import { describeError } from "../../api/client";
import { type Translator, translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { relativeTime } from "./card-activity";
import { useCardEvents } from "./coordination-store";

/** Uploads in flight per card, so a drop on the panel shows in the section. */
const useUploads = create<{ inFlight: Record<string, number> }>(() => ({ inFlight: {} }));
const adjustInFlight = (cardId: string, by: number) =>
  useUploads.setState((s) => ({ inFlight: { ...s.inFlight, [cardId]: (s.inFlight[cardId] ?? 0) + by } }));

/** Attaches files to a card; failures are told in a toast. Answers whether it worked. */
export const uploadToCard = async (cardId: string, files: readonly File[]): Promise<boolean> => {
  if (files.length === 0) return false;
  adjustInFlight(cardId, 1);
  try {
    await attachmentsApi.upload(cardId, files);
    return true;
  } catch (error) {
    toast.error(
      files.length === 1
        ? translate("card.documents.attachFailed", {
            name: files[0]?.name ?? "",
            reason: describeError(error),
          })
        : translate("card.documents.attachManyFailed", { reason: describeError(error) }),
    );
    return false;
  } finally {
    adjustInFlight(cardId, -1);
  }
};

/** Files carried by a drag or a paste, if any (text pasted or dragged is left alone). */
export const filesOf = (data: DataTransfer | null): File[] => (data ? Array.from(data.files) : []);

type Words = Pick<Translator, "t" | "format">;

/** "512 B", "1.5 KB", "12 MB": one decimal below ten, in the reader's digits and unit names. */
export const formatBytes = (words: Words, bytes: number): string => {
  if (bytes < 1024) return words.t("card.documents.bytes", { unit: "B", value: words.format.number(bytes) });
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return words.t("card.documents.bytes", { unit: units[unit] ?? "GB", value: words.format.number(rounded) });
};

const typeLabel = (words: Words, attachment: Attachment): string => {
  if (attachment.contentType === "application/pdf") return "PDF";
  if (attachment.contentType.startsWith("image/")) return words.t("card.documents.image");
  const extension = /\.([a-z0-9]{1,8})$/i.exec(attachment.name)?.[1];
  return extension ? extension.toUpperCase() : words.t("card.documents.file");
};

const AttachmentRow = ({
  attachment,
  uploaderName,
  now,
  canWrite,
  canManage,
  isPreviewOpen,
  onTogglePreview,
  onRemove,
}: {
  attachment: Attachment;
  uploaderName: string;
  now: number;
  canWrite: boolean;
  canManage: boolean;
  isPreviewOpen: boolean;
  onTogglePreview: () => void;
  onRemove: () => void;
}) => {
  const words = useTranslator();
  const { t, format } = words;
  const [isRenaming, setIsRenaming] = useState(false);
  const [draft, setDraft] = useState(attachment.name);
  const isImage = isPreviewableImage(attachment.contentType);
  const isPdf = attachment.contentType === "application/pdf";

  const handleRename = async () => {
    const name = draft.trim();
    setIsRenaming(false);
    if (name === "" || name === attachment.name) return;
    try {
      await attachmentsApi.update(attachment.id, { name });
    } catch (error) {
      setDraft(attachment.name);
      toast.error(translate("card.documents.renameFailed", { reason: describeError(error) }));
    }
  };
  const handleCover = async () => {
    try {
      await attachmentsApi.update(attachment.id, { isCover: !attachment.isCover });
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  return (
    <li className="attachment" data-testid="attachment">
      <div className="attachment-main">
        {isImage ? (
          <button
            type="button"
            className="attachment-thumb"
            onClick={onTogglePreview}
            aria-expanded={isPreviewOpen}
            aria-label={t("card.documents.preview", { name: attachment.name })}
          >
            <img src={attachmentUrl(attachment.id)} alt="" loading="lazy" width={40} height={40} />
          </button>
        ) : (
          <span className="attachment-type" aria-hidden="true">
            {typeLabel(words, attachment)}
          </span>
        )}
        <div className="attachment-text">
          {isRenaming ? (
            <input
              className="input input-sm"
              aria-label={t("card.documents.fileName")}
              value={draft}
              maxLength={255}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => void handleRename()}
              onKeyDown={(e) => {
                if (e.key === "Enter") void handleRename();
                if (e.key === "Escape") {
                  e.stopPropagation();
                  setDraft(attachment.name);
                  setIsRenaming(false);
                }
              }}
              // biome-ignore lint/a11y/noAutofocus: the person just chose to rename
              autoFocus
            />
          ) : (
            <a
              className="attachment-name"
              href={attachmentUrl(attachment.id, !(isImage || isPdf))}
              target={isPdf || isImage ? "_blank" : undefined}
              rel="noopener"
            >
              {attachment.name}
            </a>
          )}
          <span className="attachment-meta faint">
            {formatBytes(words, attachment.size)} · {uploaderName} ·{" "}
            <time dateTime={attachment.createdAt} title={format.dateTime(attachment.createdAt)}>
              {relativeTime(words, attachment.createdAt, now)}
            </time>
            {attachment.isCover ? ` · ${t("card.documents.cover")}` : ""}
          </span>
        </div>
        <div className="attachment-actions">
          <a
            className="btn btn-ghost btn-sm"
            href={attachmentUrl(attachment.id, true)}
            download={attachment.name}
          >
            {t("card.documents.download")}
          </a>
          {canWrite && isImage ? (
            <Button variant="ghost" size="sm" onClick={() => void handleCover()}>
              {attachment.isCover ? t("card.documents.removeCover") : t("card.documents.useAsCover")}
            </Button>
          ) : null}
          {canManage ? (
            <>
              <Button variant="ghost" size="sm" onClick={() => setIsRenaming(true)}>
                {t("common.rename")}
              </Button>
              <Button variant="ghost" size="sm" onClick={onRemove}>
                {t("common.remove")}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {isImage && isPreviewOpen ? (
        <img
          className="attachment-preview"
          src={attachmentUrl(attachment.id)}
          alt={t("card.documents.previewOf", { name: attachment.name })}
        />
      ) : null}
    </li>
  );
};

export const AttachmentsSection = ({
  cardId,
  members,
  myUserId,
  role,
  responsibleId,
  canWrite,
}: {
  cardId: string;
  members: Member[];
  myUserId: string | null;
  role: WorkspaceRole | null;
  responsibleId: string | null;
  canWrite: boolean;
}) => {
  const { t } = useTranslator();
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const inputRef = useRef<HTMLInputElement>(null);
  const uploading = useUploads((s) => s.inFlight[cardId] ?? 0);

  const reload = useCallback(() => {
    attachmentsApi.list(cardId).then(
      (list) => {
        setAttachments(list);
        setNow(Date.now());
      },
      () => setAttachments([]),
    );
  }, [cardId]);
  useEffect(reload, [reload]);
  useCardEvents(cardId, ["attachment."], reload);

  const nameOf = (id: string | null) =>
    (id === null ? null : members.find((m) => m.userId === id)?.name) ?? t("card.person.someone");
  const mayManage = (a: Attachment) =>
    canWrite && (role === "owner" || a.uploaderId === myUserId || responsibleId === myUserId);

  const handleChoose = async (files: File[]) => {
    if (await uploadToCard(cardId, files)) reload();
    if (inputRef.current) inputRef.current.value = "";
  };
  const handleRemove = async () => {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    try {
      await attachmentsApi.remove(target.id);
      setAttachments((list) => list?.filter((a) => a.id !== target.id) ?? null);
    } catch (error) {
      toast.error(translate("card.documents.removeFailed", { reason: describeError(error) }));
    }
  };

  return (
    <div className="attachments">
      {attachments === null ? (
        <p className="faint">{t("card.documents.loading")}</p>
      ) : attachments.length === 0 && uploading === 0 ? (
        <p className="faint">{canWrite ? t("card.documents.noneWritable") : t("card.documents.none")}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <AttachmentRow
              key={a.id}
              attachment={a}
              uploaderName={a.uploaderId === myUserId ? t("card.person.you") : nameOf(a.uploaderId)}
              now={now}
              canWrite={canWrite}
              canManage={mayManage(a)}
              isPreviewOpen={previewId === a.id}
              onTogglePreview={() => setPreviewId((id) => (id === a.id ? null : a.id))}
              onRemove={() => setRemoving(a)}
            />
          ))}
        </ul>
      )}
      {uploading > 0 ? (
        <p className="faint" role="status">
          {t("card.documents.uploading")}
        </p>
      ) : null}
      {canWrite ? (
        <>
          <input
            ref={inputRef}
            type="file"
            multiple
            className="visually-hidden"
            id={`attach-${cardId}`}
            aria-label={t("card.documents.files")}
            // The button below opens it; the input itself stays out of the tab order.
            tabIndex={-1}
            onChange={(e) => void handleChoose(Array.from(e.target.files ?? []))}
          />
          <Button variant="secondary" size="sm" onClick={() => inputRef.current?.click()}>
            {t("card.documents.attach")}
          </Button>
        </>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t("card.documents.removeTitle")}
        message={t("card.documents.removeMessage", { name: removing?.name ?? "" })}
        confirmLabel={t("common.remove")}
        onConfirm={() => void handleRemove()}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
};
