/**
 * Follows a set of space channels from given seqs and calls `onChange` for every event on them (and
 * when one has to be reloaded or is lost), for pages that re-ask the server rather than apply events.
 * A channel something else already follows (the open board) is left to it.
 */
import { type Channel, spaceChannel } from "@lattice/domain";
import { useEffect, useRef } from "react";
import { sync } from "../../sync/live";

export interface Watched {
  spaceId: string;
  seq: number;
}

export const useLiveSpaces = (watch: readonly Watched[] | null, onChange: () => void) => {
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
        apply: () => onChangeRef.current(),
        reload: async (latest) => {
          onChangeRef.current();
          return latest;
        },
        onLost: () => onChangeRef.current(),
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
