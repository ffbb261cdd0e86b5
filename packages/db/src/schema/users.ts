import { themes } from "@lattice/domain";
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, oneOfCheck } from "./columns.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index makes the first signup with an address win. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** Null for an account made by single sign-on that never set a password: password sign-in fails. */
    passwordHash: text("password_hash"),
    /** The first account of the instance is its administrator. */
    isAdmin: boolean("is_admin").notNull().default(false),
    /** Set by an administrator: the person cannot sign in and has no session; their work keeps their name. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Initials colour (#rrggbb); null: derived from the id, as before settings existed. */
    color: text("color"),
    /** BCP 47 language tag the person chose (used once the interface is translated). */
    locale: text("locale").notNull().default("en"),
    /** IANA time zone for "today", reminders and digests; null: the browser's own. */
    timeZone: text("time_zone"),
    theme: oneOf("theme", themes).notNull().default("system"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), oneOfCheck("users", t.theme, themes)],
);

/**
 * Server-side sessions; only a hash of the token is stored, so a database leak yields no live cookie.
 * `id` is the name a person's session list uses: random and unrelated to the token, so showing it
 * (or leaking it) gives no way in.
 */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The browser's user agent when the session started, trimmed. */
    device: text("device").notNull().default(""),
    /** The client address as the server sees it (after the trusted proxies), refreshed with lastUsedAt. */
    address: text("address").notNull().default(""),
    createdAt: createdAt(),
    /** Refreshed at most once a minute, so a busy session does not write on every request. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), uniqueIndex("sessions_id_key").on(t.id)],
);

/**
 * Accounts linked to a single sign-on identity: the provider's issuer and its stable subject. The
 * e-mail may change at the provider; the subject does not, so a returning person is found by it.
 */
export const identities = pgTable(
  "identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("identities_user_idx").on(t.userId)],
);

/**
 * Single sign-on attempts between the redirect to the provider and its answer: the PKCE verifier and
 * the nonce stay on the server, keyed by a hash of the state (also held in the browser's cookie, so a
 * callback started in another browser is refused). Used once, and expired after a few minutes.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  stateHash: text("state_hash").primaryKey(),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  /** Where in the app to land after signing in: a path of this site, checked before it is stored. */
  returnTo: text("return_to").notNull().default("/"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});
