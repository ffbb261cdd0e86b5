/**
 * Accessibility sweep: axe-core runs on every view of the seeded demo workspace (the richest data a
 * person sees: blockers, labels, dates, history), in the light and the dark theme. Each view's rule
 * violations are written to artifacts/a11y-<theme>.json (the figure for the record); the journey fails on any
 * serious or critical one, naming the rule and the elements.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { artifactsDir, saveScreenshot } from "./artifacts.js";

const demo = {
  workspace: "Customer Service Strategy 2027",
  space: "Improve patient feedback system",
  email: "maria.jensen@hospital.example",
  password: "lattice-demo-2027",
};

interface Finding {
  view: string;
  scheme: string;
  rule: string;
  impact: string;
  nodes: string[];
}

const scan = async (page: Page, view: string, scheme: string, findings: Finding[]) => {
  // The views animate in; let axe see the settled page rather than a half-faded one.
  await page.evaluate(() => {
    for (const a of document.getAnimations()) {
      if (a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY) a.finish();
    }
  });
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  for (const v of result.violations) {
    findings.push({
      view,
      scheme,
      rule: v.id,
      impact: v.impact ?? "unknown",
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    });
  }
};

for (const scheme of ["light", "dark"] as const) {
  test(`every view passes axe-core without serious or critical violations (${scheme} theme)`, async ({
    browser,
  }) => {
    // Thirteen views, each scanned by axe: far more than the default minute on a busy machine.
    test.setTimeout(480_000);
    const findings: Finding[] = [];
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
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

    await page.goto("/");
    await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();
    await scan(page, "home", scheme, findings);

    await page.goto(`/w/${workspace.id}`);
    await expect(page.getByRole("heading", { name: demo.workspace, level: 1 })).toBeVisible();
    await scan(page, "workspace", scheme, findings);

    await page.goto(base);
    await expect(page.locator("li.card-tile").first()).toBeVisible();
    await scan(page, "board", scheme, findings);

    await page.getByRole("button", { name: "Activity", exact: true }).click();
    await expect(page.getByRole("complementary", { name: `Activity in ${demo.space}` })).toBeVisible();
    await expect(page.locator(".side-drawer li").first()).toBeVisible();
    await scan(page, "activity", scheme, findings);
    await page.getByRole("button", { name: "Close activity" }).click();

    const search = page.getByRole("combobox", { name: "Search cards" });
    await search.fill("feedback");
    await expect(page.getByRole("option").first()).toBeVisible();
    await scan(page, "search", scheme, findings);
    await search.fill("");

    await page.locator("li.card-tile a").first().click();
    const panel = page.getByRole("complementary", { name: "Card details" });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("heading").first()).toBeVisible();
    await scan(page, "card panel", scheme, findings);
    // The label picker's colours are named for what they are, not by their hex code.
    await panel.getByRole("button", { name: "Edit labels" }).click();
    // The picker opens in the popover layer above the page, not inside the panel.
    const labelPicker = page.getByRole("dialog", { name: "Choose labels" });
    await expect(labelPicker.getByRole("button", { name: "Red", exact: true })).toBeVisible();
    await scan(page, "label picker", scheme, findings);
    await page.keyboard.press("Escape");
    if (scheme === "light") await saveScreenshot(page, "a11y-card-panel");

    await page.goto(`${base}/list`);
    await expect(page.getByRole("table", { name: "Cards" }).getByRole("link").first()).toBeVisible();
    await scan(page, "list", scheme, findings);

    await page.goto(`${base}/calendar`);
    await expect(page.locator(".cal-body:not([aria-busy])")).toBeVisible();
    await scan(page, "calendar", scheme, findings);

    await page.goto(`${base}/gantt`);
    await expect(page.locator(".gantt .bar-wrapper").first()).toBeVisible();
    // Every bar is announced by its card, dates and column.
    await expect(page.getByRole("img", { name: /, \d+% done/ }).first()).toBeVisible();
    await scan(page, "gantt", scheme, findings);

    for (const chart of ["forecast", "time", "flow"]) {
      await page.goto(`${base}/${chart}`);
      await expect(page.locator(".uplot canvas").first()).toBeVisible();
      await scan(page, chart, scheme, findings);
    }

    await page.goto(`/w/${workspace.id}/settings`);
    await expect(page.getByRole("heading", { name: "Workspace settings" })).toBeVisible();
    await scan(page, "settings", scheme, findings);

    await page.goto("/my-work");
    await expect(page.getByRole("heading", { name: "My work" })).toBeVisible();
    await expect(page.locator("main li").first()).toBeVisible();
    await scan(page, "my work", scheme, findings);

    await context.close();

    const byImpact: Record<string, number> = {};
    for (const f of findings) byImpact[f.impact] = (byImpact[f.impact] ?? 0) + 1;
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(
      path.join(artifactsDir, `a11y-${scheme}.json`),
      `${JSON.stringify({ total: findings.length, byImpact, findings }, null, 2)}\n`,
    );
    const blocking = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
    expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
  });
}
