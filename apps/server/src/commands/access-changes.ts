import { type MutationContext, tables } from "@lattice/db";
import { draft, spaceChannel, workspaceChannel } from "@lattice/domain";
import { eq } from "drizzle-orm";

/**
 * Appends `access.changed` to every channel whose readers may have changed: the workspace channel
 * and each of its space channels, or just the given spaces. The hub re-checks the subscribers of
 * each channel when the event comes up in sequence, so nobody receives a later event they may no
 * longer read.
 */
export const announceAccessChange = async (
  { tx, emit }: MutationContext,
  workspaceId: string,
  userId: string | null,
  onlySpaceIds?: string[],
): Promise<void> => {
  const payload = { workspaceId, userId };
  const spaceIds =
    onlySpaceIds ??
    (
      await tx
        .select({ id: tables.spaces.id })
        .from(tables.spaces)
        .where(eq(tables.spaces.workspaceId, workspaceId))
    ).map((s) => s.id);
  if (!onlySpaceIds) emit(draft(workspaceChannel(workspaceId), "access.changed", payload));
  for (const id of spaceIds) emit(draft(spaceChannel(id), "access.changed", payload));
};
