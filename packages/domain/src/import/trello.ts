/**
 * A Trello board's JSON export (Board menu → Print, export and share → Export as JSON), read into
 * what a new space holds. Pure: the server writes the plan, the web app shows it before importing.
 *
 * Trello and Lattice differ in a few places, and each difference is counted in the plan's notes so
 * the importer sees what was changed rather than finding out later:
 * - statuses cannot be archived, so a closed list becomes no status; its cards arrive archived in
 *   the first status;
 * - a card has one list of to-dos, so the items of several checklists are prefixed with their
 *   checklist's name;
 * - a card has one responsible person: the first of its members found in the workspace, the others
 *   are co-workers;
 * - completion follows the status's role: a card marked complete in an open list stays there;
 * - files cannot travel in the export, only their links, which are added to the description.
 */
import { z } from "zod";
import { createTranslator, type Translator } from "../i18n/translator.js";
import type { StatusRole } from "../roles.js";
import { limits } from "../schemas.js";

const trelloId = z.string().min(1).max(64);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? "");
const optionalTime = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

const trelloList = z.looseObject({
  id: trelloId,
  name: optionalText,
  closed: z.boolean().nullish().transform(Boolean),
  pos: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
});

const trelloLabel = z.looseObject({
  id: trelloId,
  name: optionalText,
  color: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});

const trelloAttachment = z.looseObject({
  name: optionalText,
  url: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});

const trelloCard = z.looseObject({
  id: trelloId,
  name: optionalText,
  desc: optionalText,
  idList: trelloId,
  pos: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  closed: z.boolean().nullish().transform(Boolean),
  due: optionalTime,
  start: optionalTime,
  dueComplete: z.boolean().nullish().transform(Boolean),
  dateLastActivity: optionalTime,
  idLabels: z
    .array(trelloId)
    .nullish()
    .transform((value) => value ?? []),
  idMembers: z
    .array(trelloId)
    .nullish()
    .transform((value) => value ?? []),
  attachments: z
    .array(trelloAttachment)
    .nullish()
    .transform((value) => value ?? []),
});

const trelloCheckItem = z.looseObject({
  name: optionalText,
  state: z
    .string()
    .nullish()
    .transform((value) => value === "complete"),
  pos: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
});

const trelloChecklist = z.looseObject({
  id: trelloId,
  idCard: trelloId,
  name: optionalText,
  pos: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  checkItems: z
    .array(trelloCheckItem)
    .nullish()
    .transform((value) => value ?? []),
});

const trelloMember = z.looseObject({
  id: trelloId,
  fullName: optionalText,
  username: optionalText,
  email: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});

const trelloAction = z.looseObject({
  type: z.string(),
  date: z.string(),
  idMemberCreator: z.string().nullish(),
  data: z.looseObject({
    text: z.string().nullish(),
    card: z.looseObject({ id: trelloId }).nullish(),
  }),
  memberCreator: z.looseObject({ id: trelloId, fullName: optionalText, username: optionalText }).nullish(),
});

/** The parts of Trello's export that an import reads; anything else in the file is ignored. */
export const trelloBoardExport = z.looseObject({
  name: z.string().trim().min(1, "must name the board"),
  lists: z.array(trelloList).max(5_000),
  cards: z.array(trelloCard).max(100_000),
  labels: z
    .array(trelloLabel)
    .max(5_000)
    .nullish()
    .transform((value) => value ?? []),
  checklists: z
    .array(trelloChecklist)
    .nullish()
    .transform((value) => value ?? []),
  actions: z
    .array(trelloAction)
    .nullish()
    .transform((value) => value ?? []),
  members: z
    .array(trelloMember)
    .max(5_000)
    .nullish()
    .transform((value) => value ?? []),
});
export type TrelloBoardExport = z.infer<typeof trelloBoardExport>;
/** The file as Trello writes it (before defaults are filled in). */
export type TrelloBoardFile = z.input<typeof trelloBoardExport>;

