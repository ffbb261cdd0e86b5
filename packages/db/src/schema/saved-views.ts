/**
 * Saved views of a space (see the domain's saved-views.ts). `query` is the view's address query
 * (filters, grouping, sort, columns), kept as the web app writes it so a saved view opens exactly as it
 * was saved. A view without an owner is shared with the space; at most one shared view per space is
 * its default (a partial unique index), and only a shared view can be the default.
 */
import { savedViewKinds } from "@lattice/domain";
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, oneOfCheck, orderKey, updatedAt } from "./columns.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    /** The person a personal view belongs to; null for a view shared with the space. */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: oneOf("kind", savedViewKinds).notNull(),
    query: text("query").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    position: orderKey("position").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("saved_views_space_idx").on(t.spaceId, t.position),
    uniqueIndex("saved_views_default_key").on(t.spaceId).where(sql`${t.isDefault}`),
    oneOfCheck("saved_views", t.kind, savedViewKinds),
    check("saved_views_default_shared_check", sql`NOT ${t.isDefault} OR ${t.ownerId} IS NULL`),
  ],
);
