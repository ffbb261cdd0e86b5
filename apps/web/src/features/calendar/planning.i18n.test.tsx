/**
 * The Calendar and the List in German and Arabic: their own words, month and weekday names from Intl
 * in the person's locale, the week starting on that locale's first day, and no message key left raw.
 * The space's data comes from a fixed view (the store and the server are not what is tested here).
 */
import { type BoardState, emptyBoard } from "@lattice/domain";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ShippedLocale, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { ListPage } from "../list/list-page";
import { card, status } from "../space-views/fixtures.test-helpers";
import { CalendarPage } from "./calendar-page";

const doing = status("doing", "a1", "in_progress", "Doing");
const view: BoardState = {
  ...emptyBoard(),
  statuses: { [doing.id]: doing },
  cards: {
    a: card("a", "doing", "a0", { name: "Book the venue", startDate: "2027-03-08", dueDate: "2027-03-10" }),
    b: card("b", "doing", "a1", { name: "Print the programme" }),
  },
};

vi.mock("../space-views/use-space-view", () => ({
  useSpaceView: () => ({
    view,
    relations: [],
    meta: { members: [], labels: [] },
    today: "2027-03-10",
    isLoading: false,
    isError: false,
    error: null,
    canWrite: true,
  }),
}));
vi.mock("../space-views/card-route", () => ({
  useCardHref: () => (id: string) => `/cards/${id}`,
  PlanningCardPanel: () => null,
}));
vi.mock("../space-views/space-view-header", () => ({
  SpaceViewHeader: ({ children }: { children: ReactNode }) => <header>{children}</header>,
}));
vi.mock("../aging/aging-store", () => ({
  useSpaceAging: () => undefined,
  useSpaceAgings: () => ({}),
  useAtRisk: () => () => false,
}));

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const show = (page: ReactNode) =>
  render(
    <MemoryRouter initialEntries={["/w/ws/s/sp"]}>
      <Routes>
        <Route path="/w/:workspaceId/s/:spaceId" element={page} />
      </Routes>
    </MemoryRouter>,
  );

const weekdayOf = (locale: string, day: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** No message key shows as itself (a key reads `namespace.something`). */
const expectNoRawKey = (container: HTMLElement) => {
  const shown = [
    container.textContent ?? "",
    ...[...container.querySelectorAll("[aria-label],[title],[placeholder]")].map((el) =>
      ["aria-label", "title", "placeholder"].map((name) => el.getAttribute(name) ?? "").join(" "),
    ),
  ].join(" ");
  expect(shown).not.toMatch(/\b(list|calendar|gantt|common)\.[a-z]/);
};

afterEach(() => {
  cleanup();
  useI18n.setState({ translator: null });
});

describe("the Calendar in other languages", () => {
  it("speaks German, names March in German and starts its weeks on Monday", async () => {
    await speak("de");
    const { container } = show(<CalendarPage />);
    expect(screen.getByRole("button", { name: "Monat" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Heute" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Vorheriger Monat" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "März 2027" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /Ohne Termin/ })).toBeTruthy();
    const weekdays = [...container.querySelectorAll(".cal-weekday")].map((el) => el.textContent);
    // 2027-03-01 is a Monday.
    expect(weekdays[0]).toBe(weekdayOf("de", "2027-03-01"));
    expect(container.querySelector(".cal-chip")?.getAttribute("title")).toMatch(
      /^Book the venue · 8\.–10\. März 2027$/,
    );
    expectNoRawKey(container);
  });

  it("speaks Arabic, with Arabic month names and its week starting on Saturday", async () => {
    await speak("ar");
    const { container } = show(<CalendarPage />);
    expect(screen.getByRole("button", { name: "شهر" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "اليوم" })).toBeTruthy();
    const march = new Intl.DateTimeFormat("ar", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date("2027-03-01T00:00:00Z"),
    );
    expect(screen.getByRole("heading", { name: march })).toBeTruthy();
    const weekdays = [...container.querySelectorAll(".cal-weekday")].map((el) => el.textContent);
    // 2027-02-27 is a Saturday.
    expect(weekdays[0]).toBe(weekdayOf("ar", "2027-02-27"));
    expect(screen.getByRole("heading", { name: /غير مجدولة/ })).toBeTruthy();
    expectNoRawKey(container);
  });
});

describe("the List in other languages", () => {
  it("speaks German: columns, filters, the count and the export", async () => {
    await speak("de");
    const { container } = show(<ListPage />);
    const table = screen.getByRole("table", { name: "Karten" });
    expect(within(table).getByRole("button", { name: "Fällig" })).toBeTruthy();
    expect(within(table).getByRole("button", { name: "Verantwortlich" })).toBeTruthy();
    expect(screen.getByPlaceholderText("Nach Name filtern")).toBeTruthy();
    expect(screen.getByRole("option", { name: "Alle Spalten" })).toBeTruthy();
    expect(screen.getByText("2 von 2 Karten")).toBeTruthy();
    expect(screen.getByRole("button", { name: "CSV exportieren" })).toBeTruthy();
    expectNoRawKey(container);
  });

  it("speaks Arabic, with the dual and Arabic-Indic digits", async () => {
    await speak("ar");
    const { container } = show(<ListPage />);
    const table = screen.getByRole("table", { name: "البطاقات" });
    expect(within(table).getByRole("button", { name: "الاستحقاق" })).toBeTruthy();
    expect(screen.getByText(`${new Intl.NumberFormat("ar").format(2)} من بطاقتين`)).toBeTruthy();
    expect(screen.getByRole("button", { name: "تصدير CSV" })).toBeTruthy();
    expectNoRawKey(container);
  });
});
