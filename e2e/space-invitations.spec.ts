/**
 * Space invitations journey: the owner of a private space invites a person who has no account, by
 * e-mail, from the space's members dialog. With no SMTP server configured (as `pnpm start` runs) the
 * message waits in the outbox, where the instance administrator (the demo seed's first account) copies
 * its link; the newcomer follows it in a browser of their own, names themselves, picks a password and
 * lands on that space's board. A member of the workspace who is not a member of the space still gets
 * nothing of it.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import {
  addCardByApi,
  addMemberByInvitation,
  createBoardByApi,
  logInByApi,
  signUpByApi,
  uniqueEmail,
} from "./helpers.js";

const admin = { email: "maria.jensen@hospital.example", password: "lattice-demo-2027" };

test("invite a newcomer to a private space from its members dialog, copy the link from the outbox, accept it and land on the space's board", async ({
  browser,
}) => {
  const suffix = randomUUID().slice(0, 6);
  const names = { workspace: `Oncology ${suffix}`, space: `Case reviews ${suffix}` };
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const teammateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const owner = await ownerContext.newPage();
  const teammate = await teammateContext.newPage();
  await signUpByApi(owner.request, "Ines Owner");
  const board = await createBoardByApi(owner.request, names);
  const made = await owner.request.patch(`/api/spaces/${board.spaceId}`, { data: { isPrivate: true } });
  expect(made.ok(), await made.text()).toBe(true);
  await addCardByApi(owner.request, board.spaceId, "Review the Tuesday referrals", board.statusId("To Do"));
  // A member of the workspace who is not a member of the private space.
  const bo = await signUpByApi(teammate.request, "Bo Teammate");
  await addMemberByInvitation(browser, owner.request, board.workspaceId, {
    request: teammate.request,
    email: bo.email,
  });

  const email = uniqueEmail("Noor Newcomer");
  await owner.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await owner.getByRole("button", { name: "Members" }).click();
  const dialog = owner.getByRole("dialog", { name: "Space members" });
  await expect(dialog.getByText("only these people and the workspace's owners can see it")).toBeVisible();
  const invite = dialog.getByRole("region", { name: "Invite to this space by e-mail" });
  await invite.getByLabel("Invite by email").fill(email);
  await invite.getByLabel("Invite as").selectOption("member");
  await invite.getByRole("button", { name: "Invite", exact: true }).click();
  const pending = invite.getByRole("region", { name: /Pending invitations/ });
  await expect(pending.getByText(email)).toBeVisible();
  await expect(pending.getByRole("button", { name: `Resend the invitation to ${email}` })).toBeVisible();
  await saveScreenshot(owner, "space-invitations-pending");

  // No SMTP server: the administrator reads the message in the outbox and copies its link.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const adminPage = await adminContext.newPage();
  await logInByApi(adminPage.request, admin.email, admin.password);
  await adminPage.goto("/admin/outbox");
  await expect(adminPage.getByText(/No SMTP server is configured/)).toBeVisible();
  const message = adminPage.getByRole("listitem").filter({ hasText: `to ${email}` });
  await message
    .getByText(`Ines Owner invited you to ${names.space} in ${names.workspace} on Lattice`)
    .click();
  const text = (await message.locator("pre").textContent()) ?? "";
  expect(text).toContain(`invited you to the space "${names.space}" of the workspace "${names.workspace}"`);
  await saveScreenshot(adminPage, "space-invitations-outbox");
  const link = /https?:\/\/\S+\/invite#[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  await adminContext.close();

  const newcomerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link ?? "");
  await expect(newcomer.getByRole("heading", { name: `Join ${names.space}` })).toBeVisible();
  await expect(newcomer.getByText(email).first()).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Noor Haddad");
  await newcomer.getByLabel("Choose a password").fill("case review password");
  await saveScreenshot(newcomer, "space-invitations-accept");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();

  // The newcomer lands on the space's board, not on the workspace.
  await expect(newcomer).toHaveURL(new RegExp(`/w/${board.workspaceId}/s/${board.spaceId}$`));
  await expect(newcomer.getByRole("heading", { level: 1, name: names.space })).toBeVisible();
  await expect(
    newcomer.locator("li.card-tile").filter({ hasText: "Review the Tuesday referrals" }),
  ).toBeVisible();
  await saveScreenshot(newcomer, "space-invitations-landed");

  // The owner's dialog lists the newcomer as a member of the space; nothing is pending any more.
  await expect(
    dialog.getByRole("list", { name: "Space members" }).getByText("Noor Haddad", { exact: true }),
  ).toBeVisible();
  await expect(invite.getByRole("region", { name: /Pending invitations/ })).toHaveCount(0);
  const spaceMembers = (await (
    await owner.request.get(`/api/spaces/${board.spaceId}/members`)
  ).json()) as Array<{
    email: string;
    name: string;
    role: string;
  }>;
  expect(spaceMembers.find((m) => m.email === email)).toMatchObject({ name: "Noor Haddad", role: "member" });

  // The workspace member who is not in the space: answered as if it did not exist, and not listed.
  expect((await teammate.request.get(`/api/spaces/${board.spaceId}/board`)).status()).toBe(404);
  await teammate.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await expect(teammate.getByRole("heading", { name: "This space is not available" })).toBeVisible();
  await expect(teammate.getByText("No spaces yet.")).toBeVisible();
  await expect(teammate.getByText(names.space)).toHaveCount(0);
  await saveScreenshot(teammate, "space-invitations-teammate");
  // …and the used link says so instead of failing.
  await newcomer.goto(link ?? "");
  await expect(newcomer.getByRole("heading", { name: "Invitation already used" })).toBeVisible();

  await ownerContext.close();
  await teammateContext.close();
  await newcomerContext.close();
});
