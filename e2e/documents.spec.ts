import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, createBoardByApi, signUpByApi } from "./helpers.js";

/** A 2×2 PNG, red. */
const redSquare = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73" +
    "0000001049444154789c63f8cfc000440c100a001fee03fd8b5f14d40000000049454e44ae426082",
  "hex",
);

test("a document chosen in the card panel is listed, counted on the card, previewed, renamed and removed", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUpByApi(page.request, "Ana Coordinator");
  const board = await createBoardByApi(page.request, { workspace: "Ward 3", space: "Night shifts" });
  const card = await addCardByApi(page.request, board.spaceId, "Handover", board.statusId("To Do"));

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  const documents = panel.getByRole("region", { name: "Documents" });
  await expect(documents).toContainText("No documents yet");

  // Ana chooses two files: a photo of the whiteboard and the rota.
  await documents.locator('input[type="file"]').setInputFiles([
    { name: "whiteboard.png", mimeType: "image/png", buffer: redSquare },
    { name: "rota.txt", mimeType: "text/plain", buffer: Buffer.from("Mon: Ana\nTue: Ben\n") },
  ]);
  const rows = documents.getByTestId("attachment");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("whiteboard.png");
  await expect(rows.nth(0)).toContainText("You");
  await expect(rows.nth(1)).toContainText("rota.txt");
  await expect(rows.nth(1)).toContainText("18 B");

  // The card on the board counts them.
  const tile = cardIn(page, "To Do", "Handover");
  await expect(tile.locator(".card-front-attachments")).toContainText("2");

  // The image previews inline, served by the server as the PNG it is.
  await rows.nth(0).getByRole("button", { name: "Preview whiteboard.png" }).click();
  const preview = rows.nth(0).getByRole("img", { name: "Preview of whiteboard.png" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

  // It becomes the card's cover.
  await rows.nth(0).getByRole("button", { name: "Use as cover" }).click();
  const cover = tile.locator("img.card-tile-cover");
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await saveScreenshot(page, "documents-card-panel");

  // Ana renames the rota, then removes it.
  await rows.nth(1).getByRole("button", { name: "Rename" }).click();
  const nameField = rows.nth(1).getByLabel("File name");
  await nameField.fill("rota-week-14.txt");
  await nameField.press("Enter");
  await expect(rows.nth(1)).toContainText("rota-week-14.txt");
  await rows.nth(1).getByRole("button", { name: "Remove" }).click();
  await page
    .getByRole("dialog", { name: "Remove this document?" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(rows).toHaveCount(1);
  await expect(tile.locator(".card-front-attachments")).toContainText("1");

  // Search finds the card by the photo's name.
  const search = page.getByRole("combobox", { name: "Search cards" });
  await search.fill("whiteboard");
  await expect(page.getByRole("option").filter({ hasText: "Handover" })).toContainText("in a document");
  await search.fill("");

  // The activity tells what happened.
  const activity = panel.getByRole("region", { name: "Recent activity" });
  await expect(activity).toContainText("attached 'rota.txt'");
  await expect(activity).toContainText("removed 'rota-week-14.txt'");
});
