/**
 * Custom fields: per space, named fields of a fixed kind that every card of the space may carry a
 * value for. A value is plain JSON whose shape the kind decides (see `FieldValue`); the kind itself
 * never changes once the field exists, so stored values always match it.
 */
import { z } from "zod";
import { boardWithRelationsSchema, labelColor } from "./coordination-schemas.js";
import { id, plainText, requiredText } from "./schemas.js";

export const fieldKinds = [
  "text",
  "number",
  "date",
  "single_choice",
  "multi_choice",
  "person",
  "link",
] as const;
export type FieldKind = (typeof fieldKinds)[number];

export const choiceKinds: readonly FieldKind[] = ["single_choice", "multi_choice"];
export const isChoiceKind = (kind: FieldKind): boolean => choiceKinds.includes(kind);

export const fieldLimits = { nameMax: 60, optionsMax: 50, textMax: 2000, linkMax: 2000 } as const;

export const fieldOptionSchema = z.object({ id, name: z.string(), color: z.string() });
export type FieldOption = z.infer<typeof fieldOptionSchema>;

export const customFieldSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  name: z.string(),
  kind: z.enum(fieldKinds),
  /** The choices of a choice field, in the order people see them; empty for other kinds. */
  options: z.array(fieldOptionSchema),
  /** Whether the value shows on the card's front (its board tile). */
  showOnCard: z.boolean(),
  position: z.string(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

/**
 * A value as stored and sent: text, date (YYYY-MM-DD), link and single choice (an option id) and
 * person (a user id) are strings, number a number, multiple choice a list of option ids.
 */
export const fieldValueSchema = z.union([
  plainText(fieldLimits.textMax),
  z.number(),
  z.array(id).max(fieldLimits.optionsMax, `must name at most ${fieldLimits.optionsMax} options`),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/** A field's values by field id, for one card. */
export type CardFieldValues = Record<string, FieldValue>;

/** An option as a request names it: with its id to keep (and rename or recolour) one, without for a new one. */
const optionInput = z
  .object({ id: id.optional(), name: requiredText(fieldLimits.nameMax), color: labelColor })
  .strict();
export type FieldOptionInput = z.infer<typeof optionInput>;

const options = z
  .array(optionInput)
  .max(fieldLimits.optionsMax, `must have at most ${fieldLimits.optionsMax} options`);

const placement = { afterId: id.nullable().optional(), beforeId: id.nullable().optional() };

/** POST /api/spaces/:id/fields */
export const createFieldBody = z
  .object({
    name: requiredText(fieldLimits.nameMax),
    kind: z.enum(fieldKinds),
    options: options.optional(),
    showOnCard: z.boolean().optional(),
    ...placement,
  })
  .strict();
export type CreateFieldBody = z.infer<typeof createFieldBody>;

/** PATCH /api/fields/:id: rename, change the options (the whole list), show on the front, reorder. */
export const updateFieldBody = z
  .object({
    name: requiredText(fieldLimits.nameMax).optional(),
    options: options.optional(),
    showOnCard: z.boolean().optional(),
    ...placement,
  })
  .strict();
export type UpdateFieldBody = z.infer<typeof updateFieldBody>;

/** PUT /api/cards/:id/fields/:fieldId: the card's new value of the field; null clears it. */
export const setCardFieldBody = z.object({ value: fieldValueSchema.nullable() }).strict();
export type SetCardFieldBody = z.infer<typeof setCardFieldBody>;

export const cardFieldParams = z.object({ id, fieldId: id });

/** The reply of a value change: the card's value of the field after it (null: none). */
export const cardFieldValueSchema = z.object({ cardId: id, fieldId: id, value: fieldValueSchema.nullable() });
export type CardFieldValue = z.infer<typeof cardFieldValueSchema>;

export const fieldListSchema = z.object({ items: z.array(customFieldSchema) });

/** The board's field values: one entry per live card that has at least one value (compact). */
export const boardFieldValuesSchema = z.array(
  z.object({ cardId: id, values: z.record(z.string(), fieldValueSchema) }),
);

/** GET /api/spaces/:id/board: the board with the space's fields and the values its cards carry. */
export const spaceBoardSchema = boardWithRelationsSchema.extend({
  fields: z.array(customFieldSchema),
  fieldValues: boardFieldValuesSchema,
});
export type SpaceBoard = z.infer<typeof spaceBoardSchema>;
