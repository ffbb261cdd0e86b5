/**
 * The trash and the archive: a deleted card comes back with Undo, and from the space's trash; an
 * archived space comes back from the workspace's archive.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, createBoardByApi, signUpByApi } from "./helpers.js";

test("a deleted card comes back with Undo, and again from the space's trash", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Binner");
  const board = await createBoardByApi(page.request, { workspace: "Hospital records", space: "Admissions" });
  const card = await addCardByApi(page.request, board.spaceId, "Discharge letters", board.statusId("To Do"));
  await page.request.post(`/api/cards/${card.id}/todos`, { data: { text: "Sign the letters" } });
  const panel = page.getByRole("complementary", { name: "Card details" });
  const deleteFromPanel = async () => {
    await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
    await panel.getByRole("button", { name: "Delete", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Delete this card?" })
      .getByRole("button", { name: "Delete card" })
      .click();
    await expect(cardIn(page, "To Do", "Discharge letters")).toHaveCount(0);
  };

  await deleteFromPanel();
  const news = page.getByRole("status").filter({ hasText: "Moved “Discharge letters” to the trash" });
  await news.getByRole("button", { name: "Undo" }).click();
  await expect(cardIn(page, "To Do", "Discharge letters")).toBeVisible();

  await deleteFromPanel();
  await page.getByRole("button", { name: "Trash", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Archive and trash of this space" });
  const trash = dialog.getByRole("list", { name: "Trash" });
  await expect(trash).toContainText("Discharge letters");
  await expect(trash).toContainText("deleted by Ana Binner");
  await saveScreenshot(page, "trash/space-trash");
  await trash.getByRole("button", { name: "Restore Discharge letters" }).click();
  await expect(dialog.getByText("The trash is empty.")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).last().click();
  await expect(cardIn(page, "To Do", "Discharge letters")).toBeVisible();
  // Everything it had came back with it.
  await cardIn(page, "To Do", "Discharge letters").click();
  await expect(panel.getByText("Sign the letters")).toBeVisible();
  await context.close();
});

test("an archived space comes back from the workspace's archive", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Keeper");
  const board = await createBoardByApi(page.request, { workspace: "Estates", space: "Boiler room" });
  await page.request.patch(`/api/spaces/${board.spaceId}`, { data: { archived: true } });
  await page.goto(`/w/${board.workspaceId}`);
  const sidebar = page.getByRole("navigation", { name: "Workspaces" });
  await sidebar.getByRole("button", { name: "Actions for Estates" }).click();
  await page.getByRole("menuitem", { name: "Archive and trash" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive and trash" });
  const archived = dialog.getByRole("list", { name: "Archived" });
  await expect(archived).toContainText("Boiler room");
  await expect(archived).toContainText("archived by Ana Keeper");
  await dialog.getByRole("searchbox", { name: "Search by name" }).fill("boiler");
  await expect(archived.getByRole("listitem")).toHaveCount(1);
  await saveScreenshot(page, "trash/workspace-archive");
  await archived.getByRole("button", { name: "Restore Boiler room" }).click();
  await expect(dialog.getByText("Nothing by that name.")).toBeVisible();
  const restored = await (await page.request.get(`/api/spaces/${board.spaceId}`)).json();
  expect(restored.archivedAt).toBeNull();
  await context.close();
});
