import type { Label, Member } from "@lattice/domain";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { FilterBar, filterChips } from "./filter-bar";
import { type BoardFilters, noFilters } from "./filters";

// Chips and labels are the interface's messages: English, as the app loads them first.
beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
});
afterAll(() => useI18n.setState({ translator: null }));

const members = [
  { userId: "u1", name: "Ada Lovelace" },
  { userId: "u2", name: "Ben Agent" },
] as unknown as Member[];
const labels = [{ id: "l1", name: "Urgent" }] as unknown as Label[];

afterEach(cleanup);

describe("filter chips", () => {
  it("names each active filter in words, with the person and label names", () => {
    const filters: BoardFilters = {
      ...noFilters,
      responsible: "u1",
      coworker: "u2",
      label: "l1",
      role: "in_progress",
      due: "overdue",
      blocked: "no",
    };
    expect(filterChips(filters, members, labels, "u1").map((c) => c.text)).toEqual([
      "Responsible: Ada Lovelace (me)",
      "Co-worker: Ben Agent",
      "Label: Urgent",
      "Status: In progress",
      "Overdue",
      "Not blocked",
    ]);
  });

  it("says so when a filter names someone no longer listed, rather than showing an id", () => {
    const chips = filterChips({ ...noFilters, responsible: "gone", label: "none" }, members, labels, null);
    expect(chips.map((c) => c.text)).toEqual(["Responsible: former member", "Label: none"]);
  });

  it("removes only the filter whose chip is dismissed", () => {
    const onChange = vi.fn();
    render(
      <FilterBar
        filters={{ ...noFilters, blocked: "yes", label: "l1" }}
        members={members}
        labels={labels}
        myUserId={null}
        shown={1}
        total={3}
        onChange={onChange}
      />,
    );
    const chips = screen.getByRole("list", { name: "Active filters" });
    expect(within(chips).getAllByRole("listitem")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Remove filter Blocked" }));
    expect(onChange).toHaveBeenCalledWith({ ...noFilters, label: "l1" });
  });

  it("keeps the filters behind the Filter button, which counts the active ones", () => {
    render(
      <FilterBar
        filters={{ ...noFilters, blocked: "yes" }}
        members={members}
        labels={labels}
        myUserId={null}
        shown={1}
        total={3}
        onChange={() => undefined}
      />,
    );
    expect(screen.queryByRole("combobox", { name: "Blocked" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Filter (1 active)" }));
    const panel = screen.getByRole("dialog", { name: "Filters" });
    expect(within(panel).getByRole("combobox", { name: "Blocked" })).toHaveProperty("value", "yes");
  });
});
