import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, createBoardByApi, dragTo, signUpByApi } from "./helpers.js";

test("a card moved to another space from its panel leaves this board and shows on the other, live for a teammate watching it", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Mover");
  const board = await createBoardByApi(page.request, { workspace: "Hospital flow", space: "Ward A" });
  const wardB = (await (
    await page.request.post(`/api/workspaces/${board.workspaceId}/spaces`, { data: { name: "Ward B" } })
  ).json()) as { id: string };
  const card = await addCardByApi(page.request, board.spaceId, "Winter beds", board.statusId("To Do"));
  await addCardByApi(page.request, board.spaceId, "Night rota", board.statusId("To Do"));

  // A second tab of Ana's watches Ward B.
  const watcher = await context.newPage();
  await watcher.goto(`/w/${board.workspaceId}/s/${wardB.id}`);
  await expect(watcher.getByRole("heading", { name: "To Do", exact: true })).toBeVisible();

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.getByLabel("Move to space…").selectOption({ label: "Ward B" });
  await panel.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText("Moved “Winter beds” to Ward B")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/s/${wardB.id}/c/${card.id}$`));
  await expect(cardIn(page, "To Do", "Winter beds")).toBeVisible();
  await expect(panel.getByText("You moved 'Winter beds' from Ward A to Ward B")).toBeVisible();
  await expect(cardIn(watcher, "To Do", "Winter beds")).toBeVisible();
  await saveScreenshot(page, "move/card-moved-to-ward-b");

  // Back on Ward A the card is gone; the other one stayed.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Ward A" }).click();
  await expect(cardIn(page, "To Do", "Night rota")).toBeVisible();
  await expect(cardIn(page, "To Do", "Winter beds")).toHaveCount(0);

  // Dropped on Ward B in the sidebar, the other card follows it there.
  const sidebar = page.getByRole("navigation", { name: "Workspaces" });
  await dragTo(page, cardIn(page, "To Do", "Night rota"), sidebar.getByRole("link", { name: "Ward B" }));
  await expect(page.getByText("Moved “Night rota” to Ward B")).toBeVisible();
  await expect(cardIn(page, "To Do", "Night rota")).toHaveCount(0);
  await expect(cardIn(watcher, "To Do", "Night rota")).toBeVisible();
  await context.close();
});

test("archiving a card from its panel offers Undo, which puts it back on the board", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Archivist");
  const board = await createBoardByApi(page.request, { workspace: "Hospital admin", space: "Clinics" });
  const card = await addCardByApi(page.request, board.spaceId, "Old clinic list", board.statusId("To Do"));
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.getByRole("button", { name: "Archive" }).click();
  await expect(cardIn(page, "To Do", "Old clinic list")).toHaveCount(0);
  const news = page.getByRole("status").filter({ hasText: "Archived “Old clinic list”" });
  await news.getByRole("button", { name: "Undo" }).click();
  await expect(cardIn(page, "To Do", "Old clinic list")).toBeVisible();
  await saveScreenshot(page, "move/archive-undone");
  await context.close();
});
