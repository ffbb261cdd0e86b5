/**
 * The daily digest: from `DIGEST_HOUR` (07:00) of each person's own day, one message with the cards
 * due today and late that they are responsible for or work on, the blocked cards they are responsible
 * for, the in-progress cards they are responsible for or work on that are at risk (past their space's
 * median age or their service-level target: `charts/aging.ts`), their unread mentions, and the unread notifications of the topics they chose for the digest
 * since the last digest. Nothing to say, no message.
 *
 * Exactly once per person and local day, whatever the number of instances and restarts: a round
 * first reads (outside any transaction) who is due and what to tell them, then inserts the
 * `mail_digests` rows for (person, day) with ON CONFLICT DO NOTHING and queues messages only for the
 * rows it inserted, in one transaction. A round that loses the race queues nothing; a round that
 * crashes before its commit leaves no row, so the next round does it.
 *
 * Each digest is in its person's language (`users.locale`), its days in their locale.
 *
 * Security: a card only appears for a person who can read its space now (the one role query).
 */
import { type DbHandle, type Executor, spaceRoles, tables } from "@lattice/db";
import {
  type AgingRisk,
  agingChartOf,
  chartHistory,
  createTranslator,
  dayOf as dayNumberOf,
  isAtRisk,
  isoDateOfDay,
  localClock,
  type MailTopic,
  mailTopicOf,
  type Notification,
  type NotificationKind,
  notificationSentence,
  type Translator,
} from "@lattice/domain";
import { and, eq, gt, inArray, isNull, lte, max, notInArray, or, sql } from "drizzle-orm";
import { toNotification } from "../commands/notifications.js";
import { loadChartData } from "../queries/chart-data.js";
import { loadLabelTargets } from "../queries/service-levels.js";
import {
  ensureMailPreferences,
  preferencesOf,
  unsubscribeToken,
  unsubscribeUrl,
} from "./notification-mail.js";
import { enqueueMails } from "./queue.js";
import { cardUrl, digestMail, type MailSection } from "./render.js";

export interface DigestOptions {
  publicUrl: string;
  /** The hour of the person's day from which their digest goes (0–23). */
  digestHour: number;
  /** The clock (tests move it; the scheduler uses the real one). */
  now?: Date;
  /** People considered per transaction. */
  batchSize?: number;
}

/** Each section lists at most this many items; the app has the rest. */
const SECTION_LIMIT = 25;

interface Person {
  id: string;
  email: string;
  name: string;
  day: string;
  /** The person's language and time zone. */
  tr: Translator;
  topics: Record<MailTopic, string>;
}

interface CardLine {
  userId: string;
  id: string;
  name: string;
  workspaceId: string;
  spaceId: string;
  dueDate: string | null;
}

/** Who should get a digest for their current day and has none yet. */
const duePeople = async (db: Executor, now: Date, digestHour: number): Promise<Person[]> => {
  const { users, mailPreferences, mailDigests } = tables;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      timeZone: users.timeZone,
      locale: users.locale,
      topics: mailPreferences.topics,
      dailyDigest: mailPreferences.dailyDigest,
    })
    .from(users)
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(
      and(
        isNull(users.deactivatedAt),
        or(isNull(mailPreferences.dailyDigest), eq(mailPreferences.dailyDigest, true)),
      ),
    );
  const morning = rows.flatMap((row) => {
    const clock = localClock(now, row.timeZone);
    if (clock.hour < digestHour) return [];
    const { topics } = preferencesOf(row.topics ? { topics: row.topics, dailyDigest: true } : undefined);
    const tr = createTranslator(row.locale, row.timeZone);
    return [{ id: row.id, email: row.email, name: row.name, day: clock.day, tr, topics }];
  });
  if (morning.length === 0) return [];
  const days = [...new Set(morning.map((p) => p.day))];
  const done = await db
    .select({ userId: mailDigests.userId, day: mailDigests.localDate })
    .from(mailDigests)
    .where(inArray(mailDigests.localDate, days));
  const doneKeys = new Set(done.map((d) => `${d.userId} ${d.day}`));
  return morning.filter((p) => !doneKeys.has(`${p.id} ${p.day}`));
};

