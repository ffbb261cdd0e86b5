/**
 * Charts journeys: on the seeded demo workspace (`pnpm seed:demo`, run before the server starts; see
 * playwright.config.ts), the Forecast and Time charts state the figures the API computes from half a
 * year of history; on cards made and moved through the API, the Forecast, Time and Flow views show
 * them in their text summaries (the same numbers the plots draw), and a time-chart point opens its card.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, signUpByApi } from "./helpers.js";

interface BoardReply {
  statuses: Array<{ id: string; name: string; role: string }>;
}

interface ForecastReply {
  burnup: Array<{ date: string; scope: number; completed: number }>;
  forecast: {
    status: string;
    remaining: number;
    window: { weeks: number; from: string; to: string };
    throughput: Array<{ completed: number }>;
    dates?: Array<{ confidence: number; label: string | null; date: string | null; weeks: number | null }>;
  };
}

interface Summary {
  count: number;
  average: number | null;
  median: number | null;
  p85: number | null;
  p95: number | null;
}

/** The demo seed's workspace and one of its spaces, and a person who may read it. */
const demo = {
  workspace: "Customer Service Strategy 2027",
  space: "Improve patient feedback system",
  email: "maria.jensen@hospital.example",
  password: "lattice-demo-2027",
};

// How the views write dates and counts ("Mar 4, 2027", "1 day", "12 weeks").
const dateText = (iso: string) =>
  new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("the demo workspace's Forecast and Time charts state what its history computes", async ({ page }) => {
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

  // The figures, from the API (the view asks with the same defaults: 12 weeks, 15/50/85 %, seed 1).
  const forecastReply = (await (
    await page.request.get(`/api/spaces/${space.id}/charts/forecast`)
  ).json()) as ForecastReply;
  const { forecast } = forecastReply;
  const last = forecastReply.burnup.at(-1);
  if (!last) throw new Error("no burn-up");
  expect(forecast.status, "half a year of history is enough for a forecast").toBe("forecast");

  await page.goto(`${base}/forecast`);
  const summary = page.getByTestId("chart-summary");
  await expect(summary).toContainText(
    `${count(last.completed, "card")} completed of ${last.scope} in scope on ${dateText(last.date)}; ${forecast.remaining} remaining.`,
  );
  for (const level of forecast.dates ?? []) {
    expect(level.date, `${level.confidence} % falls within the horizon`).not.toBeNull();
    await expect(summary).toContainText(
      `${level.confidence} %${level.label ? ` (${level.label.replace("_", " ")})` : ""}: done by ${dateText(level.date ?? "")} (in ${count(level.weeks ?? 0, "week")})`,
    );
  }
  await expect(page.getByTestId("throughput-samples")).toContainText(
    `Based on ${count(forecast.window.weeks, "week")} (${dateText(forecast.window.from)} – ${dateText(forecast.window.to)}), cards completed per week: ${forecast.throughput.map((w) => w.completed).join(", ")}.`,
  );
  await expect(page.locator('[data-chart="forecast"] canvas').first()).toBeVisible();
  await saveScreenshot(page, "charts-demo-forecast");

  // The Time view's default period: the last 90 days up to today.
  const time = (await (
    await page.request.get(`/api/spaces/${space.id}/charts/time?from=${isoDay(-89)}&to=${isoDay(0)}`)
  ).json()) as { lead: Summary };
  const { lead } = time;
  expect(lead.count, "cards were completed in the last 90 days").toBeGreaterThan(0);
  await page.getByRole("link", { name: "Time", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/time$`));
  const average = Math.round((lead.average ?? 0) * 10) / 10;
  await expect(page.getByTestId("chart-summary").first()).toContainText(
    `${count(lead.count, "completed card")} in ${dateText(isoDay(-89))} – ${dateText(isoDay(0))}. Lead time: median ${count(lead.median ?? 0, "day")}, 85th percentile ${count(lead.p85 ?? 0, "day")}, 95th percentile ${count(lead.p95 ?? 0, "day")}, average ${count(average, "day")}.`,
  );
  await expect(page.locator('[data-chart="time-scatter"] canvas').first()).toBeVisible();
  await expect(page.locator('[data-chart="time-histogram"] canvas').first()).toBeVisible();
  await saveScreenshot(page, "charts-demo-time");
});

test("the chart views summarise the cards completed today", async ({ page }) => {
  await signUpByApi(page.request, "Chart Reader");
  const workspace = await (await page.request.post("/api/workspaces", { data: { name: "Charts" } })).json();
  const space = await (
    await page.request.post(`/api/workspaces/${workspace.id}/spaces`, {
      data: { name: "Flowing", folderId: null },
    })
  ).json();
  const board = (await (await page.request.get(`/api/spaces/${space.id}/board`)).json()) as BoardReply;
  const byRole = (role: string) => {
    const status = board.statuses.find((s) => s.role === role);
    if (!status) throw new Error(`no ${role} status`);
    return status.id;
  };
  const todo = byRole("not_started");
  const doing = byRole("in_progress");
  const done = byRole("completed");

  const cards = [];
  for (const name of ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]) {
    cards.push(await addCardByApi(page.request, space.id, name, todo));
  }
  const move = async (id: string, statusId: string) =>
    expect((await page.request.post(`/api/cards/${id}/move`, { data: { statusId } })).ok()).toBe(true);
  // Three completed (two of them started first), one in progress, one still to do.
  for (const card of cards.slice(0, 2)) {
    await move(card.id, doing);
    await move(card.id, done);
  }
  await move(cards[2]?.id ?? "", done);
  await move(cards[3]?.id ?? "", doing);

  const base = `/w/${workspace.id}/s/${space.id}`;

  await page.goto(`${base}/forecast`);
  const forecast = page.getByTestId("chart-summary");
  await expect(forecast).toContainText("3 cards completed of 5 in scope");
  await expect(forecast).toContainText("2 remaining");
  await expect(page.getByTestId("throughput-samples")).toContainText(/Based on 1 week .*per week: 3\./);
  await expect(page.getByRole("link", { name: "Forecast" })).toHaveAttribute("aria-current", "page");
  await saveScreenshot(page, "charts-forecast");

  await page.getByRole("link", { name: "Time", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/time$`));
  const time = page.getByTestId("chart-summary").first();
  await expect(time).toContainText("3 completed cards");
  await expect(time).toContainText("Lead time: median 1 day");
  await page.getByLabel("Measure").selectOption("cycle");
  await expect(page).toHaveURL(/metric=cycle/);
  await expect(page.getByTestId("chart-summary").first()).toContainText("2 completed cards");
  await page.getByLabel("Period").selectOption("30");
  await expect(page).toHaveURL(/period=30/);
  await saveScreenshot(page, "charts-time");

  // The data table lists the cards; opening one goes to the card on the board.
  await page.getByText("Show the data as a table").first().click();
  await page.getByRole("button", { name: "Alpha" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/c/${cards[0]?.id}$`));

  await page.goto(`${base}/flow`);
  const flow = page.getByTestId("chart-summary");
  await expect(flow).toContainText("Current WIP 1");
  await expect(flow).toContainText("3 cards completed");
  await expect(flow).toContainText("approximate");
  await saveScreenshot(page, "charts-flow");
});

test("a chart view explains a bad period from the server's problem reply", async ({ page }) => {
  await signUpByApi(page.request, "Chart Doubter");
  const workspace = await (await page.request.post("/api/workspaces", { data: { name: "Charts 2" } })).json();
  const space = await (
    await page.request.post(`/api/workspaces/${workspace.id}/spaces`, {
      data: { name: "Empty", folderId: null },
    })
  ).json();
  await page.goto(`/w/${workspace.id}/s/${space.id}/time`);
  await expect(page.getByText("No completed cards in this period yet")).toBeVisible();
  await page.goto(`/w/${workspace.id}/s/${space.id}/time?period=custom&from=2000-01-01&to=2027-01-01`);
  await expect(page.getByRole("alert")).toContainText("must be at most");
});
