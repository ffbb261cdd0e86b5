import { describe, expect, it } from "vitest";
import { type OverviewCard, summarizeSpaces } from "./space-overview.js";

const a = "00000000-0000-4000-8000-00000000000a";
const b = "00000000-0000-4000-8000-00000000000b";
const card = (over: Partial<OverviewCard>): OverviewCard => ({
  spaceId: a,
  role: "not_started",
  startDate: null,
  dueDate: null,
  isBlocked: false,
  ...over,
});

describe("summarizeSpaces", () => {
  it("gives every space asked for an entry, in order, zeros for one without cards", () => {
    expect(summarizeSpaces([b, a], [card({})], "2027-03-10").map((s) => [s.spaceId, s.total])).toEqual([
      [b, 0],
      [a, 1],
    ]);
  });

  it("counts completed work towards progress and leaves information and cancelled cards out", () => {
    const [s] = summarizeSpaces(
      [a],
      [
        card({ role: "completed" }),
        card({ role: "in_progress" }),
        card({ role: "cancelled", dueDate: "2020-01-01" }),
        card({ role: "information", isBlocked: true }),
      ],
      "2027-03-10",
    );
    expect(s).toMatchObject({ total: 2, completed: 1, late: 0, blocked: 0 });
  });

  it("counts late cards by the domain's rule and blocked cards only while they are open", () => {
    const [s] = summarizeSpaces(
      [a],
      [
        card({ dueDate: "2027-03-09" }),
        card({ startDate: "2027-03-01" }),
        card({ role: "in_progress", startDate: "2027-03-01" }),
        card({ role: "completed", dueDate: "2027-03-01", isBlocked: true }),
        card({ role: "in_progress", isBlocked: true }),
      ],
      "2027-03-10",
    );
    expect(s).toMatchObject({ total: 5, late: 2, blocked: 1 });
  });

  it("spans the dates from the earliest start or due to the latest due or start", () => {
    const [s] = summarizeSpaces(
      [a],
      [
        card({ dueDate: "2027-02-01" }),
        card({ startDate: "2027-03-01", dueDate: "2027-04-01" }),
        card({ startDate: "2027-05-01" }),
      ],
      "2027-01-01",
    );
    expect(s).toMatchObject({ startDate: "2027-02-01", dueDate: "2027-05-01" });
  });
});
