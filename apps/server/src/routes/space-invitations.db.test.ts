/**
 * Invitations to a private space by e-mail: its owners (and the workspace's owners) invite anyone with
 * a space role; the link makes a newcomer an account that lands in the space, or lets someone with an
 * account join it. Joining also makes them a visitor of the workspace if they were not in it.
 */
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type AcceptedInvitation,
  type Invitation,
  type InvitationPreview,
  type Member,
  type Space,
  type SpaceMember,
  spaceChannel,
  type Tree,
  type User,
  type Workspace,
} from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { linkToken, startTestSmtp, type TestSmtp } from "../test/smtp.js";
import { TestSocket } from "../test/ws-client.js";

const publicUrl = "https://lattice.example.test";

const spaceInvitationsSuite = (driver: TestDriver): void => {
  describe(`invitations to a private space (${driver})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace; Mia, a member, makes the private spaces (and owns them); Bo is a member
    // of the workspace outside the spaces; Out has an account but is in no workspace of theirs.
    let ana: Client;
    let mia: Client;
    let bo: Client;
    let out: Client;
    let workspace: Workspace;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      smtp = await startTestSmtp();
      h = await startHarness(driver, undefined, { smtpUrl: smtp.url, publicUrl }, { heartbeatMs: 60_000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      mia = await f.user("Mia");
      bo = await f.user("Bo");
      out = await f.user("Out");
      workspace = await f.workspace(ana, { name: "Clinic" });
      await f.member(ana, workspace.id, mia, "member");
      await f.member(ana, workspace.id, bo, "member");
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h?.close();
      await smtp?.close();
    });

    const privateSpace = (name: string) => f.space(mia, workspace.id, { name, isPrivate: true });
    const invitations = (space: Space) => `/api/spaces/${space.id}/invitations`;
    const invite = (by: Client, space: Space, email: string, role = "member") =>
      by.post(invitations(space), { email, role });
    const recipient = (mail: ParsedMail): string => {
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      return to?.value[0]?.address?.toLowerCase() ?? "";
    };
    const mailsTo = (address: string) => smtp.messages.filter((m) => recipient(m) === address.toLowerCase());
    /** Waits for the next message to `address` after those already received. */
    const nextMailTo = (address: string): Promise<ParsedMail> => {
      const before = mailsTo(address).length;
      return vi.waitFor(
        () => {
          const mail = mailsTo(address)[before];
          if (!mail) throw new Error(`no new message to ${address} yet`);
          return mail;
        },
        { timeout: 10_000, interval: 20 },
      );
    };
    const inviteAndReadLink = async (by: Client, space: Space, email: string, role = "member") => {
      const pending = nextMailTo(email);
      const res = await invite(by, space, email, role);
      expect(res.statusCode, res.body).toBe(201);
      return { invitation: res.json<Invitation>(), mail: await pending };
    };
    const queuedCount = async () =>
      (await h.db.handle.db.select({ n: sql<number>`count(*)::int` }).from(tables.mailMessages))[0]?.n ?? 0;
    const spaceMembers = async (space: Space) =>
      (await ana.get(`/api/spaces/${space.id}/members`)).json<SpaceMember[]>();
    const workspaceRoleOf = async (userId: string) =>
      (await ana.get(`/api/workspaces/${workspace.id}/members`))
        .json<Member[]>()
        .find((m) => m.userId === userId)?.role;

    it("answers the same with or without an account, mails a link to the space stored only as a hash", async () => {
      const space = await privateSpace("Rota <night>");
      const withAccount = await inviteAndReadLink(mia, space, out.user.email);
      const without = await inviteAndReadLink(mia, space, "New.Nurse@Example.test", "visitor");
      expect(Object.keys(withAccount.invitation).sort()).toEqual(Object.keys(without.invitation).sort());
      expect(without.invitation).toMatchObject({
        workspaceId: workspace.id,
        spaceId: space.id,
        spaceRole: "visitor",
        role: "visitor",
        email: "new.nurse@example.test",
        invitedBy: { name: "Mia" },
      });
      const { mail } = without;
      expect(mail.subject).toBe("Mia invited you to Rota <night> in Clinic on Lattice");
      const token = linkToken(mail, "/invite");
      expect(mail.text).toContain(`${publicUrl}/invite#${token}`);
      expect(mail.text).toContain("land in the space");
      expect(mail.html).toContain("Rota &lt;night&gt;");
      expect(mail.text).toContain(`${publicUrl}/account#notifications`);
      const rows = await h.db.handle.db
        .select()
        .from(tables.invitations)
        .where(eq(tables.invitations.spaceId, space.id));
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain(token);
      // The space's and the workspace's owners both see the pending list; the workspace's own list
      // holds only invitations to the workspace.
      for (const manager of [mia, ana]) {
        const listed = (await manager.get(invitations(space))).json<Invitation[]>();
        expect(listed.map((i) => i.email)).toEqual(["new.nurse@example.test", out.user.email]);
      }
      const workspaceList = await ana.get(`/api/workspaces/${workspace.id}/invitations`);
      expect(workspaceList.json<Invitation[]>().map((i) => i.spaceId)).not.toContain(space.id);
    });

    it("lets a newcomer make an account that lands in the space with its role, as a visitor of the workspace; the link then works no more", async () => {
      const space = await privateSpace("Ward 3");
      const { mail } = await inviteAndReadLink(mia, space, "newcomer@example.test", "member");
      const token = linkToken(mail, "/invite");
      const preview = await f.anonymous.post("/api/invitations/preview", { token });
      expect(preview.json<InvitationPreview>()).toMatchObject({
        state: "pending",
        workspaceName: "Clinic",
        spaceId: space.id,
        spaceName: "Ward 3",
        spaceRole: "member",
        role: "visitor",
        email: "newcomer@example.test",
        inviterName: "Mia",
      });
      const res = await f.anonymous.post("/api/invitations/accept-new", {
        token,
        name: "Nia",
        password: "a long enough password",
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<AcceptedInvitation>()).toEqual({
        workspaceId: workspace.id,
        role: "visitor",
        spaceId: space.id,
      });
      const nia = new Client(h.app, {
        user: (
          await f.anonymous.request("GET", "/api/me", undefined, {
            cookie: `lattice_session=${cookieFrom(res)}`,
          })
        ).json<User>(),
        cookie: cookieFrom(res),
        password: "a long enough password",
      });
      expect((await spaceMembers(space)).find((m) => m.userId === nia.user.id)?.role).toBe("member");
      expect(await workspaceRoleOf(nia.user.id)).toBe("visitor");
      // In the space they do what its role allows (a member makes cards), though a visitor elsewhere.
      expect((await nia.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(200);
      const tree = (await nia.get(`/api/workspaces/${workspace.id}/tree`)).json<Tree>();
      expect(tree.spaces.map((s) => s.id)).toContain(space.id);
      const card = await nia.post(`/api/spaces/${space.id}/cards`, { name: "First round" });
      expect(card.statusCode, card.body).toBe(201);
      expect((await mia.get(invitations(space))).json<Invitation[]>()).toEqual([]);
      expectProblem(await nia.post("/api/invitations/accept", { token }), 409, "conflict");
      expect(
        (await f.anonymous.post("/api/invitations/preview", { token })).json<InvitationPreview>().state,
      ).toBe("accepted");
    });

    it("lets someone with an account join the space, keeping the workspace role they already have", async () => {
      const space = await privateSpace("Pharmacy");
      const outLink = linkToken(
        (await inviteAndReadLink(mia, space, out.user.email, "owner")).mail,
        "/invite",
      );
      const boLink = linkToken(
        (await inviteAndReadLink(ana, space, bo.user.email, "visitor")).mail,
        "/invite",
      );
      expect((await f.anonymous.post("/api/invitations/accept", { token: outLink })).statusCode).toBe(401);
      const joined = await out.post("/api/invitations/accept", { token: outLink });
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json<AcceptedInvitation>()).toEqual({
        workspaceId: workspace.id,
        role: "visitor",
        spaceId: space.id,
      });
      expect(
        (await bo.post("/api/invitations/accept", { token: boLink })).json<AcceptedInvitation>(),
      ).toEqual({ workspaceId: workspace.id, role: "member", spaceId: space.id });
      const roles = (await spaceMembers(space)).map((m) => [m.name, m.role]);
      expect(roles).toEqual([
        ["Bo", "visitor"],
        ["Mia", "owner"],
        ["Out", "owner"],
      ]);
      expect(await workspaceRoleOf(out.user.id)).toBe("visitor");
      expect(await workspaceRoleOf(bo.user.id)).toBe("member");
      // As the space's owner now, Out manages its people too.
      expect((await out.get(invitations(space))).statusCode).toBe(200);
    });

    it("refuses a member of the space (409), a space everyone sees (409), bad input (400) and people who do not manage it, queueing nothing", async () => {
      const space = await privateSpace("Board room");
      const open = await f.space(mia, workspace.id, { name: "Lobby" });
      const before = await queuedCount();
      expectProblem(await invite(mia, space, mia.user.email.toUpperCase()), 409, "conflict", ["body.email"]);
      expectProblem(await invite(ana, open, "someone@example.test"), 409, "conflict");
      expectProblem(await invite(mia, space, "not an address"), 400, "validation_failed", ["body.email"]);
      expectProblem(await invite(mia, space, "a@example.test", "admin"), 400, "validation_failed", [
        "body.role",
      ]);
      // Bo is in the workspace but not in the private space: it does not exist for him; nor for Out.
      for (const client of [bo, out]) {
        expectProblem(await invite(client, space, "x@example.test"), 404, "not_found");
        expectProblem(await client.get(invitations(space)), 404, "not_found");
      }
      // A visitor of the space sees it but may not manage its people.
      await mia.post(`/api/spaces/${space.id}/members`, { userId: bo.user.id, role: "visitor" });
      expectProblem(await invite(bo, space, "x@example.test"), 403, "forbidden");
      expectProblem(await bo.get(invitations(space)), 403, "forbidden");
      expect(await queuedCount()).toBe(before);
      const stored = await h.db.handle.db
        .select()
        .from(tables.invitations)
        .where(eq(tables.invitations.spaceId, space.id));
      expect(stored).toEqual([]);
    });

    it("resends with a new link, revokes, and tells the space's managers live; the old and the revoked links get their own answer", async () => {
      const space = await privateSpace("Theatre");
      const socket = await TestSocket.open(baseUrl, mia.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      expect((await socket.subscribe(spaceChannel(space.id))).type).toBe("subscribed");
      const changed = () =>
        socket.next(
          (fr) =>
            fr.type === "event" &&
            fr.event.type === "invitations.changed" &&
            fr.channel === spaceChannel(space.id),
        );

      let seen = changed();
      const first = await inviteAndReadLink(ana, space, "again@example.test");
      const event = await seen;
      expect(JSON.stringify(event)).not.toContain("again@example.test");
      const oldToken = linkToken(first.mail, "/invite");

      seen = changed();
      const pending = nextMailTo("again@example.test");
      const resent = await mia.post(`${invitations(space)}/${first.invitation.id}/resend`);
      expect(resent.statusCode, resent.body).toBe(200);
      await seen;
      const newToken = linkToken(await pending, "/invite");
      expect(newToken).not.toBe(oldToken);
      expectProblem(
        await f.anonymous.post("/api/invitations/preview", { token: oldToken }),
        404,
        "not_found",
      );

      // Renewing: inviting the same address again keeps one pending invitation.
      const renewed = await inviteAndReadLink(mia, space, "again@example.test", "visitor");
      const listed = (await mia.get(invitations(space))).json<Invitation[]>();
      expect(listed.map((i) => [i.email, i.spaceRole])).toEqual([["again@example.test", "visitor"]]);
      const latest = linkToken(renewed.mail, "/invite");

      seen = changed();
      expect((await mia.delete(`${invitations(space)}/${first.invitation.id}`)).statusCode).toBe(204);
      await seen;
      expect((await mia.get(invitations(space))).json<Invitation[]>()).toEqual([]);
      expect(
        (await f.anonymous.post("/api/invitations/preview", { token: latest })).json<InvitationPreview>()
          .state,
      ).toBe("revoked");
      const refused = await f.anonymous.post("/api/invitations/accept-new", {
        token: latest,
        name: "Late",
        password: "a long enough password",
      });
      expect(expectProblem(refused, 409, "conflict").detail).toMatch(/withdrawn/);
      const accounts = await h.db.handle.db
        .select()
        .from(tables.users)
        .where(eq(tables.users.email, "again@example.test"));
      expect(accounts).toEqual([]);
      // A workspace id in a space's route, or another space's invitation, names nothing.
      expectProblem(await mia.delete(`${invitations(space)}/${first.invitation.id}`), 404, "not_found");
      expectProblem(
        await ana.delete(`/api/workspaces/${workspace.id}/invitations/${first.invitation.id}`),
        404,
        "not_found",
      );
    });
  });
};

spaceInvitationsSuite(testDriver());
