/**
 * The board in German and Arabic: a column over its WIP limit with its add-card button, the filter
 * bar with an active filter, the view tabs and the screen reader's drag instructions, all in the
 * person's language, and no message key left showing.
 */

import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ShippedLocale, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { AgeBadge } from "../aging/age-badge";
import { FilterBar } from "../filters/filter-bar";
import { noFilters } from "../filters/filters";
import { card, status } from "../space-views/fixtures.test-helpers";
import { SpaceTabs } from "../space-views/space-tabs";
import { BoardCanvas, type Column } from "./board-canvas";

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const doing = { ...status("s-doing", "a1", "in_progress", "Doing"), wipLimit: 1 };
const columns: Column[] = [
  {
    status: doing,
    cards: [
      card("c1", doing.id, "a1", { name: "Order beds" }),
      card("c2", doing.id, "a2", { name: "Call IT" }),
    ],
  },
];

const Board = () => (
  <MemoryRouter initialEntries={["/w/ws/s/sp"]}>
    <SpaceTabs workspaceId="ws" spaceId="sp" />
    <FilterBar
      filters={{ ...noFilters, blocked: "no" }}
      members={[]}
      labels={[]}
      myUserId={null}
      shown={2}
      total={3}
      onChange={() => undefined}
      onGroup={() => undefined}
      grouping="none"
    />
    <BoardCanvas
      columns={columns}
      cardHref={(id) => `/w/ws/s/sp/c/${id}`}
      openCardId={undefined}
      pendingCardIds={new Set()}
      viewersByCard={new Map()}
      canWrite
      canManage
      onEditColumns={() => undefined}
    />
  </MemoryRouter>
);

/** Any message key (`board.column.count`, `filters.chip.label`, …) that reached the page unread. */
const rawKeys = () =>
  (
    document.body.innerHTML.match(/\b(board|filters|views|savedViews|fields|aging)\.[a-z]+\.[A-Za-z.]+/g) ??
    []
  )
    // Ids and class names are not what a person reads.
    .filter((key) => !document.querySelector(`[id="${key}"], [class~="${key}"]`));

beforeEach(() => {
  // The card fronts ask for the workspace's members; the test needs none.
  vi.stubGlobal(
    "fetch",
    vi.fn(() => new Promise<Response>(() => undefined)),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useI18n.setState({ translator: null });
});

describe("the board in other languages", () => {
  it("speaks German", async () => {
    await speak("de");
    render(<Board />);
    const column = screen.getByRole("region", { name: "Doing" });
    expect(within(column).getByText("WIP-Limit um 1 überschritten")).toBeTruthy();
    expect(within(column).getByRole("button", { name: "Karte hinzufügen" })).toBeTruthy();
    expect(within(column).getByRole("button", { name: "Spalte Doing ziehen" })).toBeTruthy();
    expect(within(column).getByRole("button", { name: "Order beds ziehen" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Liste" })).toBeTruthy();
    expect(screen.getByText("Nicht blockiert")).toBeTruthy();
    expect(screen.getByText("2 von 3 Karten")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Alle entfernen" })).toBeTruthy();
    expect(screen.getByText(/Drücken Sie die Leertaste oder die Eingabetaste/)).toBeTruthy();
    expect(rawKeys()).toEqual([]);
  });

  it("speaks Arabic, with its own digits and plural forms", async () => {
    await speak("ar");
    render(<Board />);
    const digit = (n: number) => new Intl.NumberFormat("ar").format(n);
    const column = screen.getByRole("region", { name: "Doing" });
    expect(within(column).getByText(`تجاوز حدّ العمل الجاري بمقدار ${digit(1)}`)).toBeTruthy();
    expect(within(column).getByText(`${digit(2)}/${digit(1)}`)).toBeTruthy();
    expect(within(column).getByRole("button", { name: "إضافة بطاقة" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "القائمة" })).toBeTruthy();
    expect(screen.getByText("غير معاقة")).toBeTruthy();
    // Three takes the "few" form.
    expect(screen.getByText(`${digit(2)} من ${digit(3)} بطاقات`)).toBeTruthy();
    expect(screen.getByText(/لالتقاط بطاقة اضغط مفتاح المسافة/)).toBeTruthy();
    expect(rawKeys()).toEqual([]);
  });

  it("gives a card's age in each language", async () => {
    await speak("de");
    render(<AgeBadge ageDays={1} risk="at_risk" />);
    expect(screen.getByTestId("age-badge").textContent).toBe("1 T. · gefährdet");
    expect(screen.getByTestId("age-badge").title).toBe("Seit einem Kalendertag in Arbeit: gefährdet");
    cleanup();
    await speak("ar");
    render(<AgeBadge ageDays={2} risk={null} />);
    expect(screen.getByTestId("age-badge").title).toBe("قيد التنفيذ منذ يومين");
  });
});
