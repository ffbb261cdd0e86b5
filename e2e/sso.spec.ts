import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addMemberByInvitation, createBoardByApi, signUpByApi } from "./helpers.js";

test("a nurse opens a link to her team's board, signs in with the hospital's single sign-on and lands on the board", async ({
  browser,
}) => {
  // The test provider gives login `x` the verified address x@example.test.
  const login = `nina-${randomUUID().slice(0, 8)}`;
  const email = `${login}@example.test`;
  // Her account exists (made with a password); the ward's owner has her in the workspace.
  const ownerContext = await browser.newContext();
  const setupContext = await browser.newContext();
  const owner = ownerContext.request;
  const setup = setupContext.request;
  await signUpByApi(owner, "Ward Owner");
  const board = await createBoardByApi(owner, { workspace: "Ward 7", space: "Night shift" });
  await signUpByApi(setup, "Nina Nurse", email);
  await addMemberByInvitation(browser, owner, board.workspaceId, { request: setup, email });
  await owner.post(`/api/spaces/${board.spaceId}/cards`, {
    data: { name: "Check the drip rates", statusId: board.statusId("To Do") },
  });

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page).toHaveURL(/\/login/);
  const button = page.getByRole("link", { name: "Sign in with Hospital ID" });
  await expect(button).toBeVisible();
  await saveScreenshot(page, "sso-login-page");
  await button.click();

  // At the provider's own page.
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("whatever the hospital uses");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // Back in the app, signed in as Nina, on the board she was sent to.
  await expect(page).toHaveURL(new RegExp(`/w/${board.workspaceId}/s/${board.spaceId}$`));
  await expect(page.getByText("Check the drip rates")).toBeVisible();
  const me = await (await page.request.get("/api/me")).json();
  expect(me.email).toBe(email);
  await saveScreenshot(page, "sso-landed-on-board");

  // A replayed or forged callback is refused with a sentence on the login page.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/api/auth/oidc/callback?code=forged&state=forged");
  await expect(otherPage).toHaveURL(/\/login\?sso_error=state/);
  await expect(otherPage.getByRole("alert")).toContainText("started in another browser");
  await saveScreenshot(otherPage, "sso-refused");

  await other.close();
  await context.close();
  await ownerContext.close();
  await setupContext.close();
});
