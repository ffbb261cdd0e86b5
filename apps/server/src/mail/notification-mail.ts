/**
 * Notifications by e-mail: each person's choices per topic (instantly, in the daily digest, never),
 * the signed links that turn a topic off without signing in, and the "instantly" message itself, in
 * the recipient's language.
 *
 * An instant message is queued in the transaction that creates the notification, due only after a
 * grace period (`NOTIFICATION_MAIL_DELAY_MS`): the queue drops it when it finds the notification read
 * by then (see queue.ts), so nobody is mailed about what they already saw in the app.
 *
 * Security: an unsubscribe link is `<user id>.<scope>.<HMAC-SHA256 of both under the person's own
 * key>`. It can only turn mail off, only for that person and that topic; a forged or altered link
 * fails the comparison (constant time).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type Executor, type NotificationMailSettings, tables } from "@lattice/db";
import {
  createTranslator,
  defaultMailDeliveries,
  type MailPreferences,
  mailTopicOf,
  mailTopics,
  type Notification,
  notificationSentence,
  type UnsubscribeScope,
  type UpdateMailPreferencesBody,
  unsubscribeScopes,
} from "@lattice/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { enqueueMail } from "./queue.js";
import { cardUrl, notificationMail } from "./render.js";

type PreferencesRow = typeof tables.mailPreferences.$inferSelect;

export const preferencesOf = (
  row: Pick<PreferencesRow, "topics" | "dailyDigest"> | undefined,
): MailPreferences => {
  const topics = { ...defaultMailDeliveries };
  for (const topic of mailTopics) {
    const chosen = row?.topics[topic];
    if (chosen) topics[topic] = chosen;
  }
  return { topics, dailyDigest: row?.dailyDigest ?? true };
};

export const readMailPreferences = async (db: Executor, userId: string): Promise<MailPreferences> => {
  const [row] = await db
    .select()
    .from(tables.mailPreferences)
    .where(eq(tables.mailPreferences.userId, userId));
  return preferencesOf(row);
};

/** The people's preference rows, made (with a fresh signing key) for those who had none. */
export const ensureMailPreferences = async (
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, PreferencesRow>> => {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const p = tables.mailPreferences;
  const rows = await db.select().from(p).where(inArray(p.userId, ids));
  const missing = ids.filter((id) => !rows.some((r) => r.userId === id));
  if (missing.length > 0) {
    await db
      .insert(p)
      .values(missing.map((userId) => ({ userId, unsubscribeKey: randomBytes(32).toString("base64url") })))
      .onConflictDoNothing();
    rows.push(...(await db.select().from(p).where(inArray(p.userId, missing))));
  }
  return new Map(rows.map((r) => [r.userId, r]));
};

/** Changes some choices (creating the row if needed) and answers the whole set. */
export const updateMailPreferences = async (
  db: Executor,
  userId: string,
  change: UpdateMailPreferencesBody,
): Promise<MailPreferences> => {
  const p = tables.mailPreferences;
  const current = (await ensureMailPreferences(db, [userId])).get(userId);
  if (!current) throw new Error("preferences row missing after insert");
  const topics = { ...current.topics };
  for (const topic of mailTopics) {
    const chosen = change.topics?.[topic];
    if (chosen) topics[topic] = chosen;
  }
  const [row] = await db
    .update(p)
    .set({ topics, dailyDigest: change.dailyDigest ?? current.dailyDigest, updatedAt: new Date() })
    .where(eq(p.userId, userId))
    .returning();
  return preferencesOf(row);
};

// ---------- unsubscribe links ----------

const mac = (key: string, userId: string, scope: UnsubscribeScope): string =>
  createHmac("sha256", key).update(`unsubscribe:${userId}:${scope}`).digest("base64url");

export const unsubscribeToken = (key: string, userId: string, scope: UnsubscribeScope): string =>
  `${userId}.${scope}.${mac(key, userId, scope)}`;

export const unsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/api/mail/unsubscribe?token=${encodeURIComponent(token)}`;

const tokenPattern =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z_]+)\.([A-Za-z0-9_-]{43})$/;

/** The person and scope of a genuine link, or null for anything else (malformed, altered, unknown). */
export const verifyUnsubscribeToken = async (
  db: Executor,
  token: string,
): Promise<{ userId: string; scope: UnsubscribeScope } | null> => {
  const match = tokenPattern.exec(token);
  if (!match) return null;
  const [, userId = "", scope = "", given = ""] = match;
  if (!(unsubscribeScopes as readonly string[]).includes(scope)) return null;
  const [row] = await db
    .select({ key: tables.mailPreferences.unsubscribeKey })
    .from(tables.mailPreferences)
    .where(eq(tables.mailPreferences.userId, userId));
  if (!row) return null;
  const expected = Buffer.from(mac(row.key, userId, scope as UnsubscribeScope));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, scope: scope as UnsubscribeScope };
};

/** Turns off what the link names; idempotent. */
export const unsubscribe = async (
  db: Executor,
  userId: string,
  scope: UnsubscribeScope,
): Promise<MailPreferences> =>
  updateMailPreferences(
    db,
    userId,
    scope === "digest" ? { dailyDigest: false } : { topics: { [scope]: "never" } },
  );

// ---------- instant messages ----------

/**
 * Queues one message per fresh notification whose person wants its topic "instantly", due after the
 * grace period, in the caller's transaction. Deactivated people get none.
 */
export const queueInstantMail = async (
  tx: Executor,
  settings: NotificationMailSettings,
  addressed: readonly { userId: string; notification: Notification }[],
): Promise<number> => {
  if (addressed.length === 0) return 0;
  const p = tables.mailPreferences;
  const chosen = await tx
    .select()
    .from(p)
    .where(inArray(p.userId, [...new Set(addressed.map((a) => a.userId))]));
  const wanted = addressed.filter(({ userId, notification }) => {
    const row = chosen.find((r) => r.userId === userId);
    return preferencesOf(row).topics[mailTopicOf(notification.kind)] === "instant";
  });
  if (wanted.length === 0) return 0;
  const prefs = await ensureMailPreferences(
    tx,
    wanted.map((a) => a.userId),
  );
  const { users, workspaces } = tables;
  const people = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.id, [...prefs.keys()]), isNull(users.deactivatedAt)));
  const workspaceIds = [
    ...new Set(wanted.flatMap(({ notification: n }) => (n.workspaceId ? [n.workspaceId] : []))),
  ];
  const workspaceNames = new Map(
    workspaceIds.length === 0
      ? []
      : (
          await tx
            .select({ id: workspaces.id, name: workspaces.name })
            .from(workspaces)
            .where(inArray(workspaces.id, workspaceIds))
        ).map((w) => [w.id, w.name]),
  );
  const actorIds = [...new Set(wanted.flatMap(({ notification: n }) => (n.actorId ? [n.actorId] : [])))];
  const actorNames = new Map(
    actorIds.length === 0
      ? []
      : (
          await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))
        ).map((u) => [u.id, u.name]),
  );
  let queued = 0;
  for (const { userId, notification: n } of wanted) {
    const person = people.find((u) => u.id === userId);
    const key = prefs.get(userId)?.unsubscribeKey;
    if (!person || !key) continue;
    const topic = mailTopicOf(n.kind);
    const spaceId = typeof n.data.spaceId === "string" ? n.data.spaceId : null;
    const url =
      n.cardId && n.workspaceId && spaceId
        ? cardUrl(settings.publicUrl, { workspaceId: n.workspaceId, spaceId, id: n.cardId })
        : `${settings.publicUrl}/`;
    const tr = createTranslator(person.locale, person.timeZone);
    const mail = notificationMail(tr, {
      publicUrl: settings.publicUrl,
      workspaceName: n.workspaceId ? (workspaceNames.get(n.workspaceId) ?? null) : null,
      text: notificationSentence(n, tr, (id) => actorNames.get(id) ?? null),
      url,
      topic,
      unsubscribeUrl: unsubscribeUrl(settings.publicUrl, unsubscribeToken(key, person.id, topic)),
    });
    await enqueueMail(tx, {
      ...mail,
      kind: "notification",
      to: person.email,
      workspaceId: n.workspaceId,
      notificationId: n.id,
      delayMs: settings.delayMs,
    });
    queued += 1;
  }
  return queued;
};
