import { copyFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import {
  addCardByApi,
  addMemberByInvitation,
  cardIn,
  createBoardByApi,
  pickDate,
  signUpByApi,
  uniqueEmail,
} from "./helpers.js";

const shot = async (page: Page, name: string) => {
  const file = await saveScreenshot(page, name);
  // Also kept where a person looking at the UI by hand expects them.
  copyFileSync(file, `/tmp/ui5-${name}.png`);
};

test("cards coordinate work: people, relations, a blocker that refuses a move, and a mention that notifies", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });

  // Bo signs up in a second browser context (he is mentioned later).
  const boContext = await browser.newContext();
  const boPage = await boContext.newPage();
  const boEmail = uniqueEmail("bo");
  const bo = await signUpByApi(boPage.request, "Bo Chen", boEmail);

  // Ana signs up, makes a board with two cards, adds Bo as a member and a blocker type.
  await signUpByApi(page.request, "Ana Lima");
  const board = await createBoardByApi(page.request, { workspace: "Hospital desk", space: "Transfers" });
  const call = await addCardByApi(
    page.request,
    board.spaceId,
    "Call patient family",
    board.statusId("To Do"),
  );
  await addCardByApi(page.request, board.spaceId, "Book ambulance transport", board.statusId("To Do"));
  await addMemberByInvitation(browser, page.request, board.workspaceId, {
    request: boPage.request,
    email: boEmail,
  });
  expect(
    (
      await page.request.post(`/api/spaces/${board.spaceId}/blocker-types`, {
        data: { name: "Waiting for lab results" },
      })
    ).ok(),
  ).toBe(true);

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${call.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await expect(panel.getByRole("textbox", { name: "Card name" })).toHaveValue("Call patient family");

  // People: Bo responsible, Ana co-worker.
  await panel.getByRole("button", { name: "Set responsible" }).click();
  const responsiblePicker = page.getByRole("dialog", { name: "Choose the responsible person" });
  await responsiblePicker.getByRole("searchbox").fill("bo");
  await responsiblePicker.getByRole("button", { name: /Bo Chen/ }).click();
  await expect(panel.getByTestId("responsible")).toContainText("Bo Chen");
  await panel.getByRole("button", { name: "+ Add co-worker", exact: true }).click();
  const coworkerPicker = page.getByRole("dialog", { name: "Choose co-workers" });
  await coworkerPicker.getByRole("button", { name: /Ana Lima/ }).click();
  // Escape with focus still on the option just picked closes the picker, not the card.
  await page.keyboard.press("Escape");
  await expect(coworkerPicker).toHaveCount(0);
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("coworkers")).toContainText("Ana Lima");
  const tile = cardIn(page, "To Do", "Call patient family");
  await expect(tile.locator(".card-front-person.is-responsible")).toHaveCount(1);
  await expect(tile.locator(".card-front-person")).toHaveCount(2);

  // Dates: a due date in the past makes the card late and overdue on its front.
  await pickDate(page, panel.getByRole("button", { name: /^Due,/ }), "2020-01-10");
  await expect(tile.locator(".card-front-date.due-overdue")).toBeVisible();
  await expect(tile.getByText("Late")).toBeVisible();

  // To-dos: two items, one ticked → 1/2 on the front and a progress bar.
  for (const text of ["Find the family's number", "Confirm the visit time"]) {
    await panel.getByLabel("New to-do").fill(text);
    await panel.getByLabel("New to-do").press("Enter");
    await expect(panel.getByRole("textbox", { name: `Rename to-do “${text}”` })).toBeVisible();
  }
  await panel.getByRole("checkbox", { name: "Done: Find the family's number" }).check();
  await expect(tile.locator(".card-front-todos")).toContainText("1/2");
  await expect(tile.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");

  // Relations: the ambulance booking comes next.
  await panel.getByRole("button", { name: "+ Add relation" }).click();
  const addRelation = panel.getByTestId("add-relation");
  await addRelation.getByLabel("Relation").selectOption("next");
  await addRelation.getByRole("searchbox", { name: "Card to relate" }).fill("ambulance");
  await addRelation.getByRole("button", { name: /Book ambulance transport/ }).click();
  await expect(panel.getByRole("list", { name: "Next" })).toContainText("Book ambulance transport");

  // Block it, then try to move it: refused, with the server's reason.
  await panel.getByRole("button", { name: "⊘ Block…" }).click();
  const blockForm = panel.getByTestId("block-form");
  await blockForm.getByLabel("Blocked by").selectOption({ index: 0 });
  await blockForm.getByLabel("Reason").fill("Potassium result pending");
  await blockForm.getByLabel("Who must clear it").selectOption({ label: "Bo Chen" });
  await blockForm.getByRole("button", { name: "Block card" }).click();
  await expect(panel.getByRole("list", { name: "Open blockers" })).toContainText("Potassium result pending");
  await expect(panel.getByRole("list", { name: "Open blockers" })).toContainText("Bo Chen must clear it");
  await expect(tile.locator(".card-front-blocked")).toBeVisible();
  await shot(page, "coordination-blocked");

  await panel.getByLabel("Status", { exact: true }).selectOption({ label: "Doing" });
  const refusal = page.getByRole("alert").filter({ hasText: "is blocked by" });
  await expect(refusal).toContainText("Could not move “Call patient family”.");
  // The card is named once: the reason says "It", not the title again.
  await expect(refusal).not.toContainText(/Call patient family[\s\S]*Call patient family/);
  await expect(refusal).toContainText("Waiting for lab results (Potassium result pending)");
  await expect(cardIn(page, "To Do", "Call patient family")).toBeVisible();
  await shot(page, "coordination-move-refused");

  // Clear the blocker (it goes to the history) and move it.
  await panel.getByRole("button", { name: "Clear" }).click();
  await expect(panel.getByText("History (1 cleared)")).toBeVisible();
  await expect(tile.locator(".card-front-blocked")).toHaveCount(0);
  await panel.getByLabel("Status", { exact: true }).selectOption({ label: "Doing" });
  await expect(cardIn(page, "Doing", "Call patient family")).toBeVisible();

  // Bo has the app open elsewhere; his bell will hear of the mention live.
  await boPage.goto("/my-work");
  const bell = boPage.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  // Wait until the bell has loaded what the server holds, so the count below can only come live.
  const unreadOnServer = async () =>
    ((await (await boPage.request.get("/api/notifications")).json()) as { unreadCount: number }).unreadCount;
  const unreadBefore = await unreadOnServer();
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unreadBefore} unread`);

  // Mention Bo in a comment through the autocomplete.
  const composer = panel.getByLabel("Write a comment");
  await composer.fill("Transport can wait until the call is done, ");
  await composer.pressSequentially("@Bo");
  await panel.getByRole("option", { name: /Bo Chen/ }).click();
  await composer.pressSequentially("please confirm.");
  // While writing, Bo reads as a name token; the id stays out of sight.
  await expect(composer).toHaveValue("Transport can wait until the call is done, @Bo Chen please confirm.");
  await expect(panel.locator(".mention-token")).toHaveText("@Bo Chen");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.locator(".comment .mention")).toHaveText("@Bo Chen");
  // Stored with the mention markup, so the server knows whom it names.
  const stored = (await (await page.request.get(`/api/cards/${call.id}/comments`)).json()) as {
    body: string;
    mentionIds: string[];
  }[];
  expect(stored.at(-1)?.body).toBe(
    `Transport can wait until the call is done, @[Bo Chen](${bo.id}) please confirm.`,
  );
  expect(stored.at(-1)?.mentionIds).toEqual([bo.id]);
  await shot(page, "coordination-panel");

  // Bo's bell counts the mention without a reload, and names it.
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unreadBefore + 1} unread`);
  await bell.click();
  await expect(
    boPage.getByRole("region", { name: "Notifications" }).getByText(/mentioned you on/),
  ).toBeVisible();
  await shot(boPage, "coordination-bell");
  // Opening it shows the card at the comment that mentions him, in view and marked.
  await boPage
    .getByRole("region", { name: "Notifications" })
    .getByText(/mentioned you on/)
    .click();
  const mentioning = boPage.locator(".comment").filter({ hasText: "please confirm" });
  await expect(mentioning).toHaveClass(/is-pointed/);
  await expect(mentioning).toBeFocused();
  await expect(mentioning).toBeInViewport();
  await boContext.close();
});
