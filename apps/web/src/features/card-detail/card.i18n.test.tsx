/**
 * The card panel in German and in Arabic: its sections, the repeat rule, a blocker and the empty
 * states come from the card messages in the reader's language (and never as a raw key).
 */
import type { Blocking, Card, CardRepeat, Member } from "@lattice/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ShippedLocale, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { useBoard } from "../../store/board";
import { useWorkspaces } from "../../store/workspaces";
import { CardPanel } from "./card-panel";

// jsdom has no media queries; the panel's parts ask for the viewport's width.
vi.hoisted(() => {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }) as unknown as MediaQueryList;
});

const ws = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const cardId = "00000000-0000-4000-8000-000000000003";
const statusId = "00000000-0000-4000-8000-000000000004";
const anaId = "00000000-0000-4000-8000-0000000000a1";
const at = "2026-01-05T10:00:00.000Z";

const ana: Member = {
  workspaceId: ws,
  userId: anaId,
  email: "ana@example.com",
  name: "Ana Owner",
  color: null,
  role: "owner",
  capacityPerWeek: null,
  createdAt: at,
};

const repeat: CardRepeat = {
  seriesId: "5f0c3c1e-7c62-4d5b-9a55-2f1d6f0f7a10",
  rule: "FREQ=MONTHLY;BYDAY=+2TU",
  endsAfter: 2,
  endsOn: null,
  timeZone: "UTC",
  createWhen: "completed",
  daysBefore: 0,
  anchorDate: "2026-12-08",
  occurrenceDate: "2026-12-08",
  occurrenceCount: 1,
  nextDate: "2030-01-08",
};

const card: Card = {
  id: cardId,
  workspaceId: ws,
  spaceId,
  statusId,
  name: "Triage rota",
  description: "",
  position: "a0",
  createdBy: anaId,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: "2026-12-08",
  todoTotal: 0,
  todoDone: 0,
  isBlocked: true,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat,
  createdAt: at,
  updatedAt: at,
  completedAt: null,
  archivedAt: null,
  version: 1,
};

const blocking: Blocking = {
  id: "00000000-0000-4000-8000-0000000000d4",
  workspaceId: ws,
  spaceId,
  cardId,
  blockerTypeId: "00000000-0000-4000-8000-0000000000c3",
  blockerName: "Supplier",
  reason: "Gloves are late",
  responsibleId: null,
  blockedBy: anaId,
  blockedAt: at,
  clearedAt: null,
  clearedBy: null,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });

const answer = (path: string): Response => {
  switch (path.split("?")[0]) {
    case `/api/workspaces/${ws}/members`:
      return json(200, [ana]);
    case `/api/cards/${cardId}/blockings`:
      return json(200, [blocking]);
    case `/api/cards/${cardId}/comments`:
    case `/api/cards/${cardId}/todos`:
    case `/api/spaces/${spaceId}/labels`:
      return json(200, []);
    case `/api/cards/${cardId}/activity`:
      return json(200, { items: [], nextBefore: null });
    default:
      return json(404, { type: "about:blank", title: "Not found", status: 404, code: "not_found" });
  }
};

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const renderPanel = () =>
  render(
    <MemoryRouter initialEntries={[`/w/${ws}/s/${spaceId}/c/${cardId}`]}>
      <CardPanel cardId={cardId} workspaceId={ws} spaceId={spaceId} />
    </MemoryRouter>,
  );

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => answer(path)),
  );
  useWorkspaces.getState().reset();
  useBoard.setState({
    role: "owner",
    status: "ready",
    spaceId,
    view: {
      space: null,
      statuses: {},
      cards: { [cardId]: card },
      relations: {},
      fields: {},
      fieldValues: {},
    },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useI18n.setState({ translator: null });
});

const noRawKeys = () => expect(document.body.textContent).not.toMatch(/\bcard\.[a-z]+\.[a-zA-Z.]+/);

describe("the card panel in other languages", () => {
  it("speaks German: sections, the repeat rule, the blocker and the empty states", async () => {
    await speak("de");
    renderPanel();
    const panel = screen.getByRole("complementary", { name: "Kartendetails" });
    expect(within(panel).getByRole("heading", { name: "Personen und Termine" })).toBeTruthy();
    expect(within(panel).getByRole("heading", { name: "Wiederholung" })).toBeTruthy();
    expect(screen.getByTestId("repeat-summary").textContent).toContain(
      "Wiederholt sich jeden 2. Dienstag, 2-mal; nächstes Mal am 8. Jan. 2030",
    );
    expect(
      within(panel).getByText(
        "Blockiert – der Status lässt sich erst ändern, wenn die Blocker aufgehoben sind",
      ),
    ).toBeTruthy();
    await waitFor(() => expect(within(panel).getByText(/^Blockiert von Ana Owner · /)).toBeTruthy());
    await waitFor(() => expect(within(panel).getByText("Noch keine Kommentare.")).toBeTruthy());
    expect(within(panel).getByRole("button", { name: "Karte schließen (Escape)" })).toBeTruthy();
    noRawKeys();
  });

  it("speaks Arabic: sections, the repeat rule with its dual, the blocker and the empty states", async () => {
    await speak("ar");
    renderPanel();
    const panel = screen.getByRole("complementary", { name: "تفاصيل البطاقة" });
    expect(within(panel).getByRole("heading", { name: "الأشخاص والمواعيد" })).toBeTruthy();
    expect(within(panel).getByRole("heading", { name: "التكرار" })).toBeTruthy();
    const summary = screen.getByTestId("repeat-summary").textContent ?? "";
    expect(summary).toContain("تتكرر كل شهر يوم الثلاثاء الثاني، مرتين؛ الموعد التالي");
    await waitFor(() => expect(within(panel).getByText(/^أعاقها Ana Owner · /)).toBeTruthy());
    await waitFor(() => expect(within(panel).getByText("لا توجد تعليقات بعد.")).toBeTruthy());
    expect(within(panel).getByRole("button", { name: "إغلاق البطاقة (Escape)" })).toBeTruthy();
    noRawKeys();
  });
});
