/**
 * What every planning view of a space (list, calendar, Gantt) needs: the board store loaded for the
 * space and followed live (the same store and channel as the board), the person's rights, the
 * relations, today's date, and the space's members and labels for names and colours.
 */
import { Action, type BoardState, type CardRelation, can, type Label, type Member } from "@lattice/domain";
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { spaceBoardReply } from "../../api/board-reply";
import { request } from "../../api/client";
import { useBoard } from "../../store/board";
import { useLiveBoard } from "../../sync/live";
import { localToday } from "../filters/dates";
import { useSpaceMeta } from "../filters/use-space-meta";

/**
 * Relations of the space. The board store keeps `view.relations` when its snapshot carries them; until
 * it does (or while it has none) they are read once from the board snapshot here.
 */
const useRelations = (spaceId: string, view: BoardState, isReady: boolean): CardRelation[] => {
  const [fetched, setFetched] = useState<{ spaceId: string; relations: CardRelation[] } | null>(null);
  const fromStore = view.relations;
  const hasStoreRelations = fromStore !== undefined && Object.keys(fromStore).length > 0;
  useEffect(() => {
    if (!isReady || hasStoreRelations) return;
    let isCurrent = true;
    request("GET", `/api/spaces/${spaceId}/board`, spaceBoardReply)
      .then((board) => {
        if (isCurrent) setFetched({ spaceId, relations: board.relations });
      })
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [spaceId, isReady, hasStoreRelations]);
  return useMemo(() => {
    if (hasStoreRelations) return Object.values(fromStore ?? {});
    if (fetched?.spaceId !== spaceId) return [];
    // Drop relations whose cards left the space since.
    return fetched.relations.filter((r) => view.cards[r.fromCardId] || view.cards[r.toCardId]);
  }, [hasStoreRelations, fromStore, fetched, spaceId, view.cards]);
};

export interface SpaceMeta {
  members: Member[];
  labels: Label[];
}

export const useSpaceView = (workspaceId: string, spaceId: string) => {
  const navigate = useNavigate();
  const status = useBoard((s) => s.status);
  const error = useBoard((s) => s.error);
  const role = useBoard((s) => s.role);
  const view = useBoard((s) => s.view);
  const boardSpaceId = useBoard((s) => s.spaceId);
  const load = useBoard((s) => s.load);

  useLiveBoard(spaceId, () => navigate(`/w/${workspaceId}`));
  useEffect(() => {
    void load(spaceId);
  }, [spaceId, load]);

  const isCurrent = boardSpaceId === spaceId;
  const isLoading = !isCurrent || status === "loading" || status === "idle";
  const isReady = isCurrent && status === "ready";
  const relations = useRelations(spaceId, view, isReady);
  const meta: SpaceMeta = useSpaceMeta(workspaceId, spaceId);
  const [today] = useState(localToday);

  return {
    view,
    relations,
    meta,
    today,
    isLoading,
    isError: isCurrent && status === "error",
    error,
    canWrite: can(role, Action.writeCards),
  };
};
