import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { logInByApi, password, signUpByApi } from "./helpers.js";

const phoneAgent =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

const sessionRows = (page: Page) => page.getByRole("list", { name: "Sessions" }).getByRole("listitem");

test("a person changes their password and their other browser is signed out, then signs out a session by hand", async ({
  browser,
}) => {
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: phoneAgent });
  const page = await laptop.newPage();
  const phonePage = await phone.newPage();
  const ana = await signUpByApi(page.request, "Ana Account");
  await logInByApi(phonePage.request, ana.email);

  // From the sidebar's user block to the account page: both browsers are listed.
  await page.goto("/");
  await page.getByRole("link", { name: /Ana Account/ }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(2);
  await expect(sessionRows(page).filter({ hasText: "This browser" })).toHaveCount(1);
  await expect(sessionRows(page).filter({ hasText: "Safari on iPhone" })).toHaveCount(1);
  await saveScreenshot(page, "account-sessions");

  // A wrong current password is explained and changes nothing.
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat the new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("is wrong")).toBeVisible();
  expect((await phonePage.request.get("/api/me")).status()).toBe(200);

  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Every other session was signed out.")).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(1);
  expect((await phonePage.request.get("/api/me")).status()).toBe(401);
  await phonePage.goto("/");
  await expect(phonePage).toHaveURL(/\/login/);

  // The phone logs in again with the new password; the laptop signs it out from the list.
  await logInByApi(phonePage.request, ana.email, "a brand new passphrase");
  await page.reload();
  await expect(sessionRows(page)).toHaveCount(2);
  await sessionRows(page)
    .filter({ hasText: "Safari on iPhone" })
    .getByRole("button", { name: /Sign out/ })
    .click();
  await expect(sessionRows(page)).toHaveCount(1);
  expect((await phonePage.request.get("/api/me")).status()).toBe(401);
  expect((await page.request.get("/api/me")).status()).toBe(200);
  await saveScreenshot(page, "account-after-sign-out");

  await laptop.close();
  await phone.close();
});

test("a person chooses which notifications come by e-mail, and the choice is kept", async ({ page }) => {
  await signUpByApi(page.request, "Cy Mail");
  await page.goto("/account#notifications");
  const section = page.getByRole("region", { name: "Notifications by e-mail" });
  await expect(section).toBeVisible();
  const comments = section.getByLabel("Someone comments on a card I follow");
  await expect(section.getByLabel("Someone mentions me")).toHaveValue("instant");
  await expect(comments).toHaveValue("digest");

  await comments.selectOption({ label: "Never by e-mail" });
  await expect(page.getByText("Your e-mail choices are saved.")).toBeVisible();
  await section.getByLabel(/Send me a daily digest/).uncheck();
  await expect(section.getByLabel(/Send me a daily digest/)).not.toBeChecked();
  await saveScreenshot(page, "account-notifications");

  await page.reload();
  await expect(section.getByLabel("Someone comments on a card I follow")).toHaveValue("never");
  await expect(section.getByLabel("Someone mentions me")).toHaveValue("instant");
  await expect(section.getByLabel(/Send me a daily digest/)).not.toBeChecked();
});
