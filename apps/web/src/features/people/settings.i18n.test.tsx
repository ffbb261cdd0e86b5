/**
 * The settings family in German and Arabic: the instance's accounts page (counts as ICU plurals,
 * dates through the translator) and the CSV import's file checks, which run outside React.
 */
import type { AdminUser } from "@lattice/domain";
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { peopleApi } from "../../api/people";
import { type ShippedLocale, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { useSession } from "../../store/session";
import { readCsvBytes } from "../imports/csv-file";
import { AccountsPage } from "./accounts-page";

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const admin: AdminUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "maria@hospital.example",
  name: "Maria Jensen",
  isAdmin: true,
  createdAt: "2027-03-03T09:00:00.000Z",
  deactivatedAt: null,
  sessions: 2,
};
const colleague: AdminUser = {
  ...admin,
  id: "00000000-0000-4000-8000-000000000002",
  email: "ole@hospital.example",
  name: "Ole Berg",
  isAdmin: false,
  sessions: 1,
};

const showAccounts = async () => {
  vi.spyOn(peopleApi, "listUsers").mockResolvedValue([admin, colleague]);
  useSession.setState({
    user: {
      id: admin.id,
      email: admin.email,
      name: admin.name,
      isAdmin: true,
      color: null,
      locale: "en",
      timeZone: null,
      theme: "system",
      createdAt: admin.createdAt,
    },
  });
  render(
    <MemoryRouter>
      <AccountsPage />
    </MemoryRouter>,
  );
  await screen.findByRole("list");
};

/** No message key (`people.accounts.title`) anywhere on the page. */
const expectNoRawKeys = () =>
  expect(document.body.textContent ?? "").not.toMatch(/\b(people|settings|admin|imports)\.[a-z]+\.[a-zA-Z]+/);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useI18n.setState({ translator: null });
  useSession.setState({ user: null });
});

describe("the accounts page in other languages", () => {
  it("speaks German: headings, plurals of sessions, the button and the list's name", async () => {
    await speak("de");
    await showAccounts();
    expect(screen.getByRole("heading", { name: "Konten" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Alle, die sich hier anmelden können" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "Konten" })).toBeTruthy();
    const since = new Intl.DateTimeFormat("de", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(admin.createdAt),
    );
    expect(screen.getByText(`maria@hospital.example · seit ${since} · 2 Sitzungen`)).toBeTruthy();
    expect(screen.getByText(`ole@hospital.example · seit ${since} · 1 Sitzung`)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ole Berg deaktivieren" }).textContent).toBe("Deaktivieren");
    expect(screen.getByText("(Sie)")).toBeTruthy();
    expectNoRawKeys();
  });

  it("speaks Arabic with its dual and its own date", async () => {
    await speak("ar");
    await showAccounts();
    expect(screen.getByRole("heading", { name: "الحسابات" })).toBeTruthy();
    const since = new Intl.DateTimeFormat("ar", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(admin.createdAt),
    );
    // Two sessions take the dual form, which carries no numeral; one session is spelled out.
    expect(screen.getByText(`maria@hospital.example · منذ ${since} · جلستان`)).toBeTruthy();
    expect(screen.getByText(`ole@hospital.example · منذ ${since} · جلسة واحدة`)).toBeTruthy();
    expect(screen.getByRole("button", { name: "تعطيل Ole Berg" })).toBeTruthy();
    expectNoRawKeys();
  });
});

describe("the CSV import's file checks in other languages", () => {
  it("refuse an empty file in German and in Arabic", async () => {
    await speak("de");
    expect(readCsvBytes(new Uint8Array(), "leer.csv")).toEqual({ ok: false, error: "„leer.csv“ ist leer." });
    await speak("ar");
    expect(readCsvBytes(new Uint8Array(), "empty.csv")).toEqual({ ok: false, error: "«empty.csv» فارغ." });
  });
});
