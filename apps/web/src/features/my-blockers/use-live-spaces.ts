/**
 * Follows a set of space channels from given seqs and calls `onChange` with every event on them, and
 * with null when one has to be reloaded or is lost (the page then asks the server again).
 * A channel something else already follows (the open board) is left to it and observed: its events
 * reach `onChange` once that follower applied them. `also` names channels the app follows anyway
 * (a workspace's: members, capacities, spaces), observed the same way.
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
  also: readonly Channel[] = [],
) => {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The channels this hook subscribed, kept across renders so a refreshed list keeps following them.
  const mine = useRef(new Set<Channel>());
  const alsoKey = also.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one observation per set of channels
  useEffect(() => {
    if (!watch) return;
    const stops = also.map((channel) =>
      sync.registry.observe(channel, (event) => onChangeRef.current(event)),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }, [watch === null, alsoKey]);
  useEffect(() => {
    if (!watch) return;
    const wanted = new Set<Channel>();
    const stops: Array<() => void> = [];
    for (const { spaceId, seq } of watch) {
      const channel = spaceChannel(spaceId);
      wanted.add(channel);
      if (sync.registry.has(channel) && !mine.current.has(channel)) {
        stops.push(sync.registry.observe(channel, (event) => onChangeRef.current(event)));
        continue;
      }
      if (mine.current.has(channel)) continue;
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
    return () => {
      for (const stop of stops) stop();
    };
  }, [watch]);
  useEffect(
    () => () => {
      for (const channel of mine.current) sync.registry.unsubscribe(channel);
      mine.current.clear();
    },
    [],
  );
};
