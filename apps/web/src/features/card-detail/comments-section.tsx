/**
 * The card's comment thread: Markdown (sanitized) with mentions shown as a highlighted @Name, a
 * composer whose @ autocomplete shows the person as an @Name token (stored as `@[Name](user-id)`),
 * and edit/delete of one's own comments.
 */
import { type Comment, limits, type Member } from "@lattice/domain";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { renderMarkdown } from "../../lib/markdown";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { relativeTime } from "./card-activity";
import {
  draftToMarkup,
  insertMentionToken,
  type MentionDraft,
  markupToDraft,
  matchPeople,
  mentionQueryAt,
  mentionRanges,
  mentionsToHtml,
  removeTokenBefore,
} from "./coordination-helpers";
import { useCardEvents } from "./coordination-store";

/** The editor's text with each mention token marked, for the mirror drawn under the textarea. */
const MentionMirror = ({ draft }: { draft: MentionDraft }) => {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of mentionRanges(draft.text, draft.refs)) {
    parts.push(draft.text.slice(at, start));
    parts.push(
      <mark key={start} className="mention-token">
        {draft.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  parts.push(`${draft.text.slice(at)} `);
  return <>{parts}</>;
};

/**
 * A textarea with @mention autocomplete of the workspace's members. A picked person reads `@Name`,
 * marked as a token by a mirror drawn under the (transparent) textarea, so the field stays a plain,
 * accessible textarea; `value` and `onChange` carry the stored `@[Name](id)` markup.
 */
const MentionTextarea = ({
  id,
  value,
  onChange,
  members,
  onSubmit,
  onCancel,
  placeholder,
  autoFocus,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  members: Member[];
  onSubmit: () => void;
  onCancel?: () => void;
  placeholder?: string;
  autoFocus?: boolean;
}) => {
  const { t } = useTranslator();
  const ref = useRef<HTMLTextAreaElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<MentionDraft>(() => markupToDraft(value));
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = mention ? matchPeople(members, mention.query) : [];
  const listId = useId();

  // The parent may replace the text (cleared after sending): take it unless it is what we sent.
  useEffect(() => {
    setDraft((current) => (draftToMarkup(current) === value ? current : markupToDraft(value)));
  }, [value]);

  const update = (next: MentionDraft, caret?: number) => {
    setDraft(next);
    onChange(draftToMarkup(next));
    if (caret === undefined) return;
    requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };
  const refresh = (el: HTMLTextAreaElement) => {
    setMention(mentionQueryAt(el.value, el.selectionStart));
    setActive(0);
  };
  const choose = (person: Member) => {
    const el = ref.current;
    if (!el || !mention) return;
    const next = insertMentionToken(draft, mention.start, el.selectionStart, person);
    setMention(null);
    update(next.draft, next.caret);
  };
  const activeOption = matches[active];
  return (
    <div className="composer-input">
      <div className="mention-editor">
        <div ref={mirrorRef} className="input textarea mention-mirror" aria-hidden="true">
          <MentionMirror draft={draft} />
        </div>
        <textarea
          ref={ref}
          id={id}
          className="input textarea"
          rows={3}
          maxLength={limits.descriptionMax}
          placeholder={placeholder}
          value={draft.text}
          // biome-ignore lint/a11y/noAutofocus: only when the person chose to edit
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          {...(activeOption ? { "aria-activedescendant": `${listId}-${activeOption.userId}` } : {})}
          onChange={(e) => {
            update({ text: e.target.value, refs: draft.refs });
            refresh(e.target);
          }}
          onScroll={(e) => {
            if (mirrorRef.current) mirrorRef.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onClick={(e) => refresh(e.currentTarget)}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          onKeyDown={(e) => {
            if (matches.length > 0) {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((a) => (a + 1) % matches.length);
                return;
              }
              if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((a) => (a - 1 + matches.length) % matches.length);
                return;
              }
              if (e.key === "Enter" || e.key === "Tab") {
                const person = matches[active];
                if (person) {
                  e.preventDefault();
                  choose(person);
                  return;
                }
              }
              if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                setMention(null);
                return;
              }
            }
            const el = e.currentTarget;
            if (e.key === "Backspace" && el.selectionStart === el.selectionEnd) {
              const removed = removeTokenBefore(draft, el.selectionStart);
              if (removed) {
                e.preventDefault();
                update(removed.draft, removed.caret);
                return;
              }
            }
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              onSubmit();
            }
            if (e.key === "Escape" && onCancel) {
              e.stopPropagation();
              e.preventDefault();
              onCancel();
            }
          }}
        />
      </div>
      {matches.length > 0 ? (
        <div className="picker-panel mention-panel">
          <div
            className="picker-list"
            id={listId}
            role="listbox"
            aria-label={t("card.comments.mention")}
            style={{ marginTop: 0 }}
          >
            {matches.map((m, index) => (
              <div
                key={m.userId}
                id={`${listId}-${m.userId}`}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                className={`picker-option${index === active ? " is-active" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(m);
                }}
              >
                <Avatar name={m.name} seed={m.userId} size={20} />
                <span>
                  {m.name}
                  <small>{m.email}</small>
                </span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
};

const CommentBody = ({ body, myUserId }: { body: string; myUserId: string | null }) => {
  const html = useMemo(() => renderMarkdown(mentionsToHtml(body, myUserId)), [body, myUserId]);
  // Security: renderMarkdown sanitizes with DOMPurify after rendering (mention names are escaped too).
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized above
  return <div className="markdown comment-body" dangerouslySetInnerHTML={{ __html: html }} />;
};

const CommentItem = ({
  comment,
  members,
  myUserId,
  now,
  onChanged,
}: {
  comment: Comment;
  members: Member[];
  myUserId: string | null;
  now: number;
  onChanged: () => void;
}) => {
  const words = useTranslator();
  const { t, format } = words;
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [isConfirming, setIsConfirming] = useState(false);
  const isMine = myUserId !== null && comment.authorId === myUserId;
  const author =
    comment.authorId === null
      ? t("card.person.deleted")
      : isMine
        ? t("card.person.you")
        : (members.find((m) => m.userId === comment.authorId)?.name ?? t("card.person.former"));
  const save = async () => {
    const body = draft.trim();
    if (!body) return;
    try {
      await coordinationApi.editComment(comment.id, body);
      setIsEditing(false);
      onChanged();
    } catch (e) {
      toast.error(translate("card.comments.saveFailed", { reason: describeError(e) }));
    }
  };
  const remove = async () => {
    setIsConfirming(false);
    try {
      await coordinationApi.deleteComment(comment.id);
      onChanged();
    } catch (e) {
      toast.error(translate("card.comments.deleteFailed", { reason: describeError(e) }));
    }
  };
  return (
    <li className="comment" id={`comment-${comment.id}`} data-comment-id={comment.id} tabIndex={-1}>
      <Avatar
        name={members.find((m) => m.userId === comment.authorId)?.name ?? author}
        seed={comment.authorId ?? "deleted"}
        size={28}
      />
      <div>
        <div className="comment-head">
          <strong>{author}</strong>
          <time dateTime={comment.createdAt} title={format.dateTime(comment.createdAt)}>
            {comment.updatedAt !== comment.createdAt
              ? t("card.comments.edited", { when: relativeTime(words, comment.createdAt, now) })
              : relativeTime(words, comment.createdAt, now)}
          </time>
          {isMine && !isEditing ? (
            <span className="comment-tools">
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setDraft(comment.body);
                  setIsEditing(true);
                }}
              >
                {t("common.edit")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setIsConfirming(true)}>
                {t("common.delete")}
              </Button>
            </span>
          ) : null}
        </div>
        {isEditing ? (
          <div className="composer">
            <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
              {t("card.comments.editLabel")}
            </label>
            <MentionTextarea
              id={`edit-${comment.id}`}
              value={draft}
              onChange={setDraft}
              members={members}
              onSubmit={() => void save()}
              onCancel={() => setIsEditing(false)}
              autoFocus
            />
            <div className="coord-form-actions">
              <Button size="sm" variant="ghost" onClick={() => setIsEditing(false)}>
                {t("common.cancel")}
              </Button>
              <Button size="sm" variant="primary" onClick={() => void save()} disabled={!draft.trim()}>
                {t("common.save")}
              </Button>
            </div>
          </div>
        ) : (
          <CommentBody body={comment.body} myUserId={myUserId} />
        )}
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title={t("card.comments.deleteTitle")}
        message={t("card.comments.deleteMessage")}
        confirmLabel={t("card.comments.deleteConfirm")}
        onConfirm={() => void remove()}
        onClose={() => setIsConfirming(false)}
      />
    </li>
  );
};

export const CommentsSection = ({
  cardId,
  members,
  myUserId,
  canComment,
  focusCommentId = null,
}: {
  cardId: string;
  members: Member[];
  myUserId: string | null;
  canComment: boolean;
  /** A comment to bring into view and mark (the one a notification points at). */
  focusCommentId?: string | null;
}) => {
  const { t } = useTranslator();
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [draft, setDraft] = useState("");
  const [isSending, setIsSending] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const reload = useCallback(() => {
    coordinationApi.comments(cardId).then(
      (list) => {
        setComments(list);
        setNow(Date.now());
      },
      () => setComments([]),
    );
  }, [cardId]);
  useEffect(reload, [reload]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useCardEvents(cardId, ["comment."], reload);
  const hasFocusTarget = comments?.some((c) => c.id === focusCommentId) ?? false;
  // Once the comments are in: scroll the pointed-at one into view, focus it (screen readers read it)
  // and mark it; the mark fades by CSS.
  useEffect(() => {
    if (!focusCommentId || !hasFocusTarget) return;
    const element = document.getElementById(`comment-${focusCommentId}`);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    element.classList.remove("is-pointed");
    // Restart the fade when the same comment is pointed at again.
    void element.offsetWidth;
    element.classList.add("is-pointed");
  }, [focusCommentId, hasFocusTarget]);
  const send = async () => {
    const body = draft.trim();
    if (!body || isSending) return;
    setIsSending(true);
    try {
      await coordinationApi.addComment(cardId, body);
      setDraft("");
      reload();
    } catch (e) {
      toast.error(translate("card.comments.postFailed", { reason: describeError(e) }));
    } finally {
      setIsSending(false);
    }
  };
  return (
    <div data-testid="comments">
      {comments && comments.length === 0 ? <p className="coord-muted">{t("card.comments.none")}</p> : null}
      <ol className="comment-list" aria-label={t("card.section.comments")}>
        {(comments ?? []).map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            members={members}
            myUserId={myUserId}
            now={now}
            onChanged={reload}
          />
        ))}
      </ol>
      {canComment ? (
        <div className="composer">
          <label className="visually-hidden" htmlFor="new-comment">
            {t("card.comments.write")}
          </label>
          <MentionTextarea
            id="new-comment"
            value={draft}
            onChange={setDraft}
            members={members}
            onSubmit={() => void send()}
            placeholder={t("card.comments.placeholder")}
          />
          <div className="coord-form-actions">
            <span className="coord-muted" style={{ marginInlineEnd: "auto" }}>
              {t("card.comments.sendHint")}
            </span>
            <Button
              size="sm"
              variant="primary"
              onClick={() => void send()}
              disabled={!draft.trim() || isSending}
            >
              {t("card.comments.send")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
};
