import { timeChartFromReply } from "@lattice/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartsApi } from "../../api/charts";
import { forecastRequestOf, preloadChartView } from "./requests";
import { addDays, todayIso } from "./shape";

// The views' code is not what these tests are about (and uPlot wants a canvas).
vi.mock("./forecast-page", () => ({}));
vi.mock("./time-page", () => ({}));
vi.mock("./flow-page", () => ({}));

const workspaceId = "7d1c8a52-3b6e-4f0a-9c1d-2e5f6a7b8c9d";
const spaceId = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";
const folderId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const ids = { workspaceId, spaceId };

describe("forecast request", () => {
  it("asks for the space's forecast with the defaults (12 weeks, 15/50/85 %, 10,000 trials, four weeks ahead)", () => {
    const request = forecastRequestOf(ids, new URLSearchParams(), "2027-03-01", null);
    expect(request.scope).toEqual({ kind: "space", id: spaceId });
    expect(request.params).toEqual({
      windowWeeks: 12,
      confidences: [15, 50, 85],
      trials: 10_000,
      targetDate: "2027-03-29",
      responsibleId: undefined,
      labelId: undefined,
    });
  });

  it("waits for the space's folder before asking for a folder forecast, and falls back to the space without one", () => {
    const search = new URLSearchParams("scope=folder");
    expect(forecastRequestOf(ids, search, "2027-03-01", null).scope).toBeNull();
    expect(forecastRequestOf(ids, search, "2027-03-01", { folderId }).scope).toEqual({
      kind: "folder",
      id: folderId,
    });
    expect(forecastRequestOf(ids, search, "2027-03-01", { folderId: null }).scope).toEqual({
      kind: "space",
      id: spaceId,
    });
  });

  it("drops the label beyond one space (labels belong to a space)", () => {
    const search = new URLSearchParams(`scope=workspace&label=${folderId}&responsible=${spaceId}`);
    const request = forecastRequestOf(ids, search, "2027-03-01", null);
    expect(request.scope).toEqual({ kind: "workspace", id: workspaceId });
    expect(request.params).toMatchObject({ labelId: undefined, responsibleId: spaceId });
  });
});

describe("preloading a chart view opened by its address", () => {
  const reply = {
    from: "2027-01-01",
    to: "2027-03-31",
    statuses: [],
    points: {
      start: Date.parse("2027-01-01T00:00:00Z"),
      cardIds: [],
      names: [],
      completedAt: [],
      leadDays: [],
      reactionDays: [],
      cycleDays: [],
      blockedMs: [],
      statusIds: [],
      timeInStatus: [],
    },
    lead: { count: 0, average: null, median: null, p85: null, p95: null },
    reaction: { count: 0, average: null, median: null, p85: null, p95: null },
    cycle: { count: 0, average: null, median: null, p85: null, p95: null },
    histograms: { lead: [], reaction: [], cycle: [] },
    timeInStatus: [],
    blocked: { cards: 0, days: 0 },
  };
  /** The chart the view reads from the reply (its cards as a list). */
  const chart = timeChartFromReply(reply);
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(reply), { status: 200 }));

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockClear();
  });

  it("fetches what the view will ask for, once: the view's next request asks the server again", async () => {
    vi.stubGlobal("fetch", fetchMock);
    preloadChartView({ pathname: `/w/${workspaceId}/s/${spaceId}/time`, search: "" });
    const to = todayIso();
    const from = addDays(to, -89);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual([
      `/api/spaces/${spaceId}/charts/time?from=${from}&to=${to}`,
      expect.anything(),
    ]);
    expect(await chartsApi.timeChart(spaceId, { from, to })).toEqual(chart);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await chartsApi.timeChart(spaceId, { from, to });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("drops a reply that failed, so the view asks the server itself (after logging in, say)", async () => {
    const refused = vi.fn(async () => new Response(JSON.stringify({ title: "Log in" }), { status: 401 }));
    vi.stubGlobal("fetch", refused);
    preloadChartView({ pathname: `/w/${workspaceId}/s/${spaceId}/time`, search: "" });
    await vi.waitFor(() => expect(refused).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    vi.stubGlobal("fetch", fetchMock);
    const to = todayIso();
    expect(await chartsApi.timeChart(spaceId, { from: addDays(to, -89), to })).toEqual(chart);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("does nothing on other pages", () => {
    vi.stubGlobal("fetch", fetchMock);
    preloadChartView({ pathname: `/w/${workspaceId}/s/${spaceId}`, search: "" });
    preloadChartView({ pathname: `/w/${workspaceId}/s/${spaceId}/gantt`, search: "" });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
