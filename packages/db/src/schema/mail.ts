import { type MailDelivery, type MailTopic, workspaceRoles } from "@lattice/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns.js";
import { notifications } from "./coordination.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

/**
 * The durable mail queue, which is also the outbox instance admins read. A row is rendered in full
 * when it is queued (in the transaction of the change that caused it), so sending needs nothing else.
 * Senders claim due rows with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`); `attempts` is the
 * fence: a sender may mark a row sent only for the attempt it claimed.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** invitation | password_reset | notification | digest */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** Extra headers (List-Unsubscribe…), name → value. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    /**
     * The notification an instant message announces: when the queue reaches the message and the
     * person has read the notification in the app meanwhile, the message is dropped (`cancelled_at`).
     */
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "cascade" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    // The senders' claim reads only unsent, unfailed rows by due time.
    index("mail_messages_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} IS NULL AND ${t.failedAt} IS NULL`),
    index("mail_messages_created_idx").on(t.createdAt),
  ],
);

/**
 * Invitations by e-mail. Only a hash of the link's token is stored. An invitation is to a workspace
 * (`space_id` null) or to one space of it (`space_id`, `space_role`; joining it also joins the
 * workspace with `role`). At most one open invitation per workspace and address, and per space and
 * address: inviting again renews it (new token, new expiry) instead of adding another.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    role: oneOf("role", workspaceRoles).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The space invited to; null for an invitation to the workspace. */
    spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    /** The role in that space; set exactly when `space_id` is. */
    spaceRole: oneOf("space_role", workspaceRoles),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    uniqueIndex("invitations_open_key")
      .on(t.workspaceId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL AND ${t.spaceId} IS NULL`),
    uniqueIndex("invitations_open_space_key")
      .on(t.spaceId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL AND ${t.spaceId} IS NOT NULL`),
    index("invitations_space_idx").on(t.spaceId),
  ],
);

/** "Forgot password" links: single-use, short-lived, only the token's hash stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * A person's e-mail choices. No row means the defaults; the row is made the first time a message
 * to the person needs an unsubscribe link, or when they change a choice. `unsubscribe_key` signs
 * their unsubscribe links (HMAC), so a link works without signing in and cannot be forged for anyone
 * else; replacing the key would void every link already sent.
 */
export const mailPreferences = pgTable("mail_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Topic → delivery, only the topics the person changed (the rest follow the defaults). */
  topics: jsonb("topics").$type<Partial<Record<MailTopic, MailDelivery>>>().notNull().default({}),
  dailyDigest: boolean("daily_digest").notNull().default(true),
  unsubscribeKey: text("unsubscribe_key").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One row per person and local day the digest was built for: inserted once (the primary key), in the
 * transaction that queues the message, so several instances and restarts send it exactly once. A
 * day with nothing to say keeps its row, and no message.
 */
export const mailDigests = pgTable(
  "mail_digests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The person's own calendar date (in their time zone). */
    localDate: date("local_date", { mode: "string" }).notNull(),
    builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
    /** Whether there was something to say (and so a message was queued). */
    hadNews: boolean("had_news").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localDate] })],
);
