import { statusRoles } from "@lattice/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { archivedAt, createdAt, oneOf, oneOfCheck, orderKey, updatedAt } from "./columns.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const statuses = pgTable(
  "statuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: orderKey("position").notNull(),
    role: oneOf("role", statusRoles).notNull(),
    wipLimit: integer("wip_limit"),
    createdAt: createdAt(),
  },
  (t) => [index("statuses_space_idx").on(t.spaceId), oneOfCheck("statuses", t.role, statusRoles)],
);

export const cards = pgTable(
  "cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    statusId: uuid("status_id")
      .notNull()
      .references(() => statuses.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: orderKey("position").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The one person responsible for the card, or none. */
    responsibleId: uuid("responsible_id").references(() => users.id, { onDelete: "set null" }),
    /** Calendar dates (no time of day), as a coordinator plans them. */
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    archivedAt: archivedAt(),
    /** Who archived it (the archive view shows it); null when not archived or unknown. */
    archivedBy: uuid("archived_by").references(() => users.id, { onDelete: "set null" }),
    /** Bumped by every change, so clients can tell which copy of a card is newer. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // The board load reads a space's cards in column order straight from this index; the uniqueness
    // is the last line of defence for "two moves never produce equal keys".
    uniqueIndex("cards_status_position_key").on(t.statusId, t.position),
    index("cards_space_idx").on(t.spaceId),
    index("cards_workspace_idx").on(t.workspaceId),
    index("cards_responsible_idx").on(t.responsibleId),
    index("cards_search_idx").using("gin", sql`to_tsvector('simple', ${t.name} || ' ' || ${t.description})`),
  ],
);

/** Every status change of a card with its time: the source of the time and forecast charts. */
export const cardStatusChanges = pgTable(
  "card_status_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    cardId: uuid("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    fromStatusId: uuid("from_status_id"),
    toStatusId: uuid("to_status_id").notNull(),
    fromRole: oneOf("from_role", statusRoles),
    toRole: oneOf("to_role", statusRoles).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("card_status_changes_space_idx").on(t.spaceId, t.at),
    index("card_status_changes_card_idx").on(t.cardId),
    oneOfCheck("card_status_changes", t.fromRole, statusRoles),
    oneOfCheck("card_status_changes", t.toRole, statusRoles),
  ],
);
