/** Shared steps for the journeys: accounts and boards made through the API, columns read from the page. */
import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Browser, expect, type Locator, type Page } from "@playwright/test";

export const password = "correct horse battery staple";

export const uniqueEmail = (who: string) =>
  `${who.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}@example.com`;

interface Created {
  id: string;
}

const ok = async <T>(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> => {
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
};

/** Signs up through the API with the page's cookie jar, so the page is logged in afterwards. */
export const signUpByApi = async (request: APIRequestContext, name: string, email = uniqueEmail(name)) => {
  const user = await ok<Created>(await request.post("/api/auth/signup", { data: { email, name, password } }));
  return { ...user, email, name };
};

/** Logs in through the API with the given cookie jar (a second browser of the same person, say). */
export const logInByApi = async (request: APIRequestContext, email: string, pass = password) =>
  ok<Created>(await request.post("/api/auth/login", { data: { email, password: pass } }));

export const createBoardByApi = async (
  request: APIRequestContext,
  names: { workspace: string; space: string },
) => {
  const workspace = await ok<Created>(
    await request.post("/api/workspaces", { data: { name: names.workspace } }),
  );
  const space = await ok<Created>(
    await request.post(`/api/workspaces/${workspace.id}/spaces`, {
      data: { name: names.space, folderId: null },
    }),
  );
  const board = await ok<{ statuses: Array<{ id: string; name: string }> }>(
    await request.get(`/api/spaces/${space.id}/board`),
  );
  const statusId = (name: string) => {
    const status = board.statuses.find((s) => s.name === name);
    if (!status) throw new Error(`no column ${name}`);
    return status.id;
  };
  return { workspaceId: workspace.id, spaceId: space.id, statusId };
};

export const addCardByApi = async (
  request: APIRequestContext,
  spaceId: string,
  name: string,
  statusId: string,
) => ok<Created>(await request.post(`/api/spaces/${spaceId}/cards`, { data: { name, statusId } }));

export const column = (page: Page, name: string): Locator =>
  page.locator("section.column").filter({ has: page.getByRole("heading", { name, exact: true }) });

export const cardIn = (page: Page, columnName: string, cardName: string): Locator =>
  column(page, columnName).locator("li.card-tile").filter({ hasText: cardName });

/** The names of the cards of a column, top to bottom. */
export const cardNames = async (page: Page, columnName: string): Promise<string[]> =>
  column(page, columnName).locator(".card-tile-name").allInnerTexts();

/**
 * Drags with real pointer events in small steps (dnd-kit activates after a few pixels of movement
 * and measures what is under the pointer as it goes).
 */
export const dragTo = async (
  page: Page,
  source: Locator,
  target: Locator,
  where: "top" | "middle" = "middle",
) => {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag source or target is not visible");
  const startX = from.x + 24;
  const startY = from.y + from.height / 2;
  const endX = to.x + to.width / 2;
  const endY = where === "top" ? to.y + 6 : to.y + to.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 8, startY + 8, { steps: 4 });
  await page.mouse.move(endX, endY, { steps: 20 });
  await page.mouse.move(endX, endY + 1, { steps: 2 });
  await page.mouse.up();
};

/** Sets a date field through its picker: opens it, types the day (ISO is read in every locale), Enter. */
export const pickDate = async (page: Page, field: Locator, isoDay: string) => {
  await field.click();
  const typed = page.getByRole("textbox", { name: /^Type the date/ });
  await typed.fill(isoDay);
  await typed.press("Enter");
  await expect(typed).toHaveCount(0);
  await expect(field).toHaveAttribute("data-value", isoDay);
};

/** The demo seed's first account: the instance administrator, who reads the mail outbox. */
export const demoAdmin = { email: "maria.jensen@hospital.example", password: "lattice-demo-2027" };

/**
 * The token of the invitation last queued for `email`. The journeys' server has no SMTP, so messages
 * wait in the outbox; the administrator reads it there, as a person would copy the link by hand.
 */
export const invitationTokenFor = async (browser: Browser, email: string): Promise<string> => {
  const context = await browser.newContext();
  try {
    await ok<Created>(await context.request.post("/api/auth/login", { data: demoAdmin }));
    const outbox = await ok<{ messages: Array<{ to: string; text: string }> }>(
      await context.request.get("/api/admin/outbox"),
    );
    const text = outbox.messages.find((m) => m.to === email)?.text ?? "";
    const token = /\/invite#([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(token, `an invitation to ${email} in the outbox`).toBeTruthy();
    return token ?? "";
  } finally {
    await context.close();
  }
};

/** Adds a person to a workspace the way people do: the owner invites by e-mail, the person accepts. */
export const addMemberByInvitation = async (
  browser: Browser,
  owner: APIRequestContext,
  workspaceId: string,
  member: { request: APIRequestContext; email: string },
  role: "owner" | "member" | "visitor" = "member",
): Promise<void> => {
  await ok<Created>(
    await owner.post(`/api/workspaces/${workspaceId}/invitations`, { data: { email: member.email, role } }),
  );
  const token = await invitationTokenFor(browser, member.email);
  await ok<unknown>(await member.request.post("/api/invitations/accept", { data: { token } }));
};
