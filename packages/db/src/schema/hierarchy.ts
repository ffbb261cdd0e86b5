import {
  capacityPerWeekRange,
  joinRoles,
  serviceLevelDaysRange,
  visibilities,
  workspaceRoles,
} from "@lattice/domain";
import { type AnyPgColumn, boolean, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
import { users } from "./users.js";

export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    visibility: oneOf("visibility", visibilities).notNull().default("private"),
    /** The role of a person who joins a public workspace from its list. */
    joinRole: oneOf("join_role", joinRoles).notNull().default("visitor"),
    position: orderKey("position").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOfCheck("workspaces", t.visibility, visibilities),
    oneOfCheck("workspaces", t.joinRole, joinRoles),
  ],
);

export const workspaceMembers = pgTable(
  "workspace_members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: oneOf("role", workspaceRoles).notNull(),
    /** How many cards a week this person can take on (the Workload view marks more as overload); null: not set. */
    capacityPerWeek: boundedInteger("capacity_per_week"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("workspace_members_user_idx").on(t.userId),
    oneOfCheck("workspace_members", t.role, workspaceRoles),
    boundedCheck("workspace_members", t.capacityPerWeek, capacityPerWeekRange),
  ],
);

export const folders = pgTable(
  "folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    parentFolderId: uuid("parent_folder_id").references((): AnyPgColumn => folders.id, {
      onDelete: "cascade",
    }),
    name: text("name").notNull(),
    position: orderKey("position").notNull(),
    archivedAt: archivedAt(),
    /** Who archived it (the archive view shows it); null when not archived or unknown. */
    archivedBy: uuid("archived_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("folders_workspace_idx").on(t.workspaceId)],
);

export const spaces = pgTable(
  "spaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    folderId: uuid("folder_id").references(() => folders.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: orderKey("position").notNull(),
    isPrivate: boolean("is_private").notNull().default(false),
    /** The owners' service-level target in days (cards should finish within it); null: from history. */
    serviceLevelDays: boundedInteger("service_level_days"),
    archivedAt: archivedAt(),
    /** Who archived it (the archive view shows it); null when not archived or unknown. */
    archivedBy: uuid("archived_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("spaces_workspace_idx").on(t.workspaceId),
    boundedCheck("spaces", t.serviceLevelDays, serviceLevelDaysRange),
  ],
);

/** A space role overriding the workspace role; for a private space, the list of who may see it. */
export const spaceMembers = pgTable(
  "space_members",
  {
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: oneOf("role", workspaceRoles).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.userId] }),
    index("space_members_user_idx").on(t.userId),
    oneOfCheck("space_members", t.role, workspaceRoles),
  ],
);
