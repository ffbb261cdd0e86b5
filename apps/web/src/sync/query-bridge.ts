/**
 * From live events to the query cache: each event that changes a cached lookup marks that lookup
 * stale, and the views showing it fetch it again, so a member added in the settings shows in every
 * open picker at once. A channel that reloaded its snapshot (it missed events) marks stale every
 * lookup it feeds. Views never apply these events to the lookups themselves: the server's reply is
 * the one source of their content.
 */
import { type Channel, eventCardId, parseChannel } from "@lattice/domain";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { blockerTypeKeys } from "../api/blocker-types";
import { labelKeys } from "../api/labels";
import { memberKeys } from "../api/members";
import { notificationKeys } from "../api/notifications";
import { relationKeys, relationKeysNaming } from "../api/relations";
import { searchKeys } from "../api/search";
import type { WireEvent } from "./channels";

/**
 * The cached lookups `event` changes (none for most events: the board and tree stores apply those).
 * `client` is read for the lookups that name the event's card (a related card renamed or moved).
 */
export const queryKeysChangedBy = (event: WireEvent, client: QueryClient): QueryKey[] => {
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
    // How many cards each type blocks now.
    case "blocking.created":
    case "blocking.cleared":
      return [blockerTypeKeys.of(event.payload.blocking.spaceId)];
    case "relation.created":
    case "relation.deleted": {
      const { fromCardId, toCardId } = event.payload.relation;
      return [relationKeys.of(fromCardId), relationKeys.of(toCardId)];
    }
    case "notification.created":
    case "notification.read":
      return [notificationKeys.all];
    // A card's name, dates, status or place changed: the relation lists naming it and the searches.
    case "card.created":
    case "card.updated":
    case "card.moved":
    case "card.deleted":
    case "card.restored":
    case "card.moved_out":
    case "card.moved_in": {
      const cardId = eventCardId(event);
      return [searchKeys.all, ...(cardId ? relationKeysNaming(client, cardId) : [])];
    }
    case "comment.created":
    case "comment.updated":
    case "comment.deleted":
      return [searchKeys.all];
    default:
      return [];
  }
};

/** The lookups a channel's events keep current, all stale once it reloaded its snapshot. */
export const queryKeysFedBy = (channel: Channel): QueryKey[] => {
  const parsed = parseChannel(channel);
  if (parsed?.kind === "workspace") return [memberKeys.of(parsed.id)];
  if (parsed?.kind === "space")
    return [labelKeys.of(parsed.id), blockerTypeKeys.of(parsed.id), relationKeys.all, searchKeys.all];
  if (parsed?.kind === "user") return [notificationKeys.all];
  return [];
};

/** What the channel registry's `observeAll` is given: marks stale what an applied event changed. */
export const invalidateOnEvent =
  (client: QueryClient) =>
  (channel: Channel, event: WireEvent | null): void => {
    const keys = event ? queryKeysChangedBy(event, client) : queryKeysFedBy(channel);
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
