/**
 * Turns a person's intent ("move up", "to Done") into the request the server understands
 * (target status + the neighbour to sit after/before) and the fractional key the card will most
 * likely get, so the board can show the move before the server answers. The server computes the
 * real key from the same neighbours; the optimistic one is replaced by the returned card.
 */
import {
  type BoardState,
  boardColumns,
  type Card,
  keyBetween,
  type MoveCardBody,
  type Status,
} from "@lattice/domain";

export type MoveIntent =
  | { kind: "up" }
  | { kind: "down" }
  | { kind: "top" }
  | { kind: "bottom" }
  | { kind: "status"; statusId: string }
  /** Where a drag dropped it: after/before a neighbour in `statusId` (neither: an empty column). */
  | { kind: "place"; statusId: string; afterId: string | null; beforeId: string | null };

export interface PlannedMove {
  body: MoveCardBody;
  position: string;
}

/** A key strictly between two neighbours, tolerating equal or missing keys from a corrupt order. */
const safeKeyBetween = (before: string | null, after: string | null): string => {
  try {
    return keyBetween(before, after);
  } catch {
    return keyBetween(before, null);
  }
};

export const planMove = (state: BoardState, cardId: string, intent: MoveIntent): PlannedMove | null => {
  const card = state.cards[cardId];
  if (!card) return null;
  const columns = boardColumns(state);
  const targetStatusId =
    intent.kind === "status" || intent.kind === "place" ? intent.statusId : card.statusId;
  const column = columns.find((c) => c.status.id === targetStatusId);
  if (!column) return null;
  const others = column.cards.filter((c) => c.id !== cardId);
  const index = column.cards.findIndex((c) => c.id === cardId);

  const after = (neighbour: Card, next: Card | undefined): PlannedMove => ({
    body: { statusId: targetStatusId, afterId: neighbour.id },
    position: safeKeyBetween(neighbour.position, next?.position ?? null),
  });
  const before = (neighbour: Card, previous: Card | undefined): PlannedMove => ({
    body: { statusId: targetStatusId, beforeId: neighbour.id },
    position: safeKeyBetween(previous?.position ?? null, neighbour.position),
  });
  const bottom = (): PlannedMove => ({
    body: { statusId: targetStatusId },
    position: safeKeyBetween(others.at(-1)?.position ?? null, null),
  });

  switch (intent.kind) {
    case "place": {
      const previous = intent.afterId ? others.find((c) => c.id === intent.afterId) : undefined;
      const next = intent.beforeId ? others.find((c) => c.id === intent.beforeId) : undefined;
      if (previous) return after(previous, others[others.indexOf(previous) + 1]);
      if (next) return before(next, others[others.indexOf(next) - 1]);
      if (others.length > 0) return null;
      return intent.statusId === card.statusId ? null : bottom();
    }
    case "status": {
      if (intent.statusId === card.statusId) return null;
      return bottom();
    }
    case "up": {
      const previous = column.cards[index - 1];
      if (index <= 0 || !previous) return null;
      return before(previous, column.cards[index - 2]);
    }
    case "down": {
      const next = column.cards[index + 1];
      if (index < 0 || !next) return null;
      return after(next, column.cards[index + 2]);
    }
    case "top": {
      const first = others[0];
      if (index === 0 || !first) return null;
      return before(first, undefined);
    }
    case "bottom": {
      if (index === column.cards.length - 1 || others.length === 0) return null;
      return bottom();
    }
  }
};

/** One step left/right, or where a header drag dropped the column (after or before a neighbour). */
export type StatusIntent = "up" | "down" | { afterId: string } | { beforeId: string };

/** The same planning for a column among the columns of a space. */
export const planStatusMove = (
  state: BoardState,
  statusId: string,
  intent: StatusIntent,
): { body: { afterId: string } | { beforeId: string }; position: string } | null => {
  const statuses: Status[] = boardColumns(state).map((c) => c.status);
  const index = statuses.findIndex((s) => s.id === statusId);
  if (index < 0) return null;
  if (typeof intent === "object") {
    const others = statuses.filter((s) => s.id !== statusId);
    if ("afterId" in intent) {
      const i = others.findIndex((s) => s.id === intent.afterId);
      const previous = others[i];
      if (!previous) return null;
      return {
        body: { afterId: previous.id },
        position: safeKeyBetween(previous.position, others[i + 1]?.position ?? null),
      };
    }
    const i = others.findIndex((s) => s.id === intent.beforeId);
    const next = others[i];
    if (!next) return null;
    return {
      body: { beforeId: next.id },
      position: safeKeyBetween(others[i - 1]?.position ?? null, next.position),
    };
  }
  if (intent === "up") {
    const previous = statuses[index - 1];
    if (!previous) return null;
    return {
      body: { beforeId: previous.id },
      position: safeKeyBetween(statuses[index - 2]?.position ?? null, previous.position),
    };
  }
  const next = statuses[index + 1];
  if (!next) return null;
  return {
    body: { afterId: next.id },
    position: safeKeyBetween(next.position, statuses[index + 2]?.position ?? null),
  };
};
