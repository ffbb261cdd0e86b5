import { Action, type Card, can, limits, type Member } from "@lattice/domain";
import { type ClipboardEvent, type DragEvent, useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { saveCardAsTemplate } from "../../api/templates";
import { trashApi } from "../../api/trash";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { renderMarkdown } from "../../lib/markdown";
import { useBoard } from "../../store/board";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Skeleton } from "../../ui/skeleton";
import { restoreCard } from "../board/archived-cards";
import { MoveControls } from "../board/move-controls";
import { CardFieldsSection } from "../fields/card-fields-section";
import { MySpaceBox } from "../my-space/my-space-box";
import { isSidebarDrawerOpen } from "../sidebar/sidebar";
import { AttachmentsSection, filesOf, uploadToCard } from "./attachments-section";
import { BlockersSection } from "./blockers-section";
import { CardActivity } from "./card-activity";
import { CommentsSection } from "./comments-section";
import { conflictText } from "./coordination-helpers";
import { boardConflicts, useLabels, useMembers } from "./coordination-store";
import { LabelsField } from "./labels-section";
import { DateFields, PeopleFields, ProgressField, ReminderBox } from "./people-dates";
import { RelationsSection } from "./relations-section";
import { RepeatSection } from "./repeat-section";
import { SpaceMoveControls } from "./space-move";
import { TodosSection } from "./todos-section";
import "./coordination.css";

const formatTime = (dateTime: (value: Date) => string, iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime(date);
};

/** Names for user ids; members are only readable by some roles, so failure just means "unknown". */
const useMemberNames = (members: Member[]) =>
  useMemo(() => new Map(members.map((m) => [m.userId, m.name])), [members]);

const Description = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const { t } = useTranslator();
  const updateCard = useBoard((s) => s.updateCard);
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(card.description);
  const html = useMemo(() => renderMarkdown(card.description), [card.description]);

  const handleSave = () => {
    if (draft !== card.description) void updateCard(card.id, { description: draft });
    setIsEditing(false);
  };

  if (isEditing) {
    return (
      <div className="description-editor">
        <label className="visually-hidden" htmlFor="card-description">
          {t("card.description.label")}
        </label>
        <textarea
          id="card-description"
          className="input textarea description-input"
          rows={10}
          maxLength={limits.descriptionMax}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setDraft(card.description);
              setIsEditing(false);
            }
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) handleSave();
          }}
          // biome-ignore lint/a11y/noAutofocus: the person just chose to edit
          autoFocus
        />
        <div className="description-actions">
          <span className="faint">{t("card.description.hint")}</span>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(card.description);
              setIsEditing(false);
            }}
          >
            {t("common.cancel")}
          </Button>
          <Button variant="primary" size="sm" onClick={handleSave}>
            {t("common.save")}
          </Button>
        </div>
      </div>
    );
  }
  if (!card.description) {
    return canWrite ? (
      <button
        type="button"
        className="description-empty"
        onClick={() => {
          setDraft(card.description);
          setIsEditing(true);
        }}
      >
        {t("card.description.add")}
      </button>
    ) : (
      <p className="faint">{t("card.description.none")}</p>
    );
  }
  return (
    <div className="description-view">
      {/* Security: renderMarkdown sanitizes with DOMPurify after rendering. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized above */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
      {canWrite ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setDraft(card.description);
            setIsEditing(true);
          }}
        >
          {t("card.description.edit")}
        </Button>
      ) : null}
    </div>
  );
};

const NameEditor = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const { t } = useTranslator();
  const updateCard = useBoard((s) => s.updateCard);
  const [name, setName] = useState(card.name);
  useEffect(() => setName(card.name), [card.name]);
  if (!canWrite) return <h2 className="card-panel-title">{card.name}</h2>;
  const handleCommit = () => {
    const trimmed = name.trim();
    if (!trimmed) setName(card.name);
    else if (trimmed !== card.name) void updateCard(card.id, { name: trimmed });
  };
  return (
    <textarea
      aria-label={t("card.panel.name")}
      className="card-panel-title card-panel-title-input"
      rows={1}
      maxLength={limits.cardNameMax}
      value={name}
      onChange={(e) => setName(e.target.value.replace(/\n/g, " "))}
      onBlur={handleCommit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          e.currentTarget.blur();
        }
        if (e.key === "Escape") {
          e.stopPropagation();
          setName(card.name);
          e.currentTarget.blur();
        }
      }}
    />
  );
};

