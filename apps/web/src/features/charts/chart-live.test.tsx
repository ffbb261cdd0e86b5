import { type AgingChartReply, spaceChannel, type WireEvent } from "@lattice/domain";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queryClient } from "../../api/query-client";
import { ChannelRegistry } from "../../sync/channels";
import { invalidateChartsOnEvent } from "../../sync/chart-query-bridge";
import { AgingPage } from "./aging-page";

const spaceId = crypto.randomUUID();
const otherSpaceId = crypto.randomUUID();

const agingWith = (name: string): AgingChartReply => ({
  from: "2027-01-01",
  to: "2027-03-31",
  statuses: [{ id: "doing", name: "Doing", role: "in_progress" }],
  expectation: { sampleSize: 12, isEnough: true, p50: 3, p85: 8 },
  spaceTargetDays: 2,
  bands: [{ statusId: "doing", count: 12, p50: 3, p70: 5, p85: 8, p95: 10 }],
  dots: [
    {
      cardId: "c1",
      name,
      statusId: "doing",
      startedAt: "2027-03-20T09:00:00Z",
      ageDays: 2,
      isBlocked: false,
      target: { days: 2, source: "space" },
      risk: "at_risk",
    },
  ],
});

// What the server holds: each request for the chart reads it as it is at that moment.
const server = vi.hoisted(() => ({ dotName: "Triage", requests: 0 }));
vi.mock("../../api/charts", () => ({
  chartsApi: { getSpace: async () => ({ name: "Triage desk", folderId: null }) },
  chartQueries: {
    aging: (id: string, params: object) => ({
      queryKey: ["charts", "aging", "space", id, params],
      queryFn: async () => {
        server.requests++;
        return agingWith(server.dotName);
      },
    }),
  },
}));

// The tab's channel registry, with a socket that only records what the page asks for.
const sent = vi.hoisted(() => [] as unknown[]);
const live = vi.hoisted(() => ({ registry: null as ChannelRegistry | null }));
vi.mock("../../sync/live", () => ({
  sync: {
    get registry() {
      return live.registry;
    },
  },
}));
vi.mock("../space-views/space-view-header", () => ({ SpaceViewHeader: () => null }));

const event = (type: string, payload: object): WireEvent =>
  ({ type, payload, actorId: null, mutationId: null, at: "2027-03-22T10:00:00.000Z" }) as WireEvent;

const renderAging = () =>
  render(
    <MemoryRouter initialEntries={[`/w/w1/s/${spaceId}/aging`]}>
      <Routes>
        <Route path="/w/:workspaceId/s/:spaceId/aging" element={<AgingPage />} />
      </Routes>
    </MemoryRouter>,
  );

/** The server confirms the page's subscription to the space's channel at `seq`. */
const confirm = (registry: ChannelRegistry, seq: number) =>
  registry.handleMessage({ type: "subscribed", channel: spaceChannel(spaceId), seq });

beforeEach(() => {
  queryClient.clear();
  sent.length = 0;
  server.dotName = "Triage";
  server.requests = 0;
  const registry = new ChannelRegistry((message) => {
    sent.push(message);
    return true;
  });
  registry.observeAll(invalidateChartsOnEvent(queryClient));
  live.registry = registry;
  // The field list and the service-level form ask the server directly: nothing to show here.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(null, { status: 404 })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("an open chart and the space's live events", () => {
  it("follows the space while shown and draws a card moved elsewhere without a reload", async () => {
    const view = renderAging();
    expect(await screen.findByRole("link", { name: /^Triage:/ })).toBeTruthy();
    expect(sent).toContainEqual({ type: "subscribe", channel: spaceChannel(spaceId) });
    const registry = live.registry as ChannelRegistry;
    confirm(registry, 4);

    // Someone else renames and moves the card: the server's chart changes, then the event arrives.
    server.dotName = "Escalation";
    registry.handleMessage({
      type: "event",
      channel: spaceChannel(spaceId),
      seq: 5,
      event: event("card.moved", { cardId: "c1", statusId: "doing" }),
    });
    expect(await screen.findByRole("link", { name: /^Escalation:/ })).toBeTruthy();
    expect(server.requests).toBe(2);

    view.unmount();
    expect(sent).toContainEqual({ type: "unsubscribe", channel: spaceChannel(spaceId) });
  });

  it("asks again after the channel reloaded (events were missed), not for events that change no chart", async () => {
    renderAging();
    expect(await screen.findByRole("link", { name: /^Triage:/ })).toBeTruthy();
    const registry = live.registry as ChannelRegistry;
    confirm(registry, 4);
    registry.handleMessage({
      type: "event",
      channel: spaceChannel(spaceId),
      seq: 5,
      event: event("comment.created", { cardId: "c1" }),
    });
    // Another space's channel changing its cards leaves this chart alone too.
    invalidateChartsOnEvent(queryClient)(
      spaceChannel(otherSpaceId),
      event("card.moved", { cardId: "c9", statusId: "doing" }),
    );
    expect(queryClient.getQueryCache().findAll({ queryKey: ["charts"], stale: true })).toEqual([]);
    expect(server.requests).toBe(1);

    server.dotName = "Escalation";
    registry.handleMessage({ type: "resync", channel: spaceChannel(spaceId), seq: 9 });
    expect(await screen.findByRole("link", { name: /^Escalation:/ })).toBeTruthy();
    expect(server.requests).toBe(2);
  });
});
