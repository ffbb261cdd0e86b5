/**
 * Follows the spaces a Workload view shows from the seqs its reply named. A card's own change
 * (`card.updated`: a teammate dragged it, changed its dates or people) is handed over at once so the
 * view redraws it without asking the server; anything else (a card created, moved to another status,
 * blocked, deleted) asks for the view again. A channel something else already follows is left to it.
 */
import { type Card, type Channel, spaceChannel } from "@lattice/domain";
import { useEffect, useRef } from "react";
import { sync } from "../../sync/live";

export interface LiveHandlers {
  onCard: (card: Card) => void;
  onOther: () => void;
}

export const useLiveWorkload = (
  watch: ReadonlyArray<{ id: string; seq: number }> | null,
  handlers: LiveHandlers,
) => {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const mine = useRef(new Set<Channel>());
  useEffect(() => {
    if (!watch) return;
    const wanted = new Set<Channel>();
    for (const { id, seq } of watch) {
      const channel = spaceChannel(id);
      wanted.add(channel);
      if (sync.registry.has(channel)) continue;
      mine.current.add(channel);
      sync.registry.subscribe(channel, seq, {
        apply: (event) => {
          if (event.type === "card.updated") handlersRef.current.onCard(event.payload.card);
          else handlersRef.current.onOther();
        },
        reload: async (latest) => {
          handlersRef.current.onOther();
          return latest;
        },
        onLost: () => handlersRef.current.onOther(),
      });
    }
    for (const channel of mine.current) {
      if (wanted.has(channel)) continue;
      sync.registry.unsubscribe(channel);
      mine.current.delete(channel);
    }
  }, [watch]);
  useEffect(
    () => () => {
      for (const channel of mine.current) sync.registry.unsubscribe(channel);
      mine.current.clear();
    },
    [],
  );
};
