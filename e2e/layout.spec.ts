/**
 * Layout journeys (issue 15, items 17–21): popovers drawn above the page and kept on screen, filters
 * behind one button with chips that live in the URL, one header on every view, a date picker that
 * follows the person's locale, and every view usable at phone width.
 */
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, cardIn, createBoardByApi, logInByApi, signUpByApi } from "./helpers.js";

const demo = {
  workspace: "Customer Service Strategy 2027",
  folder: "Resource allocation",
  space: "Optimize scheduling procedures",
  email: "maria.jensen@hospital.example",
  password: "lattice-demo-2027",
};

const views = ["", "list", "calendar", "gantt", "forecast", "time", "flow"] as const;

/** Logs in as the demo's owner and returns the path of the demo space's board. */
const openDemo = async (page: Page): Promise<string> => {
  const login = await page.request.post("/api/auth/login", {
    data: { email: demo.email, password: demo.password },
  });
  expect(login.ok(), "the demo seed ran before the server started").toBe(true);
  const workspaces = (await (await page.request.get("/api/workspaces")).json()) as Array<{
    id: string;
    name: string;
  }>;
  const workspace = workspaces.find((w) => w.name === demo.workspace);
  if (!workspace) throw new Error("no demo workspace");
  const tree = (await (await page.request.get(`/api/workspaces/${workspace.id}/tree`)).json()) as {
    spaces: Array<{ id: string; name: string }>;
  };
  const space = tree.spaces.find((s) => s.name === demo.space);
  if (!space) throw new Error("no demo space");
  return `/w/${workspace.id}/s/${space.id}`;
};

const newPage = async (browser: Browser, options: { width: number; locale?: string }) => {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.width < 500 ? 844 : 860 },
    locale: options.locale ?? "en-US",
  });
  return { context, page: await context.newPage() };
};

/** Whether the whole of `locator` lies inside the window. */
const expectOnScreen = async (page: Page, locator: Locator) => {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("not laid out");
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
};

