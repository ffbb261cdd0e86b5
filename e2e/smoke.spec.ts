import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";

test("the server answers its health check with status ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("the API documentation opens in Swagger UI", async ({ page }) => {
  const response = await page.goto("/api/docs");
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveTitle(/Swagger UI/);
  await expect(page.getByRole("heading", { name: /Lattice API/ })).toBeVisible();
  await saveScreenshot(page, "smoke-api-docs");
});
