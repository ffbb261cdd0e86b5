/**
 * Screenshots of every view of the demo's space at phone (390), tablet (768) and desktop (1440) width,
 * light and dark, saved as artifacts/views/<view>-<width>-<theme>.png for people to look at (CI keeps
 * them). Each shot waits until its view has loaded: no skeleton or busy region left.
 */
import { expect, type Page, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";

const demo = {
  workspace: "Customer Service Strategy 2027",
  space: "Optimize scheduling procedures",
  email: "maria.jensen@hospital.example",
  password: "lattice-demo-2027",
};

const views = [
  { name: "board", path: "" },
  { name: "list", path: "/list" },
  { name: "calendar", path: "/calendar" },
  { name: "gantt", path: "/gantt" },
  { name: "forecast", path: "/forecast" },
  { name: "time", path: "/time" },
  { name: "flow", path: "/flow" },
  { name: "activity", path: "" },
] as const;
const widths = [390, 768, 1440] as const;
const themes = ["light", "dark"] as const;

const waitForView = async (page: Page) => {
  await expect(page.locator("header.space-header h1")).toHaveText(demo.space);
  await expect(page.locator('[aria-busy="true"], .skeleton')).toHaveCount(0);
};

test("every view at phone, tablet and desktop width, light and dark", async ({ page }) => {
  test.setTimeout(240_000);
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
  const base = `/w/${workspace.id}/s/${space.id}`;

  let saved = 0;
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of widths) {
      await page.setViewportSize({ width, height: width < 500 ? 844 : width < 1000 ? 1024 : 900 });
      for (const view of views) {
        await page.goto(`${base}${view.path}`);
        await waitForView(page);
        if (view.name === "activity") {
          await page.getByRole("button", { name: "Activity", exact: true }).click();
          await expect(page.getByLabel(`Activity in ${demo.space}`)).toBeVisible();
          await expect(page.getByLabel(`Activity in ${demo.space}`).locator(".skeleton")).toHaveCount(0);
        }
        await saveScreenshot(page, `views/${view.name}-${width}-${theme}`);
        saved += 1;
      }
    }
  }
  expect(saved).toBe(views.length * widths.length * themes.length);
});
