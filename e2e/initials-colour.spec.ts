import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addCardByApi, addMemberByInvitation, createBoardByApi, signUpByApi } from "./helpers.js";

test("a person picks an initials colour and a teammate watching the board sees it on their avatar at once", async ({
  browser,
}) => {
  const anaContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const boContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await anaContext.newPage();
  const boPage = await boContext.newPage();
  const ana = await signUpByApi(page.request, "Ana Colour");
  const bo = await signUpByApi(boPage.request, "Bo Watcher");
  const board = await createBoardByApi(page.request, { workspace: "Ward 4", space: "Rota" });
  await addMemberByInvitation(browser, page.request, board.workspaceId, {
    request: boPage.request,
    email: bo.email,
  });
  const card = await addCardByApi(page.request, board.spaceId, "Night shifts", board.statusId("To Do"));
  expect((await page.request.patch(`/api/cards/${card.id}`, { data: { responsibleId: ana.id } })).ok()).toBe(
    true,
  );

  await boPage.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  const anaOnBo = boPage.locator(`.avatar[title="${ana.name}"]`).first();
  await expect(anaOnBo).toBeVisible();
  const derived = await anaOnBo.getAttribute("data-color");

  await page.goto("/account");
  const choices = page.locator('input[name="initials-color"]');
  // The settings page loads on demand: wait for its palette before reading it.
  await expect(page.getByRole("radio", { name: "Automatic" })).toBeVisible();
  const values = await choices.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const chosen = values.find((v) => v !== "" && v !== derived);
  if (!chosen) throw new Error("the palette offers no other colour");
  await choices.nth(values.indexOf(chosen)).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Your settings are saved.")).toBeVisible();

  // Bo's board shows it without a reload; a reload keeps it.
  await expect(anaOnBo).toHaveAttribute("data-color", chosen);
  await saveScreenshot(boPage, "initials-colour-teammate");
  await boPage.reload();
  await expect(boPage.locator(`.avatar[title="${ana.name}"]`).first()).toHaveAttribute("data-color", chosen);

  await anaContext.close();
  await boContext.close();
});
