/**
 * The card's comment thread: Markdown (sanitized) with mentions shown as a highlighted @Name, a
 * composer whose @ autocomplete inserts `@[Name](user-id)`, and edit/delete of one's own comments.
 */
import { type Comment, limits, type Member } from "@lattice/domain";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { renderMarkdown } from "../../lib/markdown";
import { toast } from "../../store/toasts";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { relativeTime } from "./card-activity";
import { insertMention, matchPeople, mentionQueryAt, mentionsToHtml } from "./coordination-helpers";
import { useCardEvents } from "./coordination-store";

/** A textarea with @mention autocomplete of the workspace's members. */
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
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = mention ? matchPeople(members, mention.query) : [];
  const refresh = (el: HTMLTextAreaElement) => {
    setMention(mentionQueryAt(el.value, el.selectionStart));
    setActive(0);
  };
  const choose = (person: Member) => {
    const el = ref.current;
    if (!el || !mention) return;
    const next = insertMention(value, mention.start, el.selectionStart, person);
    onChange(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };
  return (
    <div className="composer-input">
      <textarea
        ref={ref}
        id={id}
        className="input textarea"
        rows={3}
        maxLength={limits.descriptionMax}
        placeholder={placeholder}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: only when the person chose to edit
        autoFocus={autoFocus}
        aria-autocomplete="list"
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target);
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
      {matches.length > 0 ? (
        <div className="picker-panel mention-panel">
          <ul className="picker-list" aria-label="Mention someone" style={{ marginTop: 0 }}>
            {matches.map((m, index) => (
              <li key={m.userId}>
                <button
                  type="button"
                  aria-current={index === active ? "true" : undefined}
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
                </button>
              </li>
            ))}
          </ul>
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
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [isConfirming, setIsConfirming] = useState(false);
  const isMine = myUserId !== null && comment.authorId === myUserId;
  const author =
    comment.authorId === null
      ? "A deleted account"
      : isMine
        ? "You"
        : (members.find((m) => m.userId === comment.authorId)?.name ?? "A former member");
  const save = async () => {
    const body = draft.trim();
    if (!body) return;
    try {
      await coordinationApi.editComment(comment.id, body);
      setIsEditing(false);
      onChanged();
    } catch (e) {
      toast.error(`Could not save the comment. ${describeError(e)}`);
    }
  };
  const remove = async () => {
    setIsConfirming(false);
    try {
      await coordinationApi.deleteComment(comment.id);
      onChanged();
    } catch (e) {
      toast.error(`Could not delete the comment. ${describeError(e)}`);
    }
  };
  return (
    <li className="comment" data-comment-id={comment.id}>
      <Avatar
        name={members.find((m) => m.userId === comment.authorId)?.name ?? author}
        seed={comment.authorId ?? "deleted"}
        size={28}
      />
      <div>
        <div className="comment-head">
          <strong>{author}</strong>
          <time dateTime={comment.createdAt} title={new Date(comment.createdAt).toLocaleString()}>
            {relativeTime(comment.createdAt, now)}
            {comment.updatedAt !== comment.createdAt ? " · edited" : ""}
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
                Edit
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setIsConfirming(true)}>
                Delete
              </Button>
            </span>
          ) : null}
        </div>
        {isEditing ? (
          <div className="composer">
            <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
              Edit comment
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
                Cancel
              </Button>
              <Button size="sm" variant="primary" onClick={() => void save()} disabled={!draft.trim()}>
                Save
              </Button>
            </div>
          </div>
        ) : (
          <CommentBody body={comment.body} myUserId={myUserId} />
        )}
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Delete your comment?"
        message="It is removed for everyone."
        confirmLabel="Delete comment"
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
}: {
  cardId: string;
  members: Member[];
  myUserId: string | null;
  canComment: boolean;
}) => {
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
  const send = async () => {
    const body = draft.trim();
    if (!body || isSending) return;
    setIsSending(true);
    try {
      await coordinationApi.addComment(cardId, body);
      setDraft("");
      reload();
    } catch (e) {
      toast.error(`Could not post the comment. ${describeError(e)}`);
    } finally {
      setIsSending(false);
    }
  };
  return (
    <div data-testid="comments">
      {comments && comments.length === 0 ? <p className="coord-muted">No comments yet.</p> : null}
      <ol className="comment-list" aria-label="Comments">
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
            Write a comment
          </label>
          <MentionTextarea
            id="new-comment"
            value={draft}
            onChange={setDraft}
            members={members}
            onSubmit={() => void send()}
            placeholder="Write a comment… (@ to mention someone, Markdown supported)"
          />
          <div className="coord-form-actions">
            <span className="coord-muted" style={{ marginRight: "auto" }}>
              Ctrl+Enter to send
            </span>
            <Button
              size="sm"
              variant="primary"
              onClick={() => void send()}
              disabled={!draft.trim() || isSending}
            >
              Comment
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
};
