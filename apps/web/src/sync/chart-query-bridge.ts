/**
 * From a space's live events to the cached charts: an event that changes what the charts are
 * computed from (cards, their moves and blockings, statuses, custom fields, labels' and the space's
 * service levels) marks stale every cached chart covering that space, and the charts on screen ask
 * again. A channel that reloaded its snapshot missed events: its charts are stale too.
 *
 * Chart queries are keyed `[chartQueryRoot, chart, scopeKind, scopeId, params]` (api/charts.ts); a
 * folder's or workspace's forecast names the spaces it covers in its reply's `spaceIds`.
 */
import { type Channel, parseChannel } from "@lattice/domain";
import type { Query, QueryClient } from "@tanstack/react-query";
import type { WireEvent } from "./channels";

export const chartQueryRoot = "charts";

/** Whether a space event can change a chart of the space. */
export const changesCharts = (event: WireEvent): boolean =>
  /^(card|status|blocking|field|label)\./u.test(event.type) || event.type === "space.updated";

/** Whether the cached chart `query` covers the space. */
export const chartCovers = (query: Query, spaceId: string): boolean => {
  const [root, , scopeKind, scopeId] = query.queryKey;
  if (root !== chartQueryRoot) return false;
  if (scopeKind === "space" && scopeId === spaceId) return true;
  const data = query.state.data as { spaceIds?: unknown } | undefined;
  return Array.isArray(data?.spaceIds) && data.spaceIds.includes(spaceId);
};

/** What the channel registry's `observeAll` is given: marks stale the charts an event changed. */
export const invalidateChartsOnEvent =
  (client: QueryClient) =>
  (channel: Channel, event: WireEvent | null): void => {
    const parsed = parseChannel(channel);
    if (parsed?.kind !== "space") return;
    if (event && !changesCharts(event)) return;
    void client.invalidateQueries({ predicate: (query) => chartCovers(query, parsed.id) });
  };