export const CardPanel = ({
  cardId,
  workspaceId,
  spaceId,
  closeHref,
}: {
  cardId: string;
  workspaceId: string;
  spaceId: string;
  /** Where closing goes (the view the panel was opened over); the board by default. */
  closeHref?: string;
}) => {
  const words = useTranslator();
  const { t, format } = words;
  const navigate = useNavigate();
  // "#comment-<id>": a mention notification points at one comment.
  const { hash } = useLocation();
  const focusCommentId = hash.startsWith("#comment-") ? hash.slice("#comment-".length) : null;
  const boardCard = useBoard((s) => s.view.cards[cardId]);
  const statuses = useBoard((s) => s.view.statuses);
  const boardStatus = useBoard((s) => s.status);
  const role = useBoard((s) => s.role);
  const archiveCard = useBoard((s) => s.archiveCard);
  const firstConflict = useBoard((s) => boardConflicts(s.view, cardId)[0] ?? null);
  const deleteCard = useBoard((s) => s.deleteCard);
  const me = useSession((s) => s.user);
  const members = useMembers(workspaceId);
  const labels = useLabels(spaceId);
  const names = useMemberNames(members);
  const [fetched, setFetched] = useState<Card | null>(null);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [isDropTarget, setIsDropTarget] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const boardHref = closeHref ?? `/w/${workspaceId}/s/${spaceId}`;

  const handleClose = () => void navigate(boardHref);

  // Escape closes the panel unless an inner control (a menu, an editor, a dialog) handled it first.
  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      // A dialog or the sidebar drawer lies over the panel: that one closes, not this.
      if (document.querySelector("dialog[open]") || isSidebarDrawerOpen()) return;
      void navigate(boardHref);
    };
    document.addEventListener("keydown", handleKey);
    return () => document.removeEventListener("keydown", handleKey);
  }, [navigate, boardHref]);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  // A card not on the board (archived, or deep-linked before load) is fetched on its own.
  useEffect(() => {
    if (boardCard || boardStatus !== "ready") return;
    let isActive = true;
    api
      .getCard(cardId)
      .then((card) => {
        if (isActive) setFetched(card);
      })
      .catch((error: unknown) => {
        if (isActive) setFetchError(describeError(error));
      });
    return () => {
      isActive = false;
    };
  }, [boardCard, boardStatus, cardId]);

  const dateConflict = firstConflict ? conflictText(words, firstConflict) : null;
  const card = boardCard ?? fetched;
  const isOnBoard = Boolean(boardCard);
  const canWrite = can(role, Action.writeCards) && isOnBoard;
  const canComment = can(role, Action.comment);
  const status = card ? statuses[card.statusId] : undefined;
  const creatorName = card?.createdBy
    ? card.createdBy === me?.id
      ? t("card.person.you")
      : (names.get(card.createdBy) ?? t("card.person.former"))
    : t("card.person.unknown");

  const handleSaveAsTemplate = async () => {
    if (!card) return;
    try {
      const { template, notes } = await saveCardAsTemplate(card.id, card.name);
      toast.success(translate("card.panel.templateSaved", { name: template.name }));
      for (const note of notes) toast.info(note);
    } catch (error) {
      toast.error(translate("card.panel.templateFailed", { reason: describeError(error) }));
    }
  };

  const handleArchive = async () => {
    if (!card) return;
    const result = await archiveCard(card.id);
    if (!result) return;
    handleClose();
    toast.undoable(translate("card.panel.archived", { name: result.name }), () => restoreCard(result));
  };

  const handleDelete = async () => {
    if (!card) return;
    setIsConfirmingDelete(false);
    handleClose();
    const { id, name } = card;
    if (!(await deleteCard(id))) return;
    toast.undoable(translate("card.panel.trashed", { name }), async () => {
      try {
        await trashApi.restore(id);
      } catch (error) {
        toast.error(translate("card.panel.restoreFailed", { name, reason: describeError(error) }));
      }
    });
  };

  // Files dropped anywhere on the panel, or pasted into it, are attached to the card.
  const isCarryingFiles = (event: DragEvent<HTMLElement>) => event.dataTransfer.types.includes("Files");
  const handleDragOver = (event: DragEvent<HTMLElement>) => {
    if (!canWrite || !isCarryingFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setIsDropTarget(true);
  };
  const handleDrop = (event: DragEvent<HTMLElement>) => {
    setIsDropTarget(false);
    const files = filesOf(event.dataTransfer);
    if (!canWrite || !card || files.length === 0) return;
    event.preventDefault();
    void uploadToCard(card.id, files);
  };
  const handlePaste = (event: ClipboardEvent<HTMLElement>) => {
    const files = filesOf(event.clipboardData);
    if (!canWrite || !card || files.length === 0) return;
    event.preventDefault();
    void uploadToCard(card.id, files);
  };

  return (
    <aside
      ref={panelRef}
      className={`card-panel${isDropTarget ? " is-drop-target" : ""}`}
      aria-label={t("card.panel.label")}
      tabIndex={-1}
      onDragOver={handleDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDropTarget(false);
      }}
      onDrop={handleDrop}
      onPaste={handlePaste}
    >
      <div className="card-panel-bar">
        <span className="card-panel-kicker">
          {status ? (
            <>
              <span className={`status-dot status-dot-${status.role}`} aria-hidden="true" /> {status.name}
            </>
          ) : (
            t("card.panel.kicker")
          )}
        </span>
        <Button
          variant="ghost"
          size="sm"
          isIcon
          aria-label={t("card.panel.close")}
          title={t("card.panel.closeTitle")}
          onClick={handleClose}
        >
          <span aria-hidden="true">✕</span>
        </Button>
      </div>
      {!card ? (
        fetchError ? (
          <div className="card-panel-body">
            <p>{t("card.panel.unavailable", { reason: fetchError })}</p>
          </div>
        ) : (
          <div className="card-panel-body">
            <Skeleton width="80%" height={24} />
            <Skeleton width="50%" />
            <Skeleton width="90%" />
          </div>
        )
      ) : (
        <div className="card-panel-body">
          {card.archivedAt ? (
            <p className="card-archived-note">
              {t("card.panel.archivedNote")}{" "}
              {can(role, Action.writeCards) ? (
                <Button size="sm" onClick={() => void restoreCard(card)}>
                  {t("common.restore")}
                </Button>
              ) : null}
            </p>
          ) : null}
          <NameEditor card={card} canWrite={canWrite} />
          {dateConflict ? (
            <p className="card-front-conflict" style={{ margin: "4px 0" }}>
              <span aria-hidden="true">⚠</span> {t("card.panel.dateConflict", { reason: dateConflict })}
            </p>
          ) : null}
          {card.isBlocked ? (
            <p className="card-front-blocked" style={{ margin: "4px 0" }}>
              <span aria-hidden="true">⊘</span> {t("card.panel.blocked")}
            </p>
          ) : null}
          <dl className="card-facts">
            <dt>{t("card.facts.status")}</dt>
            <dd>
              {status ? (
                <span className="status-chip">
                  <span className={`status-dot status-dot-${status.role}`} aria-hidden="true" /> {status.name}
                  <span className="faint"> · {t("card.statusRole", { role: status.role })}</span>
                </span>
              ) : (
                "—"
              )}
            </dd>
            <dt>{t("card.facts.createdBy")}</dt>
            <dd className="card-creator">
              {card.createdBy ? (
                <Avatar
                  name={card.createdBy === me?.id ? me.name : creatorName}
                  seed={card.createdBy}
                  size={20}
                />
              ) : null}
              {creatorName}
            </dd>
            <dt>{t("card.facts.created")}</dt>
            <dd>
              <time dateTime={card.createdAt}>{formatTime(format.dateTime, card.createdAt)}</time>
            </dd>
            {card.completedAt ? (
              <>
                <dt>{t("card.facts.completed")}</dt>
                <dd>
                  <time dateTime={card.completedAt}>{formatTime(format.dateTime, card.completedAt)}</time>
                </dd>
              </>
            ) : null}
          </dl>
          <section className="card-section" aria-label={t("card.section.people")}>
            <h3 className="card-section-title">{t("card.section.people")}</h3>
            <dl className="coord-grid">
              <PeopleFields card={card} members={members} canWrite={canWrite} myUserId={me?.id ?? null} />
              <LabelsField card={card} labels={labels} canWrite={canWrite} />
              <DateFields card={card} canWrite={canWrite} />
              <ProgressField card={card} />
            </dl>
          </section>
          <section className="card-section" aria-label={t("card.section.repeat")}>
            <h3 className="card-section-title">{t("card.section.repeat")}</h3>
            <RepeatSection card={card} canWrite={canWrite} />
          </section>
          <CardFieldsSection card={card} members={members} canWrite={canWrite} />
          <ReminderBox cardId={card.id} />
          <MySpaceBox cardId={card.id} isArchived={card.archivedAt !== null} />
          {canWrite ? (
            <section className="card-section" aria-label={t("card.section.moveLabel")}>
              <h3 className="card-section-title">{t("card.section.move")}</h3>
              <MoveControls cardId={card.id} />
              <SpaceMoveControls
                cardId={card.id}
                cardName={card.name}
                workspaceId={workspaceId}
                spaceId={spaceId}
              />
            </section>
          ) : null}
          <section className="card-section" aria-label={t("card.section.description")}>
            <h3 className="card-section-title">{t("card.section.description")}</h3>
            <Description card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label={t("card.section.blockers")}>
            <h3 className="card-section-title">{t("card.section.blockers")}</h3>
            <BlockersSection card={card} members={members} canWrite={canWrite} myUserId={me?.id ?? null} />
          </section>
          <section className="card-section" aria-label={t("card.section.todos")}>
            <h3 className="card-section-title">{t("card.section.todos")}</h3>
            <TodosSection card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label={t("card.section.documents")}>
            <h3 className="card-section-title">{t("card.section.documents")}</h3>
            <AttachmentsSection
              cardId={card.id}
              members={members}
              myUserId={me?.id ?? null}
              role={role}
              responsibleId={card.responsibleId}
              canWrite={canWrite}
            />
          </section>
          <section className="card-section" aria-label={t("card.section.relations")}>
            <h3 className="card-section-title">{t("card.section.relations")}</h3>
            <RelationsSection card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label={t("card.section.comments")}>
            <h3 className="card-section-title">{t("card.section.comments")}</h3>
            <CommentsSection
              cardId={card.id}
              members={members}
              myUserId={me?.id ?? null}
              canComment={canComment}
              focusCommentId={focusCommentId}
            />
          </section>
          <section className="card-section" aria-label={t("card.section.activity")}>
            <h3 className="card-section-title">{t("card.section.activity")}</h3>
            <CardActivity cardId={card.id} myUserId={me?.id ?? null} />
          </section>
          {canWrite ? (
            <footer className="card-panel-footer">
              <Button onClick={() => void handleSaveAsTemplate()}>{t("card.panel.saveAsTemplate")}</Button>
              <Button onClick={() => void handleArchive()}>{t("common.archive")}</Button>
              <Button variant="danger" onClick={() => setIsConfirmingDelete(true)}>
                {t("common.delete")}
              </Button>
            </footer>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={t("card.delete.title")}
        message={t("card.delete.message")}
        confirmLabel={t("card.delete.confirm")}
        onConfirm={() => void handleDelete()}
        onClose={() => setIsConfirmingDelete(false)}
      />
    </aside>
  );
};
