/**
 * The interface in the person's language: from the account page, Deutsch turns the shell and the
 * page German at once; العربية turns them Arabic and lays the page out right to left; after a reload
 * the setting still holds, and English comes back the same way.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { signUpByApi } from "./helpers.js";

test("a person switches the interface to German, then to Arabic right to left, then back to English", async ({
  page,
}) => {
  await signUpByApi(page.request, "Lina Sprachen");
  expect((await page.request.post("/api/workspaces", { data: { name: "Klinik" } })).status()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  // Deutsch: saved, and the shell and the page are German without a reload.
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("heading", { name: "Konto", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByText("Ihre Einstellungen sind gespeichert.")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Persönlich" });
  await expect(nav.getByRole("link", { name: "Meine Arbeit" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Arbeitsbereiche" })).toContainText("Abmelden");
  await expect(page.getByRole("heading", { name: "Wo Sie angemeldet sind" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Einstellungen speichern" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Benachrichtigungen, 0 ungelesen" })).toBeVisible();
  await saveScreenshot(page, "languages-account-de");

  // العربية: right to left, Arabic texts; the sidebar sits on the right.
  await page.getByLabel("Sprache").selectOption({ label: "العربية" });
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("heading", { name: "الحساب", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(
    page.getByRole("navigation", { name: "شخصي" }).getByRole("link", { name: "عملي" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "احفظ الإعدادات" })).toBeVisible();
  const sidebar = await page.getByRole("navigation", { name: "مساحات العمل" }).boundingBox();
  const heading = await page.getByRole("heading", { name: "الحساب", level: 1 }).boundingBox();
  expect(sidebar && heading && sidebar.x > heading.x).toBe(true);
  await saveScreenshot(page, "languages-account-ar");

  // The setting holds across a reload, and the home page and bell speak Arabic too.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "مرحبًا بعودتك يا Lina", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "الإشعارات، لا شيء غير مقروء" }).click();
  await expect(page.getByText("لا جديد. لقد اطّلعت على كل شيء.")).toBeVisible();
  await saveScreenshot(page, "languages-home-ar");

  // Back to English.
  await page.goto("/account");
  await page.getByLabel("اللغة").selectOption({ label: "English" });
  await page.getByRole("button", { name: "احفظ الإعدادات" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});
