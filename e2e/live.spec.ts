import { type Browser, expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, column, createBoardByApi, dragTo, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

test("a teammate sees a card dragged by someone else arrive within a second, without reloading", async ({
  browser,
}) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Member");
  const board = await createBoardByApi(ana.page.request, { workspace: "Platform", space: "Sprint 12" });
  const invite = await ana.page.request.post(`/api/workspaces/${board.workspaceId}/members`, {
    data: { email: ben.user.email, role: "member" },
  });
  expect(invite.ok()).toBe(true);
  for (const name of ["Triage rota", "Upgrade PostgreSQL", "Rotate keys"]) {
    await addCardByApi(ana.page.request, board.spaceId, name, board.statusId("To Do"));
  }
  await addCardByApi(ana.page.request, board.spaceId, "Write the brief", board.statusId("Doing"));

  const url = `/w/${board.workspaceId}/s/${board.spaceId}`;
  await Promise.all([ana.page.goto(url), ben.page.goto(url)]);
  for (const { page } of [ana, ben]) {
    await expect(cardIn(page, "To Do", "Upgrade PostgreSQL")).toBeVisible();
    await expect(page.getByText("Live", { exact: true })).toBeVisible();
  }

  // Ben opens a card: Ana sees who is here and what they are looking at.
  await cardIn(ben.page, "To Do", "Triage rota").getByRole("link").click();
  await expect(ben.page.getByRole("complementary", { name: "Card details" })).toBeVisible();
  await expect(ana.page.getByRole("list", { name: "Also here" })).toContainText("Ben Member");
  await expect(cardIn(ana.page, "To Do", "Triage rota")).toContainText("Open by Ben Member");

  // Ana drags a card into Doing, below "Write the brief"; Ben sees it arrive there.
  await dragTo(
    ana.page,
    cardIn(ana.page, "To Do", "Upgrade PostgreSQL"),
    column(ana.page, "Doing").locator(".add-card-button"),
    "top",
  );
  await expect(cardIn(ana.page, "Doing", "Upgrade PostgreSQL")).toBeVisible();
  await expect(cardIn(ben.page, "Doing", "Upgrade PostgreSQL")).toBeVisible({ timeout: 1000 });
  await expect(cardIn(ben.page, "To Do", "Upgrade PostgreSQL")).toHaveCount(0);

  // And the other way round, with the card Ben has open: its activity says who moved it.
  await dragTo(
    ben.page,
    cardIn(ben.page, "To Do", "Triage rota"),
    column(ben.page, "Done").locator(".column-cards"),
  );
  await expect(cardIn(ana.page, "Done", "Triage rota")).toBeVisible({ timeout: 1000 });
  await expect(ben.page.getByRole("complementary", { name: "Card details" })).toContainText(
    "You moved 'Triage rota' from To Do to Done",
  );
  await ana.page.goto(
    `${url}/c/${(await cardIn(ana.page, "Done", "Triage rota").getAttribute("data-card-id")) ?? ""}`,
  );
  // Opened later, the card still tells its history: who moved it, and who created it.
  const anaActivity = ana.page.getByRole("list", { name: "Card activity" });
  await expect(anaActivity).toContainText("Ben Member moved 'Triage rota' from To Do to Done");
  await expect(anaActivity).toContainText("You created 'Triage rota' in To Do");

  await saveScreenshot(ana.page, "live-owner");
  await saveScreenshot(ben.page, "live-member");
  await ana.context.close();
  await ben.context.close();
});
