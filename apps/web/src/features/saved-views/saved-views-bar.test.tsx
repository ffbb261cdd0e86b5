/**
 * The saved views in the space header: entering a space by its bare address opens the default view,
 * a tab chosen by hand does not, and shared and personal views are told apart.
 */
import type { SavedView, SavedViewList } from "@lattice/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { SavedViewsBar } from "./saved-views-bar";
import { useSavedViews } from "./saved-views-store";

// Chips and labels are the interface's messages: English, as the app loads them first.
beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
});
afterAll(() => useI18n.setState({ translator: null }));

const ws = "00000000-0000-4000-8000-000000000001";
const space = "00000000-0000-4000-8000-000000000002";
const me = "00000000-0000-4000-8000-0000000000aa";

const view = (id: string, extra: Partial<SavedView>): SavedView => ({
  id,
  workspaceId: ws,
  spaceId: space,
  ownerId: null,
  name: id,
  kind: "board",
  query: "",
  isDefault: false,
  position: "a0",
  createdBy: me,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
  ...extra,
});

let list: SavedViewList;

beforeEach(() => {
  useSavedViews.setState({ spaceId: null, status: "idle", items: [] });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => {
      if (path === `/api/spaces/${space}/saved-views`)
        return new Response(JSON.stringify(list), { headers: { "content-type": "application/json" } });
      return new Response("{}", { status: 404, headers: { "content-type": "application/problem+json" } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const address = () => screen.getByRole("status", { name: "Address" }).textContent;

const Where = () => {
  const location = useLocation();
  return <output aria-label="Address">{`${location.pathname}${location.search}`}</output>;
};

const renderAt = (entry: string | { pathname: string; state: unknown }) =>
  render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route
          path="/w/:workspaceId/s/:spaceId/*"
          element={
            <>
              <Where />
              <SavedViewsBar workspaceId={ws} spaceId={space} />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );

const base = `/w/${ws}/s/${space}`;

describe("saved views in the space header", () => {
  beforeEach(() => {
    list = {
      items: [
        view("11111111-0000-4000-8000-000000000001", {
          name: "Blocked work",
          kind: "list",
          query: "blocked=yes",
          isDefault: true,
        }),
        view("11111111-0000-4000-8000-000000000002", { name: "My late cards", ownerId: me, position: "a1" }),
      ],
      canShare: true,
      canChooseDefault: true,
    };
  });

  it("opens the space's default view when the space is entered by its bare address", async () => {
    renderAt(base);
    await waitFor(() => expect(address()).toBe(`${base}/list?blocked=yes`));
    const shared = await screen.findByRole("list", { name: "Shared saved views" });
    expect(
      within(shared)
        .getByRole("link", { name: /Blocked work/ })
        .getAttribute("aria-current"),
    ).toBe("page");
  });

  it("keeps the board when the Board tab was chosen by hand", async () => {
    renderAt({ pathname: base, state: { view: "tab" } });
    await screen.findByRole("list", { name: "Shared saved views" });
    expect(address()).toBe(base);
  });

  it("lists the person's own views apart from the shared ones", async () => {
    renderAt({ pathname: `${base}/gantt`, state: { view: "tab" } });
    const mine = await screen.findByRole("list", { name: "Mine saved views" });
    expect(
      within(mine)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual([expect.stringContaining("My late cards")]);
    expect(
      within(screen.getByRole("list", { name: "Shared saved views" })).getAllByRole("link"),
    ).toHaveLength(1);
    expect(screen.getAllByRole("button", { name: "+ Save view" })).toHaveLength(1);
  });

  it("opens no view when the space has no default", async () => {
    list = { ...list, items: list.items.map((v) => ({ ...v, isDefault: false })) };
    renderAt(base);
    await screen.findByRole("list", { name: "Shared saved views" });
    expect(address()).toBe(base);
  });
});
