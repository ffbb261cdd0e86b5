/**
 * My space: a person puts a card on their own board from its panel, finds it there, drags it to
 * another personal column, and sees the mirror follow a rename made by a teammate in the card's space.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, addMemberByInvitation, createBoardByApi, dragTo, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

const personalColumn = (page: Page, name: string) =>
  page.locator("section.my-space-column").filter({ has: page.getByRole("heading", { name, exact: false }) });
const mirror = (page: Page, columnName: string, cardName: string) =>
  personalColumn(page, columnName).locator("li.mirror-tile").filter({ hasText: cardName });

test("a person adds a card to My space from its panel, drags it to another personal column, and sees a teammate's rename arrive", async ({
  browser,
}) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Member");
  const board = await createBoardByApi(ana.page.request, { workspace: "Clinic", space: "Outpatients" });
  await addMemberByInvitation(browser, ana.page.request, board.workspaceId, {
    request: ben.page.request,
    email: ben.user.email,
  });
  const card = await addCardByApi(
    ana.page.request,
    board.spaceId,
    "Book interpreters",
    board.statusId("To Do"),
  );
  const cardUrl = `/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`;

  // Ben opens the card and adds it to his My space from the panel.
  await ben.page.goto(cardUrl);
  const panel = ben.page.getByRole("complementary", { name: "Card details" });
  const box = panel.getByTestId("my-space-box");
  await box.getByRole("button", { name: "Add to My space" }).click();
  await expect(box).toContainText("On My space in To do");

  // He goes to My space from the navigation beside "My work": the mirror is in his first column.
  await ben.page
    .getByRole("navigation", { name: "Personal" })
    .getByRole("link", { name: "My space" })
    .click();
  await expect(ben.page.getByRole("heading", { name: "My space", level: 1 })).toBeVisible();
  await expect(mirror(ben.page, "To do", "Book interpreters")).toBeVisible();
  await expect(mirror(ben.page, "To do", "Book interpreters")).toContainText("Outpatients");
  await expect(mirror(ben.page, "To do", "Book interpreters")).toContainText("To Do");

  // He drags it to Doing: only his placement changes, and it stays there after a reload.
  await dragTo(
    ben.page,
    mirror(ben.page, "To do", "Book interpreters"),
    personalColumn(ben.page, "Doing").locator(".my-space-cards"),
  );
  await expect(mirror(ben.page, "Doing", "Book interpreters")).toBeVisible();
  await expect(mirror(ben.page, "To do", "Book interpreters")).toHaveCount(0);
  await ben.page.reload();
  await expect(mirror(ben.page, "Doing", "Book interpreters")).toBeVisible();
  // The card keeps its own status in its space.
  await expect(mirror(ben.page, "Doing", "Book interpreters")).toContainText("To Do");

  // Ana renames the card in its space, in her own browser; Ben's mirror follows without a reload.
  await ana.page.goto(cardUrl);
  const name = ana.page.getByRole("textbox", { name: "Card name" });
  await name.fill("Book interpreters for Tuesday");
  await name.press("Enter");
  await expect(mirror(ben.page, "Doing", "Book interpreters for Tuesday")).toBeVisible();
  // Ana's own My space shows nothing of Ben's.
  await ana.page.goto("/my-space");
  await expect(ana.page.getByRole("heading", { name: "My space", level: 1 })).toBeVisible();
  await expect(ana.page.locator("section.my-space-column li.mirror-tile")).toHaveCount(0);

  // Opening the mirror opens the card's panel.
  await mirror(ben.page, "Doing", "Book interpreters for Tuesday").getByRole("link").click();
  await expect(ben.page.getByRole("complementary", { name: "Card details" })).toBeVisible();
  await ben.page.goBack();
  await expect(mirror(ben.page, "Doing", "Book interpreters for Tuesday")).toBeVisible();
  await saveScreenshot(ben.page, "my-space");

  await ana.context.close();
  await ben.context.close();
});
