/**
 * People in a space: an owner of a private space invites a newcomer by e-mail from the space's members
 * dialog; the newcomer follows the link, names themselves and lands in that space's board. And an
 * initials colour chosen on the settings page shows on the person's avatar on a teammate's screen,
 * live.
 */
import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./artifacts.js";
import {
  addMemberByInvitation,
  createBoardByApi,
  invitationTokenFor,
  signUpByApi,
  uniqueEmail,
} from "./helpers.js";

test("a space owner invites a newcomer by e-mail, who lands in the private space", async ({ browser }) => {
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const owner = await ownerContext.newPage();
  await signUpByApi(owner.request, "Ana Lima");
  const board = await createBoardByApi(owner.request, { workspace: "Clinic", space: "Theatre rota" });
  expect(
    (await owner.request.patch(`/api/spaces/${board.spaceId}`, { data: { isPrivate: true } })).ok(),
  ).toBe(true);
  const email = uniqueEmail("nurse");

  await owner.goto(`/w/${board.workspaceId}/s/${board.spaceId}`);
  await owner.getByRole("button", { name: "Members", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Space members" });
  await dialog.getByLabel("Invite by email").fill(email);
  await dialog.getByLabel("Role in this space").selectOption("member");
  await dialog.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(dialog.getByRole("region", { name: /Pending invitations/ }).getByText(email)).toBeVisible();
  await saveScreenshot(owner, "space-invitation-pending");

  const token = await invitationTokenFor(browser, email);
  const newcomerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(`/invite#${token}`);
  await expect(newcomer.getByRole("heading", { name: "Join Theatre rota" })).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Noor Haddad");
  await newcomer.getByLabel("Choose a password").fill("theatre rota password");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/w/${board.workspaceId}/s/${board.spaceId}$`));
  await expect(newcomer.getByRole("heading", { name: "Theatre rota" }).first()).toBeVisible();
  await saveScreenshot(newcomer, "space-invitation-landed");

  // The owner's open dialog hears of it: the newcomer is a member, nothing is pending any more.
  await expect(dialog.getByRole("list", { name: "Space members" }).getByText("Noor Haddad")).toBeVisible();
  await expect(dialog.getByRole("region", { name: /Pending invitations/ })).toHaveCount(0);
  await ownerContext.close();
  await newcomerContext.close();
});

test("an initials colour chosen on the settings page shows on a teammate's screen at once", async ({
  browser,
}) => {
  const anaContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ana = await anaContext.newPage();
  const boContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const bo = await boContext.newPage();
  const boEmail = uniqueEmail("bo");
  const boUser = await signUpByApi(bo.request, "Bo Chen", boEmail);
  await signUpByApi(ana.request, "Ana Lima");
  const board = await createBoardByApi(ana.request, { workspace: "Ward", space: "Rounds" });
  await addMemberByInvitation(browser, ana.request, board.workspaceId, {
    request: bo.request,
    email: boEmail,
  });
  expect(boUser.id).toBeTruthy();

  // Ana looks at the workspace's members, where Bo's initials show.
  await ana.goto(`/w/${board.workspaceId}/settings`);
  const boAvatar = ana.locator('.avatar[title="Bo Chen"]').first();
  await expect(boAvatar).toBeVisible();
  const before = await boAvatar.getAttribute("data-color");

  await bo.goto("/account");
  const choice = before === "#be185d" ? "Teal" : "Pink";
  const chosen = choice === "Teal" ? "#0f766e" : "#be185d";
  await bo.getByRole("radio", { name: choice, exact: true }).check();
  await bo.getByRole("button", { name: "Save settings" }).click();
  await expect(bo.getByText("Your settings are saved.")).toBeVisible();

  await expect(boAvatar).toHaveAttribute("data-color", chosen);
  await expect(boAvatar).toHaveCSS("color", "rgb(255, 255, 255)");
  await saveScreenshot(ana, "initials-colour-teammate");
  await anaContext.close();
  await boContext.close();
});
