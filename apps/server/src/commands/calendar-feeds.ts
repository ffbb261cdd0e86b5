/**
 * iCalendar feeds at secret URLs. The token is shown once, when the feed is made; only its hash is
 * kept. Regenerating revokes the previous URL. A feed answers only while its creator can still read
 * what it shows, so losing access closes the feed too.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  type Database,
  loadCards,
  readableSpaceIds,
  spaceAccess,
  type Transaction,
  tables,
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
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import ical, { ICalCalendarMethod } from "ical-generator";

const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

export const createFeed = async (
  tx: Transaction,
  actor: User,
  spaceId: string | null,
): Promise<{ token: string; createdAt: string }> => {
  await tx
    .update(tables.calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(tables.calendarFeeds.userId, actor.id),
        spaceId ? eq(tables.calendarFeeds.spaceId, spaceId) : isNull(tables.calendarFeeds.spaceId),
        isNull(tables.calendarFeeds.revokedAt),
      ),
    );
  const token = randomBytes(32).toString("base64url");
  const [row] = await tx
    .insert(tables.calendarFeeds)
    .values({ tokenHash: hashToken(token), userId: actor.id, spaceId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { token, createdAt: row.createdAt.toISOString() };
};

export const revokeFeed = async (tx: Transaction, actor: User, spaceId: string | null): Promise<void> => {
  await tx
    .update(tables.calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(tables.calendarFeeds.userId, actor.id),
        spaceId ? eq(tables.calendarFeeds.spaceId, spaceId) : isNull(tables.calendarFeeds.spaceId),
        isNull(tables.calendarFeeds.revokedAt),
      ),
    );
};

export const activeFeed = async (db: Database, userId: string, spaceId: string | null) => {
  const [row] = await db
    .select({ createdAt: tables.calendarFeeds.createdAt })
    .from(tables.calendarFeeds)
    .where(
      and(
        eq(tables.calendarFeeds.userId, userId),
        spaceId ? eq(tables.calendarFeeds.spaceId, spaceId) : isNull(tables.calendarFeeds.spaceId),
        isNull(tables.calendarFeeds.revokedAt),
      ),
    );
  return row
    ? { isActive: true, createdAt: row.createdAt.toISOString() }
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
  const [feed] = await db
    .select()
    .from(tables.calendarFeeds)
    .where(and(eq(tables.calendarFeeds.tokenHash, hashToken(token)), isNull(tables.calendarFeeds.revokedAt)));
  if (!feed) return null;
  const [owner] = await db
    .select({ locale: tables.users.locale, timeZone: tables.users.timeZone })
    .from(tables.users)
    .where(eq(tables.users.id, feed.userId));
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
    const coworking = db
      .select({ cardId: tables.cardCoworkers.cardId })
      .from(tables.cardCoworkers)
      .where(eq(tables.cardCoworkers.userId, feed.userId));
    const candidates = await db
      .select({ id: tables.cards.id, spaceId: tables.cards.spaceId })
      .from(tables.cards)
      .where(
        and(
          isNull(tables.cards.archivedAt),
          or(eq(tables.cards.responsibleId, feed.userId), inArray(tables.cards.id, coworking)),
        ),
      );
    const readable = new Set(await readableSpaceIds(db, feed.userId));
    const shown = candidates.filter((c) => readable.has(c.spaceId));
    const spaceIds = [...new Set(shown.map((c) => c.spaceId))];
    if (spaceIds.length > 0) {
      const names = await db
        .select({ id: tables.spaces.id, name: tables.spaces.name })
        .from(tables.spaces)
        .where(inArray(tables.spaces.id, spaceIds));
      for (const n of names) spaceNames.set(n.id, n.name);
    }
    cards = await loadCards(db, { ids: shown.map((c) => c.id) });
    title = t("ical.calendar.mine", { product });
  }
  const statusRows = cards.length
    ? await db
        .select({ id: tables.statuses.id, name: tables.statuses.name, role: tables.statuses.role })
        .from(tables.statuses)
        .where(inArray(tables.statuses.id, [...new Set(cards.map((c) => c.statusId))]))
    : [];
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