/** Cards due on or before the person's day, not done, that they are responsible for or work on. */
const dueCards = async (db: Executor, people: Person[]): Promise<CardLine[]> => {
  const { cards, cardCoworkers, statuses } = tables;
  const ids = people.map((p) => p.id);
  // ISO days sort as text.
  const latestDay =
    people
      .map((p) => p.day)
      .sort()
      .at(-1) ?? "";
  const columns = {
    id: cards.id,
    name: cards.name,
    workspaceId: cards.workspaceId,
    spaceId: cards.spaceId,
    dueDate: cards.dueDate,
  };
  const open = and(
    isNull(cards.archivedAt),
    lte(cards.dueDate, latestDay),
    notInArray(statuses.role, ["completed", "cancelled"]),
  );
  const responsible = await db
    .select({ ...columns, userId: sql<string>`${cards.responsibleId}` })
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .where(and(inArray(cards.responsibleId, ids), open));
  const coworking = await db
    .select({ ...columns, userId: cardCoworkers.userId })
    .from(cardCoworkers)
    .innerJoin(cards, eq(cards.id, cardCoworkers.cardId))
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .where(and(inArray(cardCoworkers.userId, ids), open));
  const dayOf = new Map(people.map((p) => [p.id, p.day]));
  const seen = new Set<string>();
  return [...responsible, ...coworking].filter((c) => {
    const key = `${c.userId} ${c.id}`;
    if (seen.has(key) || !c.dueDate || c.dueDate > (dayOf.get(c.userId) ?? "")) return false;
    seen.add(key);
    return true;
  });
};

/** Cards with an open blocking that the person is responsible for. */
const blockedCards = async (db: Executor, people: Person[]): Promise<CardLine[]> => {
  const { cards, cardBlockings } = tables;
  return db
    .selectDistinct({
      userId: sql<string>`${cards.responsibleId}`,
      id: cards.id,
      name: cards.name,
      workspaceId: cards.workspaceId,
      spaceId: cards.spaceId,
      dueDate: cards.dueDate,
    })
    .from(cardBlockings)
    .innerJoin(cards, eq(cards.id, cardBlockings.cardId))
    .where(
      and(
        inArray(
          cards.responsibleId,
          people.map((p) => p.id),
        ),
        isNull(cardBlockings.clearedAt),
        isNull(cards.archivedAt),
      ),
    );
};

/** Days of completions the at-risk section learns each space's expectation from (the charts' default). */
const AGING_WINDOW_DAYS = 90;

/**
 * In-progress cards the person is responsible for or works on that are amber or red, computed per
 * space as the Aging chart computes them (each involved space's history read once).
 */
const atRiskCards = async (
  db: Executor,
  people: Person[],
  now: Date,
): Promise<Array<CardLine & { ageDays: number; risk: AgingRisk }>> => {
  const { cards, cardCoworkers, statuses, spaces } = tables;
  const ids = people.map((p) => p.id);
  const columns = { id: cards.id, spaceId: cards.spaceId };
  const inProgress = and(isNull(cards.archivedAt), eq(statuses.role, "in_progress"));
  const mine = [
    ...(await db
      .select({ ...columns, userId: sql<string>`${cards.responsibleId}` })
      .from(cards)
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .where(and(inArray(cards.responsibleId, ids), inProgress))),
    ...(await db
      .select({ ...columns, userId: cardCoworkers.userId })
      .from(cardCoworkers)
      .innerJoin(cards, eq(cards.id, cardCoworkers.cardId))
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .where(and(inArray(cardCoworkers.userId, ids), inProgress))),
  ];
  const spaceIds = [...new Set(mine.map((c) => c.spaceId))];
  if (spaceIds.length === 0) return [];
  const targets = new Map(
    (
      await db
        .select({ id: spaces.id, days: spaces.serviceLevelDays })
        .from(spaces)
        .where(inArray(spaces.id, spaceIds))
    ).map((r) => [r.id, r.days]),
  );
  const today = dayNumberOf(now.getTime());
  const period = { from: isoDateOfDay(today - (AGING_WINDOW_DAYS - 1)), to: isoDateOfDay(today) };
  const risky = new Map<string, { ageDays: number; risk: AgingRisk; name: string }>();
  for (const spaceId of spaceIds) {
    const data = await loadChartData(db, [spaceId]);
    const chart = agingChartOf(chartHistory(data), {
      ...period,
      now: now.getTime(),
      spaceTargetDays: targets.get(spaceId) ?? null,
      labelTargetsByCard: await loadLabelTargets(db, spaceId),
    });
    for (const dot of chart.dots) {
      if (dot.risk === null || !isAtRisk(dot.risk)) continue;
      risky.set(dot.cardId, { ageDays: dot.ageDays, risk: dot.risk, name: dot.name });
    }
  }
  const workspaceOf = new Map(
    (
      await db
        .select({ id: spaces.id, workspaceId: spaces.workspaceId })
        .from(spaces)
        .where(inArray(spaces.id, spaceIds))
    ).map((r) => [r.id, r.workspaceId]),
  );
  const seen = new Set<string>();
  return mine.flatMap((c) => {
    const found = risky.get(c.id);
    const key = `${c.userId} ${c.id}`;
    if (!found || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        userId: c.userId,
        id: c.id,
        name: found.name,
        workspaceId: workspaceOf.get(c.spaceId) ?? "",
        spaceId: c.spaceId,
        dueDate: null,
        ageDays: found.ageDays,
        risk: found.risk,
      },
    ];
  });
};

