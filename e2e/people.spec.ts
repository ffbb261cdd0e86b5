import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addMemberByInvitation, createBoardByApi, logInByApi, signUpByApi } from "./helpers.js";

test("an owner shares a private space with one teammate, picks a dark theme, and a teammate joins a public workspace", async ({
  browser,
}) => {
  const anaContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const boContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await anaContext.newPage();
  const boPage = await boContext.newPage();
  await signUpByApi(page.request, "Ana Owner");
  const bo = await signUpByApi(boPage.request, "Bo Teammate");
  const board = await createBoardByApi(page.request, { workspace: "Ward 9", space: "Staff appraisals" });
  expect((await page.request.patch(`/api/spaces/${board.spaceId}`, { data: { isPrivate: true } })).ok()).toBe(
    true,
  );
  await addMemberByInvitation(browser, page.request, board.workspaceId, {
    request: boPage.request,
    email: bo.email,
  });
  // A member of the workspace, but not of the private space: answered as if it did not exist.
  expect((await boPage.request.get(`/api/spaces/${board.spaceId}/board`)).status()).toBe(404);

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await page.getByRole("button", { name: "Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Space members" });
  await expect(dialog.getByText("only these people and the workspace's owners can see it")).toBeVisible();
  await dialog.getByLabel("Person").selectOption({ label: `Bo Teammate (${bo.email})` });
  await dialog.getByLabel("Role in this space").selectOption("visitor");
  await dialog.getByRole("button", { name: "Add to space" }).click();
  await expect(
    dialog.getByRole("list", { name: "Space members" }).getByText("Bo Teammate", { exact: true }),
  ).toBeVisible();
  await saveScreenshot(page, "space-members-dialog");
  expect((await boPage.request.get(`/api/spaces/${board.spaceId}/board`)).status()).toBe(200);
  await dialog.getByRole("button", { name: "Done" }).click();

  // A dark theme chosen in the settings holds whatever the system prefers, also after a reload.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/account");
  await page.getByLabel("Dark").check();
  await page.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Your settings are saved.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Tokyo");
  await saveScreenshot(page, "settings-dark");
  await page.getByLabel("Follow the system").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  // Bo finds Ana's public workspace in the list and joins it as a visitor.
  const open = await (
    await page.request.post("/api/workspaces", { data: { name: "Open clinic", visibility: "public" } })
  ).json();
  await boPage.goto("/public-workspaces");
  await boPage.getByRole("button", { name: "Join Open clinic" }).click();
  await expect(boPage).toHaveURL(new RegExp(`/w/${open.id}$`));
  await boPage.goto("/public-workspaces");
  await expect(
    boPage.getByRole("list", { name: "Public workspaces" }).getByText("joins as visitor").first(),
  ).toBeVisible();
  await saveScreenshot(boPage, "public-workspaces");

  await anaContext.close();
  await boContext.close();
});

test("the instance administrator deactivates a person, who is signed out at once, and reactivates them", async ({
  browser,
}) => {
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const caraContext = await browser.newContext();
  const page = await adminContext.newPage();
  const caraPage = await caraContext.newPage();
  // The demo's first account is the instance's administrator.
  await logInByApi(page.request, "maria.jensen@hospital.example", "lattice-demo-2027");
  const cara = await signUpByApi(caraPage.request, "Cara Leaving");

  await page.goto("/");
  await page.getByRole("link", { name: "Accounts" }).click();
  const row = page
    .getByRole("list", { name: "Accounts" })
    .getByRole("listitem")
    .filter({ hasText: cara.email });
  await row.getByRole("button", { name: "Deactivate Cara Leaving" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText(/Deactivated/)).toBeVisible();
  await saveScreenshot(page, "accounts-deactivated");
  expect((await caraPage.request.get("/api/me")).status()).toBe(401);
  const refused = await caraPage.request.post("/api/auth/login", {
    data: { email: cara.email, password: "correct horse battery staple" },
  });
  expect(refused.status()).toBe(403);

  await row.getByRole("button", { name: "Reactivate Cara Leaving" }).click();
  await expect(row.getByRole("button", { name: "Deactivate Cara Leaving" })).toBeVisible();
  await logInByApi(caraPage.request, cara.email);

  await adminContext.close();
  await caraContext.close();
});
