/**
 * My space: each person's own board of cards from any space they can read. Its columns and the
 * places of cards on it belong to the person alone; the cards stay in their spaces. A placement is
 * kept while its card lives (deleting the card deletes it); whether it is shown is decided at read
 * time from the person's current access and the card's archived state, so a lost access hides the
 * mirror at once and a regained one brings it back where it was.
 *
 * Columns carry no workspace_id: a person's My space spans workspaces. Placements carry the card's
 * workspace_id (kept current when a card moves to another space of its workspace, which never
 * changes workspace), so removing someone from a workspace can be answered by one indexed predicate.
 */
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cards } from "./board.js";
import { createdAt, orderKey } from "./columns.js";
import { workspaces } from "./hierarchy.js";
import { users } from "./users.js";

export const mySpaceColumns = pgTable(
  "my_space_columns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: orderKey("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("my_space_columns_user_idx").on(t.userId, t.position)],
);

export const mySpacePlacements = pgTable(
  "my_space_placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cardId: uuid("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    columnId: uuid("column_id")
      .notNull()
      .references(() => mySpaceColumns.id, { onDelete: "cascade" }),
    position: orderKey("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("my_space_placements_user_card_key").on(t.userId, t.cardId),
    index("my_space_placements_column_idx").on(t.columnId, t.position),
    index("my_space_placements_card_idx").on(t.cardId),
  ],
);
