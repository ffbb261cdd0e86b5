/**
 * Planning views: the Gantt chart, the calendar and the table read the same live board. A bar dragged
 * on the Gantt changes the card's dates (optimistically, through the board store), a teammate sees
 * the new dates without reloading, and the views switch back and forth.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addMemberByInvitation, createBoardByApi, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

/** Resolves once the Gantt's scroll position has stayed the same for five animation frames. */
const waitForScrollToSettle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const container = document.querySelector(".gantt-container") as HTMLElement;
        let last = container.scrollLeft;
        let stillFrames = 0;
        const check = () => {
          if (container.scrollLeft === last) stillFrames += 1;
          else [last, stillFrames] = [container.scrollLeft, 0];
          if (stillFrames >= 5) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );

const day = (offset: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  return d.toISOString().slice(0, 10);
};

test("dragging a Gantt bar reschedules the card for everyone; calendar and table show the same plan", async ({
  browser,
}) => {
  const ana = await newPerson(browser, "Ana Planner");
  const ben = await newPerson(browser, "Ben Teammate");
  const board = await createBoardByApi(ana.page.request, { workspace: "Launches", space: "Q3 launch" });
  await addMemberByInvitation(browser, ana.page.request, board.workspaceId, {
    request: ben.page.request,
    email: ben.user.email,
  });

  const make = async (name: string, status: string, startDate: string | null, dueDate: string | null) => {
    const created = await ana.page.request.post(`/api/spaces/${board.spaceId}/cards`, {
      data: { name, statusId: board.statusId(status) },
    });
    expect(created.ok()).toBe(true);
    const card = (await created.json()) as { id: string };
    if (startDate || dueDate) {
      const patched = await ana.page.request.patch(`/api/cards/${card.id}`, { data: { startDate, dueDate } });
      expect(patched.ok(), await patched.text()).toBe(true);
    }
    return card;
  };
  const design = await make("Design mockups", "Doing", day(0), day(2));
  const build = await make("Build, test & ship", "To Do", day(3), day(6));
  await make("Launch party", "To Do", null, day(8));
  await make("Write the announcement", "To Do", null, null);
  expect(
    (
      await ana.page.request.post(`/api/cards/${design.id}/relations`, {
        data: { type: "next", cardId: build.id },
      })
    ).ok(),
  ).toBe(true);

  const base = `/w/${board.workspaceId}/s/${board.spaceId}`;
  await ana.page.goto(`${base}/gantt`);
  await ben.page.goto(`${base}/list`);
  await expect(ana.page.getByRole("link", { name: "Gantt" })).toHaveClass(/is-active/);
  const bar = ana.page.locator(`.gantt .bar-wrapper[data-id="${build.id}"] .bar`);
  await expect(bar).toBeVisible();
  // It opens on today: once its scroll settles, today's column is the first one in view.
  await waitForScrollToSettle(ana.page);
  const today = await ana.page.evaluate(() => {
    const container = document.querySelector(".gantt-container") as HTMLElement;
    const highlight = container.querySelector(".current-date-highlight") as HTMLElement;
    return {
      left: highlight.offsetLeft - container.scrollLeft,
      columnWidth: Number.parseFloat(getComputedStyle(container).getPropertyValue("--gv-column-width")),
    };
  });
  expect(today.left).toBeGreaterThanOrEqual(0);
  expect(today.left).toBeLessThan(today.columnWidth);
  await expect(ana.page.getByRole("complementary", { name: "Unscheduled" })).toContainText(
    "Write the announcement",
  );
  const benDue = ben.page.getByRole("button", { name: /^Due date of Build, test & ship,/ });
  await expect(benDue).toHaveAttribute("data-value", day(6));

  // Day scale: one column is one day. Drag the bar three days later with real mouse events.
  await ana.page.getByRole("button", { name: "Day", exact: true }).click();
  // Redrawn at the day scale: the four-day bar is four columns wide (at the week scale it is not).
  const scale = () =>
    bar.evaluate((element) => ({
      columnWidth: Number.parseFloat(
        getComputedStyle(element.closest(".gantt-container") as HTMLElement).getPropertyValue(
          "--gv-column-width",
        ),
      ),
      barWidth: element.getBoundingClientRect().width,
    }));
  await expect
    .poll(async () => {
      const { columnWidth, barWidth } = await scale();
      return Math.round(barWidth / columnWidth);
    })
    .toBe(4);
  const { columnWidth } = await scale();
  // The chart scrolls to today on a new scale: read the bar's box only once the scroll has settled.
  await waitForScrollToSettle(ana.page);
  const box = await bar.boundingBox();
  if (!box) throw new Error("the bar has no box");
  await saveScreenshot(ana.page, "planning-gantt-before");
  const saves: string[] = [];
  ana.page.on("request", (request) => {
    if (request.method() === "PATCH" && request.url().includes(`/api/cards/${build.id}`))
      saves.push(request.url());
  });
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2;
  await ana.page.mouse.move(x, y);
  await ana.page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await ana.page.mouse.move(x + (columnWidth * 3 * step) / 10, y);
  await ana.page.mouse.up();

  // The move is saved: the API, the teammate's table (live, no reload) and Ana's own views agree.
  await expect
    .poll(async () => (await (await ana.page.request.get(`/api/cards/${build.id}`)).json()) as object)
    .toMatchObject({ startDate: day(6), dueDate: day(9) });
  await expect(benDue).toHaveAttribute("data-value", day(9));
  // One save for the whole drag, not one per day crossed; and no popup left over the chart.
  expect(saves).toHaveLength(1);
  await expect(ana.page.locator(".gantt-container .popup-wrapper")).toBeHidden();
  await expect(ben.page.getByRole("button", { name: /^Start date of Build, test & ship,/ })).toHaveAttribute(
    "data-value",
    day(6),
  );
  await saveScreenshot(ana.page, "planning-gantt-after");
  await saveScreenshot(ben.page, "planning-teammate-table");

  // The card panel opens over the Gantt, on the moved card with its new dates; closing returns to it.
  await ana.page.getByRole("link", { name: "Build, test & ship" }).click();
  await expect(ana.page).toHaveURL(new RegExp(`${base}/gantt/c/${build.id}$`));
  const panel = ana.page.getByRole("complementary", { name: "Card details" });
  await expect(panel).toContainText("Build, test & ship");
  await expect(panel.getByRole("button", { name: /^Start,/ })).toHaveAttribute("data-value", day(6));
  await expect(panel.getByRole("button", { name: /^Due,/ })).toHaveAttribute("data-value", day(9));
  await expect(bar).toBeVisible();
  await saveScreenshot(ana.page, "planning-card-panel");
  await ana.page.keyboard.press("Escape");
  await expect(ana.page).toHaveURL(new RegExp(`${base}/gantt$`));
  await expect(panel).toHaveCount(0);

  // The board's filters work on the Gantt too, and travel with the person to the board.
  await ana.page
    .getByRole("region", { name: "Filter cards" })
    .getByRole("button", { name: "Filter" })
    .click();
  await ana.page
    .getByRole("dialog", { name: "Filters" })
    .getByRole("combobox", { name: "Status" })
    .selectOption("in_progress");
  await ana.page.keyboard.press("Escape");
  await expect(ana.page.locator(`.gantt .bar-wrapper[data-id="${design.id}"]`)).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(ana.page.getByRole("status").filter({ hasText: "of 4 cards" })).toContainText("1 of 4 cards");
  await saveScreenshot(ana.page, "planning-gantt-filtered");
  await ana.page.getByRole("link", { name: "Board", exact: true }).click();
  await expect(ana.page).toHaveURL(/role=in_progress/);
  await expect(ana.page.locator(".card-tile")).toHaveCount(1);

  // Calendar: the card spans its new days; the table lists it with the new dates; back to the Gantt.
  await ana.page.goto(`${base}/calendar?mode=week&date=${day(9)}`);
  await expect(ana.page.locator(`.cal-chip[data-card-id="${build.id}"]`).first()).toBeVisible();
  await saveScreenshot(ana.page, "planning-calendar");
  await ana.page.getByRole("link", { name: "List" }).click();
  await expect(ana.page.getByRole("button", { name: /^Due date of Build, test & ship,/ })).toHaveAttribute(
    "data-value",
    day(9),
  );
  await ana.page.getByRole("button", { name: "Due", exact: true }).click();
  await expect(ana.page.getByRole("columnheader", { name: "Due" })).toHaveAttribute("aria-sort", "ascending");
  await saveScreenshot(ana.page, "planning-table");
  await ana.page.getByRole("link", { name: "Gantt" }).click();
  await expect(ana.page.locator(`.gantt .bar-wrapper[data-id="${build.id}"]`)).toBeVisible();

  await ana.context.close();
  await ben.context.close();
});
