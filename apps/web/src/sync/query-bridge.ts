/**
 * From live events to the query cache: each event that changes a cached lookup marks that lookup
 * stale, and the views showing it fetch it again, so a member added in the settings shows in every
 * open picker at once. A channel that reloaded its snapshot (it missed events) marks stale every
 * lookup it feeds. Views never apply these events to the lookups themselves: the server's reply is
 * the one source of their content.
 */
import { type Channel, parseChannel } from "@lattice/domain";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { labelKeys } from "../api/labels";
import { memberKeys } from "../api/members";
import type { WireEvent } from "./channels";

/** The cached lookups `event` changes (none for most events: the board and tree stores apply those). */
export const queryKeysChangedBy = (event: WireEvent): QueryKey[] => {
  switch (event.type) {
    case "member.added":
    case "member.updated":
      return [memberKeys.of(event.payload.member.workspaceId)];
    case "member.removed":
      return [memberKeys.of(event.payload.workspaceId)];
    case "label.created":
    case "label.updated":
      return [labelKeys.of(event.payload.label.spaceId)];
    case "label.deleted":
      return [labelKeys.of(event.payload.spaceId)];
    default:
      return [];
  }
};

/** The lookups a channel's events keep current, all stale once it reloaded its snapshot. */
export const queryKeysFedBy = (channel: Channel): QueryKey[] => {
  const parsed = parseChannel(channel);
  if (parsed?.kind === "workspace") return [memberKeys.of(parsed.id)];
  if (parsed?.kind === "space") return [labelKeys.of(parsed.id)];
  return [];
};

/** What the channel registry's `observeAll` is given: marks stale what an applied event changed. */
export const invalidateOnEvent =
  (client: QueryClient) =>
  (channel: Channel, event: WireEvent | null): void => {
    const keys = event ? queryKeysChangedBy(event) : queryKeysFedBy(channel);
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
