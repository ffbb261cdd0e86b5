/** The members of the workspace and the labels of the space, for filters and swimlanes. */
import type { Label, Member } from "@lattice/domain";
import { useMemo } from "react";
import { useLabels, useMembers } from "../card-detail/coordination-store";

/** The same live lists the card panel's pickers use (kept current by member.* and label.* events). */
export const useSpaceMeta = (
  workspaceId: string,
  spaceId: string,
): { members: Member[]; labels: Label[] } => {
  const members = useMembers(workspaceId);
  const labels = useLabels(spaceId);
  return useMemo(() => ({ members, labels }), [members, labels]);
};
