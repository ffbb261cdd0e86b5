import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LoginPage } from "../../features/auth/auth-pages";
import { DashboardFigures, type Figures } from "../../features/home/dashboard-figures";
import { type ShippedLocale, useI18n } from "./i18n";
import { createTranslator } from "./runtime";

const speak = async (locale: ShippedLocale) =>
  useI18n.setState({ translator: await createTranslator(locale, locale, "UTC") });

const figures: Figures = {
  total: 3,
  notStarted: 1,
  inProgress: 1,
  completed: 1,
  late: 2,
  blocked: 0,
  startDate: "2027-03-03",
  dueDate: "2027-04-30",
  burnup: [
    { date: "2027-01-04", scope: 2, completed: 0 },
    { date: "2027-03-29", scope: 3, completed: 1 },
  ],
};

afterEach(() => {
  cleanup();
  useI18n.setState({ translator: null });
});

describe("the workspace dashboard's figures in other languages", () => {
  it("speaks German: counts, the progress bar's name and the date span", async () => {
    await speak("de");
    render(<DashboardFigures figures={figures} name="Tag der offenen Tür" />);
    expect(screen.getByText("1 von 3 erledigt")).toBeTruthy();
    expect(screen.getByText("2 überfällig")).toBeTruthy();
    expect(screen.getByText("0 blockiert")).toBeTruthy();
    expect(screen.getByText("1 nicht begonnen, 1 in Arbeit, 1 erledigt")).toBeTruthy();
    const percent = new Intl.NumberFormat("de", { style: "percent" }).format(0.33);
    expect(
      screen.getByRole("img", {
        name: `Tag der offenen Tür: ${percent} erledigt (1 nicht begonnen, 1 in Arbeit, 1 erledigt)`,
      }),
    ).toBeTruthy();
    expect(screen.getByText(/3\. März.*30\. Apr/)).toBeTruthy();
  });

  it("speaks Arabic with its dual and its own digits", async () => {
    await speak("ar");
    render(<DashboardFigures figures={figures} name="يوم مفتوح" />);
    const digit = (n: number) => new Intl.NumberFormat("ar").format(n);
    // Two late cards take the dual form, which carries no numeral.
    expect(screen.getByText("اثنتان متأخرتان")).toBeTruthy();
    expect(screen.getByText("لا معاقات")).toBeTruthy();
    expect(screen.getByText(`أُنجز ${digit(1)} من ${digit(3)}`)).toBeTruthy();
    expect(screen.getByText("واحدة لم تبدأ، واحدة قيد التنفيذ، واحدة منجزة")).toBeTruthy();
  });
});

describe("the sign-in page in other languages", () => {
  beforeEach(() => {
    // The instance offers passwords only and is open for sign-up.
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        Response.json(
          String(url).includes("signup-mode")
            ? { mode: "open", canSignUp: true }
            : { password: true, sso: null },
        ),
      ),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ["de", "Willkommen zurück", "E-Mail", "Passwort", "Anmelden", "Passwort vergessen?"],
    ["ar", "مرحبًا بعودتك", "البريد الإلكتروني", "كلمة المرور", "تسجيل الدخول", "نسيت كلمة المرور؟"],
  ] as const)("speaks %s", async (locale, title, email, password, submit, forgot) => {
    await speak(locale);
    render(
      <MemoryRouter initialEntries={["/login"]}>
        <LoginPage />
      </MemoryRouter>,
    );
    expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByLabelText(email)).toBeTruthy();
    expect(screen.getByLabelText(password)).toBeTruthy();
    expect(screen.getByRole("button", { name: submit })).toBeTruthy();
    expect(await screen.findByRole("link", { name: forgot })).toBeTruthy();
  });
});
