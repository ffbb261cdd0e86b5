import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Outbox, SignupModeInfo } from "@lattice/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { linkToken, startTestSmtp, type TestSmtp } from "../test/smtp.js";

const publicUrl = "https://lattice.example.test";
const invitationToken = (text: string): string => {
  const match = /\/invite#([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in ${text}`);
  return match[1];
};

const mailSuite = (driver: TestDriver): void => {
  describe(`forgot password (${driver})`, () => {
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
    const forgot = (email: string) => factories(h.app).anonymous.post("/api/auth/password/forgot", { email });
    const reset = (token: string, password: string) =>
      factories(h.app).anonymous.post("/api/auth/password/reset", { token, password });

    it("answers the same whether or not the address has an account, and mails a link only to an account", async () => {
      const ana = await factories(h.app).user("Ana");
      const unknown = await forgot("nobody@example.test");
      const pending = smtp.waitFor(smtp.messages.length + 1);
      const known = await forgot(ana.user.email.toUpperCase());
      expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
      expect(unknown.body).toBe(known.body);
      const mail = (await pending).at(-1);
      expect(mail?.subject).toBe("Set a new Lattice password");
      expect(mail?.text).toContain(`${publicUrl}/account#notifications`);
      expect(mail?.html).toContain(`${publicUrl}/reset-password#`);
      const queued = await h.db.handle.db.select().from(tables.mailMessages);
      expect(queued.map((m) => m.toAddress)).not.toContain("nobody@example.test");
    });

    it("sets the new password once, ends every session, and refuses the link afterwards", async () => {
      const ana = await factories(h.app).user("Ana");
      const pending = smtp.waitFor(smtp.messages.length + 1);
      await forgot(ana.user.email);
      const mail = (await pending).at(-1);
      if (!mail) throw new Error("no message");
      const token = linkToken(mail, "/reset-password");
      expectProblem(await reset(token, "short"), 400, "validation_failed", ["body.password"]);
      const res = await reset(token, "a brand new password");
      expect(res.statusCode, res.body).toBe(204);
      // The session from before the reset is over; the new password works, the old one does not.
      expect((await ana.get("/api/me")).statusCode).toBe(401);
      const login = (password: string) =>
        factories(h.app).anonymous.post("/api/auth/login", { email: ana.user.email, password });
      expect((await login("a brand new password")).statusCode).toBe(200);
      expect((await login(ana.session?.password ?? "")).statusCode).toBe(401);
      expect(
        expectProblem(await reset(token, "yet another password"), 400, "validation_failed", ["body.token"])
          .detail,
      ).toMatch(/already used/);
      expect((await login("a brand new password")).statusCode).toBe(200);
    });

    it("refuses an expired or unknown link and changes nothing", async () => {
      const ana = await factories(h.app).user("Ana");
      const pending = smtp.waitFor(smtp.messages.length + 1);
      await forgot(ana.user.email);
      const mail = (await pending).at(-1);
      if (!mail) throw new Error("no message");
      const token = linkToken(mail, "/reset-password");
      await h.db.handle.db
        .update(tables.passwordResets)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(tables.passwordResets.userId, ana.user.id));
      expect(
        expectProblem(await reset(token, "a brand new password"), 400, "validation_failed").detail,
      ).toMatch(/expired/);
      expect(
        expectProblem(await reset("B".repeat(43), "a brand new password"), 400, "validation_failed").detail,
      ).toMatch(/not valid/);
      expectProblem(await reset("not a token", "a brand new password"), 400, "validation_failed", [
        "body.token",
      ]);
      expect((await ana.get("/api/me")).statusCode).toBe(200);
    });
  });

  describe(`outbox without SMTP and sign-up modes (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { smtpUrl: null, publicUrl, signupMode: "invitation" });
    });
    afterAll(async () => h?.close());

    it("keeps every message in the outbox, readable by the instance administrator only, so a link can be sent by hand", async () => {
      // The first account may always be made, and is the administrator.
      const mode = await factories(h.app).anonymous.get("/api/auth/signup-mode");
      expect(mode.json<SignupModeInfo>()).toEqual({ mode: "invitation", canSignUp: true });
      const admin = await factories(h.app).user("Admin");
      expect(admin.user.isAdmin).toBe(true);
      expect((await factories(h.app).anonymous.get("/api/auth/signup-mode")).json<SignupModeInfo>()).toEqual({
        mode: "invitation",
        canSignUp: false,
      });
      const ws = await factories(h.app).workspace(admin);
      const res = await admin.post(`/api/workspaces/${ws.id}/invitations`, {
        email: "new.nurse@example.test",
        role: "member",
      });
      expect(res.statusCode, res.body).toBe(201);

      const outbox = await admin.get("/api/admin/outbox");
      expect(outbox.statusCode, outbox.body).toBe(200);
      const { smtpConfigured, messages } = outbox.json<Outbox>();
      expect(smtpConfigured).toBe(false);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        kind: "invitation",
        to: "new.nurse@example.test",
        state: "queued",
        attempts: 0,
      });

      // In invitation mode a stranger cannot sign up, but the invited person can, with the copied link.
      expectProblem(
        await factories(h.app).anonymous.post("/api/auth/signup", {
          email: "walk.in@example.test",
          name: "Walk In",
          password: "a long enough password",
        }),
        403,
        "forbidden",
      );
      const token = invitationToken(messages[0]?.text ?? "");
      const joined = await factories(h.app).anonymous.post("/api/invitations/accept-new", {
        token,
        name: "New Nurse",
        password: "a long enough password",
      });
      expect(joined.statusCode, joined.body).toBe(201);

      const member = await factories(h.app).anonymous.post("/api/auth/login", {
        email: "new.nurse@example.test",
        password: "a long enough password",
      });
      const cookie = member.cookies.find((c) => c.name === "lattice_session")?.value ?? "";
      const notAdmin = await factories(h.app).anonymous.request("GET", "/api/admin/outbox", undefined, {
        cookie: `lattice_session=${cookie}`,
      });
      expectProblem(notAdmin, 403, "forbidden");
      expect((await factories(h.app).anonymous.get("/api/admin/outbox")).statusCode).toBe(401);
    });
  });

  describe(`single-sign-on-only mode (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { smtpUrl: null, publicUrl, signupMode: "sso" });
    });
    afterAll(async () => h?.close());

    it("refuses password accounts past the first, also through an invitation link", async () => {
      const admin = await factories(h.app).user("Admin");
      const ws = await factories(h.app).workspace(admin);
      await admin.post(`/api/workspaces/${ws.id}/invitations`, { email: "sso.person@example.test" });
      const [message] = (await admin.get("/api/admin/outbox")).json<Outbox>().messages;
      const res = await factories(h.app).anonymous.post("/api/invitations/accept-new", {
        token: invitationToken(message?.text ?? ""),
        name: "Sso Person",
        password: "a long enough password",
      });
      expect(expectProblem(res, 403, "forbidden").detail).toMatch(/single sign-on/);
      expect((await factories(h.app).anonymous.get("/api/auth/signup-mode")).json<SignupModeInfo>()).toEqual({
        mode: "sso",
        canSignUp: false,
      });
    });
  });
};

mailSuite(testDriver());
