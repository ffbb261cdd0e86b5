/**
 * Custom field commands: lock the space's channel → load the context in one statement → the
 * domain's mutator (owners define fields; values must suit their field's kind) → persist → emit.
 * The lock comes first so a field's key is computed from committed neighbours and a value's
 * "before" (for the activity) is the committed one.
 */
import { randomUUID } from "node:crypto";
import {
  type Executor,
  loadFieldContext,
  loadSetFieldContext,
  loadSpaceFields,
  lockSpaceOf,
  type MutationContext,
  persistCardFieldValue,
  persistField,
  spaceAccess,
} from "@lattice/db";
import {
  type CardFieldValue,
  type CreateFieldBody,
  type CustomField,
  id,
  isRefusal,
  createField as mutateCreateField,
  deleteField as mutateDeleteField,
  setCardField as mutateSetCardField,
  updateField as mutateUpdateField,
  type SetCardFieldBody,
  type UpdateFieldBody,
  type User,
} from "@lattice/domain";
import { authorize } from "./authorize.js";

export const listFields = async (db: Executor, actor: User, spaceId: string): Promise<CustomField[]> => {
  authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  return loadSpaceFields(db, spaceId);
};

export const createField = async (
  { tx, emit }: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateFieldBody,
): Promise<CustomField> => {
  await lockSpaceOf(tx, "space", spaceId);
  const context = await loadFieldContext(tx, actor.id, { spaceId });
  const result = mutateCreateField(
    { ...context, fieldId: randomUUID(), newId: randomUUID },
    input,
    actor,
    new Date(),
  );
  if (isRefusal(result)) throw result;
  await persistField(tx, result.changes.field, "created");
  for (const event of result.events) emit(event);
  return result.changes.field;
};

export const updateField = async (
  { tx, emit }: MutationContext,
  actor: User,
  fieldId: string,
  input: UpdateFieldBody,
): Promise<CustomField> => {
  await lockSpaceOf(tx, "field", fieldId);
  const context = await loadFieldContext(tx, actor.id, { fieldId });
  const result = mutateUpdateField({ ...context, newId: randomUUID }, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistField(tx, result.changes.field, "updated", result.changes.removedOptionIds);
  for (const event of result.events) emit(event);
  return result.changes.field;
};

export const deleteField = async (
  { tx, emit }: MutationContext,
  actor: User,
  fieldId: string,
): Promise<void> => {
  await lockSpaceOf(tx, "field", fieldId);
  const context = await loadFieldContext(tx, actor.id, { fieldId });
  const result = mutateDeleteField(context, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistField(tx, result.changes.field, "deleted");
  for (const event of result.events) emit(event);
};

export const setCardField = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  fieldId: string,
  input: SetCardFieldBody,
): Promise<CardFieldValue> => {
  await lockSpaceOf(tx, "card", cardId);
  // Only a string can name a person; the mutator checks it is one for a person field.
  const named = typeof input.value === "string" && id.safeParse(input.value).success ? [input.value] : [];
  const context = await loadSetFieldContext(tx, actor.id, cardId, fieldId, named);
  const result = mutateSetCardField(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  // The mutator accepts only a card it found.
  if (context.card) await persistCardFieldValue(tx, context.card, fieldId, result.changes.value);
  for (const event of result.events) emit(event);
  return result.changes;
};