/** Someone in the workspace a Trello member may be matched to. */
export interface ImportCandidate {
  id: string;
  name: string;
  email: string;
}

export interface TrelloImportOptions {
  /** The workspace's members. */
  candidates: readonly ImportCandidate[];
  /** The importer's choices: Trello member id → workspace member id, or null to leave them out. */
  memberMap?: Readonly<Record<string, string | null>>;
  /** The importer's choices: Trello list id → the role of the status it becomes. */
  listRoles?: Readonly<Record<string, StatusRole>>;
  /** Trello's times become days in this time zone (the importer's). */
  timeZone: string;
  /** The importer's language, for the notes and the names the import makes up (default English). */
  translator?: Translator;
}

export interface PlannedStatus {
  listId: string;
  name: string;
  role: StatusRole;
  cardCount: number;
}

export interface PlannedLabel {
  trelloId: string;
  name: string;
  color: string;
}

export interface PlannedComment {
  /** The workspace member who wrote it, or null when the Trello member is not matched. */
  authorId: string | null;
  /** Trello's name for the author, kept in the text when the author is not matched. */
  authorName: string;
  at: string;
  body: string;
}

export interface PlannedCard {
  name: string;
  description: string;
  /** Index into `statuses`. */
  status: number;
  archived: boolean;
  startDate: string | null;
  dueDate: string | null;
  /** When it was completed, for cards in a completed status. */
  completedAt: string | null;
  createdAt: string;
  labels: string[];
  responsibleId: string | null;
  coworkerIds: string[];
  todos: Array<{ text: string; done: boolean }>;
  comments: PlannedComment[];
}

export interface PlannedMember {
  trelloId: string;
  fullName: string;
  username: string;
  userId: string | null;
  /** How the member was matched: by e-mail, by full name, by the importer, or not at all. */
  matchedBy: "email" | "name" | "importer" | null;
}

export interface ImportSummary {
  lists: number;
  closedLists: number;
  cards: number;
  archivedCards: number;
  labels: number;
  checklists: number;
  todos: number;
  comments: number;
  links: number;
  membersMatched: number;
  membersUnmatched: number;
  /** What did not come across as it was in Trello, one sentence each. */
  notes: string[];
}

export interface ImportPlan {
  name: string;
  statuses: PlannedStatus[];
  labels: PlannedLabel[];
  cards: PlannedCard[];
  members: PlannedMember[];
  summary: ImportSummary;
}

/** Trello's label colours (and their dark and light shades) as the hex colours labels here use. */
const trelloColors: Record<string, string> = {
  green: "#4bce97",
  yellow: "#e2b203",
  orange: "#faa53d",
  red: "#f87462",
  purple: "#9f8fef",
  blue: "#579dff",
  sky: "#6cc3e0",
  lime: "#94c748",
  pink: "#e774bb",
  black: "#8590a2",
};
const labelColorOf = (color: string | null): string => {
  const base = color?.replace(/_(dark|light)$/, "") ?? "";
  return trelloColors[base] ?? "#8590a2";
};
const labelFallbackName = (color: string | null): string => {
  const base = color?.replace(/_(dark|light)$/, "") ?? "";
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : "Label";
};

