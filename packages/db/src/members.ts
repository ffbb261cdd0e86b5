/**
 * The SQL of workspace membership rows: a member with their account's public fields, the owner
 * count the last-owner rule needs, and adding, changing and removing a member (with their space
 * memberships in that workspace). The rules themselves are the caller's.
 */
import type { Member, WorkspaceRole } from "@lattice/domain";
import { and, count, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { toMember } from "./mappers.js";
import { spaceMembers, users, workspaceMembers } from "./schema/index.js";

const memberColumns = {
  workspaceId: workspaceMembers.workspaceId,
  userId: workspaceMembers.userId,
  role: workspaceMembers.role,
  capacityPerWeek: workspaceMembers.capacityPerWeek,
  createdAt: workspaceMembers.createdAt,
  email: users.email,
  name: users.name,
  color: users.color,
};

const isMembership = (workspaceId: string, userId: string): SQL | undefined =>
  and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId));

export const ownerCount = async (db: Executor, workspaceId: string): Promise<number> => {
  const [row] = await db
    .select({ value: count() })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner")));
  return row?.value ?? 0;
};

/** A member of the workspace with their account's public fields, or null. */
export const memberOf = async (db: Executor, workspaceId: string, userId: string): Promise<Member | null> => {
  const [row] = await db
    .select(memberColumns)
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(isMembership(workspaceId, userId));
  return row ? toMember(row) : null;
};

/** The workspace's members by name. */
export const membersOf = async (db: Executor, workspaceId: string): Promise<Member[]> =>
  (
    await db
      .select(memberColumns)
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(eq(workspaceMembers.workspaceId, workspaceId))
      .orderBy(users.name)
  ).map(toMember);

/**
 * The account with this (lower-cased) address, when it shares a workspace with `actorId`; else null
 * (with or without an account: the caller's answer must not tell them apart).
 */
export const coMemberByEmail = async (
  db: Executor,
  actorId: string,
  email: string,
): Promise<typeof users.$inferSelect | null> => {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(sql`lower(${users.email})`, email),
        sql`EXISTS (
          SELECT 1 FROM ${workspaceMembers} theirs
          JOIN ${workspaceMembers} mine ON mine.workspace_id = theirs.workspace_id
          WHERE theirs.user_id = ${users.id} AND mine.user_id = ${actorId}
        )`,
      ),
    );
  return user ?? null;
};

/** Adds a membership row; returns it. */
export const insertMembership = async (
  db: Executor,
  values: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<typeof workspaceMembers.$inferSelect> => {
  const [row] = await db.insert(workspaceMembers).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
};

export const updateMembership = async (
  db: Executor,
  workspaceId: string,
  userId: string,
  changes: { role: WorkspaceRole; capacityPerWeek: number | null },
): Promise<void> => {
  await db.update(workspaceMembers).set(changes).where(isMembership(workspaceId, userId));
};

/** Removes a member and their space memberships in that workspace. */
export const deleteMembership = async (db: Executor, workspaceId: string, userId: string): Promise<void> => {
  await db.delete(workspaceMembers).where(isMembership(workspaceId, userId));
  await db
    .delete(spaceMembers)
    .where(and(eq(spaceMembers.workspaceId, workspaceId), eq(spaceMembers.userId, userId)));
};
