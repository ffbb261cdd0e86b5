/**
 * Loading journeys: the sign-in page needs only the app's entry (the files the size budget counts);
 * a signed-in person's board loads its own code, and the card panel and the other views load when a
 * link to them is pointed at, or by themselves once the board is shown and the browser is idle.
 * Chunk names come from the build's manifest, as scripts/web-budget.ts reads it.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import {
  chunkFiles,
  firstScreenFiles,
  loadedAfterFirstRender,
  type Manifest,
} from "../scripts/web-budget.js";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, createBoardByApi, signUpByApi } from "./helpers.js";

const manifest = JSON.parse(
  readFileSync(new URL("../apps/web/dist/.vite/manifest.json", import.meta.url), "utf8"),
) as Manifest;

/** The built file of a source module that loads on demand. */
const chunkOf = (source: string): string => {
  const chunk = manifest[source];
  if (!chunk) throw new Error(`the build manifest has no ${source}`);
  return chunk.file;
};

/** Every JavaScript file the page has fetched so far, as named in the manifest (assets/…). */
const scriptsFetched = (page: Page): Set<string> => {
  const fetched = new Set<string>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith(".js")) fetched.add(pathname.slice(1));
  });
  return fetched;
};

/** Data saver on: the app fetches no code ahead on idle, so what a link's hover loads can be seen. */
const withDataSaver = (page: Page) =>
  page.addInitScript(() => {
    Object.defineProperty(navigator, "connection", { value: { saveData: true }, configurable: true });
  });

test("the sign-in page loads the app's entry, then only its requests' schemas", async ({ page }) => {
  const fetched = scriptsFetched(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeEditable();
  const entry = firstScreenFiles(manifest);
  const afterwards = loadedAfterFirstRender.flatMap((key) => chunkFiles(manifest, key));
  // The sign-in options' reply is checked once its schema has loaded: wait for that to be fetched.
  await expect.poll(() => afterwards.every((file) => fetched.has(file))).toBe(true);
  expect(entry.every((file) => fetched.has(file))).toBe(true);
  expect([...fetched].filter((file) => !entry.includes(file) && !afterwards.includes(file))).toEqual([]);
  expect(fetched).not.toContain(chunkOf("src/features/board/board-page.tsx"));
  expect(fetched).not.toContain(chunkOf("src/features/card-detail/card-panel.tsx"));
});

test("a card's panel and another view load when their links are pointed at, and open", async ({ page }) => {
  await withDataSaver(page);
  const fetched = scriptsFetched(page);
  await signUpByApi(page.request, "Loading Lena");
  const board = await createBoardByApi(page.request, { workspace: "Ward 4", space: "Discharges" });
  await addCardByApi(page.request, board.spaceId, "Call the family of bed 12", board.statusId("To Do"));

  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  const card = page.locator(".card-tile").filter({ hasText: "Call the family of bed 12" });
  await expect(card).toBeVisible();
  await expect(page.locator(".connection-live")).toBeVisible();
  expect(fetched).toContain(chunkOf("src/features/board/board-page.tsx"));
  const cardPanel = chunkOf("src/features/card-detail/card-panel.tsx");
  const listPage = chunkOf("src/features/list/list-page.tsx");
  expect(fetched).not.toContain(cardPanel);
  expect(fetched).not.toContain(listPage);

  // Pointing at the card's link fetches the panel's code before the click.
  const panelFetched = page.waitForRequest((request) => request.url().endsWith(cardPanel));
  await card.getByRole("link").first().hover();
  await panelFetched;
  await card.getByRole("link").first().click();
  await expect(page.getByRole("complementary", { name: "Card details" })).toBeVisible();
  await expect(page.getByLabel("Card name")).toHaveValue("Call the family of bed 12");
  // The panel slides in: the screenshot shows it once it has arrived.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await saveScreenshot(page, "loading-card-panel");

  // So does pointing at the List tab; the list then shows the card.
  const listFetched = page.waitForRequest((request) => request.url().endsWith(listPage));
  await page.getByRole("link", { name: "List", exact: true }).hover();
  await listFetched;
  await page.getByRole("link", { name: "List", exact: true }).click();
  await expect(page.getByText("Call the family of bed 12").first()).toBeVisible();
  await expect(page).toHaveURL(/\/list/);
});

test("once the board is shown, the rest of the app's code is fetched while the browser is idle", async ({
  page,
}) => {
  await signUpByApi(page.request, "Idle Ida");
  const board = await createBoardByApi(page.request, { workspace: "Ward 5", space: "Admissions" });
  const settingsPage = chunkOf("src/features/workspace-settings/settings-page.tsx");
  const cardPanel = chunkOf("src/features/card-detail/card-panel.tsx");
  const fetchedAhead = Promise.all(
    [settingsPage, cardPanel].map((file) => page.waitForRequest((request) => request.url().endsWith(file))),
  );
  await page.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(page.locator(".connection-live")).toBeVisible();
  // Nobody points at anything: the settings and the card panel arrive on their own.
  await fetchedAhead;
});
