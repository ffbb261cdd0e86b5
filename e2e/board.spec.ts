import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import {
  addCardByApi,
  cardIn,
  cardNames,
  column,
  createBoardByApi,
  dragTo,
  password,
  signUpByApi,
  uniqueEmail,
} from "./helpers.js";

/**
 * Picks a card up with the keyboard and resolves once the next arrow key will move it. The drag has
 * started when the handle is pressed and the live region says so; @dnd-kit's keyboard sensor starts
 * listening for arrow keys only in a zero-delay timer queued at that moment, and a busy renderer may
 * take an input event before that timer. A zero-delay timer queued now runs after it (timers of equal
 * delay run in the order they were set), so once it has run the sensor is listening.
 */
const pickUpWithKeyboard = async (page: Page, cardName: string) => {
  const handle = page.getByRole("button", { name: `Drag ${cardName}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("[id^='DndLiveRegion']").first()).toContainText(`Picked up card ${cardName}`);
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
};

test("a person builds a board, drags a card across columns with the mouse, moves another with the keyboard, and the order survives a reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/signup");
  await page.getByLabel("Email").fill(uniqueEmail("ana"));
  await page.getByLabel("Name").fill("Ana Planner");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  // Workspace → folder → space, through the sidebar.
  await page.getByRole("button", { name: "Create workspace" }).first().click();
  const workspaceDialog = page.getByRole("dialog", { name: "Create a workspace" });
  await workspaceDialog.getByLabel("Name").fill("Acme");
  await workspaceDialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(workspaceDialog).toBeHidden();

  await page.getByRole("button", { name: "Actions for Acme" }).click();
  await page.getByRole("menuitem", { name: "New folder…" }).click();
  const folderDialog = page.getByRole("dialog", { name: "New folder" });
  await folderDialog.getByLabel("Name").fill("Operations");
  await folderDialog.getByRole("button", { name: "Create folder" }).click();
  await expect(folderDialog).toBeHidden();

  await page.getByRole("button", { name: "Actions for Acme" }).click();
  await page.getByRole("menuitem", { name: "New space…" }).click();
  const spaceDialog = page.getByRole("dialog", { name: "New space" });
  await spaceDialog.getByLabel("Name").fill("Support rota");
  await spaceDialog.getByLabel("Location").selectOption({ label: "Operations" });
  await spaceDialog.getByRole("button", { name: "Create space" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support rota" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Operations");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  // Cards go in at the bottom of To Do, one after another.
  await column(page, "To Do").getByRole("button", { name: "Add card" }).click();
  const input = page.getByLabel("New card at the bottom of To Do");
  for (const name of ["Triage rota", "Fix login", "Write release notes"]) {
    await input.fill(name);
    await input.press("Enter");
    await expect(cardIn(page, "To Do", name)).toBeVisible();
  }
  await input.press("Escape");
  await expect
    .poll(() => cardNames(page, "To Do"))
    .toEqual(["Triage rota", "Fix login", "Write release notes"]);
  // Every card confirmed by the server before dragging (no pending look left).
  await expect(page.locator(".card-tile.is-pending")).toHaveCount(0);

  // Mouse: drag "Fix login" into the empty Doing column.
  await dragTo(page, cardIn(page, "To Do", "Fix login"), column(page, "Doing").locator(".column-cards"));
  await expect(cardIn(page, "Doing", "Fix login")).toBeVisible();
  await expect.poll(() => cardNames(page, "To Do")).toEqual(["Triage rota", "Write release notes"]);
  await expect(page.locator(".card-tile.is-pending")).toHaveCount(0);

  // Keyboard: pick up "Write release notes" by its handle, move it right into Doing, drop it.
  await pickUpWithKeyboard(page, "Write release notes");
  await page.keyboard.press("ArrowRight");
  await expect(cardIn(page, "Doing", "Write release notes")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.locator("[id^='DndLiveRegion']").first()).toContainText(
    "Dropped card Write release notes",
  );
  await expect(page.locator(".card-tile.is-pending")).toHaveCount(0);

  const doing = await cardNames(page, "Doing");
  expect(doing).toHaveLength(2);
  expect(doing).toContain("Fix login");
  expect(doing).toContain("Write release notes");
  expect(await cardNames(page, "To Do")).toEqual(["Triage rota"]);

  // The reload reads the board the server keeps after those moves, compressed for the browser.
  const boardReply = page.waitForResponse((response) => /\/api\/spaces\/[^/]+\/board$/.test(response.url()));
  await page.reload();
  expect(["br", "gzip"]).toContain((await (await boardReply).allHeaders())["content-encoding"]);
  await expect(cardIn(page, "Doing", "Fix login")).toBeVisible();
  expect(await cardNames(page, "Doing")).toEqual(doing);
  expect(await cardNames(page, "To Do")).toEqual(["Triage rota"]);
  await saveScreenshot(page, "board-drag-and-drop");
});

test("a move made while offline is kept, sent when the connection is back, and survives a reload", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpByApi(page.request, "Olive Offline");
  const board = await createBoardByApi(page.request, { workspace: "Field", space: "Site visits" });
  for (const name of ["Check pumps", "Inspect roof"]) {
    await addCardByApi(page.request, board.spaceId, name, board.statusId("To Do"));
  }
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  await pickUpWithKeyboard(page, "Inspect roof");
  await page.keyboard.press("ArrowRight");
  await expect(cardIn(page, "Doing", "Inspect roof")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByText("1 change not sent yet")).toBeVisible();
  await expect(cardIn(page, "Doing", "Inspect roof")).toBeVisible();
  await saveScreenshot(page, "board-offline-pending");

  await context.setOffline(false);
  await expect(page.getByText("1 change not sent yet")).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(cardIn(page, "Doing", "Inspect roof")).toBeVisible();
  expect(await cardNames(page, "To Do")).toEqual(["Check pumps"]);
});

test("a blocked card dragged toward another column stays in its own, is announced as blocked, and nothing is sent", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpByApi(page.request, "Bea Blocked");
  const board = await createBoardByApi(page.request, { workspace: "Wards", space: "Discharges" });
  const card = await addCardByApi(page.request, board.spaceId, "Discharge bed 4", board.statusId("To Do"));
  const typeResponse = await page.request.post(`/api/spaces/${board.spaceId}/blocker-types`, {
    data: { name: "Waiting for pharmacy" },
  });
  expect(typeResponse.status()).toBe(201);
  const blockerType = (await typeResponse.json()) as { id: string };
  const blocking = await page.request.post(`/api/cards/${card.id}/blockings`, {
    data: { blockerTypeId: blockerType.id, reason: "Discharge medicines" },
  });
  expect(blocking.status()).toBe(201);

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await expect(cardIn(page, "To Do", "Discharge bed 4").locator(".card-front-blocked")).toBeVisible();
  const moves: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes(`/api/cards/${card.id}/move`)) moves.push(request.url());
  });

  await pickUpWithKeyboard(page, "Discharge bed 4");
  await page.keyboard.press("ArrowRight");
  const liveRegion = page.locator("[id^='DndLiveRegion']").first();
  await expect(liveRegion).toContainText("Card is blocked: it stays in To Do");
  await expect(cardIn(page, "To Do", "Discharge bed 4")).toBeVisible();
  await expect(column(page, "Doing").getByText("Discharge bed 4")).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText("Card Discharge bed 4 is blocked and stays in To Do");
  await expect(page.getByRole("alert").filter({ hasText: "is blocked" })).toContainText(
    "Could not move “Discharge bed 4”.",
  );
  await expect(cardIn(page, "To Do", "Discharge bed 4")).toBeVisible();
  expect(moves).toEqual([]);
  await saveScreenshot(page, "board-blocked-drag-refused");
});

test("deleting a column that holds cards is refused before the column goes, in the domain's words, and nothing is sent", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpByApi(page.request, "Cole Columns");
  const board = await createBoardByApi(page.request, { workspace: "Wards", space: "Admissions" });
  await addCardByApi(page.request, board.spaceId, "Admit bed 2", board.statusId("To Do"));
  const deletes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "DELETE" && request.url().includes("/api/statuses/"))
      deletes.push(request.url());
  });

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Column To Do actions" }).click();
  await page.getByRole("menuitem", { name: "Delete column…" }).click();
  await page.getByRole("button", { name: "Delete column" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "still holds 1 card(s)" })).toContainText(
    "Could not delete the column “To Do”.",
  );
  await expect(cardIn(page, "To Do", "Admit bed 2")).toBeVisible();
  expect(deletes).toEqual([]);
  await saveScreenshot(page, "board-column-delete-refused");
});
