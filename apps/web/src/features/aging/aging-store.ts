/**
 * Each in-progress card's age and risk for the spaces on screen, from one request per space (the
 * aging chart's reply: no request per card). Asked again when the space changes in a way that can
 * change an age, a target or a risk (a move, a label or target change, a blocking).
 */
import type { AgingRisk } from "@lattice/domain";
import { useCallback, useEffect } from "react";
import { create } from "zustand";
import { chartsApi } from "../../api/charts";
import { onBoardEvent } from "../../store/board";

export interface CardAging {
  ageDays: number;
  risk: AgingRisk | null;
}

interface AgingState {
  /** Space id → card id → its aging (only in-progress cards are listed). */
  bySpace: Record<string, Record<string, CardAging>>;
  set: (spaceId: string, cards: Record<string, CardAging>) => void;
}

export const useAgingStore = create<AgingState>((set) => ({
  bySpace: {},
  set: (spaceId, cards) => set((s) => ({ bySpace: { ...s.bySpace, [spaceId]: cards } })),
}));

const agingEvents = new Set([
  "card.created",
  "card.moved",
  "card.updated",
  "card.deleted",
  "card.moved_in",
  "card.moved_out",
  "card.restored",
  "space.updated",
  "status.updated",
  "label.updated",
  "label.deleted",
  "blocking.created",
  "blocking.cleared",
]);

export const loadSpaceAging = async (spaceId: string, signal?: AbortSignal): Promise<void> => {
  const reply = await chartsApi.agingChart(spaceId, {}, signal);
  const cards: Record<string, CardAging> = {};
  for (const dot of reply.dots) cards[dot.cardId] = { ageDays: dot.ageDays, risk: dot.risk };
  useAgingStore.getState().set(spaceId, cards);
};

/** Keeps the space's card agings loaded while the calling view is shown. */
export const useSpaceAging = (spaceId: string): void => {
  useEffect(() => {
    if (!spaceId) return;
    let controller = new AbortController();
    let timer: number | undefined;
    const load = () => {
      controller.abort();
      controller = new AbortController();
      // A failure leaves the badges as they were; the next change asks again.
      loadSpaceAging(spaceId, controller.signal).catch(() => undefined);
    };
    load();
    const stop = onBoardEvent((event) => {
      if (!agingEvents.has(event.type)) return;
      // A burst of changes (a drag, an import) asks once.
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 300);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [spaceId]);
};

export const useCardAging = (spaceId: string, cardId: string): CardAging | undefined =>
  useAgingStore((s) => s.bySpace[spaceId]?.[cardId]);

/** Whether a card is amber or red now (the board's "At risk" filter). */
export const isCardAtRisk = (aging: CardAging | undefined): boolean =>
  aging?.risk === "at_risk" || aging?.risk === "breached";

const noAgings: Readonly<Record<string, CardAging>> = {};

/** The space's card agings (a stable object until they are loaded again). */
export const useSpaceAgings = (spaceId: string): Readonly<Record<string, CardAging>> =>
  useAgingStore((s) => s.bySpace[spaceId] ?? noAgings);

/** A test of "is this card of the space at risk", for the filters. */
export const useAtRisk = (spaceId: string): ((cardId: string) => boolean) => {
  const agings = useSpaceAgings(spaceId);
  return useCallback((cardId: string) => isCardAtRisk(agings[cardId]), [agings]);
};
