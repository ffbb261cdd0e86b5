import { type Browser, expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, createBoardByApi, invitationTokenFor, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string, width = 1280) => {
  const context = await browser.newContext({ viewport: { width, height: 860 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

test("a member invited in the settings is in the card's pickers as soon as they accept, and a new space's first card can be blocked", async ({
  browser,
}) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Agent");
  const board = await createBoardByApi(ana.page.request, { workspace: "Field team", space: "Week 14" });
  const card = await addCardByApi(
    ana.page.request,
    board.spaceId,
    "Order spare parts",
    board.statusId("To Do"),
  );
  const { page } = ana;

  // Ana opens the card: she alone can be made responsible.
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.getByRole("button", { name: "Set responsible" }).click();
  let picker = page.getByRole("dialog", { name: "Choose the responsible person" });
  await expect(picker.getByRole("button", { name: /Ana Owner/ })).toBeVisible();
  await expect(picker.getByRole("button", { name: /Ben Agent/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(panel).toBeVisible();

  // She invites Ben in the settings; he follows the link and joins. She comes back through the sidebar.
  await page.getByRole("button", { name: "Actions for Field team" }).click();
  await page.getByRole("menuitem", { name: "Settings & members" }).click();
  await page.getByLabel("Invite by email").fill(ben.user.email);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText(`Invitation sent to ${ben.user.email}.`)).toBeVisible();
  await ben.page.goto(`/invite#${await invitationTokenFor(browser, ben.user.email)}`);
  await ben.page.getByRole("button", { name: "Join Field team" }).click();
  await expect(ben.page).toHaveURL(new RegExp(`/w/${board.workspaceId}$`));
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Week 14" }).click();
  await cardIn(page, "To Do", "Order spare parts").getByRole("link").click();

  // Ben is there to choose, without a reload.
  await panel.getByRole("button", { name: "Set responsible" }).click();
  picker = page.getByRole("dialog", { name: "Choose the responsible person" });
  await picker.getByRole("button", { name: /Ben Agent/ }).click();
  await expect(panel.getByTestId("responsible")).toContainText("Ben Agent");

  // The space is new: it has no blocker types. The Block form offers to create one.
  await panel.getByRole("button", { name: "⊘ Block…" }).click();
  const blockForm = panel.getByTestId("block-form");
  await expect(blockForm).toContainText("This space has no blocker types yet");
  await blockForm.getByLabel("New blocker type for this space").fill("Waiting for a supplier");
  await blockForm.getByRole("button", { name: "Add type" }).click();
  await expect(blockForm.getByLabel("Blocked by")).toContainText("Waiting for a supplier");
  await blockForm.getByLabel("Reason").fill("Gaskets are on back order");
  await blockForm.getByRole("button", { name: "Block card" }).click();
  const open = panel.getByRole("list", { name: "Open blockers" });
  await expect(open).toContainText("Waiting for a supplier");
  await expect(cardIn(page, "To Do", "Order spare parts").locator(".card-front-blocked")).toBeVisible();

  // Its history says all of it, newest first, with who did it.
  const activity = panel.getByRole("list", { name: "Card activity" });
  await expect(activity.getByRole("listitem").first()).toContainText(
    "You blocked 'Order spare parts' (Waiting for a supplier: 'Gaskets are on back order')",
  );
  await expect(activity).toContainText("You made Ben Agent responsible for 'Order spare parts'");
  await saveScreenshot(page, "card-panel-blocked");

  await ana.context.close();
  await ben.context.close();
});

test("at phone width Escape closes the sidebar drawer, and then the card", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Phone", 390);
  const board = await createBoardByApi(ana.page.request, { workspace: "Pocket", space: "Errands" });
  const card = await addCardByApi(ana.page.request, board.spaceId, "Buy stamps", board.statusId("To Do"));
  const { page } = ana;
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await expect(panel).toBeVisible();

  await page.getByRole("button", { name: "Show sidebar" }).click();
  const sidebar = page.getByRole("navigation", { name: "Workspaces" });
  await expect(sidebar).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sidebar).toBeHidden();
  await expect(panel).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await ana.context.close();
});
