/**
 * Saved views: an owner filters the List, saves it as a shared view and makes it the space's default;
 * a teammate entering the space from the sidebar lands in it, while the Board tab still shows the
 * board. A personal view stays its owner's; a new shared view reaches the teammate without a reload.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, addMemberByInvitation, createBoardByApi, signUpByApi } from "./helpers.js";

const newPerson = async (browser: Browser, name: string) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const user = await signUpByApi(page.request, name);
  return { context, page, user };
};

const post = async (page: Page, url: string, data: unknown) => {
  const response = await page.request.post(url, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { id: string };
};

const savedViews = (page: Page, group: "Shared" | "Mine") =>
  page.getByRole("region", { name: "Saved views" }).getByRole("list", { name: `${group} saved views` });

test("a shared default view opens for a teammate; a personal view stays its owner's", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Member");
  const board = await createBoardByApi(ana.page.request, { workspace: "Clinic", space: "Ward rounds" });
  await addMemberByInvitation(browser, ana.page.request, board.workspaceId, {
    request: ben.page.request,
    email: ben.user.email,
  });
  await addCardByApi(ana.page.request, board.spaceId, "Restock the trolley", board.statusId("To Do"));
  const blocked = await addCardByApi(
    ana.page.request,
    board.spaceId,
    "Order the beds",
    board.statusId("Doing"),
  );
  const type = await post(ana.page, `/api/spaces/${board.spaceId}/blocker-types`, { name: "Supplier" });
  await post(ana.page, `/api/cards/${blocked.id}/blockings`, { blockerTypeId: type.id, reason: "No stock" });

  // Ana filters the List to blocked cards and saves it for everyone, as the space's default.
  const base = `/w/${board.workspaceId}/s/${board.spaceId}`;
  await ana.page.goto(`${base}/list`);
  await ana.page.getByRole("button", { name: "Filter", exact: true }).click();
  await ana.page
    .getByRole("dialog", { name: "Filters" })
    .getByRole("combobox", { name: "Blocked" })
    .selectOption("yes");
  await ana.page.keyboard.press("Escape");
  await expect(ana.page).toHaveURL(/\/list\?.*blocked=yes/);
  await ana.page.getByRole("button", { name: "+ Save view" }).click();
  const dialog = ana.page.getByRole("dialog", { name: "Save view" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Blocked work");
  await dialog.getByRole("radio", { name: "Everyone in the space" }).check();
  await dialog.getByRole("checkbox", { name: /default view/ }).check();
  await saveScreenshot(ana.page, "saved-views-save-dialog");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(savedViews(ana.page, "Shared").getByRole("link", { name: /Blocked work/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(savedViews(ana.page, "Shared")).toContainText("default");

  // A personal view of the board: Ana's alone.
  await ana.page.getByRole("link", { name: "Board", exact: true }).click();
  await expect(ana.page).toHaveURL(new RegExp(`${base}\\?blocked=yes$`));
  await ana.page.getByRole("button", { name: "+ Save view" }).click();
  const personal = ana.page.getByRole("dialog", { name: "Save view" });
  await personal.getByRole("textbox", { name: "Name" }).fill("Ana's blocked board");
  await personal.getByRole("button", { name: "Save", exact: true }).click();
  await expect(savedViews(ana.page, "Mine").getByRole("link", { name: /Ana's blocked board/ })).toBeVisible();

  // Ben enters the space from the sidebar and lands in the default view: the filtered List.
  await ben.page.goto(`/w/${board.workspaceId}`);
  await ben.page
    .getByRole("navigation", { name: "Workspaces" })
    .getByRole("link", { name: "Ward rounds" })
    .click();
  await expect(ben.page).toHaveURL(new RegExp(`${base}/list\\?blocked=yes$`));
  await expect(ben.page.getByRole("table", { name: "Cards" }).getByRole("link")).toHaveText([
    "Order the beds",
  ]);
  await expect(savedViews(ben.page, "Shared").getByRole("link", { name: /Blocked work/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(savedViews(ben.page, "Mine")).toHaveCount(0);
  await expect(ben.page.getByRole("region", { name: "Saved views" })).not.toContainText(
    "Ana's blocked board",
  );

  // The Board tab still shows the board.
  await ben.page.getByRole("link", { name: "Board", exact: true }).click();
  await expect(ben.page).toHaveURL(new RegExp(`${base}\\?blocked=yes$`));
  await expect(ben.page.locator("section.column").first()).toBeVisible();

  // A shared view Ana saves now reaches Ben's open board without a reload.
  await post(ana.page, `/api/spaces/${board.spaceId}/saved-views`, {
    name: "Doing this week",
    kind: "board",
    query: "",
    isShared: true,
  });
  await expect(savedViews(ben.page, "Shared").getByRole("link", { name: /Doing this week/ })).toBeVisible();
  await saveScreenshot(ben.page, "saved-views-teammate");
  await ana.page.goto(`${base}/list?blocked=yes`);
  await expect(savedViews(ana.page, "Mine")).toBeVisible();
  await saveScreenshot(ana.page, "saved-views-owner");

  // Ana makes the new view the default from its menu; Ben sees the mark move.
  await savedViews(ana.page, "Shared").getByRole("button", { name: "Actions for Doing this week" }).click();
  await ana.page.getByRole("menuitem", { name: "Make the space's default view" }).click();
  await expect(savedViews(ben.page, "Shared").getByRole("listitem")).toHaveText([
    /Blocked work(?!.*default)/,
    /Doing this week.*default/,
  ]);
  await ana.context.close();
  await ben.context.close();
});
