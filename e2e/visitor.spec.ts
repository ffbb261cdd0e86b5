import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import {
  addCardByApi,
  addMemberByInvitation,
  cardIn,
  column,
  createBoardByApi,
  signUpByApi,
} from "./helpers.js";

test("a visitor reads the board but gets no editing controls, and the API refuses their changes with 403", async ({
  browser,
}) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUpByApi(owner.request, "Olga Owner");
  const board = await createBoardByApi(owner.request, { workspace: "Finance", space: "Quarter close" });
  await addCardByApi(owner.request, board.spaceId, "Reconcile accounts", board.statusId("To Do"));
  await addCardByApi(owner.request, board.spaceId, "Send invoices", board.statusId("Doing"));

  const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await visitorContext.newPage();
  const visitor = await signUpByApi(page.request, "Vic Visitor");
  await addMemberByInvitation(
    browser,
    owner.request,
    board.workspaceId,
    { request: page.request, email: visitor.email },
    "visitor",
  );

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(cardIn(page, "To Do", "Reconcile accounts")).toBeVisible();
  await expect(cardIn(page, "Doing", "Send invoices")).toBeVisible();
  await expect(page.getByText("Read only")).toBeVisible();

  // No control that changes anything: no add-card, no drag handle, no card menu, no column tools.
  await expect(page.getByRole("button", { name: /add card/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Drag / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Column .* actions$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Columns" })).toHaveCount(0);
  await expect(column(page, "To Do").locator("[aria-roledescription]")).toHaveCount(0);

  // The card opens read-only.
  await cardIn(page, "To Do", "Reconcile accounts").getByRole("link").click();
  const panel = page.getByRole("complementary", { name: "Card details" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(panel.getByLabel("Card name")).toHaveCount(0);
  await saveScreenshot(page, "visitor-read-only");

  // And the server refuses a change sent with the visitor's own session.
  const attempt = await page.request.post(`/api/spaces/${board.spaceId}/cards`, {
    data: { name: "Sneaky card" },
  });
  expect(attempt.status()).toBe(403);
  const reply = await owner.request.get(`/api/spaces/${board.spaceId}/board`);
  const { cardsByStatus } = (await reply.json()) as {
    cardsByStatus: Record<string, Array<{ name: string }>>;
  };
  const names = Object.values(cardsByStatus)
    .flat()
    .map((c) => c.name);
  expect(names).not.toContain("Sneaky card");

  await ownerContext.close();
  await visitorContext.close();
});
