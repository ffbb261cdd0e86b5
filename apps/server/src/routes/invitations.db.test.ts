import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { AcceptedInvitation, Invitation, InvitationPreview, Member, User } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { linkToken, startTestSmtp, type TestSmtp } from "../test/smtp.js";

const publicUrl = "https://lattice.example.test";

const invitationsSuite = (driver: TestDriver): void => {
  describe(`invitations by e-mail (${driver})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      h = await startHarness(driver, undefined, { smtpUrl: smtp.url, publicUrl });
    });
    afterAll(async () => {
      await h?.close();
      await smtp?.close();
    });

    const f = () => factories(h.app);
    /** The next message to arrive in the test SMTP server. */
    const nextMail = async (): Promise<ParsedMail> => {
      const all = await smtp.waitFor(smtp.messages.length + 1);
      const mail = all[all.length - 1];
      if (!mail) throw new Error("no message");
      return mail;
    };
    const invite = (owner: Client, workspaceId: string, email: string, role = "member") =>
      owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role });
    const queuedCount = async () =>
      (await h.db.handle.db.select({ n: sql<number>`count(*)::int` }).from(tables.mailMessages))[0]?.n ?? 0;
    const signUpWithInvitation = (token: string, name = "Nurse Noor") =>
      f().anonymous.post("/api/invitations/accept-new", { token, name, password: "a long enough password" });

    it("answers the same for an address with and without an account, and mails a link whose token is stored only as a hash", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner, { name: "Ward 7 & <Night>" });
      const existing = await f().user("Existing");
      const replies = [];
      for (const email of [existing.user.email, "nobody.yet@example.test"]) {
        const pending = nextMail();
        const res = await invite(owner, ws.id, email);
        expect(res.statusCode, res.body).toBe(201);
        replies.push({ body: res.json<Invitation>(), mail: await pending });
      }
      const [withAccount, without] = replies;
      if (!withAccount || !without) throw new Error("two replies expected");
      expect(Object.keys(withAccount.body).sort()).toEqual(Object.keys(without.body).sort());
      expect(without.body).toMatchObject({
        email: "nobody.yet@example.test",
        role: "member",
        invitedBy: { name: "Olga" },
      });

      const mail = without.mail;
      expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("nobody.yet@example.test");
      expect(mail.subject).toBe("Olga invited you to Ward 7 & <Night> on Lattice");
      const token = linkToken(mail, "/invite");
      expect(mail.text).toContain(`${publicUrl}/invite#${token}`);
      expect(mail.text).toContain("Ward 7 & <Night>");
      expect(mail.text).toContain(`${publicUrl}/account#notifications`);
      // The HTML part escapes the workspace's name and carries the same links.
      expect(mail.html).toContain("Ward 7 &amp; &lt;Night&gt;");
      expect(mail.html).not.toContain("<Night>");
      expect(mail.html).toContain(`${publicUrl}/invite#${token}`);
      expect(mail.headerLines.find((line) => line.key === "list-unsubscribe")?.line).toBe(
        `List-Unsubscribe: <${publicUrl}/account#notifications>`,
      );
      // Only a hash of the token is in the database.
      const rows = await h.db.handle.db
        .select()
        .from(tables.invitations)
        .where(eq(tables.invitations.workspaceId, ws.id));
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain(token);
      // Marked sent once the SMTP server has taken it (just after it arrives there).
      await expect
        .poll(async () => {
          const m = tables.mailMessages;
          return (await h.db.handle.db.select().from(m).where(eq(m.workspaceId, ws.id))).map(
            (r) => r.sentAt !== null,
          );
        })
        .toEqual([true, true]);
    });

    it("lets a person without an account name themselves, set a password and land in the workspace with the role; the link then works no more", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      const pending = nextMail();
      await invite(owner, ws.id, "Reception.Desk@Example.test", "visitor");
      const token = linkToken(await pending, "/invite");

      const preview = await f().anonymous.post("/api/invitations/preview", { token });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json<InvitationPreview>()).toMatchObject({
        state: "pending",
        workspaceName: ws.name,
        email: "reception.desk@example.test",
        role: "visitor",
        inviterName: "Olga",
      });

      const res = await signUpWithInvitation(token, "Rhea");
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<AcceptedInvitation>()).toEqual({ workspaceId: ws.id, role: "visitor", spaceId: null });
      const rhea = new Client(h.app, {
        user: (
          await f().anonymous.request("GET", "/api/me", undefined, {
            cookie: `lattice_session=${cookieFrom(res)}`,
          })
        ).json<User>(),
        cookie: cookieFrom(res),
        password: "a long enough password",
      });
      expect(rhea.user).toMatchObject({ name: "Rhea", email: "reception.desk@example.test", isAdmin: false });
      expect((await rhea.get(`/api/workspaces/${ws.id}/tree`)).statusCode).toBe(200);
      const members = (await owner.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>();
      expect(members.find((m) => m.userId === rhea.user.id)?.role).toBe("visitor");
      expect((await owner.get(`/api/workspaces/${ws.id}/invitations`)).json<Invitation[]>()).toEqual([]);

      expectProblem(await signUpWithInvitation(token, "Someone else"), 409, "conflict");
      expect(
        (await f().anonymous.post("/api/invitations/preview", { token })).json<InvitationPreview>().state,
      ).toBe("accepted");
    });

    it("lets a person with an account sign in and join, keeping a role they already have", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      const bo = await f().user("Bo");
      const pending = nextMail();
      await invite(owner, ws.id, bo.user.email, "owner");
      const token = linkToken(await pending, "/invite");
      // Accepting needs a session; signing up with the address that has an account is refused.
      expect((await f().anonymous.post("/api/invitations/accept", { token })).statusCode).toBe(401);
      expectProblem(await signUpWithInvitation(token), 409, "email_taken");
      const res = await bo.post("/api/invitations/accept", { token });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<AcceptedInvitation>()).toEqual({ workspaceId: ws.id, role: "owner", spaceId: null });
      const members = (await owner.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>();
      expect(members.find((m) => m.userId === bo.user.id)?.role).toBe("owner");
      expectProblem(await bo.post("/api/invitations/accept", { token }), 409, "conflict");
    });

    it("gives a used, expired or revoked link its own answer, and an unknown one a 404", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      let pending = nextMail();
      const expiring = (await invite(owner, ws.id, "late@example.test")).json<Invitation>();
      const expiredToken = linkToken(await pending, "/invite");
      await h.db.handle.db
        .update(tables.invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(tables.invitations.id, expiring.id));
      pending = nextMail();
      const revoked = (await invite(owner, ws.id, "withdrawn@example.test")).json<Invitation>();
      const revokedToken = linkToken(await pending, "/invite");
      expect((await owner.delete(`/api/workspaces/${ws.id}/invitations/${revoked.id}`)).statusCode).toBe(204);

      const preview = (token: string) => f().anonymous.post("/api/invitations/preview", { token });
      expect((await preview(expiredToken)).json<InvitationPreview>().state).toBe("expired");
      expect((await preview(revokedToken)).json<InvitationPreview>().state).toBe("revoked");
      expect(expectProblem(await signUpWithInvitation(expiredToken), 409, "conflict").detail).toMatch(
        /expired/,
      );
      expect(expectProblem(await signUpWithInvitation(revokedToken), 409, "conflict").detail).toMatch(
        /withdrawn/,
      );
      expectProblem(await preview("A".repeat(43)), 404, "not_found");
      expectProblem(await preview("short"), 400, "validation_failed", ["body.token"]);
      // Nothing half-done: no account was made for either address.
      const accounts = await h.db.handle.db
        .select()
        .from(tables.users)
        .where(sql`${tables.users.email} in ('late@example.test', 'withdrawn@example.test')`);
      expect(accounts).toEqual([]);
      // A revoked invitation is gone from the pending list, an expired one stays to be resent.
      const listed = (await owner.get(`/api/workspaces/${ws.id}/invitations`)).json<Invitation[]>();
      expect(listed.map((i) => i.email)).toEqual(["late@example.test"]);
    });

    it("resends with a new link that replaces the old one, and renews an invitation to the same address instead of adding one", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      let pending = nextMail();
      const first = (await invite(owner, ws.id, "again@example.test")).json<Invitation>();
      const oldToken = linkToken(await pending, "/invite");
      pending = nextMail();
      const resent = await owner.post(`/api/workspaces/${ws.id}/invitations/${first.id}/resend`);
      expect(resent.statusCode, resent.body).toBe(200);
      const newToken = linkToken(await pending, "/invite");
      expect(newToken).not.toBe(oldToken);
      expectProblem(
        await f().anonymous.post("/api/invitations/preview", { token: oldToken }),
        404,
        "not_found",
      );
      pending = nextMail();
      const again = (await invite(owner, ws.id, "again@example.test", "owner")).json<Invitation>();
      expect(again.id).toBe(first.id);
      expect(again.role).toBe("owner");
      const latest = linkToken(await pending, "/invite");
      expect((await owner.get(`/api/workspaces/${ws.id}/invitations`)).json<Invitation[]>()).toHaveLength(1);
      expect((await signUpWithInvitation(latest)).json<AcceptedInvitation>().role).toBe("owner");
    });

    it("refuses bad input, members, non-owners and strangers, and queues nothing for them", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      const member = await f().user("Mia");
      await f().member(owner, ws.id, member, "member");
      const stranger = await f().user("Stan");
      const before = await queuedCount();
      expectProblem(await invite(owner, ws.id, "not an address"), 400, "validation_failed", ["body.email"]);
      expectProblem(await invite(owner, ws.id, "a@example.test", "admin"), 400, "validation_failed", [
        "body.role",
      ]);
      expect(
        expectProblem(await invite(owner, ws.id, member.user.email.toUpperCase()), 409, "conflict").detail,
      ).toMatch(/already a member/);
      expectProblem(await invite(member, ws.id, "x@example.test"), 403, "forbidden");
      expectProblem(await invite(stranger, ws.id, "x@example.test"), 404, "not_found");
      expectProblem(await stranger.get(`/api/workspaces/${ws.id}/invitations`), 404, "not_found");
      expectProblem(await member.get(`/api/workspaces/${ws.id}/invitations`), 403, "forbidden");
      const missing = "00000000-0000-4000-8000-000000000000";
      expectProblem(await owner.delete(`/api/workspaces/${ws.id}/invitations/${missing}`), 404, "not_found");
      expectProblem(
        await owner.post(`/api/workspaces/${ws.id}/invitations/${missing}/resend`),
        404,
        "not_found",
      );
      expect(await queuedCount()).toBe(before);
    });

    it("keeps the invitation when the SMTP server refuses, and sends it on a later attempt", async () => {
      const owner = await f().user("Olga");
      const ws = await f().workspace(owner);
      smtp.refuseNext(1);
      const res = await invite(owner, ws.id, "retry@example.test");
      expect(res.statusCode, res.body).toBe(201);
      const m = tables.mailMessages;
      const row = async () =>
        (await h.db.handle.db.select().from(m).where(eq(m.toAddress, "retry@example.test")))[0];
      // The refused attempt is recorded with its error and a later due time (backoff).
      await expect.poll(async () => (await row())?.lastError ?? null).toMatch(/try again later/);
      const refused = await row();
      expect(refused).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
      expect(refused?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      // Bring the retry forward instead of waiting for the backoff.
      const pending = nextMail();
      await h.db.handle.db
        .update(m)
        .set({ nextAttemptAt: new Date() })
        .where(eq(m.toAddress, "retry@example.test"));
      h.app.mail.wake();
      const mail = await pending;
      expect(mail.subject).toContain(ws.name);
      await expect.poll(async () => (await row())?.sentAt ?? null).not.toBeNull();
      expect(await row()).toMatchObject({ attempts: 2, lastError: null, failedAt: null });
    });
  });
};

invitationsSuite(testDriver());
