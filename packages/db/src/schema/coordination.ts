/**
 * What makes a card a unit of coordination: people, relations, to-dos, labels, comments,
 * blockers, reminders and notifications. Every row carries workspace_id (one indexed predicate for
 * authorization, and the sharding key later).
 */

import {
  blockerKinds,
  type FieldOption,
  type FieldValue,
  fieldKinds,
  notificationKinds,
  relationKinds,
  serviceLevelDaysRange,
} from "@lattice/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cards } from "./board.js";
import {
  archivedAt,
  boundedCheck,
  boundedInteger,
  createdAt,
  oneOf,
  oneOfCheck,
  orderKey,
  updatedAt,
} from "./columns.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

const workspaceRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });
const spaceRef = () =>
  uuid("space_id")
    .notNull()
    .references(() => spaces.id, { onDelete: "cascade" });
const cardRef = (name = "card_id") =>
  uuid(name)
    .notNull()
    .references(() => cards.id, { onDelete: "cascade" });
const userRef = (name = "user_id") =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const cardCoworkers = pgTable(
  "card_coworkers",
  { cardId: cardRef(), userId: userRef(), workspaceId: workspaceRef(), createdAt: createdAt() },
  (t) => [primaryKey({ columns: [t.cardId, t.userId] }), index("card_coworkers_user_idx").on(t.userId)],
);

/** People who get notified about a card; its responsible person and co-workers follow it automatically. */
export const cardFollowers = pgTable(
  "card_followers",
  { cardId: cardRef(), userId: userRef(), workspaceId: workspaceRef(), createdAt: createdAt() },
  (t) => [primaryKey({ columns: [t.cardId, t.userId] }), index("card_followers_user_idx").on(t.userId)],
);

/** A personal reminder: only its owner sees it; delivered once as a notification when it falls due. */
export const cardReminders = pgTable(
  "card_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cardId: cardRef(),
    userId: userRef(),
    workspaceId: workspaceRef(),
    remindAt: timestamp("remind_at", { withTimezone: true }).notNull(),
    note: text("note").notNull().default(""),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("card_reminders_card_user_key").on(t.cardId, t.userId),
    index("card_reminders_due_idx").on(t.remindAt).where(sql`${t.deliveredAt} IS NULL`),
  ],
);

/**
 * parent: from = parent, to = child (a card may have several parents; the earliest is its default).
 * next: from = previous, to = next. Both stay inside one workspace and never form a cycle.
 */
export const cardRelations = pgTable(
  "card_relations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    kind: oneOf("kind", relationKinds).notNull(),
    fromCardId: cardRef("from_card_id"),
    toCardId: cardRef("to_card_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("card_relations_key").on(t.kind, t.fromCardId, t.toCardId),
    index("card_relations_to_idx").on(t.toCardId),
    index("card_relations_workspace_idx").on(t.workspaceId),
    oneOfCheck("card_relations", t.kind, relationKinds),
  ],
);

export const todoItems = pgTable(
  "todo_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    cardId: cardRef(),
    text: text("text").notNull(),
    isDone: boolean("is_done").notNull().default(false),
    position: orderKey("position").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("todo_items_card_idx").on(t.cardId), index("todo_items_space_idx").on(t.spaceId)],
);

export const labels = pgTable(
  "labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    name: text("name").notNull(),
    color: text("color").notNull(),
    /** A service-level target in days for cards with this label, instead of the space's; null: none. */
    serviceLevelDays: boundedInteger("service_level_days"),
    createdAt: createdAt(),
  },
  (t) => [
    index("labels_space_idx").on(t.spaceId),
    boundedCheck("labels", t.serviceLevelDays, serviceLevelDaysRange),
  ],
);

export const cardLabels = pgTable(
  "card_labels",
  {
    cardId: cardRef(),
    labelId: uuid("label_id")
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.labelId] }), index("card_labels_label_idx").on(t.labelId)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    cardId: cardRef(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("comments_card_idx").on(t.cardId, t.createdAt),
    index("comments_search_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    // Typed, without a CHECK: new kinds of notification come with features, not with migrations.
    kind: oneOf("kind", notificationKinds).notNull(),
    cardId: uuid("card_id").references(() => cards.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    data: jsonb("data").notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * local: made by a space owner for that space. global: made by the administrator, usable
 * everywhere. on_demand: made by the administrator, usable where a space owner enabled it.
 */
export const blockerTypes = pgTable(
  "blocker_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: oneOf("kind", blockerKinds).notNull(),
    /** Set for local blockers only. */
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [index("blocker_types_space_idx").on(t.spaceId), oneOfCheck("blocker_types", t.kind, blockerKinds)],
);

export const spaceBlockerTypes = pgTable(
  "space_blocker_types",
  {
    spaceId: spaceRef(),
    blockerTypeId: uuid("blocker_type_id")
      .notNull()
      .references(() => blockerTypes.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.blockerTypeId] })],
);

/** One blocking of a card: open while cleared_at is null. Blocked time for the charts comes from here. */
export const cardBlockings = pgTable(
  "card_blockings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    cardId: cardRef(),
    blockerTypeId: uuid("blocker_type_id")
      .notNull()
      .references(() => blockerTypes.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    blockedBy: uuid("blocked_by").references(() => users.id, { onDelete: "set null" }),
    blockedAt: timestamp("blocked_at", { withTimezone: true }).notNull().defaultNow(),
    /** The person who must clear it. */
    responsibleId: uuid("responsible_id").references(() => users.id, { onDelete: "set null" }),
    clearedBy: uuid("cleared_by").references(() => users.id, { onDelete: "set null" }),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  (t) => [
    index("card_blockings_card_idx").on(t.cardId),
    index("card_blockings_space_idx").on(t.spaceId, t.blockedAt),
    index("card_blockings_open_idx").on(t.blockerTypeId).where(sql`${t.clearedAt} IS NULL`),
  ],
);

/**
 * Secret iCalendar feed URLs: only a hash of the token is stored. A feed is a person's (their
 * cards' due dates) or a space's; it answers only while its creator can still read what it shows.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: userRef(),
    /** Null for a person's own feed. */
    spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    index("calendar_feeds_user_idx").on(t.userId),
  ],
);

/**
 * A space's custom fields. `options` (choice kinds only) is the ordered list of `{id, name, color}`;
 * option ids are unique within the field. The kind never changes, so stored values keep their shape.
 */
export const customFields = pgTable(
  "custom_fields",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    name: text("name").notNull(),
    kind: oneOf("kind", fieldKinds).notNull(),
    options: jsonb("options").$type<FieldOption[]>().notNull().default(sql`'[]'::jsonb`),
    showOnCard: boolean("show_on_card").notNull().default(false),
    position: orderKey("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("custom_fields_space_idx").on(t.spaceId, t.position),
    oneOfCheck("custom_fields", t.kind, fieldKinds),
  ],
);

/** A card's value of a field, JSON shaped by the field's kind; no row: no value. */
export const cardFieldValues = pgTable(
  "card_field_values",
  {
    cardId: cardRef(),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => customFields.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    spaceId: spaceRef(),
    value: jsonb("value").$type<FieldValue>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cardId, t.fieldId] }),
    index("card_field_values_field_idx").on(t.fieldId),
    index("card_field_values_space_idx").on(t.spaceId),
  ],
);
