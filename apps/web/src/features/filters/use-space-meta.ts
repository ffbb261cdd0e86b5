/** The members of the workspace and the labels of the space, for filters and swimlanes. */
import type { Label, Member } from "@lattice/domain";
import { useEffect, useState } from "react";
import { findApi } from "../../api/search";

export const useSpaceMeta = (workspaceId: string, spaceId: string) => {
  const [members, setMembers] = useState<Member[]>([]);
  const [labels, setLabels] = useState<Label[]>([]);
  useEffect(() => {
    let isCurrent = true;
    findApi.members(workspaceId).then(
      (list) => {
        if (isCurrent) setMembers([...list].sort((a, b) => a.name.localeCompare(b.name)));
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [workspaceId]);
  useEffect(() => {
    let isCurrent = true;
    findApi.labels(spaceId).then(
      (list) => {
        if (isCurrent) setLabels(list);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [spaceId]);
  return { members, labels };
};
