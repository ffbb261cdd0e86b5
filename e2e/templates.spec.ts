/**
 * Templates: a coordinator saves a complaints board as a template, makes a new space from it that
 * starts on a chosen day (its columns and cards arrive, dates counted from that day), saves a card
 * as a card template and adds a card from it.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { cardIn, column, signUpByApi } from "./helpers.js";

/** The board reply's parts read here: cards grouped by status, a field left out when null or zero. */
type Board = {
  statuses: Array<{ id: string; name: string }>;
  cardsByStatus: Record<string, Array<{ id: string; name: string; dueDate?: string; todoTotal?: number }>>;
};
const cardsOf = (board: Board) =>
  Object.values(board.cardsByStatus)
    .flat()
    .map((card) => ({ ...card, dueDate: card.dueDate ?? null, todoTotal: card.todoTotal ?? 0 }));

test("a space saved as a template becomes a new space from a start day, and a card template adds a card", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const api = page.request;
  await signUpByApi(api, "Ana Lima");
  const workspace = (await (
    await api.post("/api/workspaces", { data: { name: "Patient services" } })
  ).json()) as {
    id: string;
  };
  const space = (await (
    await api.post(`/api/workspaces/${workspace.id}/spaces`, { data: { name: "Complaints desk" } })
  ).json()) as { id: string };
  expect((await api.post(`/api/spaces/${space.id}/statuses`, { data: { name: "Investigating" } })).ok()).toBe(
    true,
  );
  const card = (await (
    await api.post(`/api/spaces/${space.id}/cards`, { data: { name: "Acknowledge complaint" } })
  ).json()) as { id: string };
  expect(
    (
      await api.patch(`/api/cards/${card.id}`, { data: { startDate: "2026-05-04", dueDate: "2026-05-06" } })
    ).ok(),
  ).toBe(true);
  for (const text of ["Log the complaint", "Send the acknowledgement"])
    expect((await api.post(`/api/cards/${card.id}/todos`, { data: { text } })).ok()).toBe(true);

  // Save the space as a template from its menu in the sidebar.
  await page.goto(`/w/${workspace.id}/s/${space.id}`);
  await page.getByRole("button", { name: "Actions for Complaints desk" }).click();
  await page.getByRole("menuitem", { name: "Save as template…" }).click();
  const saveDialog = page.getByRole("dialog", { name: "Save space as template" });
  await saveDialog.getByLabel("Template name").fill("Complaints template");
  await saveDialog.getByRole("button", { name: "Save template" }).click();
  await expect(saveDialog).toBeHidden();

  // A new space from it, starting on a chosen day.
  await page.getByRole("button", { name: "Actions for Patient services" }).click();
  await page.getByRole("menuitem", { name: "New space…" }).click();
  const newDialog = page.getByRole("dialog", { name: "New space" });
  await newDialog.getByLabel("Name").fill("Complaints, east wing");
  await expect(newDialog.getByLabel("Template")).toContainText("Complaint handling");
  await newDialog.getByLabel("Template").selectOption({ label: "Complaints template" });
  await newDialog.getByLabel("Starts on").fill("2027-03-01");
  await saveScreenshot(page, "templates-new-space");
  await newDialog.getByRole("button", { name: "Create space" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Complaints, east wing" })).toBeVisible();
  await expect(column(page, "Investigating")).toBeVisible();
  await expect(cardIn(page, "To Do", "Acknowledge complaint")).toBeVisible();
  await expect(page.locator(".tree-label", { hasText: "Complaints, east wing" })).toBeVisible();
  const newSpaceId = /\/s\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  const board = (await (await api.get(`/api/spaces/${newSpaceId}/board`)).json()) as Board;
  expect(board.statuses.map((s) => s.name)).toEqual(["To Do", "Doing", "Done", "Investigating"]);
  expect(cardsOf(board).map((c) => [c.name, c.dueDate, c.todoTotal])).toEqual([
    ["Acknowledge complaint", "2027-03-03", 2],
  ]);
  await saveScreenshot(page, "templates-space-from-template");

  // Save that card as a card template from its panel, then add a card from it.
  await cardIn(page, "To Do", "Acknowledge complaint").getByText("Acknowledge complaint").click();
  await page.getByRole("button", { name: "Save as card template" }).click();
  await expect(page.getByText("Saved the card template “Acknowledge complaint”")).toBeVisible();
  await page.keyboard.press("Escape");
  await column(page, "Doing").getByRole("button", { name: "Add card" }).click();
  await column(page, "Doing")
    .getByLabel("Card template")
    .selectOption({ label: "Template: Acknowledge complaint" });
  const input = page.getByLabel("New card at the bottom of Doing");
  await input.fill("Acknowledge Mr Patel's complaint");
  await input.press("Enter");
  await expect(cardIn(page, "Doing", "Acknowledge Mr Patel's complaint")).toBeVisible();
  await expect
    .poll(async () => {
      const after = (await (await api.get(`/api/spaces/${newSpaceId}/board`)).json()) as Board;
      return cardsOf(after).find((c) => c.name === "Acknowledge Mr Patel's complaint")?.todoTotal;
    })
    .toBe(2);
  await saveScreenshot(page, "templates-card-from-template");
  await context.close();
});
