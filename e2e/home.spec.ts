/**
 * After sign-in: the home lists the spaces the person opened (names follow renames live), the
 * workspace's page sums up each space (progress, dates, late, blocked), and the sidebar keeps the
 * width it was given.
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

test("home shows recent spaces live; the workspace page sums up its spaces; the sidebar keeps its width", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Hana Home");
  const board = await createBoardByApi(page.request, { workspace: "Clinic", space: "Open day" });
  const other = await ok(
    page.request.post(`/api/workspaces/${board.workspaceId}/spaces`, {
      data: { name: "Lab move", folderId: null },
    }),
  );
  await addCardByApi(page.request, board.spaceId, "Book the hall", board.statusId("Done"));
  const late = await addCardByApi(page.request, board.spaceId, "Send invites", board.statusId("To Do"));
  const blocked = await addCardByApi(page.request, board.spaceId, "Print posters", board.statusId("Doing"));
  for (const [card, startDate, dueDate] of [
    [late, day(-9), day(-2)],
    [blocked, day(-1), day(12)],
  ] as const) {
    const patched = await page.request.patch(`/api/cards/${card.id}`, { data: { startDate, dueDate } });
    expect(patched.ok(), await patched.text()).toBe(true);
  }
  const type = await ok(
    page.request.post(`/api/spaces/${board.spaceId}/blocker-types`, { data: { name: "Print shop" } }),
  );
  await ok(
    page.request.post(`/api/cards/${blocked.id}/blockings`, {
      data: { blockerTypeId: type.id, reason: "Proofs not back" },
    }),
  );

  // Before opening any space the home says where they will appear.
  await page.goto("/");
  await expect(page.getByText("The spaces you open appear here.")).toBeVisible();

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page.locator("li.card-tile").first()).toBeVisible();
  await page.goto(`/w/${board.workspaceId}`);

  // The workspace page: each space with its progress, dates, late and blocked counts.
  const spaces = page.getByRole("list", { name: "Spaces" });
  const openDay = spaces.getByRole("link").filter({ hasText: "Open day" });
  await expect(openDay).toContainText("1 of 3 done");
  await expect(openDay).toContainText("1 late");
  await expect(openDay).toContainText("1 blocked");
  await expect(openDay.getByRole("img", { name: /^Open day: 33% done/ })).toBeVisible();
  await expect(spaces.getByRole("link").filter({ hasText: "Lab move" })).toContainText("No cards yet");
  await saveScreenshot(page, "home-workspace");

  // Home: the space opened is listed, the other is not; a rename arrives without a reload.
  await page.goto("/");
  const recent = page.getByRole("list", { name: "Recent spaces" });
  await expect(recent.getByRole("link")).toHaveText([/Open day/]);
  await expect(recent).not.toContainText("Lab move");
  const renamed = await page.request.patch(`/api/spaces/${board.spaceId}`, {
    data: { name: "Open day 2027" },
  });
  expect(renamed.ok(), await renamed.text()).toBe(true);
  await expect(recent.getByRole("link")).toHaveText([/Open day 2027/]);
  await saveScreenshot(page, "home-recent");
  expect(other.id).not.toBe(board.spaceId);

  // The sidebar's edge: wider by two steps with the keyboard, and still so after a reload.
  const resizer = page.getByRole("separator", { name: "Resize sidebar" });
  await resizer.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(resizer).toHaveAttribute("aria-valuenow", "304");
  await page.reload();
  await expect(page.getByRole("separator", { name: "Resize sidebar" })).toHaveAttribute(
    "aria-valuenow",
    "304",
  );
  expect((await page.locator(".sidebar-slot").boundingBox())?.width).toBe(304);

  await context.close();
});
