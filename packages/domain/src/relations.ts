/**
 * Card relations: parent → child and previous → next. Both kinds form directed acyclic graphs; a
 * relation that would close a cycle is refused, naming the cycle.
 */
import type { BoardState } from "./board.js";
import type { CardRelation, RelationKind } from "./coordination-schemas.js";

export interface Edge {
  from: string;
  to: string;
}

/**
 * The path that adding `edge` would close into a cycle, as card ids from `edge.from` around to
 * itself (`[a, b, …, a]`), or null when the edge keeps the graph acyclic.
 */
export const findCycle = (edges: readonly Edge[], edge: Edge): string[] | null => {
  if (edge.from === edge.to) return [edge.from, edge.from];
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  // Breadth-first from edge.to looking for edge.from; the parents map rebuilds the shortest path.
  const cameFrom = new Map<string, string>();
  const queue = [edge.to];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === edge.from) {
      const path = [at];
      for (let p = cameFrom.get(at); p !== undefined; p = cameFrom.get(p)) path.unshift(p);
      return [edge.from, ...path];
    }
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      cameFrom.set(n, at);
      queue.push(n);
    }
  }
  return null;
};

export const edgesOf = (relations: readonly CardRelation[], kind: RelationKind): Edge[] =>
  relations.filter((r) => r.kind === kind).map((r) => ({ from: r.fromCardId, to: r.toCardId }));

/** Parents of a card, oldest relation first: the first is the card's default parent. */
export const parentsOf = (relations: readonly CardRelation[], cardId: string): string[] =>
  relations
    .filter((r) => r.kind === "parent" && r.toCardId === cardId)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => r.fromCardId);

export const childrenOf = (relations: readonly CardRelation[], cardId: string): string[] =>
  relations.filter((r) => r.kind === "parent" && r.fromCardId === cardId).map((r) => r.toCardId);

// Children of each card by relation list. A view asks the progress of every card of a board against
// one (immutable) list of relations: the index is built once per list, not once per card.
const childrenIndexes = new WeakMap<readonly CardRelation[], ReadonlyMap<string, readonly string[]>>();

const childrenIndexOf = (relations: readonly CardRelation[]): ReadonlyMap<string, readonly string[]> => {
  const known = childrenIndexes.get(relations);
  if (known) return known;
  const children = new Map<string, string[]>();
  for (const r of relations) {
    if (r.kind !== "parent") continue;
    const list = children.get(r.fromCardId);
    if (list) list.push(r.toCardId);
    else children.set(r.fromCardId, [r.toCardId]);
  }
  childrenIndexes.set(relations, children);
  return children;
};

export interface ProgressInput {
  isCompleted: boolean;
  todoTotal: number;
  todoDone: number;
}

/** Progress of cards, computed once each however many parents share them (see `progressOf`). */
const progressWalker = (
  cards: ReadonlyMap<string, ProgressInput>,
  relations: readonly CardRelation[],
): ((cardId: string) => number) => {
  const children = childrenIndexOf(relations);
  const memo = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const card = cards.get(id);
    if (!card) return 0;
    if (card.isCompleted) return 1;
    // Defensive against a cycle that slipped in: the relation rules forbid one.
    if (path.has(id)) return 0;
    path.add(id);
    const kids = children.get(id) ?? [];
    const parts = card.todoTotal + kids.length;
    const done = card.todoDone + kids.reduce((sum, k) => sum + visit(k, path), 0);
    path.delete(id);
    const value = parts === 0 ? 0 : done / parts;
    memo.set(id, value);
    return value;
  };
  return (cardId) => visit(cardId, new Set());
};

/**
 * Progress from 0 to 1: a completed card is 1; otherwise its to-do items and its child cards count
 * equally, each child at its own progress. A card with neither is 0. Children unknown to `cards`
 * (not loaded) count as 0, which the caller avoids by loading them.
 */
export const progressOf = (
  cardId: string,
  cards: ReadonlyMap<string, ProgressInput>,
  relations: readonly CardRelation[],
): number => progressWalker(cards, relations)(cardId);

/** `progressOf` for every card of `cards` at once: each card's subtree is walked once for the whole board. */
export const progressOfEach = (
  cards: ReadonlyMap<string, ProgressInput>,
  relations: readonly CardRelation[],
): Map<string, number> => {
  const progress = progressWalker(cards, relations);
  const result = new Map<string, number>();
  for (const id of cards.keys()) result.set(id, progress(id));
  return result;
};

/** What progress reads of each card of a board: whether its status completes it, and its to-dos. */
export const progressInputsOfBoard = (
  view: Pick<BoardState, "cards" | "statuses">,
): Map<string, ProgressInput> => {
  const inputs = new Map<string, ProgressInput>();
  for (const card of Object.values(view.cards)) {
    inputs.set(card.id, {
      isCompleted: view.statuses[card.statusId]?.role === "completed",
      todoTotal: card.todoTotal,
      todoDone: card.todoDone,
    });
  }
  return inputs;
};
