/**
 * The SQL of custom fields: a space's definitions (one reader, `loadSpaceFields`, which anything
 * that copies a space's fields uses), the contexts of the field mutators read in one statement, and
 * the writes. Values are JSON (`jsonb`) whose shape the field's kind decides; a removed option is
 * taken out of the values that name it in the same transaction as the field's change.
 */
import type { CardFieldValues, CustomField, FieldValue, WorkspaceRole } from "@lattice/domain";
import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { executePrepared } from "./prepared.js";
import { cardFieldValues, customFields } from "./schema/index.js";
import { json, peopleFactsOf, readersFrom, roleFactsOf, roleFromFacts, rowsOf, uuids } from "./write-sql.js";

const fieldJson = (alias: string): SQL =>
  sql.raw(`json_build_object('id', ${alias}.id, 'workspaceId', ${alias}.workspace_id, 'spaceId', ${alias}.space_id,
    'name', ${alias}.name, 'kind', ${alias}.kind, 'options', ${alias}.options,
    'showOnCard', ${alias}.show_on_card, 'position', ${alias}.position)`);

/** A json array of a space's fields in their order, as the domain's `CustomField`. */
export const fieldsOf = (spaceId: SQL): SQL => sql`(
  SELECT coalesce(json_agg(${fieldJson("cf")} ORDER BY cf.position COLLATE "C", cf.id), '[]')
  FROM custom_fields cf WHERE cf.space_id = ${spaceId})`;

/** A space's field definitions in order: what the board, the settings and a copy of the space read. */
export const loadSpaceFields = async (db: Executor, spaceId: string): Promise<CustomField[]> => {
  const [row] = rowsOf(await db.execute(sql`SELECT ${fieldsOf(sql`${spaceId}::uuid`)} AS fields`));
  return json<CustomField[]>(row?.fields ?? "[]");
};

/**
 * The values of the given cards of a space (the board's live cards), one entry per card that has
 * any: the board's compact form. One flat JSON text read by the space index and grouped here; a join
 * with cards to leave out archived ones made the planner scan cards once per value.
 */
export const loadBoardFieldValues = async (
  db: Executor,
  spaceId: string,
  cardIds: ReadonlySet<string>,
): Promise<Array<{ cardId: string; values: CardFieldValues }>> => {
  const rows = await executePrepared(db, sql`SELECT ${spaceFieldValueItems(sql`${spaceId}::uuid`)} AS items`);
  return boardFieldValuesOf(String(rows[0]?.items ?? "[]"), cardIds);
};

/** A space's field values as one JSON text of `[cardId, fieldId, value]` items, archived cards' too. */
export const spaceFieldValueItems = (spaceId: SQL): SQL => sql`(
  SELECT coalesce(json_agg(json_build_array(v.card_id, v.field_id, v.value)), '[]')::text
  FROM card_field_values v WHERE v.space_id = ${spaceId})`;

/** The items of `spaceFieldValueItems` of the given cards, grouped by card: the board's compact form. */
export const boardFieldValuesOf = (
  itemsJson: string,
  cardIds: ReadonlySet<string>,
): Array<{ cardId: string; values: CardFieldValues }> => {
  const byCard = new Map<string, CardFieldValues>();
  for (const [cardId, fieldId, value] of json<Array<[string, string, FieldValue]>>(itemsJson)) {
    if (!cardIds.has(cardId)) continue;
    let values = byCard.get(cardId);
    if (!values) {
      values = {};
      byCard.set(cardId, values);
    }
    values[fieldId] = value;
  }
  return [...byCard].map(([cardId, values]) => ({ cardId, values }));
};

export interface LoadedFieldContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  /** The space's fields in order. */
  fields: CustomField[];
  /** The field named by id, when loading by field. */
  field: CustomField | null;
}

