import { createHash } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { AccountSession, User } from "@lattice/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { SESSION_ENDED_CLOSE_CODE } from "../plugins/session-sockets.js";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const laptop = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
const phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";

const sessionsSuite = (driver: TestDriver): void => {
  describe(`password change and sessions (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver);
    });
    afterAll(async () => h?.close());

    /** A person logged in on a second (and third) browser besides the one they signed up with. */
    const loginAs = async (person: Client, userAgent: string, password = person.session?.password ?? "") => {
      const res = await factories(h.app).anonymous.request(
        "POST",
        "/api/auth/login",
        { email: person.user.email, password },
        { "user-agent": userAgent },
      );
      expect(res.statusCode, res.body).toBe(200);
      return new Client(h.app, { user: person.user, cookie: cookieFrom(res), password });
    };
    const sessionsOf = async (client: Client) => {
      const res = await client.get("/api/me/sessions");
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AccountSession[]>();
    };
    const loginStatus = async (email: string, password: string) =>
      (await factories(h.app).anonymous.post("/api/auth/login", { email, password })).statusCode;

    it("lists the person's sessions with device, address and times, marks the current one, and shows no token", async () => {
      const ana = await factories(h.app).user("Ana");
      const onLaptop = await loginAs(ana, laptop);
      const onPhone = await loginAs(ana, phone);
      const res = await onLaptop.get("/api/me/sessions");
      const sessions = res.json<AccountSession[]>();
      expect(sessions).toHaveLength(3);
      const current = sessions.filter((s) => s.current);
      expect(current).toHaveLength(1);
      expect(current[0]?.device).toBe(laptop);
      expect(sessions.map((s) => s.device)).toContain(phone);
      for (const session of sessions) {
        expect(session.address).toBe("127.0.0.1");
        expect(Date.parse(session.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
      }
      // Neither a cookie nor its stored hash appears anywhere in the reply.
      for (const client of [ana, onLaptop, onPhone]) {
        const cookie = client.session?.cookie ?? "";
        expect(res.body).not.toContain(cookie);
        expect(res.body).not.toContain(createHash("sha256").update(cookie).digest("base64url"));
      }
      // Another person's list holds only their own.
      const ben = await factories(h.app).user("Ben");
      expect((await sessionsOf(ben)).map((s) => s.id)).not.toContain(current[0]?.id);
    });

    it("refreshes a session's last use at most once a minute, not on every request", async () => {
      const ana = await factories(h.app).user("Ana");
      const [own] = await sessionsOf(ana);
      const setLastUse = (at: Date) =>
        h.db.handle.db
          .update(tables.sessions)
          .set({ lastUsedAt: at })
          .where(eq(tables.sessions.id, own?.id ?? ""));
      const recent = new Date(Date.now() - 10_000);
      await setLastUse(recent);
      expect((await sessionsOf(ana))[0]?.lastUsedAt).toBe(recent.toISOString());
      const stale = new Date(Date.now() - 5 * 60_000);
      await setLastUse(stale);
      const refreshed = Date.parse((await sessionsOf(ana))[0]?.lastUsedAt ?? "");
      expect(refreshed).toBeGreaterThan(stale.getTime() + 60_000);
    });

    it("leaves expired sessions out of the list and forgets them at the next login", async () => {
      const ana = await factories(h.app).user("Ana");
      const old = await loginAs(ana, phone);
      const oldId = (await sessionsOf(old)).find((s) => s.current)?.id ?? "";
      await h.db.handle.db
        .update(tables.sessions)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(tables.sessions.id, oldId));
      expect((await sessionsOf(ana)).map((s) => s.id)).not.toContain(oldId);
      expectProblem(await old.get("/api/me"), 401, "unauthenticated");
      // The next login clears it out of the table.
      await loginAs(ana, laptop);
      const left = await h.db.handle.db.select().from(tables.sessions).where(eq(tables.sessions.id, oldId));
      expect(left).toHaveLength(0);
    });

    it("signs out one other session: its cookie stops working, the current one keeps working", async () => {
      const ana = await factories(h.app).user("Ana");
      const onPhone = await loginAs(ana, phone);
      const phoneId = (await sessionsOf(onPhone)).find((s) => s.current)?.id ?? "";
      const res = await ana.delete(`/api/me/sessions/${phoneId}`);
      expect(res.statusCode, res.body).toBe(204);
      expectProblem(await onPhone.get("/api/me"), 401, "unauthenticated");
      expect((await ana.get("/api/me")).statusCode).toBe(200);
      expect((await sessionsOf(ana)).map((s) => s.id)).not.toContain(phoneId);
    });

    it("answers 404 to ending someone else's session or one that does not exist, and ends nothing", async () => {
      const ana = await factories(h.app).user("Ana");
      const ben = await factories(h.app).user("Ben");
      const bensId = (await sessionsOf(ben))[0]?.id ?? "";
      expectProblem(await ana.delete(`/api/me/sessions/${bensId}`), 404, "not_found");
      expectProblem(
        await ana.delete("/api/me/sessions/00000000-0000-4000-8000-000000000000"),
        404,
        "not_found",
      );
      expectProblem(await ana.delete("/api/me/sessions/not-a-uuid"), 400, "validation_failed", ["params.id"]);
      expect((await ben.get("/api/me")).statusCode).toBe(200);
    });

    it("ending the current session logs out here and clears the cookie", async () => {
      const ana = await factories(h.app).user("Ana");
      const ownId = (await sessionsOf(ana))[0]?.id ?? "";
      const res = await ana.delete(`/api/me/sessions/${ownId}`);
      expect(res.statusCode).toBe(204);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
      expectProblem(await ana.get("/api/me"), 401, "unauthenticated");
    });

    it("signs out every other session and says how many", async () => {
      const ana = await factories(h.app).user("Ana");
      const others = [await loginAs(ana, laptop), await loginAs(ana, phone)];
      const res = await ana.post("/api/me/sessions/sign-out-others");
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ended: 2 });
      for (const other of others) expectProblem(await other.get("/api/me"), 401, "unauthenticated");
      const left = await sessionsOf(ana);
      expect(left).toHaveLength(1);
      expect(left[0]?.current).toBe(true);
    });

    it("changes the password given the current one and ends every other session, keeping this one", async () => {
      const ana = await factories(h.app).user("Ana");
      const onPhone = await loginAs(ana, phone);
      const newPassword = "a new and longer secret";
      const res = await ana.post("/api/me/password", { currentPassword: ana.session?.password, newPassword });
      expect(res.statusCode, res.body).toBe(204);
      expectProblem(await onPhone.get("/api/me"), 401, "unauthenticated");
      expect((await ana.get("/api/me")).statusCode).toBe(200);
      expect(await loginStatus(ana.user.email, ana.session?.password ?? "")).toBe(401);
      expect(await loginStatus(ana.user.email, newPassword)).toBe(200);
    });

    it("refuses a wrong current password with 400 naming the field, and changes nothing", async () => {
      const ana = await factories(h.app).user("Ana");
      const onPhone = await loginAs(ana, phone);
      const res = await ana.post("/api/me/password", {
        currentPassword: "not my password",
        newPassword: "a new and longer secret",
      });
      expectProblem(res, 400, "validation_failed", ["body.currentPassword"]);
      expect((await onPhone.get("/api/me")).statusCode).toBe(200);
      expect(await loginStatus(ana.user.email, ana.session?.password ?? "")).toBe(200);
      expect(await loginStatus(ana.user.email, "a new and longer secret")).toBe(401);
    });

    it("validates the new password like a signup's", async () => {
      const ana = await factories(h.app).user("Ana");
      const res = await ana.post("/api/me/password", {
        currentPassword: ana.session?.password,
        newPassword: "short",
      });
      expectProblem(res, 400, "validation_failed", ["body.newPassword"]);
      expectProblem(await ana.post("/api/me/password", {}), 400, "validation_failed", [
        "body.currentPassword",
        "body.newPassword",
      ]);
    });

    it("answers 401 to every account route without a session", async () => {
      const anonymous = factories(h.app).anonymous;
      expectProblem(await anonymous.get("/api/me/sessions"), 401, "unauthenticated");
      expectProblem(
        await anonymous.post("/api/me/password", { currentPassword: "x", newPassword: "long enough" }),
        401,
        "unauthenticated",
      );
      expectProblem(await anonymous.post("/api/me/sessions/sign-out-others"), 401, "unauthenticated");
      expectProblem(
        await anonymous.delete("/api/me/sessions/00000000-0000-4000-8000-000000000000"),
        401,
        "unauthenticated",
      );
    });
  });

  describe(`password change rate limit (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { loginRateLimit: 3 });
    });
    afterAll(async () => h?.close());

    it("answers 429 after repeated attempts, even with the right current password", async () => {
      const ana = await factories(h.app).user("Ana");
      for (let i = 0; i < 3; i++) {
        const res = await ana.post("/api/me/password", {
          currentPassword: "guess",
          newPassword: "long enough",
        });
        expect(res.statusCode, `attempt ${i + 1}`).toBe(400);
      }
      const blocked = await ana.post("/api/me/password", {
        currentPassword: ana.session?.password,
        newPassword: "long enough",
      });
      expectProblem(blocked, 429, "rate_limited");
      // The blocked attempt changed nothing: the old password still logs in.
      const login = await factories(h.app).anonymous.post("/api/auth/login", {
        email: ana.user.email,
        password: ana.session?.password,
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json<User>().id).toBe(ana.user.id);
    });
  });

  describe(`live sockets of ended sessions (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    const sockets: TestSocket[] = [];
    beforeAll(async () => {
      h = await startHarness(driver);
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await h?.close();
    });

    const open = async (client: Client) => {
      const socket = await TestSocket.open(baseUrl, client.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((frame) => frame.type === "hello", 5000, "hello", 0);
      return socket;
    };
    const secondBrowser = async (person: Client) => {
      const res = await factories(h.app).anonymous.post("/api/auth/login", {
        email: person.user.email,
        password: person.session?.password,
      });
      return new Client(h.app, {
        user: person.user,
        cookie: cookieFrom(res),
        password: person.session?.password ?? "",
      });
    };

    it("closes the sockets of the sessions a password change or a sign-out ends, and keeps this one's", async () => {
      const ana = await factories(h.app).user("Ana");
      const phone = await secondBrowser(ana);
      const tablet = await secondBrowser(ana);
      const own = await open(ana);
      const onPhone = await open(phone);
      const onTablet = await open(tablet);

      const phoneId = (await sessionsOf(phone)).find((s) => s.current)?.id ?? "";
      expect((await ana.delete(`/api/me/sessions/${phoneId}`)).statusCode).toBe(204);
      expect(await onPhone.closed()).toBe(SESSION_ENDED_CLOSE_CODE);

      const res = await ana.post("/api/me/password", {
        currentPassword: ana.session?.password,
        newPassword: "another long secret",
      });
      expect(res.statusCode, res.body).toBe(204);
      expect(await onTablet.closed()).toBe(SESSION_ENDED_CLOSE_CODE);
      // This session's socket still answers.
      await own.flush();
      expect(own.closeCode).toBeNull();
    });

    it("closes a socket whose session was ended elsewhere (another instance) at the next sweep", async () => {
      const ben = await factories(h.app).user("Ben");
      const phone = await secondBrowser(ben);
      const own = await open(ben);
      const onPhone = await open(phone);
      const phoneId = (await sessionsOf(phone)).find((s) => s.current)?.id ?? "";
      // As if another instance had ended it: the row is gone, this instance was not told.
      await h.db.handle.db.delete(tables.sessions).where(eq(tables.sessions.id, phoneId));
      await h.app.sessionSockets.sweep();
      expect(await onPhone.closed()).toBe(SESSION_ENDED_CLOSE_CODE);
      await own.flush();
      expect(own.closeCode).toBeNull();
    });

    const sessionsOf = async (client: Client) =>
      (await client.get("/api/me/sessions")).json<AccountSession[]>();
  });
};

sessionsSuite(testDriver());
