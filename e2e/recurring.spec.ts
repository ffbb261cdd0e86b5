import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, column, createBoardByApi, dragTo, signUpByApi } from "./helpers.js";

test("a card repeats weekly: completing it brings the next occurrence onto the board", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signUpByApi(page.request, "Ana Lima");
  const board = await createBoardByApi(page.request, { workspace: "Hospital desk", space: "Rounds" });
  const card = await addCardByApi(page.request, board.spaceId, "Weekly ward round", board.statusId("To Do"));
  // Monday 4 January 2027.
  expect(
    (await page.request.patch(`/api/cards/${card.id}`, { data: { startDate: "2027-01-04" } })).ok(),
  ).toBe(true);

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  const repeat = panel.getByRole("region", { name: "Repeat" });
  await expect(repeat).toContainText("Does not repeat.");
  await repeat.getByRole("button", { name: "Repeat…" }).click();
  await repeat.getByLabel("Repeats").selectOption({ label: "Weekly on chosen days" });
  await repeat.getByRole("checkbox", { name: "Mon" }).check();
  await repeat.getByRole("checkbox", { name: "Thu" }).check();
  await repeat.getByRole("button", { name: "Save repeat" }).click();
  await expect(repeat.getByTestId("repeat-summary")).toHaveText(
    /Repeats every week on Monday and Thursday; next Jan 7, 2027/,
  );
  await saveScreenshot(page, "recurring-panel");

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  const first = cardIn(page, "To Do", "Weekly ward round");
  await expect(first.getByTestId("card-repeat")).toHaveAttribute(
    "title",
    /every week on Monday and Thursday/,
  );

  await dragTo(page, first, column(page, "Done").locator(".column-cards"));
  await expect(cardIn(page, "Done", "Weekly ward round")).toHaveCount(1);
  // The next occurrence arrives live: in To Do, on Thursday 7 January, carrying the repeat now.
  const next = cardIn(page, "To Do", "Weekly ward round");
  await expect(next).toHaveCount(1);
  await expect(next.getByTestId("card-repeat")).toHaveAttribute("title", /next Jan 11/);
  await expect(cardIn(page, "Done", "Weekly ward round").getByTestId("card-repeat")).toHaveCount(0);
  await saveScreenshot(page, "recurring-next-occurrence");
});
