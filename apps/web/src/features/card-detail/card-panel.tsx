import { Action, type Card, can, limits, type Member } from "@lattice/domain";
import { type ClipboardEvent, type DragEvent, useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { saveCardAsTemplate } from "../../api/templates";
import { trashApi } from "../../api/trash";
import { renderMarkdown } from "../../lib/markdown";
import { useBoard } from "../../store/board";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { Skeleton } from "../../ui/skeleton";
import { restoreCard } from "../board/archived-cards";
import { statusRoleLabels } from "../board/columns-dialog";
import { MoveControls } from "../board/move-controls";
import { CardFieldsSection } from "../fields/card-fields-section";
import { MySpaceBox } from "../my-space/my-space-box";
import { isSidebarDrawerOpen } from "../sidebar/sidebar";
import { AttachmentsSection, filesOf, uploadToCard } from "./attachments-section";
import { BlockersSection } from "./blockers-section";
import { CardActivity } from "./card-activity";
import { CommentsSection } from "./comments-section";
import { boardConflicts, useLabels, useMembers } from "./coordination-store";
import { LabelsField } from "./labels-section";
import { DateFields, PeopleFields, ProgressField, ReminderBox } from "./people-dates";
import { RelationsSection } from "./relations-section";
import { RepeatSection } from "./repeat-section";
import { SpaceMoveControls } from "./space-move";
import { TodosSection } from "./todos-section";
import "./coordination.css";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
};

/** Names for user ids; members are only readable by some roles, so failure just means "unknown". */
const useMemberNames = (members: Member[]) =>
  useMemo(() => new Map(members.map((m) => [m.userId, m.name])), [members]);

const Description = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
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
          Description (Markdown)
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
          <span className="faint">Markdown supported · Ctrl+Enter to save</span>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(card.description);
              setIsEditing(false);
            }}
          >
            Cancel
          </Button>
          <Button variant="primary" size="sm" onClick={handleSave}>
            Save
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
        Add a description…
      </button>
    ) : (
      <p className="faint">No description.</p>
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
          Edit description
        </Button>
      ) : null}
    </div>
  );
};