/** Unread notifications: every mention, and the rest since the person's last digest (or a day). */
const unreadNotifications = async (
  db: Executor,
  people: Person[],
  now: Date,
): Promise<{ userId: string; notification: Notification }[]> => {
  const { notifications, mailDigests } = tables;
  const ids = people.map((p) => p.id);
  const last = await db
    .select({ userId: mailDigests.userId, at: max(mailDigests.builtAt) })
    .from(mailDigests)
    .where(inArray(mailDigests.userId, ids))
    .groupBy(mailDigests.userId);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const since = new Map(last.map((l) => [l.userId, l.at ?? dayAgo]));
  const earliest = [...since.values(), dayAgo].reduce((a, b) => (a < b ? a : b));
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, ids),
        isNull(notifications.readAt),
        or(eq(notifications.kind, "mentioned"), gt(notifications.createdAt, earliest)),
      ),
    );
  return rows
    .filter((row) => row.kind === "mentioned" || row.createdAt > (since.get(row.userId) ?? dayAgo))
    .map((row) => ({ userId: row.userId, notification: toNotification(row) }));
};

const limited = (section: MailSection): MailSection[] =>
  section.items.length === 0 ? [] : [{ ...section, items: section.items.slice(0, SECTION_LIMIT) }];

/**
 * One round: builds and queues the digests due at `now`. Returns how many people it claimed and how
 * many messages it queued.
 */
