/**
 * Custom fields, as a coordinator uses them: the space's owner defines a "Ward" choice field, sets it
 * on a card in its panel and sees it on the card's front, filters the board by it, groups the board
 * into swimlanes by it, and sets it on another card from the List without opening the card.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, column, createBoardByApi, signUpByApi } from "./helpers.js";

test("a choice field is defined, set in the panel, shown on the card, filtered, laned and edited in the List", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Fields");
  const board = await createBoardByApi(page.request, { workspace: "Hospital", space: "Bed management" });
  await addCardByApi(page.request, board.spaceId, "Bed 4 handover", board.statusId("To Do"));
  await addCardByApi(page.request, board.spaceId, "Bed 7 discharge", board.statusId("To Do"));
  const base = `/w/${board.workspaceId}/s/${board.spaceId}`;
  await page.goto(base);

  // Define the field in the space's settings.
  await page.getByRole("button", { name: "Fields", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Fields" });
  await dialog.getByLabel("New field name").fill("Ward");
  await dialog.getByLabel("New field kind").selectOption("single_choice");
  await dialog.getByLabel("New field choices").fill("Cardiology, Oncology");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(dialog.getByLabel("Options of Ward").getByText("Oncology")).toBeVisible();
  await saveScreenshot(page, "fields-dialog");
  await dialog.getByRole("button", { name: "Done" }).click();

  // Set it on a card in its panel; it shows on the card's front.
  await cardIn(page, "To Do", "Bed 4 handover").getByRole("link").click();
  const panel = page.getByRole("region", { name: "Fields" });
  await panel.getByLabel("Ward").selectOption({ label: "Cardiology" });
  await expect(cardIn(page, "To Do", "Bed 4 handover").getByText("Cardiology")).toBeVisible();
  await saveScreenshot(page, "fields-panel");
  await page.getByRole("button", { name: "Close card (Escape)" }).click();
  await expect(cardIn(page, "To Do", "Bed 4 handover").getByText("Cardiology")).toBeVisible();
  await expect(cardIn(page, "To Do", "Bed 7 discharge").getByText("Cardiology")).toHaveCount(0);

  // Filter the board by it: the address carries the filter.
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Filters" })
    .getByLabel("Ward")
    .selectOption({ label: "Cardiology" });
  await page.keyboard.press("Escape");
  await expect(
    page.getByRole("list", { name: "Active filters" }).getByText("Ward: Cardiology"),
  ).toBeVisible();
  await expect(column(page, "To Do").locator("li.card-tile")).toHaveCount(1);
  expect(new URL(page.url()).searchParams.size).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Remove filter Ward: Cardiology" }).click();
  await expect(column(page, "To Do").locator("li.card-tile")).toHaveCount(2);

  // Group the board into swimlanes by it.
  await page.getByLabel("Swimlanes").selectOption({ label: "By Ward" });
  const cardiology = page.getByRole("region", { name: "Lane Cardiology" });
  await expect(cardiology.getByText("Bed 4 handover")).toBeVisible();
  await expect(page.getByRole("region", { name: "Lane No Ward" }).getByText("Bed 7 discharge")).toBeVisible();
  await saveScreenshot(page, "fields-swimlanes");

  // Edit it in place in the List; the board follows.
  await page.getByRole("link", { name: "List", exact: true }).click();
  // Picked the instant the List opens, while the List's own read of the board is under way: the pick
  // must stay (a snapshot read before it once took it back on screen).
  await page.getByLabel("Ward of Bed 7 discharge").selectOption({ label: "Oncology" });
  await expect(page.getByLabel("Ward of Bed 7 discharge")).toHaveValue(/.+/);
  await saveScreenshot(page, "fields-list");
  // After a reload (what the server stored), the board puts the card in its lane.
  await page.goto(base);
  await page.getByLabel("Swimlanes").selectOption({ label: "By Ward" });
  await expect(
    page.getByRole("region", { name: "Lane Oncology" }).getByText("Bed 7 discharge"),
  ).toBeVisible();
  await context.close();
});
