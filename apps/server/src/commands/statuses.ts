/**
 * Status (column) commands: lock the space's channel → load the context in one statement → the
 * domain's mutator (who may manage columns, where a column goes, which may be removed) → persist →
 * emit. The lock comes first so a column's key is computed from committed neighbours.
 */

import { randomUUID } from "node:crypto";
import { loadStatusContext, lockSpaceOf, type MutationContext, persistStatus } from "@lattice/db";
import {
  type CreateStatusBody,
  isRefusal,
  createStatus as mutateCreateStatus,
  deleteStatus as mutateDeleteStatus,
  updateStatus as mutateUpdateStatus,
  type Status,
  type UpdateStatusBody,
  type User,
} from "@lattice/domain";

export const createStatus = async (
  { tx, emit }: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateStatusBody,
): Promise<Status> => {
  await lockSpaceOf(tx, "space", spaceId);
  const context = await loadStatusContext(tx, actor.id, { spaceId });
  const result = mutateCreateStatus({ ...context, statusId: randomUUID() }, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistStatus(tx, result.changes.status, "created");
  for (const event of result.events) emit(event);
  return result.changes.status;
};

export const updateStatus = async (
  { tx, emit }: MutationContext,
  actor: User,
  statusId: string,
  input: UpdateStatusBody,
): Promise<Status> => {
  await lockSpaceOf(tx, "status", statusId);
  const context = await loadStatusContext(tx, actor.id, { statusId });
  const result = mutateUpdateStatus(context, input, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistStatus(tx, result.changes.status, "updated");
  for (const event of result.events) emit(event);
  return result.changes.status;
};

export const deleteStatus = async (
  { tx, emit }: MutationContext,
  actor: User,
  statusId: string,
): Promise<void> => {
  await lockSpaceOf(tx, "status", statusId);
  const context = await loadStatusContext(tx, actor.id, { statusId });
  const result = mutateDeleteStatus(
    { ...context, statusCount: context.statuses.length },
    {},
    actor,
    new Date(),
  );
  if (isRefusal(result)) throw result;
  await persistStatus(tx, result.changes.status, "deleted");
  for (const event of result.events) emit(event);
};
