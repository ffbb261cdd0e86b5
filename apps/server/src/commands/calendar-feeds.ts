/**
 * iCalendar feeds at secret URLs. The token is shown once, when the feed is made; only its hash is
 * kept. Regenerating revokes the previous URL. A feed answers only while its creator can still read
 * what it shows, so losing access closes the feed too.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  cardsOfPerson,
  type Database,
  insertCalendarFeed,
  liveCalendarFeedByToken,
  liveCalendarFeedMadeAt,
  loadCards,
  readableSpaceIds,
  revokeCalendarFeeds,
  spaceAccess,
  spaceNamesOf,
  statusesByIds,
  type Transaction,
  userLocaleOf,
} from "@lattice/db";
import {
  addDays,
  type Card,
  createTranslator,
  localClock,
  repeatSummary,
  serverRepeatWords,
  shiftedDates,
  type User,
  upcomingOccurrences,
} from "@lattice/domain";
import ical, { ICalCalendarMethod } from "ical-generator";

const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

export const createFeed = async (
  tx: Transaction,
  actor: User,
  spaceId: string | null,
): Promise<{ token: string; createdAt: string }> => {
  await revokeCalendarFeeds(tx, actor.id, spaceId);
  const token = randomBytes(32).toString("base64url");
  const createdAt = await insertCalendarFeed(tx, { tokenHash: hashToken(token), userId: actor.id, spaceId });
  return { token, createdAt: createdAt.toISOString() };
};

export const revokeFeed = (tx: Transaction, actor: User, spaceId: string | null): Promise<void> =>
  revokeCalendarFeeds(tx, actor.id, spaceId);

export const activeFeed = async (db: Database, userId: string, spaceId: string | null) => {
  const createdAt = await liveCalendarFeedMadeAt(db, userId, spaceId);
  return createdAt
    ? { isActive: true, createdAt: createdAt.toISOString() }
    : { isActive: false, createdAt: null };
};

const dayAfter = (day: string): Date => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
};

/** How far ahead a feed lists repeating cards' upcoming occurrences (at most 60 per series). */
const feedHorizonDays = 365;

const product = "Lattice";

/**
 * The feed's calendar text, or null when the token is unknown, revoked, or its owner lost access. It is
 * written in its owner's language (`users.locale`; unshipped languages read English): the calendar's
 * name, the repeating entries' summaries and every description line. Card, space and status names are
 * what people typed.
 */
export const renderFeed = async (db: Database, token: string, baseUrl: string): Promise<string | null> => {
  const feed = await liveCalendarFeedByToken(db, hashToken(token));
  if (!feed) return null;
  const owner = await userLocaleOf(db, feed.userId);
  const translator = createTranslator(owner?.locale, owner?.timeZone);
  const { t } = translator;
  let cards: Card[];
  let title: string;
  const spaceNames = new Map<string, string>();
  if (feed.spaceId) {
    const access = await spaceAccess(db, feed.userId, feed.spaceId);
    if (!access) return null;
    cards = await loadCards(db, { spaceId: feed.spaceId });
    title = t("ical.calendar.space", { space: access.space.name, product });
    spaceNames.set(access.space.id, access.space.name);
  } else {
    const candidates = await cardsOfPerson(db, feed.userId);
    const readable = new Set(await readableSpaceIds(db, feed.userId));
    const shown = candidates.filter((c) => readable.has(c.spaceId));
    const spaceIds = [...new Set(shown.map((c) => c.spaceId))];
    for (const [id, name] of await spaceNamesOf(db, spaceIds)) spaceNames.set(id, name);
    cards = await loadCards(db, { ids: shown.map((c) => c.id) });
    title = t("ical.calendar.mine", { product });
  }
  const statusRows = await statusesByIds(db, [...new Set(cards.map((c) => c.statusId))]);
  const statusOf = new Map(statusRows.map((s) => [s.id, s]));
  const calendar = ical({
    name: title,
    prodId: { company: product, product, language: translator.locale.toUpperCase() },
  });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const card of cards) {
    if (!card.dueDate) continue;
    const status = statusOf.get(card.statusId);
    const url = `${baseUrl}/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`;
    calendar.createEvent({
      id: `${card.id}@lattice`,
      // All-day on the due date; a card with a start date spans from it to the due date.
      start: new Date(`${card.startDate ?? card.dueDate}T00:00:00Z`),
      end: dayAfter(card.dueDate),
      allDay: true,
      summary: card.name,
      description: `${t("ical.event.line", { space: spaceNames.get(card.spaceId) ?? "", detail: status?.name ?? "" })}\n${url}`,
      url,
      stamp: new Date(card.updatedAt),
      lastModified: new Date(card.updatedAt),
      // Every change bumps the card's version, so clients that compare SEQUENCE take the new copy.
      sequence: card.version - 1,
    });
  }
  // Upcoming occurrences of repeating cards, as their own all-day entries (docs/RECURRING.md): each
  // becomes a card of its own (its own UID) when made, so the feed lists dates, not an RRULE.
  const now = new Date();
  const repeatWords = serverRepeatWords(translator);
  for (const card of cards) {
    const repeat = card.repeat;
    if (!repeat || !card.dueDate) continue;
    const today = localClock(now, repeat.timeZone).day;
    const url = `${baseUrl}/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`;
    const description = [
      t("ical.event.line", {
        space: spaceNames.get(card.spaceId) ?? "",
        detail: repeatSummary(repeatWords, repeat, today),
      }),
      t("ical.event.notMadeYet", { createWhen: repeat.createWhen, days: repeat.daysBefore }),
      url,
    ].join("\n");
    for (const date of upcomingOccurrences(repeat, today, addDays(today, feedHorizonDays))) {
      const dates = shiftedDates(card, date);
      const due = dates.dueDate ?? date;
      calendar.createEvent({
        id: `${repeat.seriesId}-${date}@lattice`,
        start: new Date(`${dates.startDate ?? due}T00:00:00Z`),
        end: dayAfter(due),
        allDay: true,
        summary: t("ical.event.repeats", { card: card.name }),
        description,
        url,
        stamp: new Date(card.updatedAt),
        lastModified: new Date(card.updatedAt),
        sequence: card.version - 1,
      });
    }
  }
  // RFC 5545 §3.1 ends every content line, the last one included, with CRLF; the generator omits the last.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
};
