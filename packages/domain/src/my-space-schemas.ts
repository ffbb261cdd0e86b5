/**
 * My space: a person's own board. Its columns and the places of cards on it are the person's alone
 * (events on `user:<id>` only); the cards shown there are mirrors of cards that stay in their spaces,
 * read as they are now, and only while the person may read them.
 */
import { z } from "zod";
import { labelSchema } from "./coordination-schemas.js";
import { statusRoles } from "./roles.js";
import { cardSchema, id, requiredText } from "./schemas.js";

export const mySpaceLimits = {
  columnNameMax: 60,
  /** Columns per person. */
  columnsMax: 30,
  /** Cards placed per person. */
  placementsMax: 2000,
  /** Suggestions offered at most. */
  suggestionsMax: 50,
} as const;

/** The columns a person's My space starts with, on first open. */
export const defaultMySpaceColumns = ["To do", "This week", "Doing", "Done"] as const;

export const mySpaceColumnSchema = z.object({
  id,
  name: z.string(),
  position: z.string(),
});
export type MySpaceColumn = z.infer<typeof mySpaceColumnSchema>;

export const mySpacePlacementSchema = z.object({
  cardId: id,
  columnId: id,
  position: z.string(),
});
export type MySpacePlacement = z.infer<typeof mySpacePlacementSchema>;

/** A card's place on the caller's My space, as the card panel shows it. */
export const cardMySpaceSchema = mySpacePlacementSchema.extend({ columnName: z.string() });
export type CardMySpace = z.infer<typeof cardMySpaceSchema>;

/** A card as it is in its own space, with what the mirror shows beside it. */
export const mirrorCardSchema = cardSchema.extend({
  spaceName: z.string(),
  statusName: z.string(),
  statusRole: z.enum(statusRoles),
});
export type MirrorCard = z.infer<typeof mirrorCardSchema>;

export const mySpaceSchema = z.object({
  columns: z.array(mySpaceColumnSchema),
  /** Only placements of cards the person may read now and that are not archived, by column and position. */
  placements: z.array(mySpacePlacementSchema),
  /** The placed cards, then the suggested ones. */
  cards: z.array(mirrorCardSchema),
  /**
   * Ids of open cards (not started, in progress, information) where the person is responsible or a
   * co-worker and that are not on My space yet, the soonest due first.
   */
  suggestions: z.array(id),
  /** Labels the cards carry. */
  labels: z.array(labelSchema),
  /** Names of the people the cards name (responsible, co-workers). */
  people: z.array(z.object({ id, name: z.string() })),
  /** The spaces of those cards, with their channel's seq when read: follow `space:<id>` since it. */
  spaces: z.array(z.object({ id, seq: z.number().int() })),
  /** The person's own channel's seq when read. */
  seq: z.number().int(),
});
export type MySpace = z.infer<typeof mySpaceSchema>;

const neighbours = {
  afterId: id.nullable().optional(),
  beforeId: id.nullable().optional(),
};

export const createMySpaceColumnBody = z
  .object({ name: requiredText(mySpaceLimits.columnNameMax), ...neighbours })
  .strict();
export type CreateMySpaceColumnBody = z.infer<typeof createMySpaceColumnBody>;

/** Rename and/or reorder (afterId / beforeId name other columns). */
export const updateMySpaceColumnBody = z
  .object({ name: requiredText(mySpaceLimits.columnNameMax).optional(), ...neighbours })
  .strict();
export type UpdateMySpaceColumnBody = z.infer<typeof updateMySpaceColumnBody>;

/**
 * Puts a card on My space, or moves it there: afterId / beforeId name cards in that column. No
 * column: the first one (made with the defaults if the person never opened My space).
 */
export const placeOnMySpaceBody = z.object({ columnId: id.optional(), ...neighbours }).strict();
export type PlaceOnMySpaceBody = z.infer<typeof placeOnMySpaceBody>;