const NameEditor = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
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
      aria-label="Card name"
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
  const navigate = useNavigate();
  // "#comment-<id>": a mention notification points at one comment.
  const { hash } = useLocation();
  const focusCommentId = hash.startsWith("#comment-") ? hash.slice("#comment-".length) : null;
  const boardCard = useBoard((s) => s.view.cards[cardId]);
  const statuses = useBoard((s) => s.view.statuses);
  const boardStatus = useBoard((s) => s.status);
  const role = useBoard((s) => s.role);
  const archiveCard = useBoard((s) => s.archiveCard);
  const dateConflict = useBoard((s) => boardConflicts(s.view, cardId)[0]?.reason ?? null);
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

  const card = boardCard ?? fetched;
  const isOnBoard = Boolean(boardCard);
  const canWrite = can(role, Action.writeCards) && isOnBoard;
  const canComment = can(role, Action.comment);
  const status = card ? statuses[card.statusId] : undefined;
  const creatorName = card?.createdBy
    ? card.createdBy === me?.id
      ? "You"
      : (names.get(card.createdBy) ?? "A former member")
    : "Unknown";

  const handleSaveAsTemplate = async () => {
    if (!card) return;
    try {
      const { template, notes } = await saveCardAsTemplate(card.id, card.name);
      toast.success(`Saved the card template “${template.name}”: it is offered when adding a card.`);
      for (const note of notes) toast.info(note);
    } catch (error) {
      toast.error(`Could not save the card template. ${describeError(error)}`);
    }
  };

  const handleArchive = async () => {
    if (!card) return;
    const result = await archiveCard(card.id);
    if (!result) return;
    handleClose();
    toast.undoable(`Archived “${result.name}”`, () => restoreCard(result));
  };

  const handleDelete = async () => {
    if (!card) return;
    setIsConfirmingDelete(false);
    handleClose();
    const { id, name } = card;
    if (!(await deleteCard(id))) return;
    toast.undoable(`Moved “${name}” to the trash`, async () => {
      try {
        await trashApi.restore(id);
      } catch (error) {
        toast.error(`Could not restore “${name}”. ${describeError(error)}`);
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
      aria-label="Card details"
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
            "Card"
          )}
        </span>
        <Button
          variant="ghost"
          size="sm"
          isIcon
          aria-label="Close card (Escape)"
          title="Close (Esc)"
          onClick={handleClose}
        >
          <span aria-hidden="true">✕</span>
        </Button>
      </div>
      {!card ? (
        fetchError ? (
          <div className="card-panel-body">
            <p>This card is not available. {fetchError}</p>
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
              This card is archived.{" "}
              {can(role, Action.writeCards) ? (
                <Button size="sm" onClick={() => void restoreCard(card)}>
                  Restore
                </Button>
              ) : null}
            </p>
          ) : null}
          <NameEditor card={card} canWrite={canWrite} />
          {dateConflict ? (
            <p className="card-front-conflict" style={{ margin: "4px 0" }}>
              <span aria-hidden="true">⚠</span> Date conflict: {dateConflict} (see Relations)
            </p>
          ) : null}
          {card.isBlocked ? (
            <p className="card-front-blocked" style={{ margin: "4px 0" }}>
              <span aria-hidden="true">⊘</span> Blocked — it cannot change status until its blockers are
              cleared
            </p>
          ) : null}
          <dl className="card-facts">
            <dt>Status</dt>
            <dd>
              {status ? (
                <span className="status-chip">
                  <span className={`status-dot status-dot-${status.role}`} aria-hidden="true" /> {status.name}
                  <span className="faint"> · {statusRoleLabels[status.role]}</span>
                </span>
              ) : (
                "—"
              )}
            </dd>
            <dt>Created by</dt>
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
            <dt>Created</dt>
            <dd>
              <time dateTime={card.createdAt}>{formatTime(card.createdAt)}</time>
            </dd>
            {card.completedAt ? (
              <>
                <dt>Completed</dt>
                <dd>
                  <time dateTime={card.completedAt}>{formatTime(card.completedAt)}</time>
                </dd>
              </>
            ) : null}
          </dl>
          <section className="card-section" aria-label="People and dates">
            <h3 className="card-section-title">People and dates</h3>
            <dl className="coord-grid">
              <PeopleFields card={card} members={members} canWrite={canWrite} myUserId={me?.id ?? null} />
              <LabelsField card={card} labels={labels} canWrite={canWrite} />
              <DateFields card={card} canWrite={canWrite} />
              <ProgressField card={card} />
            </dl>
          </section>
          <section className="card-section" aria-label="Repeat">
            <h3 className="card-section-title">Repeat</h3>
            <RepeatSection card={card} canWrite={canWrite} />
          </section>
          <CardFieldsSection card={card} members={members} canWrite={canWrite} />
          <ReminderBox cardId={card.id} />
          <MySpaceBox cardId={card.id} isArchived={card.archivedAt !== null} />
          {canWrite ? (
            <section className="card-section" aria-label="Move card">
              <h3 className="card-section-title">Move</h3>
              <MoveControls cardId={card.id} />
              <SpaceMoveControls
                cardId={card.id}
                cardName={card.name}
                workspaceId={workspaceId}
                spaceId={spaceId}
              />
            </section>
          ) : null}
          <section className="card-section" aria-label="Description">
            <h3 className="card-section-title">Description</h3>
            <Description card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label="Blockers">
            <h3 className="card-section-title">Blockers</h3>
            <BlockersSection card={card} members={members} canWrite={canWrite} myUserId={me?.id ?? null} />
          </section>
          <section className="card-section" aria-label="To-dos">
            <h3 className="card-section-title">To-dos</h3>
            <TodosSection card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label="Documents">
            <h3 className="card-section-title">Documents</h3>
            <AttachmentsSection
              cardId={card.id}
              members={members}
              myUserId={me?.id ?? null}
              role={role}
              responsibleId={card.responsibleId}
              canWrite={canWrite}
            />
          </section>
          <section className="card-section" aria-label="Relations">
            <h3 className="card-section-title">Relations</h3>
            <RelationsSection card={card} canWrite={canWrite} />
          </section>
          <section className="card-section" aria-label="Comments">
            <h3 className="card-section-title">Comments</h3>
            <CommentsSection
              cardId={card.id}
              members={members}
              myUserId={me?.id ?? null}
              canComment={canComment}
              focusCommentId={focusCommentId}
            />
          </section>
          <section className="card-section" aria-label="Recent activity">
            <h3 className="card-section-title">Recent activity</h3>
            <CardActivity cardId={card.id} myUserId={me?.id ?? null} />
          </section>
          {canWrite ? (
            <footer className="card-panel-footer">
              <Button onClick={() => void handleSaveAsTemplate()}>Save as card template</Button>
              <Button onClick={() => void handleArchive()}>Archive</Button>
              <Button variant="danger" onClick={() => setIsConfirmingDelete(true)}>
                Delete
              </Button>
            </footer>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title="Delete this card?"
        message="It goes to the trash with its to-dos, comments and documents, where it can be restored until it is deleted for good."
        confirmLabel="Delete card"
        onConfirm={() => void handleDelete()}
        onClose={() => setIsConfirmingDelete(false)}
      />
    </aside>
  );
};
