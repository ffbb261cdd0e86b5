/**
 * One filter, every view: the board's Blocked filter follows the person to the List (and its CSV
 * export) and the Calendar. A next card planned to start before its previous one ends is flagged on
 * the board and the Gantt. An archived card is found again (the board's Archived list, search) and
 * restored from its panel.
 */
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, column, createBoardByApi, signUpByApi } from "./helpers.js";

const day = (offset: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  return d.toISOString().slice(0, 10);
};

const post = async (page: Page, url: string, data: unknown) => {
  const response = await page.request.post(url, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { id: string };
};

test("every view applies the board's filters; conflicts are flagged; archived cards come back", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Vera Views");
  const board = await createBoardByApi(page.request, { workspace: "Clinic", space: "Open day" });
  const venue = await addCardByApi(page.request, board.spaceId, "Book the venue", board.statusId("To Do"));
  const invites = await addCardByApi(
    page.request,
    board.spaceId,
    "Send the invites",
    board.statusId("To Do"),
  );
  const posters = await addCardByApi(page.request, board.spaceId, "Print posters", board.statusId("Doing"));
  for (const [card, startDate, dueDate] of [
    [venue, day(1), day(6)],
    [invites, day(4), day(9)],
    [posters, day(2), day(3)],
  ] as const) {
    const patched = await page.request.patch(`/api/cards/${card.id}`, { data: { startDate, dueDate } });
    expect(patched.ok(), await patched.text()).toBe(true);
  }
  // The invites follow the venue but start two days before the venue is booked.
  await post(page, `/api/cards/${venue.id}/relations`, { type: "next", cardId: invites.id });
  const type = await post(page, `/api/spaces/${board.spaceId}/blocker-types`, {
    name: "Waiting for print shop",
  });
  await post(page, `/api/cards/${posters.id}/blockings`, {
    blockerTypeId: type.id,
    reason: "Proofs not back",
  });

  const base = `/w/${board.workspaceId}/s/${board.spaceId}`;
  const tile = (cardId: string) => column(page, "To Do").locator(`li.card-tile[data-card-id="${cardId}"]`);
  await page.goto(base);
  // The conflict is marked on both cards of the chain, with its reason.
  for (const card of [venue, invites]) {
    await expect(tile(card.id)).toContainText("Date conflict");
  }
  await expect(
    page.getByTitle(/Date conflict: 'Send the invites' starts .*, before its previous card/).first(),
  ).toBeVisible();

  // Blocked = Blocked on the board, then the List: one of three cards, and the export holds only it.
  // The filters live behind the Filter button; what is active shows as a chip.
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Filters" })
    .getByRole("combobox", { name: "Blocked" })
    .selectOption("yes");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Filters" })).toHaveCount(0);
  await expect(page).toHaveURL(/blocked=yes/);
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("listitem")).toHaveText([
    /^Blocked\W*$/,
  ]);
  await page.getByRole("link", { name: "List", exact: true }).click();
  await expect(page).toHaveURL(/\/list\?.*blocked=yes/);
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("listitem")).toHaveText([
    /^Blocked\W*$/,
  ]);
  const table = page.getByRole("table", { name: "Cards" });
  await expect(table.getByRole("link")).toHaveText(["Print posters"]);
  await expect(page.getByRole("status").filter({ hasText: "of 3 cards" })).toHaveText("1 of 3 cards");
  await saveScreenshot(page, "views-list-filtered");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const csv = await readFile((await (await download).path()) as string, "utf8");
  const lines = csv.trim().split(/\r\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Print posters");

  // The Calendar shows the same one card.
  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(page).toHaveURL(/\/calendar\?.*blocked=yes/);
  await page.goto(`${base}/calendar?blocked=yes&mode=week&date=${day(2)}`);
  await expect(page.locator(`.cal-chip[data-card-id="${posters.id}"]`).first()).toBeVisible();
  await expect(page.locator(`.cal-chip[data-card-id="${venue.id}"]`)).toHaveCount(0);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.locator(`.cal-chip[data-card-id="${venue.id}"]`).first()).toBeVisible();

  // The Gantt flags the same conflict on both bars.
  await page.getByRole("link", { name: "Gantt", exact: true }).click();
  await expect(page.locator(`.gantt .bar-wrapper[data-id="${invites.id}"]`)).toHaveClass(/-conflict/);
  await expect(page.locator(`.gantt .bar-wrapper[data-id="${venue.id}"]`)).toHaveClass(/-conflict/);

  // Archive the venue card from its panel; find it in the Archived list and in search; restore it.
  await page.goto(`${base}/c/${venue.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await expect(panel).toContainText("Date conflict: 'Send the invites' starts");
  await panel.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(tile(venue.id)).toHaveCount(0);
  await page.getByRole("combobox", { name: "Search cards" }).fill("venue");
  await expect(page.getByRole("option").filter({ hasText: "Book the venue" })).toContainText("archived");
  await page.getByRole("combobox", { name: "Search cards" }).fill("");
  await page.getByRole("button", { name: "Archived", exact: true }).click();
  const archive = page.getByRole("dialog", { name: "Archived cards" });
  await expect(archive.getByRole("list", { name: "Archived cards" })).toContainText("Book the venue");
  await saveScreenshot(page, "views-archived");
  await archive.getByRole("link", { name: "Book the venue" }).click();
  await expect(panel).toContainText("This card is archived.");
  await panel.getByRole("button", { name: "Restore" }).click();
  await expect(tile(venue.id)).toHaveCount(1);
  await expect(panel.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  await page.reload();
  await expect(tile(venue.id)).toHaveCount(1);

  await context.close();
});