test("the move menu of a card in the first column and the card panel's pickers open whole, above the page", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, { width: 1280 });
  await signUpByApi(page.request, "Ana Layout");
  const board = await createBoardByApi(page.request, { workspace: "Layout team", space: "Popovers" });
  // One short card in the first column: its column is barely taller than the card.
  const card = await addCardByApi(page.request, board.spaceId, "Only card", board.statusId("To Do"));
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);

  const tile = cardIn(page, "To Do", "Only card");
  await tile.hover();
  await tile.getByRole("button", { name: "Move Only card" }).click();
  const move = page.getByRole("dialog", { name: "Move Only card" });
  await expect(move.getByRole("combobox", { name: "Status" })).toBeFocused();
  await expectOnScreen(page, move);
  // Drawn in the layer above the page, not inside the column's scroll area that used to cut it.
  expect(await move.evaluate((el) => el.closest(".column") === null)).toBe(true);
  const scrollers = await move.evaluate((el) => el.scrollHeight <= el.clientHeight);
  expect(scrollers, "the menu shows all of its controls without a scrollbar").toBe(true);
  await saveScreenshot(page, "layout-move-menu");
  await page.keyboard.press("Escape");
  await expect(move).toHaveCount(0);

  // The co-worker picker, from the card panel at the window's right edge, stays inside the window.
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`);
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.getByRole("button", { name: "+ Add co-worker", exact: true }).click();
  const coworkers = page.getByRole("dialog", { name: "Choose co-workers" });
  await expectOnScreen(page, coworkers);
  // Escape closes the innermost layer only: the picker, then (again) the card.
  await page.keyboard.press("Escape");
  await expect(coworkers).toHaveCount(0);
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await context.close();
});

test("filters live behind the Filter button, show as chips, and round-trip through the URL across views", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, { width: 1280 });
  const base = await openDemo(page);
  await page.goto(base);
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(page.getByRole("button", { name: "Filter", exact: true })).toBeVisible();
  await expect(chips).toHaveCount(0);
  // No permanent row of selects: they are in the Filter panel.
  await expect(page.getByRole("combobox", { name: "Due" })).toHaveCount(0);

  await page.getByRole("button", { name: "Filter", exact: true }).click();
  const panel = page.getByRole("dialog", { name: "Filters" });
  await panel.getByRole("combobox", { name: "Due" }).selectOption("overdue");
  await panel.getByRole("combobox", { name: "Status" }).selectOption("not_started");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]due=overdue/);
  await expect(page).toHaveURL(/[?&]role=not_started/);
  await expect(chips.getByRole("listitem")).toHaveText([/^Status: Not started/, /^Overdue/]);
  await expect(page.getByRole("button", { name: "Filter (2 active)" })).toBeVisible();
  await saveScreenshot(page, "layout-filter-chips");

  // A reload and another view read the same chips from the URL.
  await page.reload();
  await expect(chips.getByRole("listitem")).toHaveText([/^Status: Not started/, /^Overdue/]);
  await page.getByRole("link", { name: "Gantt", exact: true }).click();
  await expect(page).toHaveURL(/\/gantt\?.*due=overdue/);
  await expect(chips.getByRole("listitem")).toHaveText([/^Status: Not started/, /^Overdue/]);

  // Removing one chip removes that parameter only.
  await page.getByRole("button", { name: "Remove filter Overdue" }).click();
  await expect(page).not.toHaveURL(/due=/);
  await expect(page).toHaveURL(/[?&]role=not_started/);
  await expect(chips.getByRole("listitem")).toHaveText([/^Status: Not started/]);
  await context.close();
});

test("every view has the same header: the breadcrumb by name, the space's name, the tabs in one place", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, { width: 1440 });
  const base = await openDemo(page);
  const seen: Array<{ view: string; crumbs: string; title: string; tabs: string }> = [];
  for (const view of views) {
    await page.goto(`${base}${view ? `/${view}` : ""}`);
    const header = page.locator("header.space-header");
    const breadcrumb = header.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb).toContainText(demo.space);
    await expect(header.getByRole("heading", { level: 1 })).toHaveText(demo.space);
    const tabs = header.getByRole("navigation", { name: "Space views" });
    await expect(tabs.locator('[aria-current="page"]')).toHaveCount(1);
    const box = await tabs.boundingBox();
    seen.push({
      view: view || "board",
      crumbs: (await breadcrumb.textContent()) ?? "",
      title: (await header.getByRole("heading", { level: 1 }).textContent()) ?? "",
      tabs: box ? `${Math.round(box.x)},${Math.round(box.y)}` : "none",
    });
  }
  const first = seen[0];
  expect(first?.crumbs).toBe(`${demo.workspace}›${demo.folder}›${demo.space}`);
  for (const entry of seen) {
    expect({ ...entry, view: "" }, `the ${entry.view} view's header`).toEqual({ ...first, view: "" });
  }
  await context.close();
});

