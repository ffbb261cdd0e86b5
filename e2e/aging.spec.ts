/**
 * Aging journey: on the seeded demo workspace (`pnpm seed:demo`, run before the server starts), the
 * Aging view of a space with history draws one dot per in-progress card over the percentile bands, a
 * dot opens its card, and an owner's service-level target changes the cards' age badges on the board.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";

const demo = {
  workspace: "Customer Service Strategy 2027",
  email: "maria.jensen@hospital.example",
  password: "lattice-demo-2027",
};
/** Spaces other journeys photograph or measure: this one changes a target, so it stays off them. */
const usedElsewhere = new Set(["Optimize scheduling procedures", "Improve patient feedback system"]);

interface AgingReply {
  bands: Array<{ statusId: string; count: number }>;
  dots: Array<{ cardId: string; name: string; ageDays: number; risk: string | null }>;
}

test("the Aging view shows the open cards over the bands, opens a card, and a target changes the badges", async ({
  page,
}) => {
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
  let chosen: { id: string; reply: AgingReply } | null = null;
  for (const space of tree.spaces) {
    if (usedElsewhere.has(space.name)) continue;
    const reply = (await (
      await page.request.get(`/api/spaces/${space.id}/charts/aging`)
    ).json()) as AgingReply;
    if (reply.dots.length > 0 && reply.bands.some((b) => b.count > 0)) {
      chosen = { id: space.id, reply };
      break;
    }
  }
  if (!chosen) throw new Error("no demo space with cards in progress and history");
  const base = `/w/${workspace.id}/s/${chosen.id}`;

  await page.goto(`${base}/aging`);
  const dots = page.locator(".aging-dot");
  await expect(dots).toHaveCount(chosen.reply.dots.length);
  await expect(page.locator(".aging-band").first()).toBeVisible();
  await saveScreenshot(page, "aging-chart");

  // The oldest card's dot opens it.
  const oldest = chosen.reply.dots[0];
  if (!oldest) throw new Error("no dot");
  await page.locator(`.aging-dot[data-card-id="${oldest.cardId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${base}/c/${oldest.cardId}$`));

  // A one-day target: every card in progress for longer is past its service level.
  await page.goto(`${base}/aging`);
  const target = page.getByRole("spinbutton", { name: "This space" });
  await target.fill("1");
  await page
    .getByRole("region", { name: "Service-level targets" })
    .getByRole("button", { name: "Save" })
    .first()
    .click();
  await expect(page.getByTestId("chart-summary")).toBeVisible();
  await expect(page.locator(".chart-stats")).toContainText("1 day");

  await page.goto(base);
  const badge = page.locator(`[data-card-id="${oldest.cardId}"] [data-testid="age-badge"]`);
  await expect(badge).toHaveText(
    oldest.ageDays > 1 ? `${oldest.ageDays} d · past its service level` : `${oldest.ageDays} d · on track`,
  );
  await saveScreenshot(page, "aging-board");

  // Back to no target, as the seed left it.
  const reset = await page.request.patch(`/api/spaces/${chosen.id}`, {
    data: { serviceLevelDays: null },
    headers: { "x-lattice-client": "1" },
  });
  expect(reset.ok()).toBe(true);
});
