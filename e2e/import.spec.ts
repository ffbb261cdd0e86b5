/**
 * Bringing a team's Trello board in: choose the export in the workspace menu, check the lists and who
 * takes each Trello member's place, import, and open the new space with the cards in their lists.
 */
import { expect, test } from "@playwright/test";
import { trelloBoardFixture } from "../packages/domain/src/import/trello-fixture.js";
import { saveScreenshot } from "./artifacts.js";
import { signUpByApi } from "./helpers.js";

test("a Trello export becomes a space, with its members matched and what changed listed", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Lima");
  const workspace = await page.request.post("/api/workspaces", { data: { name: "Clinic" } });
  expect(workspace.ok()).toBe(true);
  const { id: workspaceId } = (await workspace.json()) as { id: string };
  const file = trelloBoardFixture({ cards: 24 });

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("button", { name: "Actions for Clinic" }).click();
  await page.getByRole("menuitem", { name: "Import from Trello…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from Trello" });
  await dialog.getByLabel("Trello export").setInputFiles({
    name: "trello-board.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });

  // The preview: lists with their guessed roles, members matched by name, the rest left out.
  await expect(dialog.getByLabel("Space name")).toHaveValue(file.name);
  await expect(dialog.getByLabel("Role of Done ✅")).toHaveValue("completed");
  await expect(dialog.getByLabel("Role of Intake")).toHaveValue("not_started");
  await expect(dialog.getByLabel("Who takes the place of Ana Lima")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(dialog.getByLabel("Who takes the place of Former Colleague")).toHaveValue("");
  await expect(dialog.getByRole("list", { name: "What changes on the way" })).toContainText("closed list");
  await dialog.getByLabel("Role of Waiting for ward reply").selectOption("in_progress");
  await saveScreenshot(page, "trello-import-preview");

  await dialog.getByRole("button", { name: "Import 24 cards" }).click();
  const done = page.getByRole("dialog", { name: "Board imported" });
  await expect(done).toContainText("24 cards");
  await done.getByRole("button", { name: "Open the space" }).click();

  // The board: the open lists as columns, a card in its list, the space in the sidebar.
  await expect(page.getByRole("heading", { name: file.name, level: 1 })).toBeVisible();
  const firstIntakeCard = file.cards.find((c) => c.idList === file.lists[0]?.id && !c.closed);
  await expect(page.locator("li.card-tile").filter({ hasText: firstIntakeCard?.name ?? "?" })).toBeVisible();
  await expect(page.locator(".tree-label", { hasText: file.name })).toBeVisible();
  await saveScreenshot(page, "trello-import-board");
  await context.close();
});
