import { type MutationContext, spaceAccess, statusAccess, tables, toStatus } from "@lattice/db";
import {
  type CreateStatusBody,
  DomainError,
  draft,
  ErrorCode,
  positionAmong,
  type Status,
  spaceChannel,
  type UpdateStatusBody,
  type User,
} from "@lattice/domain";
import { asc, count, eq } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";

type Tx = MutationContext["tx"];

const siblingStatuses = (tx: Tx, spaceId: string) =>
  tx
    .select({ id: tables.statuses.id, position: tables.statuses.position })
    .from(tables.statuses)
    .where(eq(tables.statuses.spaceId, spaceId))
    .orderBy(asc(tables.statuses.position));

export const createStatus = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateStatusBody,
): Promise<Status> => {
  await lock(spaceChannel(spaceId));
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "manage_statuses", "Space");
  const placed = positionAmong(await siblingStatuses(tx, spaceId), input);
  if ("invalidField" in placed)
    throw invalidField(`body.${placed.invalidField}`, "is not a status of this space");
  const [row] = await tx
    .insert(tables.statuses)
    .values({
      workspaceId: space.workspaceId,
      spaceId,
      name: input.name,
      role: input.role,
      wipLimit: input.wipLimit ?? null,
      position: placed.position,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const status = toStatus(row);
  emit(draft(spaceChannel(spaceId), "status.created", { status }));
  return status;
};

export const updateStatus = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  statusId: string,
  input: UpdateStatusBody,
): Promise<Status> => {
  const before = await statusAccess(tx, actor.id, statusId);
  if (before) await lock(spaceChannel(before.status.spaceId));
  const { status } = authorize(await statusAccess(tx, actor.id, statusId), "manage_statuses", "Status");
  const changes: Partial<typeof tables.statuses.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.role !== undefined) changes.role = input.role;
  if (input.wipLimit !== undefined) changes.wipLimit = input.wipLimit;
  if (input.afterId !== undefined || input.beforeId !== undefined) {
    const placed = positionAmong(await siblingStatuses(tx, status.spaceId), input, statusId);
    if ("invalidField" in placed)
      throw invalidField(`body.${placed.invalidField}`, "is not a status of this space");
    changes.position = placed.position;
  }
  const [row] =
    Object.keys(changes).length > 0
      ? await tx.update(tables.statuses).set(changes).where(eq(tables.statuses.id, statusId)).returning()
      : [status];
  if (!row) throw new Error("status vanished inside its own lock");
  const updated = toStatus(row);
  emit(draft(spaceChannel(status.spaceId), "status.updated", { status: updated }));
  return updated;
};

export const deleteStatus = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  statusId: string,
): Promise<void> => {
  const before = await statusAccess(tx, actor.id, statusId);
  if (before) await lock(spaceChannel(before.status.spaceId));
  const { status } = authorize(await statusAccess(tx, actor.id, statusId), "manage_statuses", "Status");
  const [cardCount] = await tx
    .select({ value: count() })
    .from(tables.cards)
    .where(eq(tables.cards.statusId, statusId));
  if ((cardCount?.value ?? 0) > 0) {
    throw new DomainError(
      ErrorCode.statusNotEmpty,
      `"${status.name}" still holds ${cardCount?.value} card(s), archived ones included; move or delete them first`,
    );
  }
  const [statusCount] = await tx
    .select({ value: count() })
    .from(tables.statuses)
    .where(eq(tables.statuses.spaceId, status.spaceId));
  if ((statusCount?.value ?? 0) <= 1)
    throw new DomainError(ErrorCode.lastStatus, "A space needs at least one status");
  await tx.delete(tables.statuses).where(eq(tables.statuses.id, statusId));
  emit(draft(spaceChannel(status.spaceId), "status.deleted", { statusId, spaceId: status.spaceId }));
};
