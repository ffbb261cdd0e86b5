/**
 * Labels belong to a space; members and owners manage them. Putting labels on cards is the card's
 * own PATCH. Deleting a label takes it off every card (the foreign key cascades), and each of those
 * cards is announced again so boards drop the label.
 */
import { randomUUID } from "node:crypto";
import {
  type Executor,
  loadLabelContext,
  lockSpaceOf,
  type MutationContext,
  persistLabel,
  spaceAccess,
  tables,
} from "@lattice/db";
import type { createLabelBody, updateLabelBody } from "@lattice/domain";
import {
  isRefusal,
  type Label,
  createLabel as mutateCreateLabel,
  deleteLabel as mutateDeleteLabel,
  updateLabel as mutateUpdateLabel,
  type User,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { authorize } from "./authorize.js";

export const toLabel = (row: typeof tables.labels.$inferSelect): Label => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  name: row.name,
  color: row.color,
  serviceLevelDays: row.serviceLevelDays,
});

export const listLabels = async (db: Executor, actor: User, spaceId: string): Promise<Label[]> => {
  authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  const rows = await db
    .select()
    .from(tables.labels)
    .where(eq(tables.labels.spaceId, spaceId))
    .orderBy(asc(tables.labels.name), asc(tables.labels.id));
  return rows.map(toLabel);
};

export const createLabel = async (
  { tx, emit }: MutationContext,
  actor: User,
  spaceId: string,
  input: z.infer<typeof createLabelBody>,
): Promise<Label> => {
  const context = await loadLabelContext(tx, actor.id, { spaceId });
  const result = mutateCreateLabel({ ...context, labelId: randomUUID() }, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistLabel(tx, result.changes.label, "created");
  for (const event of result.events) emit(event);
  return result.changes.label;
};

export const updateLabel = async (
  { tx, emit }: MutationContext,
  actor: User,
  labelId: string,
  input: z.infer<typeof updateLabelBody>,
): Promise<Label> => {
  const context = await loadLabelContext(tx, actor.id, { labelId });
  const result = mutateUpdateLabel(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistLabel(tx, result.changes.label, "updated");
  for (const event of result.events) emit(event);
  return result.changes.label;
};

/** Locked: the cards that carry the label are re-announced with their next version. */
export const deleteLabel = async (
  { tx, emit }: MutationContext,
  actor: User,
  labelId: string,
): Promise<void> => {
  await lockSpaceOf(tx, "label", labelId);
  const context = await loadLabelContext(tx, actor.id, { labelId, withCards: true });
  const result = mutateDeleteLabel(context, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistLabel(tx, result.changes.label, "deleted", result.changes.cards);
  for (const event of result.events) emit(event);
};
