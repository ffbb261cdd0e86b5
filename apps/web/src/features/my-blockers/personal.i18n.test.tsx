/**
 * The personal pages speak the person's language: My blockers rendered in German and in Arabic shows
 * translated words, plurals by the language's rules and no raw message key.
 */
import type { MyBlockers } from "@lattice/domain";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { MyBlockersPage } from "./my-blockers-page";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const reply: MyBlockers = {
  items: [
    {
      cardId: id(1),
      workspaceId: id(2),
      spaceId: id(3),
      spaceName: "Ward 3",
      name: "Print posters",
      statusName: "Doing",
      statusRole: "in_progress",
      dueDate: null,
      roles: ["responsible"],
      blockings: [
        {
          id: id(4),
          blockerName: "Print shop",
          reason: "Closed until Monday",
          blockedAt: "2030-03-04T09:00:00.000Z",
          responsibleId: null,
          ageDays: 2,
        },
      ],
      waiting: 2,
      soonestDue: "2030-03-09",
      waitingCards: [
        { id: id(5), spaceId: id(3), workspaceId: id(2), name: "Open day", dueDate: "2030-03-09" },
      ],
    },
  ],
  watch: [],
};

vi.mock("../../api/dashboard", () => ({ dashboardApi: { myBlockers: async () => reply } }));

const show = async (locale: "de" | "ar") => {
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });
  render(
    <MemoryRouter>
      <MyBlockersPage />
    </MemoryRouter>,
  );
  await screen.findByText("Print posters");
  return document.body.textContent ?? "";
};

afterEach(cleanup);

describe("My blockers in the person's language", () => {
  it("speaks German, addressing the person as Sie", async () => {
    const text = await show("de");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Meine Blocker");
    expect(text).toContain("für die Sie verantwortlich sind");
    expect(text).toContain("2 Karten warten darauf");
    expect(text).toContain("vor 2 Tagen blockiert");
    expect(text).toContain("Verantwortlich");
    expect(text).not.toMatch(/myBlockers\./);
  });

  it("speaks Arabic, with the dual for two cards and two days", async () => {
    const text = await show("ar");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("عوائقي");
    expect(text).toContain("بطاقتان تنتظرانها");
    expect(text).toContain("حُظرت منذ يومين");
    expect(text).toContain("مسؤول");
    expect(screen.getByRole("list", { name: "عوائقي" })).toBeTruthy();
    expect(text).not.toMatch(/myBlockers\./);
  });
});