export const loadFieldContext = async (
  db: Executor,
  actorId: string,
  of: { spaceId: string } | { fieldId: string },
): Promise<LoadedFieldContext> => {
  const spaceId =
    "spaceId" in of
      ? sql`${of.spaceId}::uuid`
      : sql`(SELECT space_id FROM custom_fields WHERE id = ${of.fieldId}::uuid)`;
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.workspace_id, ${roleFactsOf(sql`s.id`, sql`${actorId}::uuid`)} AS role_facts,
        ${fieldsOf(sql`s.id`)} AS fields
      FROM spaces s WHERE s.id = ${spaceId}`),
  );
  if (!row) return { role: null, space: null, fields: [], field: null };
  const fields = json<CustomField[]>(row.fields);
  return {
    role: roleFromFacts(json(row.role_facts)),
    space: { id: row.id as string, workspaceId: row.workspace_id as string },
    fields,
    field: "fieldId" in of ? (fields.find((f) => f.id === of.fieldId) ?? null) : null,
  };
};

export const persistField = async (
  db: Executor,
  field: CustomField,
  kind: "created" | "updated" | "deleted",
  removedOptionIds: readonly string[] = [],
): Promise<void> => {
  const values = {
    name: field.name,
    options: field.options,
    showOnCard: field.showOnCard,
    position: field.position,
  };
  if (kind === "created") {
    await db.insert(customFields).values({
      id: field.id,
      workspaceId: field.workspaceId,
      spaceId: field.spaceId,
      kind: field.kind,
      ...values,
    });
    return;
  }
  if (kind === "deleted") {
    // The foreign key takes the values with it.
    await db.delete(customFields).where(eq(customFields.id, field.id));
    return;
  }
  await db.update(customFields).set(values).where(eq(customFields.id, field.id));
  if (removedOptionIds.length === 0) return;
  const removed = uuids(removedOptionIds);
  if (field.kind === "single_choice") {
    await db.execute(sql`
      DELETE FROM card_field_values WHERE field_id = ${field.id}::uuid AND (value #>> '{}')::uuid = ANY(${removed})`);
    return;
  }
  await db.execute(sql`
    UPDATE card_field_values SET value = (
      SELECT coalesce(jsonb_agg(e ORDER BY n), '[]'::jsonb)
      FROM jsonb_array_elements(value) WITH ORDINALITY AS kept(e, n)
      WHERE NOT ((e #>> '{}')::uuid = ANY(${removed})))
    WHERE field_id = ${field.id}::uuid AND jsonb_typeof(value) = 'array'`);
  await db.execute(sql`
    DELETE FROM card_field_values WHERE field_id = ${field.id}::uuid AND value = '[]'::jsonb`);
};

export interface LoadedSetFieldContext {
  role: WorkspaceRole | null;
  card: { id: string; spaceId: string; workspaceId: string } | null;
  /** The field when it is one of the card's space. */
  field: CustomField | null;
  /** Of the person named (for a person field), who may read the card's space. */
  readerIds: string[];
  previous: FieldValue | null;
}

/** Everything setting a card's value needs, in one statement. */
export const loadSetFieldContext = async (
  db: Executor,
  actorId: string,
  cardId: string,
  fieldId: string,
  personIds: readonly string[],
): Promise<LoadedSetFieldContext> => {
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT c.id, c.space_id, c.workspace_id,
        ${roleFactsOf(sql`c.space_id`, sql`${actorId}::uuid`)} AS role_facts,
        (SELECT ${fieldJson("cf")} FROM custom_fields cf
          WHERE cf.id = ${fieldId}::uuid AND cf.space_id = c.space_id) AS field,
        (SELECT v.value::text FROM card_field_values v
          WHERE v.card_id = c.id AND v.field_id = ${fieldId}::uuid) AS previous,
        ${peopleFactsOf(sql`c.space_id`, personIds)} AS readers
      FROM cards c WHERE c.id = ${cardId}::uuid`),
  );
  if (!row) return { role: null, card: null, field: null, readerIds: [], previous: null };
  return {
    role: roleFromFacts(json(row.role_facts)),
    card: { id: row.id as string, spaceId: row.space_id as string, workspaceId: row.workspace_id as string },
    field: row.field ? json<CustomField>(row.field) : null,
    readerIds: readersFrom(row.readers),
    // As text: a driver may hand over a JSON string scalar already parsed, indistinguishable from text.
    previous: typeof row.previous === "string" ? (JSON.parse(row.previous) as FieldValue) : null,
  };
};

export const persistCardFieldValue = async (
  db: Executor,
  card: { id: string; spaceId: string; workspaceId: string },
  fieldId: string,
  value: FieldValue | null,
): Promise<void> => {
  if (value === null) {
    await db.execute(sql`
      DELETE FROM card_field_values WHERE card_id = ${card.id}::uuid AND field_id = ${fieldId}::uuid`);
    return;
  }
  await db
    .insert(cardFieldValues)
    .values({ cardId: card.id, fieldId, workspaceId: card.workspaceId, spaceId: card.spaceId, value })
    .onConflictDoUpdate({
      target: [cardFieldValues.cardId, cardFieldValues.fieldId],
      set: { value, updatedAt: sql`now()` },
    });
};