const doneWords = /\b(done|complete[d]?|finished|closed|resolved|erledigt|fertig|abgeschlossen|terminé)\b/i;
const doingWords = /\b(doing|in progress|progress|working|review|testing|wip|in arbeit|en cours)\b/i;
const cancelledWords = /\b(cancell?ed|won'?t do|rejected|abgebrochen|verworfen)\b/i;
const informationWords = /\b(info|information|reference|resources|notes|read me|readme)\b/i;

/** A list's role, guessed from its name: done-like names complete, doing-like names are in progress. */
export const guessListRole = (name: string): StatusRole => {
  if (cancelledWords.test(name)) return "cancelled";
  if (doneWords.test(name)) return "completed";
  if (doingWords.test(name)) return "in_progress";
  if (informationWords.test(name)) return "information";
  return "not_started";
};

const loneSurrogates = /\p{Cs}/gu;
/** Text PostgreSQL and the event log can hold: no NUL character, no half of a surrogate pair. */
const storable = (text: string): string => text.replaceAll("\u0000", "").replace(loneSurrogates, "\ufffd");

export const cut = (text: string, max: number): { text: string; cut: boolean } => {
  const clean = storable(text);
  if (clean.length <= max) return { text: clean, cut: false };
  return { text: `${clean.slice(0, max - 1)}…`, cut: true };
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Building a format is costly (a 5,000-card board has 10,000 dates): one per time zone. */
const dayFormatIn = (timeZone: string): Intl.DateTimeFormat => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format;
};

/** The day an instant falls on in a time zone, as YYYY-MM-DD; null for a time that is not one. */
export const dayIn = (instant: string | null, timeZone: string): string | null => {
  if (!instant) return null;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  const parts = dayFormatIn(timeZone).formatToParts(new Date(time));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
};

/** Trello ids start with the creation time in seconds, as 8 hex digits. */
export const trelloCreatedAt = (trelloObjectId: string): string | null => {
  if (!/^[0-9a-f]{24}$/i.test(trelloObjectId)) return null;
  const seconds = Number.parseInt(trelloObjectId.slice(0, 8), 16);
  return new Date(seconds * 1000).toISOString();
};

const isoOrNull = (instant: string | null): string | null => {
  if (!instant) return null;
  const time = Date.parse(instant);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

export const normalized = (text: string): string =>
  text.normalize("NFKD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

const webLink = z.url({ protocol: /^https?$/ });
const isWebLink = (url: string): boolean => webLink.safeParse(url).success;

/** Markdown text of a link, with the characters that would end it escaped. */
const markdownLink = (name: string, url: string): string =>
  `[${storable(name).replace(/([[\]\\])/g, "\\$1") || url}](<${url.replace(/[<>]/g, encodeURIComponent)}>)`;

const byPosition = <T extends { pos: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.pos - b.pos);

/** Trello members matched to workspace members: the importer's choice, else e-mail, else a unique full name. */
const matchMembers = (board: TrelloBoardExport, options: TrelloImportOptions): PlannedMember[] => {
  const candidateIds = new Set(options.candidates.map((c) => c.id));
  const byEmail = new Map(options.candidates.map((c) => [c.email.toLowerCase(), c.id]));
  const byName = new Map<string, string | null>();
  for (const candidate of options.candidates) {
    const key = normalized(candidate.name);
    // Two members with one name cannot be told apart: the importer chooses.
    byName.set(key, byName.has(key) ? null : candidate.id);
  }
  // Comment authors who have left the board appear only in the actions.
  const seen = new Map(board.members.map((m) => [m.id, m]));
  for (const action of board.actions) {
    const creator = action.memberCreator;
    if (creator && !seen.has(creator.id))
      seen.set(creator.id, {
        id: creator.id,
        fullName: creator.fullName,
        username: creator.username,
        email: null,
      });
  }
  return [...seen.values()].map((member) => {
    const base = {
      trelloId: member.id,
      fullName: storable(member.fullName),
      username: storable(member.username),
    };
    const chosen = options.memberMap?.[member.id];
    if (chosen === null) return { ...base, userId: null, matchedBy: null };
    if (chosen !== undefined && candidateIds.has(chosen))
      return { ...base, userId: chosen, matchedBy: "importer" };
    const emailMatch = member.email ? byEmail.get(member.email.toLowerCase()) : undefined;
    if (emailMatch) return { ...base, userId: emailMatch, matchedBy: "email" };
    const nameMatch = member.fullName ? byName.get(normalized(member.fullName)) : undefined;
    if (nameMatch) return { ...base, userId: nameMatch, matchedBy: "name" };
    return { ...base, userId: null, matchedBy: null };
  });
};

/** Trello's export holds at most this many actions (the newest). */
const trelloActionsMax = 1000;

/** What importing `board` creates, and what it changes on the way. */
export const planTrelloImport = (board: TrelloBoardExport, options: TrelloImportOptions): ImportPlan => {
  const { t } = options.translator ?? createTranslator("en");
  const notes: string[] = [];
  const members = matchMembers(board, options);
  const userOf = new Map(members.map((m) => [m.trelloId, m.userId]));

  const openLists = byPosition(board.lists.filter((l) => !l.closed));
  const closedListIds = new Set(board.lists.filter((l) => l.closed).map((l) => l.id));
  const statuses: PlannedStatus[] = openLists.map((list) => ({
    listId: list.id,
    name: cut(list.name.trim(), limits.nameMax).text || t("words.import.untitledList"),
    role: options.listRoles?.[list.id] ?? guessListRole(list.name),
    cardCount: 0,
  }));
  if (statuses.length === 0)
    statuses.push({ listId: "", name: t("words.status.toDo"), role: "not_started", cardCount: 0 });
  const statusIndex = new Map(statuses.map((s, i) => [s.listId, i]));

  const labels: PlannedLabel[] = board.labels.map((label) => ({
    trelloId: label.id,
    name: cut(label.name.trim(), 60).text || labelFallbackName(label.color),
    color: labelColorOf(label.color),
  }));
  const labelIds = new Set(labels.map((l) => l.trelloId));

  const checklistsOf = new Map<string, TrelloBoardExport["checklists"]>();
  for (const checklist of board.checklists) {
    const list = checklistsOf.get(checklist.idCard) ?? [];
    list.push(checklist);
    checklistsOf.set(checklist.idCard, list);
  }
  const commentsOf = new Map<string, PlannedComment[]>();
  let cutComments = 0;
  for (const action of board.actions) {
    if (action.type !== "commentCard" || !action.data.card || !action.data.text) continue;
    const authorTrelloId = action.memberCreator?.id ?? action.idMemberCreator ?? "";
    const body = cut(action.data.text, limits.descriptionMax);
    if (body.cut) cutComments++;
    const list = commentsOf.get(action.data.card.id) ?? [];
    list.push({
      authorId: userOf.get(authorTrelloId) ?? null,
      authorName: storable(
        action.memberCreator?.fullName || action.memberCreator?.username || "A Trello member",
      ),
      at: isoOrNull(action.date) ?? new Date(0).toISOString(),
      body: body.text,
    });
    commentsOf.set(action.data.card.id, list);
  }

  let cutNames = 0;
  let cutDescriptions = 0;
  let startsAfterDue = 0;
  let completeInOpenLists = 0;
  let links = 0;
  let droppedLinks = 0;
  let todos = 0;
  let checklists = 0;
  let cardsOfClosedLists = 0;
  const cards: PlannedCard[] = [];
  const firstStatus = 0;
  const orderedCards = [...board.cards].sort(
    // The cards of closed lists come last, after the first status's own.
    (a, b) =>
      (statusIndex.get(a.idList) ?? statuses.length) - (statusIndex.get(b.idList) ?? statuses.length) ||
      a.pos - b.pos,
  );
  for (const card of orderedCards) {
    const inClosedList = closedListIds.has(card.idList) || !statusIndex.has(card.idList);
    if (inClosedList) cardsOfClosedLists++;
    const status = inClosedList ? firstStatus : (statusIndex.get(card.idList) ?? firstStatus);
    const planned = statuses[status];
    if (planned) planned.cardCount++;
    const name = cut(card.name.trim(), limits.nameMax);
    if (name.cut) cutNames++;

    const linkLines: string[] = [];
    for (const attachment of card.attachments) {
      if (attachment.url && isWebLink(attachment.url)) {
        linkLines.push(`- ${markdownLink(attachment.name, attachment.url)}`);
        links++;
      } else droppedLinks++;
    }
    const fullDescription =
      linkLines.length > 0
        ? `${card.desc}${card.desc ? "\n\n" : ""}**Attachments in Trello**\n\n${linkLines.join("\n")}`
        : card.desc;
    const description = cut(fullDescription, limits.descriptionMax);
    if (description.cut) cutDescriptions++;

    let startDate = dayIn(card.start, options.timeZone);
    const dueDate = dayIn(card.due, options.timeZone);
    if (startDate && dueDate && startDate > dueDate) {
      startDate = null;
      startsAfterDue++;
    }
    const role = planned?.role ?? "not_started";
    if (card.dueComplete && role !== "completed") completeInOpenLists++;

    const people = [...new Set(card.idMembers.map((m) => userOf.get(m)).filter((u): u is string => !!u))];
    const cardChecklists = byPosition(checklistsOf.get(card.id) ?? []);
    checklists += cardChecklists.length;
    const cardTodos = cardChecklists
      .flatMap((checklist) =>
        byPosition(checklist.checkItems).map((item) => ({
          text: cut(
            cardChecklists.length > 1 && checklist.name ? `${checklist.name}: ${item.name}` : item.name,
            500,
          ).text,
          done: item.state,
        })),
      )
      .filter((todo) => todo.text.trim() !== "");
    todos += cardTodos.length;
    const createdAt =
      trelloCreatedAt(card.id) ?? isoOrNull(card.dateLastActivity) ?? new Date(0).toISOString();

    cards.push({
      name: name.text || t("words.import.untitledCard"),
      description: description.text,
      status,
      archived: card.closed || inClosedList,
      startDate,
      dueDate,
      completedAt: role === "completed" ? (isoOrNull(card.dateLastActivity) ?? createdAt) : null,
      createdAt,
      labels: card.idLabels.filter((id) => labelIds.has(id)),
      responsibleId: people[0] ?? null,
      coworkerIds: people.slice(1),
      todos: cardTodos,
      comments: (commentsOf.get(card.id) ?? []).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    });
  }

  const closedLists = closedListIds.size;
  if (closedLists > 0)
    notes.push(
      t("note.trello.closedLists", {
        lists: closedLists,
        cards: cardsOfClosedLists,
        status: statuses[0]?.name ?? "",
      }),
    );
  if (completeInOpenLists > 0)
    notes.push(t("note.trello.completeInOpenLists", { count: completeInOpenLists }));
  if (startsAfterDue > 0) notes.push(t("note.import.startsAfterDue", { count: startsAfterDue }));
  if (cutNames > 0) notes.push(t("note.trello.cutNames", { count: cutNames, max: limits.nameMax }));
  if (cutDescriptions > 0)
    notes.push(t("note.trello.cutDescriptions", { count: cutDescriptions, max: limits.descriptionMax }));
  if (cutComments > 0)
    notes.push(t("note.trello.cutComments", { count: cutComments, max: limits.descriptionMax }));
  if (droppedLinks > 0) notes.push(t("note.trello.droppedLinks", { count: droppedLinks }));
  if (links > 0) notes.push(t("note.trello.links", { count: links }));
  const unmatched = members.filter((m) => m.userId === null);
  if (unmatched.length > 0) notes.push(t("note.trello.unmatchedMembers", { count: unmatched.length }));
  if (board.actions.length >= trelloActionsMax)
    notes.push(t("note.trello.actionsCapped", { max: trelloActionsMax }));

  return {
    name: cut(board.name.trim(), limits.nameMax).text,
    statuses,
    labels,
    cards,
    members,
    summary: {
      lists: statuses.length,
      closedLists,
      cards: cards.length,
      archivedCards: cards.filter((c) => c.archived).length,
      labels: labels.length,
      checklists,
      todos,
      comments: cards.reduce((sum, card) => sum + card.comments.length, 0),
      links,
      membersMatched: members.length - unmatched.length,
      membersUnmatched: unmatched.length,
      notes,
    },
  };
};
