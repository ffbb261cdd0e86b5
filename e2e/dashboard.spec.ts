/**
 * The workspace dashboard and My blockers: the workspace page shows each space's cards by status
 * role, its late and blocked counts and a burn-up sparkline, and folders roll up their spaces; My
 * blockers (beside My work) lists the blocked cards I must clear, most waiting work first, and follows
 * changes made elsewhere without a reload.
 */
import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, createBoardByApi, signUpByApi } from "./helpers.js";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const ok = async (response: ReturnType<Page["request"]["post"]>) => {
  const r = await response;
  expect(r.ok(), await r.text()).toBe(true);
  return (await r.json()) as { id: string };
};

test("the workspace dashboard rolls spaces up by folder; My blockers orders by waiting work and stays live", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const me = await signUpByApi(page.request, "Dana Dashboard");
  const board = await createBoardByApi(page.request, { workspace: "Clinic", space: "Open day" });
  const folder = await ok(
    page.request.post(`/api/workspaces/${board.workspaceId}/folders`, { data: { name: "Wards" } }),
  );
  const ward = await ok(
    page.request.post(`/api/workspaces/${board.workspaceId}/spaces`, {
      data: { name: "Ward 3", folderId: folder.id },
    }),
  );
  const wardBoard = (await (await page.request.get(`/api/spaces/${ward.id}/board`)).json()) as {
    statuses: Array<{ id: string; role: string }>;
  };
  const wardStatus = (role: string) => wardBoard.statuses.find((s) => s.role === role)?.id ?? "";
  await addCardByApi(page.request, board.spaceId, "Book the hall", board.statusId("Done"));
  await addCardByApi(page.request, board.spaceId, "Send invites", board.statusId("To Do"));
  const posters = await addCardByApi(page.request, board.spaceId, "Print posters", board.statusId("Doing"));
  const hang = await addCardByApi(page.request, board.spaceId, "Hang posters", board.statusId("To Do"));
  await addCardByApi(page.request, ward.id, "New beds", wardStatus("completed"));
  await addCardByApi(page.request, ward.id, "Paint walls", wardStatus("in_progress"));
  const signs = await addCardByApi(page.request, ward.id, "Order signs", wardStatus("not_started"));
  const mount = await addCardByApi(page.request, ward.id, "Mount signs", wardStatus("not_started"));
  const light = await addCardByApi(page.request, ward.id, "Light signs", wardStatus("not_started"));
  for (const [card, body] of [
    [posters, { responsibleId: me.id, dueDate: day(10) }],
    [hang, { dueDate: day(12) }],
    [signs, { responsibleId: me.id }],
    [mount, { dueDate: day(5) }],
    [light, { dueDate: day(8) }],
  ] as const) {
    const patched = await page.request.patch(`/api/cards/${card.id}`, { data: body });
    expect(patched.ok(), await patched.text()).toBe(true);
  }
  await ok(
    page.request.post(`/api/cards/${posters.id}/relations`, { data: { type: "next", cardId: hang.id } }),
  );
  await ok(
    page.request.post(`/api/cards/${signs.id}/relations`, { data: { type: "next", cardId: mount.id } }),
  );
  await ok(
    page.request.post(`/api/cards/${mount.id}/relations`, { data: { type: "next", cardId: light.id } }),
  );
  const type = await ok(
    page.request.post(`/api/spaces/${board.spaceId}/blocker-types`, { data: { name: "Print shop" } }),
  );
  const postersBlocking = await ok(
    page.request.post(`/api/cards/${posters.id}/blockings`, {
      data: { blockerTypeId: type.id, reason: "Proofs not back" },
    }),
  );

  // The workspace page: the folder rolls up its space; each space has its role bar and sparkline.
  await page.goto(`/w/${board.workspaceId}`);
  const spaces = page.getByRole("list", { name: "Spaces" });
  const openDay = spaces.getByRole("link").filter({ hasText: "Open day" });
  await expect(openDay).toContainText("1 of 4 done");
  await expect(openDay).toContainText("1 blocked");
  await expect(
    openDay.getByRole("img", { name: "Open day: 25% done (2 not started, 1 in progress, 1 done)" }),
  ).toBeVisible();
  await expect(openDay.getByRole("img", { name: /^Open day burn-up: 1 of 4 done now/ })).toBeVisible();
  const wards = page
    .getByRole("list", { name: "Folders" })
    .getByRole("listitem")
    .filter({ hasText: "Wards" });
  await expect(wards).toContainText("1 space");
  await expect(wards).toContainText("1 of 5 done");
  await expect(
    wards.getByRole("img", { name: "Wards: 20% done (3 not started, 1 in progress, 1 done)" }),
  ).toBeVisible();
  await saveScreenshot(page, "dashboard-workspace");

  // My blockers, beside My work: the one blocked card, its reason and the card waiting on it.
  await page.getByRole("link", { name: "My blockers" }).click();
  await expect(page).toHaveURL(/\/my-blockers$/);
  const list = page.getByRole("list", { name: "My blockers" });
  await expect(list.getByRole("listitem").filter({ hasText: "Print posters" }).first()).toContainText(
    "Proofs not back",
  );
  await expect(list).toContainText("1 card waits on it");
  await expect(list).toContainText("blocked today");

  // Blocked elsewhere (another space), with more work waiting on it: it arrives first, live.
  const wardType = await ok(
    page.request.post(`/api/spaces/${ward.id}/blocker-types`, { data: { name: "Supplier" } }),
  );
  await ok(
    page.request.post(`/api/cards/${signs.id}/blockings`, {
      data: { blockerTypeId: wardType.id, reason: "Quote not approved" },
    }),
  );
  const names = list.locator(".my-blocker-name");
  await expect(names).toHaveText(["Order signs", "Print posters"]);
  await expect(list.locator(".my-blocker").first()).toContainText("2 cards wait on it");
  await saveScreenshot(page, "dashboard-my-blockers");

  // Cleared by someone else's hand (here the API): it leaves the list without a reload.
  await ok(page.request.post(`/api/blockings/${postersBlocking.id}/clear`, { data: {} }));
  await expect(names).toHaveText(["Order signs"]);
  await context.close();
});
