/** Pure helpers of the card's coordination parts: mentions, urgency classes, progress text. */
import type { DateConflict, Urgency } from "@lattice/domain";
import type { Translator } from "../../lib/i18n/i18n";

// ---------- mentions ----------

const mentionToken = /@\[([^\]\n]{1,120})\]\(([0-9a-f-]{36})\)/gi;

/** The `@query` being typed just before the caret (the autocomplete's input), or null. */
export const mentionQueryAt = (text: string, caret: number): { start: number; query: string } | null => {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/\s|\(/.test(before.charAt(at - 1))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\s[\]()@]/.test(query)) return null;
  return { start: at, query };
};

/**
 * While a comment is written, a mention reads `@Name` (shown as a token) and the person behind it is
 * kept aside; the stored text has the `@[Name](id)` markup the server reads mentions from.
 */
export interface MentionRef {
  name: string;
  userId: string;
}

export interface MentionDraft {
  text: string;
  refs: MentionRef[];
}

const mentionName = (name: string) => name.replace(/[[\]\n]/g, " ").trim() || "someone";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The same name twice means the same person: the one chosen last. */
const byLastName = (refs: readonly MentionRef[]): MentionRef[] => [
  ...new Map(refs.map((r) => [r.name, r])).values(),
];

/** Stored markup to what the editor shows: `@[Ana](id)` becomes `@Ana`, Ana's id kept aside. */
export const markupToDraft = (body: string): MentionDraft => {
  const refs: MentionRef[] = [];
  const text = body.replace(mentionToken, (_match, name: string, userId: string) => {
    refs.push({ name, userId });
    return `@${name}`;
  });
  return { text, refs: byLastName(refs) };
};

/** Where the editor's text has a mention token: `@Name` of a kept person, as a whole word. */
export const mentionRanges = (
  text: string,
  refs: readonly MentionRef[],
): { start: number; end: number; ref: MentionRef }[] => {
  const known = byLastName(refs);
  if (known.length === 0) return [];
  const byName = new Map(known.map((r) => [r.name, r]));
  // Longest names first, so "Ana Lima" wins over "Ana".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])@(${names.join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  return [...text.matchAll(pattern)].flatMap((m) => {
    const ref = byName.get(m[1] ?? "");
    return ref ? [{ start: m.index, end: m.index + m[0].length, ref }] : [];
  });
};

/** What the editor shows back to stored markup: each token becomes `@[Name](id)` again. */
export const draftToMarkup = (draft: MentionDraft): string => {
  let out = "";
  let at = 0;
  for (const { start, end, ref } of mentionRanges(draft.text, draft.refs)) {
    out += `${draft.text.slice(at, start)}@[${ref.name}](${ref.userId})`;
    at = end;
  }
  return out + draft.text.slice(at);
};

/** Replaces `@query` (from `start` to the caret) with the token `@Name ` and keeps the person. */
export const insertMentionToken = (
  draft: MentionDraft,
  start: number,
  caret: number,
  person: { userId: string; name: string },
): { draft: MentionDraft; caret: number } => {
  const name = mentionName(person.name);
  const token = `@${name} `;
  const after = draft.text.slice(caret).replace(/^ /, "");
  return {
    draft: {
      text: draft.text.slice(0, start) + token + after,
      refs: byLastName([...draft.refs, { name, userId: person.userId }]),
    },
    caret: start + token.length,
  };
};

/** Backspace right after a token removes the whole token, as with any chip. */
export const removeTokenBefore = (
  draft: MentionDraft,
  caret: number,
): { draft: MentionDraft; caret: number } | null => {
  const token = mentionRanges(draft.text, draft.refs).find((r) => r.end === caret);
  if (!token) return null;
  return {
    draft: { text: draft.text.slice(0, token.start) + draft.text.slice(caret), refs: draft.refs },
    caret: token.start,
  };
};

/** People whose name or e-mail starts (any word) with the query, best first, at most `max`. */
export const matchPeople = <T extends { name: string; email?: string }>(
  people: readonly T[],
  query: string,
  max = 6,
): T[] => {
  const q = query.trim().toLowerCase();
  if (!q) return people.slice(0, max);
  const score = (p: T): number => {
    const name = p.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (p.email?.toLowerCase().startsWith(q)) return 2;
    if (name.includes(q)) return 3;
    return 9;
  };
  return people
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s < 9)
    .sort((a, b) => a.s - b.s || a.p.name.localeCompare(b.p.name))
    .slice(0, max)
    .map((x) => x.p);
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * Turns `@[Name](id)` into a highlighted `@Name` before Markdown rendering (otherwise Markdown would
 * read it as a link). The name is escaped; the sanitizer runs on the whole result afterwards.
 */
export const mentionsToHtml = (body: string, myUserId: string | null = null): string =>
  body.replace(mentionToken, (_match, name: string, id: string) => {
    const isMe = myUserId !== null && id.toLowerCase() === myUserId.toLowerCase();
    return `<span class="mention${isMe ? " mention-me" : ""}" data-user-id="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  });

/** `@Name` for plain-text previews. */
export const mentionsToText = (body: string): string =>
  body.replace(mentionToken, (_match, name: string) => `@${name}`);

// ---------- dates ----------

/** The class a due date is coloured with: amber when due soon, red when overdue, green when done. */
export const urgencyClass = (urgency: Urgency): string =>
  urgency === "none" ? "due" : `due due-${urgency.replace("_", "-")}`;

/** A date conflict in the reader's words: "'Invites' starts Jan 5, 2027, before its previous card 'Venue' ends Jan 10, 2027". */
export const conflictText = (words: Pick<Translator, "t" | "format">, conflict: DateConflict): string =>
  words.t("card.conflict", {
    edge: conflict.facts.edge,
    subject: conflict.facts.subject,
    subjectDate: words.format.calendarDay(conflict.facts.subjectDate, true),
    other: conflict.facts.other,
    otherDate: words.format.calendarDay(conflict.facts.otherDate, true),
  });

// ---------- progress ----------

/** 0..1 to a whole percentage, never showing 100 % before it is complete. */
export const progressPercent = (progress: number): number => {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  if (progress >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(progress * 100)));
};

// ---------- reminders ----------

/** An ISO date-time with the browser's offset, from a datetime-local input value. */
export const localInputToIso = (value: string): string | null => {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/** The datetime-local input value (local time) for an ISO date-time. */
export const isoToLocalInput = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
