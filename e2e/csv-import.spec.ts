/**
 * Bringing a coordinator's spreadsheet in: a CSV file of complaints, written the way a spreadsheet
 * saves it, becomes a space. The coordinator checks the suggested columns, points one the header did
 * not name, sees the rows as they will arrive, imports, and finds each card in its status.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import { addMemberByInvitation, cardNames, demoAdmin, logInByApi, signUpByApi } from "./helpers.js";

test("a CSV file becomes a space, with its columns mapped, people matched and cards in their statuses", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signUpByApi(page.request, "Ana Lima");
  const workspace = await page.request.post("/api/workspaces", { data: { name: "Clinic" } });
  expect(workspace.ok()).toBe(true);
  const { id: workspaceId } = (await workspace.json()) as { id: string };
  // The demo's Maria Jensen joins, so a row can name her by e-mail.
  const maria = await browser.newContext();
  await logInByApi(maria.request, demoAdmin.email, demoAdmin.password);
  await addMemberByInvitation(browser, page.request, workspaceId, {
    request: maria.request,
    email: demoAdmin.email,
  });
  await maria.close();

  // Comma-separated, quoted cells with commas, quotes and a line break, days as day.month.year, and
  // a "Bearbeitet von" column that no header rule knows.
  const csv = [
    "Titel,Notiz,Status,Beginn,Fällig,Bearbeitet von,Tags",
    `Beschwerde Zimmer 12 – Lärm,"Patientin: ""nachts zu laut"",\nbitte prüfen",Offen,03.03.2025,14.03.2025,${demoAdmin.email.toUpperCase()},"Dringend; Station 3"`,
    "Rückruf Frau Øztürk,,In Arbeit,,20.03.2025,Ana Lima,Station 3",
    "Essensplan überarbeiten 🍲,,Erledigt,,28.02.2025,,Küche",
    ",nur eine Notiz,Offen,,,,",
    "Brief an Angehörige,,Offen,,31.04.2025,Jemand Fremdes,",
  ].join("\r\n");

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("button", { name: "Actions for Clinic" }).click();
  await page.getByRole("menuitem", { name: "Import CSV…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import CSV" });
  const columnFor = (field: string) => dialog.getByRole("combobox", { name: field, exact: true });
  // A workbook dropped on the dialog is refused with what to do instead.
  const workbook = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    transfer.items.add(new File([zip], "beschwerden.xlsx"));
    return transfer;
  });
  await dialog.locator(".import-drop").dispatchEvent("drop", { dataTransfer: workbook });
  await expect(dialog.getByRole("alert")).toContainText("“beschwerden.xlsx” is a spreadsheet workbook");

  await dialog.getByLabel("CSV file").setInputFiles({
    name: "beschwerden_märz.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${csv}`),
  });

  // The server's suggestion, the date order read from the days, and what the header did not name.
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog.getByLabel("Space name")).toHaveValue("beschwerden märz");
  await expect(columnFor("Name required")).toHaveValue("0");
  await expect(columnFor("Status")).toHaveValue("2");
  await expect(columnFor("Due date")).toHaveValue("4");
  await expect(columnFor("Labels")).toHaveValue("6");
  await expect(dialog.getByLabel("Days are written as")).toHaveValue("dmy");
  await expect(columnFor("Responsible")).toHaveValue("");
  await expect(columnFor("Description")).toHaveValue("");

  // Without a name column nothing can be imported, and the dialog says why.
  await columnFor("Name required").selectOption("");
  const importButton = dialog.getByRole("button", { name: /^Import/ });
  await expect(importButton).toBeDisabled();
  await expect(importButton).toHaveAccessibleDescription("Choose the column that holds the cards’ names.");
  await columnFor("Name required").selectOption({ label: "A · Titel" });

  await columnFor("Responsible").selectOption({ label: "F · Bearbeitet von" });
  await columnFor("Description").selectOption({ label: "B · Notiz" });
  const counts = dialog.getByRole("list", { name: "What would be created" });
  await expect(counts).toContainText("2 people matched");
  await expect(counts).toContainText("1 person not matched");
  await expect(counts).toContainText("1 row left out");
  const rows = dialog.getByRole("region", { name: "First rows as they will be imported" });
  const first = rows.getByRole("row").filter({ hasText: "Beschwerde Zimmer 12 – Lärm" });
  await expect(first).toContainText("Maria Jensen");
  await expect(first).toContainText("Dringend");
  await expect(first).toContainText('Patientin: "nachts zu laut"');
  await expect(rows.getByRole("row").filter({ hasText: "Rückruf Frau Øztürk" })).toContainText("Ana Lima");
  await expect(rows.getByRole("row").filter({ hasText: "Brief an Angehörige" })).toContainText(
    "“31.04.2025” is not a day",
  );
  await expect(dialog.getByLabel("Role of Erledigt")).toHaveValue("completed");
  await saveScreenshot(page, "csv-import-mapping");

  await dialog.getByRole("button", { name: "Import 4 cards" }).click();
  const done = page.getByRole("dialog", { name: "Cards imported" });
  await expect(done.getByRole("list", { name: "What was created" })).toContainText("4 cards");
  await expect(done.getByRole("list", { name: "What changes on the way" })).toContainText("Jemand Fremdes");
  await done.getByRole("button", { name: "Open the space" }).click();

  await expect(page.getByRole("heading", { name: "beschwerden märz", level: 1 })).toBeVisible();
  await expect
    .poll(() => cardNames(page, "Offen"))
    .toEqual(["Beschwerde Zimmer 12 – Lärm", "Brief an Angehörige"]);
  await expect.poll(() => cardNames(page, "In Arbeit")).toEqual(["Rückruf Frau Øztürk"]);
  await expect.poll(() => cardNames(page, "Erledigt")).toEqual(["Essensplan überarbeiten 🍲"]);
  await saveScreenshot(page, "csv-import-board");
  await context.close();
});
