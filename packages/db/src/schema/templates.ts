/**
 * Templates. A space template's content is JSON checked by the domain's `spaceTemplateContentSchema`
 * on the way in (it names statuses, labels and cards by name or key, never by the ids of a space), so
 * a template outlives the space it was saved from. A card template belongs to its space and names
 * that space's labels and people by id; whatever is gone when it is used is left out.
 */
import type { SpaceTemplateContent } from "@lattice/domain";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.js";
import { spaces, workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const spaceTemplates = pgTable(
  "space_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    content: jsonb("content").$type<SpaceTemplateContent>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("space_templates_workspace_idx").on(t.workspaceId)],
);

export interface CardTemplateContent {
  description: string;
  todos: string[];
  labelIds: string[];
  responsibleId: string | null;
  coworkerIds: string[];
}

export const cardTemplates = pgTable(
  "card_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    content: jsonb("content").$type<CardTemplateContent>().notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("card_templates_space_idx").on(t.spaceId)],
);