export const sendDueDigests = async (
  handle: DbHandle,
  { publicUrl, digestHour, now = new Date(), batchSize = 200 }: DigestOptions,
): Promise<{ claimed: number; queued: number }> => {
  const db = handle.db;
  const due = await duePeople(db, now, digestHour);
  let claimed = 0;
  let queued = 0;
  for (let start = 0; start < due.length; start += batchSize) {
    const people = due.slice(start, start + batchSize);
    const [cards, blocked, aging, unread] = [
      await dueCards(db, people),
      await blockedCards(db, people),
      await atRiskCards(db, people, now),
      await unreadNotifications(db, people, now),
    ];
    const spaceIds = [...new Set([...cards, ...blocked, ...aging].map((c) => c.spaceId))];
    const readable = new Set(
      (await spaceRoles(db, { userIds: people.map((p) => p.id), spaceIds })).map(
        (r) => `${r.userId} ${r.spaceId}`,
      ),
    );
    const mayRead = (c: CardLine) => readable.has(`${c.userId} ${c.spaceId}`);
    const actorIds = [
      ...new Set(unread.flatMap((u) => (u.notification.actorId ? [u.notification.actorId] : []))),
    ];
    const actorNames = new Map(
      actorIds.length === 0
        ? []
        : (
            await db
              .select({ id: tables.users.id, name: tables.users.name })
              .from(tables.users)
              .where(inArray(tables.users.id, actorIds))
          ).map((u) => [u.id, u.name]),
    );
    const linkOf = (n: Notification): string => {
      const spaceId = typeof n.data.spaceId === "string" ? n.data.spaceId : null;
      return n.cardId && n.workspaceId && spaceId
        ? cardUrl(publicUrl, { workspaceId: n.workspaceId, spaceId, id: n.cardId })
        : `${publicUrl}/`;
    };
    const sectionsOf = (person: Person): MailSection[] => {
      const mine = (c: CardLine) => c.userId === person.id && mayRead(c);
      const dueToday = cards.filter((c) => mine(c) && c.dueDate === person.day);
      const late = cards.filter((c) => mine(c) && c.dueDate !== null && c.dueDate < person.day);
      const notes = unread.filter((u) => u.userId === person.id).map((u) => u.notification);
      const digestKinds = (kind: NotificationKind) =>
        kind !== "mentioned" && person.topics[mailTopicOf(kind)] === "digest";
      const { tr } = person;
      const { t } = tr;
      const line = (c: CardLine) => ({ text: c.name, url: cardUrl(publicUrl, c) });
      const said = (n: Notification) => ({
        text: notificationSentence(n, tr, (id) => actorNames.get(id) ?? null),
        url: linkOf(n),
      });
      return [
        ...limited({ title: t("mail.digest.dueToday"), items: dueToday.map(line) }),
        ...limited({
          title: t("mail.digest.late"),
          items: late.map((c) => ({
            ...line(c),
            text: t("mail.digest.lateItem", { card: c.name, date: tr.format.longDay(c.dueDate ?? "") }),
          })),
        }),
        ...limited({ title: t("mail.digest.blocked"), items: blocked.filter(mine).map(line) }),
        ...limited({
          title: t("mail.digest.atRisk"),
          items: aging.filter(mine).map((c) => ({
            ...line(c),
            text: t("mail.digest.atRiskItem", { card: c.name, days: c.ageDays, risk: c.risk }),
          })),
        }),
        ...limited({
          title: t("mail.digest.mentions"),
          items: notes.filter((n) => n.kind === "mentioned").map(said),
        }),
        ...limited({
          title: t("mail.digest.since"),
          items: notes.filter((n) => digestKinds(n.kind)).map(said),
        }),
      ];
    };
    const news = new Map(people.map((p) => [p.id, sectionsOf(p)]));
    const result = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(tables.mailDigests)
        .values(
          people.map((p) => ({
            userId: p.id,
            localDate: p.day,
            builtAt: now,
            hadNews: (news.get(p.id) ?? []).length > 0,
          })),
        )
        .onConflictDoNothing()
        .returning({ userId: tables.mailDigests.userId });
      const mine = people.filter(
        (p) => inserted.some((r) => r.userId === p.id) && (news.get(p.id) ?? []).length > 0,
      );
      const keys = await ensureMailPreferences(
        tx,
        mine.map((p) => p.id),
      );
      await enqueueMails(
        tx,
        mine.flatMap((person) => {
          const key = keys.get(person.id)?.unsubscribeKey;
          if (!key) return [];
          const mail = digestMail(person.tr, {
            publicUrl,
            name: person.name,
            day: person.day,
            sections: news.get(person.id) ?? [],
            unsubscribeUrl: unsubscribeUrl(publicUrl, unsubscribeToken(key, person.id, "digest")),
          });
          return [{ ...mail, kind: "digest" as const, to: person.email }];
        }),
      );
      return { claimed: inserted.length, queued: mine.length };
    });
    claimed += result.claimed;
    queued += result.queued;
  }
  return { claimed, queued };
};

export interface DigestScheduler {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Rounds every `intervalMs` for the app's lifetime; `onQueued` after a round that queued mail. */
export const startDigestScheduler = ({
  handle,
  options,
  intervalMs,
  onQueued,
  log,
}: {
  handle: DbHandle;
  options: Omit<DigestOptions, "now">;
  intervalMs: number;
  onQueued: () => void;
  log: (message: string, error: unknown) => void;
}): DigestScheduler => {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;
  const runOnce = (): Promise<number> => {
    if (inFlight) return inFlight;
    inFlight = sendDueDigests(handle, options)
      .then(({ queued }) => {
        if (queued > 0) onQueued();
        return queued;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const tick = async (): Promise<void> => {
    timer = null;
    try {
      await runOnce();
    } catch (error) {
      log("building digests failed; retrying at the next round", error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), 0);
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => {});
    },
  };
};
