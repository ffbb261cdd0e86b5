/**
 * Charts journey: cards made and moved through the API, then the Forecast, Time and Flow views show
 * them in their text summaries (the same numbers the plots draw), and a time-chart point opens its card.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, signUpByApi } from "./helpers.js";

interface BoardReply {
  statuses: Array<{ id: string; name: string; role: string }>;
}

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
