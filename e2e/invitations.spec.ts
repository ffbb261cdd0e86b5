/**
 * Invitations journey: an owner invites a newcomer by e-mail from the workspace settings; with no SMTP
 * server configured (as `pnpm start` runs) the message waits in the outbox, where the instance
 * administrator (the demo seed's first account) copies its link; the newcomer follows it, names
 * themselves, picks a password and lands in the workspace. The used link then says so.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";

const admin = { email: "maria.jensen@hospital.example", password: "lattice-demo-2027" };

test("invite by e-mail, copy the link from the outbox, accept it as a new person and land in the workspace", async ({
  browser,
}) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const owner = await ownerContext.newPage();
  const login = await owner.request.post("/api/auth/login", { data: admin });
  expect(login.ok(), "the demo seed ran before the server started").toBe(true);
  const workspaceName = `Night shift ${randomUUID().slice(0, 6)}`;
  const created = await owner.request.post("/api/workspaces", { data: { name: workspaceName } });
  const workspace = (await created.json()) as { id: string };
  const email = `nurse-${randomUUID().slice(0, 8)}@example.com`;

  await owner.goto(`/w/${workspace.id}/settings`);
  await owner.getByLabel("Invite by email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("member");
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const pending = owner.getByRole("region", { name: /Pending invitations/ });
  await expect(pending.getByText(email)).toBeVisible();
  await expect(pending.getByRole("button", { name: `Resend the invitation to ${email}` })).toBeVisible();
  await saveScreenshot(owner, "invitations-pending");

  await owner.goto("/admin/outbox");
  await expect(owner.getByText(/No SMTP server is configured/)).toBeVisible();
  const message = owner.getByRole("listitem").filter({ hasText: `to ${email}` });
  await message.getByText(`Maria Jensen invited you to ${workspaceName} on Lattice`).click();
  const text = (await message.locator("pre").textContent()) ?? "";
  await saveScreenshot(owner, "invitations-outbox");
  const link = /https?:\/\/\S+\/invite#[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link, text).toBeTruthy();

  const newcomerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link ?? "");
  await expect(newcomer.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await expect(newcomer.getByText(email).first()).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Noor Haddad");
  await newcomer.getByLabel("Choose a password").fill("night shift password");
  await saveScreenshot(newcomer, "invitations-accept");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/w/${workspace.id}$`));
  await expect(newcomer.getByRole("heading", { name: workspaceName })).toBeVisible();
  await saveScreenshot(newcomer, "invitations-landed");

  const members = (await (
    await owner.request.get(`/api/workspaces/${workspace.id}/members`)
  ).json()) as Array<{
    email: string;
    role: string;
    name: string;
  }>;
  expect(members.find((m) => m.email === email)).toMatchObject({ name: "Noor Haddad", role: "member" });
  // The pending list is empty again, and the used link says so instead of failing.
  await owner.goto(`/w/${workspace.id}/settings`);
  await expect(owner.getByRole("region", { name: /Pending invitations/ })).toHaveCount(0);
  await newcomer.goto(link ?? "");
  await expect(newcomer.getByRole("heading", { name: "Invitation already used" })).toBeVisible();

  await ownerContext.close();
  await newcomerContext.close();
});

test("the login page offers a password reset, whose answer does not say whether the address has an account", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await expect(page.getByText(/If nobody-here@example.com has an account here/)).toBeVisible();
  await page.goto("/reset-password#not-a-token");
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
