import type { AgingChartReply, CumulativeFlowReply } from "@lattice/domain";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ShippedLocale, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { AgingPage } from "./aging-page";
import { flowSummary } from "./shape";

const aging: AgingChartReply = {
  from: "2027-01-01",
  to: "2027-03-31",
  statuses: [
    { id: "todo", name: "To do", role: "not_started" },
    { id: "doing", name: "Doing", role: "in_progress" },
  ],
  expectation: { sampleSize: 12, isEnough: true, p50: 3, p85: 8 },
  spaceTargetDays: 2,
  bands: [{ statusId: "doing", count: 12, p50: 3, p70: 5, p85: 8, p95: 10 }],
  dots: [
    {
      cardId: "c1",
      name: "Triage",
      statusId: "doing",
      startedAt: "2027-03-20T09:00:00Z",
      ageDays: 2,
      isBlocked: true,
      target: { days: 2, source: "space" },
      risk: "at_risk",
    },
  ],
};

vi.mock("../../api/charts", () => ({
  chartsApi: { getSpace: async () => ({ name: "Triage desk", folderId: null }) },
  chartQueries: {
    aging: () => ({ queryKey: ["charts", "aging", "space", "s1", {}], queryFn: async () => aging }),
  },
}));
// The space's header (tabs, saved views) is its own screen, with its own words.
vi.mock("../space-views/space-view-header", () => ({ SpaceViewHeader: () => null }));

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const renderAging = () =>
  render(
    <MemoryRouter initialEntries={["/w/w1/s/s1/aging"]}>
      <Routes>
        <Route path="/w/:workspaceId/s/:spaceId/aging" element={<AgingPage />} />
      </Routes>
    </MemoryRouter>,
  );

beforeEach(() => {
  // The field list and the service-level form ask the server directly: nothing to show here.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(null, { status: 404 })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useI18n.setState({ translator: null });
});

describe("the Aging chart in other languages", () => {
  it("speaks German: controls, summary, legend, axis and the dot's name", async () => {
    await speak("de");
    renderAging();
    expect(await screen.findByText("Alter der Karten in Bearbeitung")).toBeTruthy();
    expect(screen.getByLabelText("Zeitraum")).toBeTruthy();
    expect(screen.getByLabelText("Verantwortlich")).toBeTruthy();
    expect(screen.getByTestId("chart-summary").textContent).toBe(
      "85 % der Karten wurden innerhalb von 8 Tagen fertig (Median 3 Tage, 12 Karten). 1 Karte in Bearbeitung, 1 gefährdet.",
    );
    expect(screen.getByText("Alter (Tage)")).toBeTruthy();
    expect(screen.getByText("bis zum 50. Perzentil")).toBeTruthy();
    expect(screen.getByText("Ziel 2 Tage")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Triage: 2 T. · gefährdet in Doing, blockiert" })).toBeTruthy();
    expect(screen.getByText("Daten als Tabelle anzeigen")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/charts\./);
  });

  it("speaks Arabic with its dual and its numbers", async () => {
    await speak("ar");
    renderAging();
    const digit = (n: number) => new Intl.NumberFormat("ar").format(n);
    expect(await screen.findByText("عمر البطاقات قيد التنفيذ")).toBeTruthy();
    expect(screen.getByLabelText("الفترة")).toBeTruthy();
    const summary = screen.getByTestId("chart-summary").textContent ?? "";
    // Two days take the dual form, which carries no numeral; twelve cards, the plural "many".
    expect(summary).toContain("(الوسيط 3 أيام".replace("3", digit(3)));
    expect(summary).toContain(`${digit(12)} بطاقة`);
    expect(summary).toContain("بطاقة واحدة قيد التنفيذ");
    expect(screen.getByText("الهدف يومان")).toBeTruthy();
    expect(screen.getByText("العمر (بالأيام)")).toBeTruthy();
    expect(screen.getByText(digit(12))).toBeTruthy(); // the age axis's top tick
    expect(document.body.textContent).not.toMatch(/charts\./);
  });
});

describe("the cumulative flow's summary in other languages", () => {
  const flow: CumulativeFlowReply = {
    from: "2027-01-01",
    to: "2027-01-02",
    statuses: [
      { id: "a", name: "To do", role: "not_started" },
      { id: "b", name: "Done", role: "completed" },
    ],
    days: [
      { date: "2027-01-01", counts: [3, 1] },
      { date: "2027-01-02", counts: [2, 2] },
    ],
    currentWip: 0,
    averageWip: 1.5,
    throughputPerDay: 0.5,
    completions: 1,
    approximateCycleDays: 3,
    measuredFrom: "2027-01-01",
    measuredDays: 2,
  } as CumulativeFlowReply;

  it("writes German dates, decimals and plurals", async () => {
    const words = await createTranslator("de", "de", "UTC");
    expect(flowSummary(words, flow)).toBe(
      "1. Jan. 2027 – 2. Jan. 2027. Am letzten Tag: To do 2, Done 2. Aktuelle WIP 0. Seit 1. Jan. 2027 (2 Tage): durchschnittliche WIP 1,5, 1 Karte abgeschlossen, 0,5 pro Tag, ungefähre durchschnittliche Bearbeitungszeit 3 Tage.",
    );
  });

  it("writes Arabic separators, numbers and the dual", async () => {
    const words = await createTranslator("ar", "ar", "UTC");
    const text = flowSummary(words, flow);
    expect(text).toContain(`To do ${new Intl.NumberFormat("ar").format(2)}، Done`);
    expect(text).toContain("(يومان)");
    expect(text).toContain(`متوسط العمل الجاري ${new Intl.NumberFormat("ar").format(1.5)}،`);
  });
});
