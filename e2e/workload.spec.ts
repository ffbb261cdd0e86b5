import { type Browser, expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, addMemberByInvitation, createBoardByApi, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("the Workload view shows each person's cards and overload, and a card handed over arrives live for a teammate", async ({
  browser,
}) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Member");
  const board = await createBoardByApi(ana.page.request, { workspace: "Ward rota", space: "Nursing" });
  await addMemberByInvitation(browser, ana.page.request, board.workspaceId, {
    request: ben.page.request,
    email: ben.user.email,
  });
  // Ana can hold one card a week and holds two this week: that week is overloaded.
  const capacity = await ana.page.request.patch(
    `/api/workspaces/${board.workspaceId}/members/${ana.user.id}`,
    {
      data: { capacityPerWeek: 1 },
      headers: { "x-lattice-client": "1" },
    },
  );
  expect(capacity.ok()).toBe(true);
  for (const [name, startDate, dueDate] of [
    ["Night shift rota", isoDay(0), isoDay(1)],
    ["Supply order", null, isoDay(0)],
  ] as const) {
    const card = await addCardByApi(ana.page.request, board.spaceId, name, board.statusId("To Do"));
    const res = await ana.page.request.patch(`/api/cards/${card.id}`, {
      data: { startDate, dueDate, responsibleId: ana.user.id },
      headers: { "x-lattice-client": "1" },
    });
    expect(res.ok()).toBe(true);
  }
  await addCardByApi(ana.page.request, board.spaceId, "Undated audit", board.statusId("To Do"));

  const url = `/w/${board.workspaceId}/s/${board.spaceId}/workload`;
  await ana.page.goto(url);
  await ben.page.goto(url);
  const anaRow = (page: typeof ana.page) => page.locator(`section.wl-row[aria-label="Ana Owner's cards"]`);
  const benRow = (page: typeof ana.page) => page.locator(`section.wl-row[aria-label="Ben Member's cards"]`);
  await expect(anaRow(ana.page).locator(".wl-bar")).toHaveCount(2);
  await expect(anaRow(ana.page).locator(".wl-load.is-over")).toHaveCount(1);
  await expect(ana.page.locator(".wl-person.is-overloaded")).toContainText("Ana Owner");
  await expect(ana.page.getByRole("complementary")).toContainText("Undated audit");
  await expect(benRow(ben.page).locator(".wl-bar")).toHaveCount(0);

  // Ana drags the rota from her row down to Ben's.
  const bar = anaRow(ana.page).locator(".wl-bar", { hasText: "Night shift rota" });
  const from = await bar.boundingBox();
  const to = await benRow(ana.page).boundingBox();
  if (!from || !to) throw new Error("nothing to drag");
  await ana.page.mouse.move(from.x + 6, from.y + from.height / 2);
  await ana.page.mouse.down();
  await ana.page.mouse.move(from.x + 6, to.y + to.height / 2, { steps: 8 });
  await ana.page.mouse.up();

  await expect(benRow(ana.page).locator(".wl-bar", { hasText: "Night shift rota" })).toBeVisible();
  // Ben sees it arrive in his row without reloading, and Ana is no longer overloaded.
  await expect(benRow(ben.page).locator(".wl-bar", { hasText: "Night shift rota" })).toBeVisible();
  await expect(anaRow(ben.page).locator(".wl-bar")).toHaveCount(1);
  await expect(anaRow(ana.page).locator(".wl-load.is-over")).toHaveCount(0);
  await saveScreenshot(ben.page, "workload-handed-over");
  await ana.context.close();
  await ben.context.close();
});
