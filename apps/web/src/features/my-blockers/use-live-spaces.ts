/**
 * Follows a set of space channels from given seqs and calls `onChange` with every event on them, and
 * with null when one has to be reloaded or is lost (the page then asks the server again).
 * A channel something else already follows (the open board) is left to it.
 */
import { type Channel, spaceChannel } from "@lattice/domain";
import { useEffect, useRef } from "react";
import type { WireEvent } from "../../sync/channels";
import { sync } from "../../sync/live";

export interface Watched {
  spaceId: string;
  seq: number;
}

export const useLiveSpaces = (
  watch: readonly Watched[] | null,
  onChange: (event: WireEvent | null) => void,
) => {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The channels this hook subscribed, kept across renders so a refreshed list keeps following them.
  const mine = useRef(new Set<Channel>());
  useEffect(() => {
    if (!watch) return;
    const wanted = new Set<Channel>();
    for (const { spaceId, seq } of watch) {
      const channel = spaceChannel(spaceId);
      wanted.add(channel);
      if (sync.registry.has(channel)) continue;
      mine.current.add(channel);
      sync.registry.subscribe(channel, seq, {
        apply: (event) => onChangeRef.current(event),
        reload: async (latest) => {
          onChangeRef.current(null);
          return latest;
        },
        onLost: () => onChangeRef.current(null),
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
