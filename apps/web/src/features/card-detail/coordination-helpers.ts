/** Pure helpers of the card's coordination parts: mentions, urgency classes, progress text. */
import type { Urgency } from "@lattice/domain";

// ---------- mentions ----------

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

/** Replaces `@query` (from `start` to the caret) with `@[Name](id) ` and says where the caret goes. */
export const insertMention = (
  text: string,
  start: number,
  caret: number,
  person: { userId: string; name: string },
): { text: string; caret: number } => {
  const safeName = person.name.replace(/[[\]\n]/g, " ").trim() || "someone";
  const token = `@[${safeName}](${person.userId}) `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + token + after, caret: start + token.length };
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

const mentionToken = /@\[([^\]\n]{1,120})\]\(([0-9a-f-]{36})\)/gi;

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

export const urgencyLabel = (urgency: Urgency): string =>
  urgency === "overdue" ? "Overdue" : urgency === "due_soon" ? "Due soon" : urgency === "done" ? "Done" : "";

const monthDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** "Mar 4" for a YYYY-MM-DD calendar date (with the year when it is not `today`'s year). */
export const shortDate = (day: string, today: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return day.slice(0, 4) === today.slice(0, 4) ? monthDay.format(date) : fullDay.format(date);
};

// ---------- progress ----------

/** 0..1 to a whole percentage, never showing 100 % before it is complete. */
export const progressPercent = (progress: number): number => {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  if (progress >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(progress * 100)));
};

export const progressLabel = (progress: number): string => `${progressPercent(progress)} %`;

/** "2/5" for the card front's checklist count, or null without to-dos. */
export const todoCount = (done: number, total: number): string | null =>
  total > 0 ? `${Math.min(done, total)}/${total}` : null;

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
