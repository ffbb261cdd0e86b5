/**
 * What card fronts and the card panel share beyond the board itself: the workspace's members (the
 * people to choose from) and the space's labels, both queries kept live by their channels' events
 * (api/members.ts, api/labels.ts), and per-board derived facts (progress, date conflicts) computed
 * once per board state, not once per card.
 */
import {
  type BoardState,
  type Card,
  type CardRelation,
  type DateConflict,
  dateConflicts,
  eventCardId,
  type Label,
  type Member,
  progressInputsOfBoard,
  progressOfEach,
} from "@lattice/domain";
import { useEffect, useRef } from "react";
import { useSpaceLabels } from "../../api/labels";
import { useWorkspaceMembers } from "../../api/members";
import { onBoardEvent } from "../../store/board";
import { useWorkspaces } from "../../store/workspaces";
import type { WireEvent } from "../../sync/channels";

/**
 * The workspace's members, by name. Their member.* events come on the workspace channel, which is
 * followed while its tree is loaded: the tree is loaded if it is not.
 */
export const useMembers = (workspaceId: string): Member[] => {
  useEffect(() => {
    const workspaces = useWorkspaces.getState();
    if (!workspaces.trees[workspaceId]) void workspaces.loadTree(workspaceId);
  }, [workspaceId]);
  return useWorkspaceMembers(workspaceId).members;
};

/** The space's labels, by name (kept live by the space channel's label.* events). */
export const useLabels = (spaceId: string): Label[] => useSpaceLabels(spaceId);

/**
 * Calls `handler` for each live event of the open space about `cardId` whose type starts with one of
 * `prefixes` (relation events count for both of their cards).
 */
export const useCardEvents = (
  cardId: string,
  prefixes: readonly string[],
  handler: (event: WireEvent) => void,
) => {
  const key = prefixes.join(",");
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    const wanted = key.split(",");
    return onBoardEvent((event) => {
      if (!wanted.some((p) => event.type.startsWith(p))) return;
      if (event.type === "relation.created" || event.type === "relation.deleted") {
        const r = event.payload.relation;
        if (r.fromCardId !== cardId && r.toCardId !== cardId) return;
      } else if (eventCardId(event) !== cardId) return;
      handlerRef.current(event);
    });
  }, [cardId, key]);
};

// ---------- derived board facts ----------

interface Derived {
  relations: CardRelation[];
  /** Every card's progress, computed for the whole board the first time one is asked for. */
  progress: Map<string, number> | null;
  conflicts: Map<string, DateConflict[]> | null;
  childCount: Map<string, number>;
}

const derivedByView = new WeakMap<BoardState, Derived>();

const derivedOf = (view: BoardState): Derived => {
  let d = derivedByView.get(view);
  if (!d) {
    const relations = Object.values(view.relations ?? {});
    const childCount = new Map<string, number>();
    for (const r of relations) {
      if (r.kind === "parent") childCount.set(r.fromCardId, (childCount.get(r.fromCardId) ?? 0) + 1);
    }
    d = { relations, progress: null, conflicts: null, childCount };
    derivedByView.set(view, d);
  }
  return d;
};

/** Progress 0..1 of a card of the board, or null when it has neither to-dos nor children. */
export const boardProgress = (view: BoardState, card: Card): number | null => {
  const d = derivedOf(view);
  const isCompleted = view.statuses[card.statusId]?.role === "completed";
  const children = d.childCount.get(card.id) ?? 0;
  if (card.todoTotal === 0 && children === 0) return null;
  if (isCompleted) return 1;
  d.progress ??= progressOfEach(progressInputsOfBoard(view), d.relations);
  return d.progress.get(card.id) ?? 0;
};

const noConflicts: DateConflict[] = [];

/** Date conflicts of a card with its related cards on this board (the same array while unchanged). */
export const boardConflicts = (view: BoardState, cardId: string): DateConflict[] => {
  const d = derivedOf(view);
  if (!d.conflicts) {
    const map = new Map<string, DateConflict[]>();
    if (d.relations.length > 0) {
      for (const c of dateConflicts(Object.values(view.cards), d.relations)) {
        const list = map.get(c.cardId);
        if (list) list.push(c);
        else map.set(c.cardId, [c]);
      }
    }
    d.conflicts = map;
  }
  return d.conflicts.get(cardId) ?? noConflicts;
};