test("the date picker writes and reads dates in the person's locale, weeks starting on its first day", async ({
  browser,
}) => {
  const british = await newPage(browser, { width: 1280, locale: "en-GB" });
  const ana = await signUpByApi(british.page.request, "Ana Dates");
  const board = await createBoardByApi(british.page.request, { workspace: "Date team", space: "Dates" });
  const card = await addCardByApi(british.page.request, board.spaceId, "Dated card", board.statusId("To Do"));
  const cardPath = `/w/${board.workspaceId}/s/${board.spaceId}/c/${card.id}`;
  const { page } = british;
  await page.goto(cardPath);
  const panel = page.getByRole("complementary", { name: "Card details" });
  const due = panel.getByRole("button", { name: /^Due,/ });
  await expect(due).toHaveAccessibleName("Due, not set");

  // Typed as the British write it: day first.
  await due.click();
  const typed = page.getByRole("textbox", { name: "Type the date (dd/mm/yyyy)" });
  await expect(typed).toBeFocused();
  await typed.fill("22/11/2027");
  await typed.press("Enter");
  await expect(due).toHaveAttribute("data-value", "2027-11-22");
  await expect(due).toHaveText(/22 Nov 2027/);
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/cards/${card.id}`)).json()) as { dueDate: string }).dueDate,
    )
    .toBe("2027-11-22");

  // The calendar's weeks start on Monday, and a day is picked with a click.
  await due.click();
  const calendar = page.getByRole("dialog", { name: "Due" });
  await expect(calendar.getByRole("grid", { name: "November 2027" })).toBeVisible();
  await expect(calendar.locator(".rdp-weekday").first()).toHaveAttribute("aria-label", "Monday");
  await saveScreenshot(page, "layout-date-picker-en-gb");
  await calendar.getByRole("button", { name: /25 November 2027/ }).click();
  await expect(due).toHaveAttribute("data-value", "2027-11-25");
  await expect(calendar).toHaveCount(0);

  // The same person in the United States: month first, weeks from Sunday.
  const american = await newPage(browser, { width: 1280, locale: "en-US" });
  await logInByApi(american.page.request, ana.email);
  await american.page.goto(cardPath);
  const usDue = american.page
    .getByRole("complementary", { name: "Card details" })
    .getByRole("button", { name: /^Due,/ });
  await expect(usDue).toHaveText(/Nov 25, 2027/);
  await usDue.click();
  await expect(american.page.getByRole("textbox", { name: "Type the date (mm/dd/yyyy)" })).toHaveValue(
    "11/25/2027",
  );
  const usCalendar = american.page.getByRole("dialog", { name: "Due" });
  await expect(usCalendar.locator(".rdp-weekday").first()).toHaveAttribute("aria-label", "Sunday");
  await saveScreenshot(american.page, "layout-date-picker-en-us");
  await british.context.close();
  await american.context.close();
});

test("at phone width every view fits the screen and its filters and actions are within reach", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, { width: 390 });
  const base = await openDemo(page);
  for (const view of views) {
    await page.goto(`${base}${view ? `/${view}` : ""}`);
    const header = page.locator("header.space-header");
    await expect(header.getByRole("heading", { level: 1 })).toHaveText(demo.space);
    // Nothing pushes the page sideways: only the board's columns and wide tables scroll inside.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the ${view || "board"} view is wider than the phone`).toBeLessThanOrEqual(0);
    // The current tab is in sight, and so is every header control.
    await expectOnScreen(
      page,
      header.getByRole("navigation", { name: "Space views" }).locator('[aria-current="page"]'),
    );
    for (const control of await header.locator(".space-header-actions > *:visible").all()) {
      await expectOnScreen(page, control);
    }
    // The header leaves most of the screen to the view.
    const headerBox = await header.boundingBox();
    expect(headerBox?.height ?? 999).toBeLessThan(844 * 0.3);
    if (view !== "forecast" && view !== "time" && view !== "flow") {
      await expectOnScreen(page, page.getByRole("button", { name: "Filter", exact: true }));
    }
  }
  // The board's settings are in one menu at this width, and it opens on screen.
  await page.goto(base);
  await page.getByRole("button", { name: "More space actions" }).click();
  const more = page.getByRole("menu", { name: "More space actions" });
  await expectOnScreen(page, more);
  await expect(more.getByRole("menuitem")).toHaveText([
    "Archived cards",
    "Card templates",
    "Trash",
    "Members",
    "Blocker types",
    "Fields",
    "Columns",
  ]);
  await page.keyboard.press("Escape");
  // The Filter panel fits the phone too.
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expectOnScreen(page, page.getByRole("dialog", { name: "Filters" }));
  await saveScreenshot(page, "layout-phone-filters");
  await context.close();
});
