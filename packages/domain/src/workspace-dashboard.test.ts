import { describe, expect, it } from "vitest";
import { cardHistories } from "./charts/history.js";
import { card, input } from "./charts/test-data.js";
import type { OverviewCard } from "./space-overview.js";
import { sparklineDates, workspaceDashboard } from "./workspace-dashboard.js";

const s1 = "00000000-0000-4000-8000-000000000001";
const s2 = "00000000-0000-4000-8000-000000000002";
const s3 = "00000000-0000-4000-8000-000000000003";
const outer = "00000000-0000-4000-8000-0000000000f1";
const inner = "00000000-0000-4000-8000-0000000000f2";
const lonely = "00000000-0000-4000-8000-0000000000f3";

const live = (spaceId: string, over: Partial<OverviewCard> = {}): OverviewCard => ({
  spaceId,
  role: "not_started",
  startDate: null,
  dueDate: null,
  isBlocked: false,
  ...over,
});

const inSpace = (spaceId: string, built: ReturnType<typeof card>) => ({
  ...built,
  card: { ...built.card, spaceId },
});

describe("workspaceDashboard", () => {
  const today = "2027-03-31";
  const histories = cardHistories(
    input(
      inSpace(
        s1,
        card("a", [
          ["2027-01-04", "todo"],
          ["2027-01-20", "doing"],
          ["2027-02-10", "done"],
        ]),
      ),
      inSpace(s1, card("b", [["2027-02-01", "todo"]])),
      inSpace(s2, card("c", [["2027-03-01", "doing"]])),
      inSpace(s2, card("d", [["2026-12-01", "todo"]], "2027-02-15")),
    ),
  );
  const dashboard = workspaceDashboard({
    spaces: [
      { id: s1, folderId: inner },
      { id: s2, folderId: outer },
      { id: s3, folderId: null },
    ],
    folders: [
      { id: outer, parentFolderId: null },
      { id: inner, parentFolderId: outer },
      { id: lonely, parentFolderId: null },
    ],
    cards: [
      live(s1, { role: "completed", dueDate: "2027-02-10" }),
      live(s1, { startDate: "2027-03-01", isBlocked: true }),
      live(s2, { role: "in_progress", dueDate: "2027-04-20", startDate: "2027-02-20" }),
      live(s2, { role: "information" }),
    ],
    histories,
    today,
  });

  it("splits each space's cards by status role, beside the overview figures", () => {
    const [one, two, three] = dashboard.spaces;
    expect(one).toMatchObject({ spaceId: s1, notStarted: 1, inProgress: 0, completed: 1, total: 2, late: 1 });
    expect(one).toMatchObject({ blocked: 1, startDate: "2027-02-10", dueDate: "2027-03-01" });
    expect(two).toMatchObject({ spaceId: s2, notStarted: 0, inProgress: 1, completed: 0, total: 1, late: 0 });
    expect(three).toMatchObject({ spaceId: s3, total: 0, startDate: null, dueDate: null });
  });

  it("draws a weekly burn-up ending today, scope dropping when a card is archived", () => {
    const two = dashboard.spaces[1];
    expect(two?.burnup.map((p) => p.date)).toEqual(sparklineDates(today));
    expect(two?.burnup.at(-1)).toEqual({ date: today, scope: 1, completed: 0 });
    // 2027-01-06: only d existed (created 2026-12-01, archived 2027-02-15).
    expect(two?.burnup[0]).toEqual({ date: "2027-01-06", scope: 1, completed: 0 });
    const one = dashboard.spaces[0];
    expect(one?.burnup.at(-1)).toEqual({ date: today, scope: 2, completed: 1 });
    expect(one?.burnup[0]).toEqual({ date: "2027-01-06", scope: 1, completed: 0 });
  });

  it("rolls spaces up into their folder and every folder above it", () => {
    const byId = new Map(dashboard.folders.map((f) => [f.folderId, f]));
    expect(byId.get(inner)).toMatchObject({ spaceIds: [s1], total: 2, completed: 1, notStarted: 1 });
    expect(byId.get(outer)).toMatchObject({
      spaceIds: [s1, s2],
      total: 3,
      completed: 1,
      notStarted: 1,
      inProgress: 1,
      late: 1,
      blocked: 1,
      startDate: "2027-02-10",
      dueDate: "2027-04-20",
    });
    expect(byId.get(outer)?.burnup.at(-1)).toEqual({ date: today, scope: 3, completed: 1 });
    expect(byId.get(lonely)).toMatchObject({ spaceIds: [], total: 0, startDate: null });
    expect(byId.get(lonely)?.burnup).toHaveLength(13);
  });
});
