import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { User } from "@lattice/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const password = "correct horse battery";
const newEmail = (name = "user") => `${name}.${randomUUID().slice(0, 8)}@example.test`;

const authRouteSuite = (driver: TestDriver): void => {
  describe(`auth routes (${driver})`, () => {
    let h: Harness;
    let anonymous: Client;
    beforeAll(async () => {
      h = await startHarness(driver);
      anonymous = factories(h.app).anonymous;
    });
    afterAll(async () => h?.close());

    const signup = (email: string, name = "Ana") =>
      anonymous.post("/api/auth/signup", { email, name, password });
    const asCookie = (cookie: string) => new Client(h.app, { user: {} as User, cookie, password });

    it("signs up with 201, an httpOnly SameSite=Lax session cookie, and makes only the first account admin", async () => {
      const first = await signup(newEmail("first"), "First");
      expect(first.statusCode, first.body).toBe(201);
      const cookie = first.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("Lax");
      expect(cookie?.path).toBe("/");
      expect(first.json<User>()).toMatchObject({ name: "First", isAdmin: true });
      expect(first.json()).not.toHaveProperty("passwordHash");

      const second = await signup(newEmail("second"), "Second");
      expect(second.statusCode).toBe(201);
      expect(second.json<User>().isAdmin).toBe(false);

      const me = await asCookie(cookieFrom(first)).get("/api/me");
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        id: first.json<User>().id,
        channel: `user:${first.json<User>().id}`,
      });
    });

    it("refuses a second account for the same email whatever its case, with 409 naming the field", async () => {
      const email = newEmail("dup");
      expect((await signup(email)).statusCode).toBe(201);
      expectProblem(await signup(email.toUpperCase()), 409, "email_taken", ["body.email"]);
      const rows = await h.db.handle.db.select().from(tables.users).where(eq(tables.users.email, email));
      expect(rows).toHaveLength(1);
    });

    it("starts the account in the language the sign-up page was shown in, English when none is said, and refuses an unknown one", async () => {
      const german = await anonymous.post("/api/auth/signup", {
        email: newEmail("de"),
        name: "Jonas",
        password,
        locale: "de",
      });
      expect(german.statusCode, german.body).toBe(201);
      expect(german.json<User>().locale).toBe("de");
      expect((await signup(newEmail("plain"))).json<User>().locale).toBe("en");
      const email = newEmail("xx");
      expectProblem(
        await anonymous.post("/api/auth/signup", { email, name: "X", password, locale: "xx" }),
        400,
        "validation_failed",
        ["body.locale"],
      );
      expect(
        await h.db.handle.db.select().from(tables.users).where(eq(tables.users.email, email)),
      ).toHaveLength(0);
    });

    it("stores the password as an scrypt hash, never as given", async () => {
      const email = newEmail("hash");
      await signup(email);
      const [row] = await h.db.handle.db.select().from(tables.users).where(eq(tables.users.email, email));
      expect(row?.passwordHash).not.toBe(password);
      expect(row?.passwordHash).not.toContain(password);
      expect(row?.passwordHash?.startsWith("scrypt$")).toBe(true);
    });

    it("logs in with the right password (email in any case) and starts a new session", async () => {
      const email = newEmail("login");
      const created = (await signup(email)).json<User>();
      const res = await anonymous.post("/api/auth/login", { email: email.toUpperCase(), password });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<User>().id).toBe(created.id);
      const me = await asCookie(cookieFrom(res)).get("/api/me");
      expect(me.json<User>().id).toBe(created.id);
    });

    it("answers 401 to a wrong password and to an unknown email alike, without a cookie", async () => {
      const email = newEmail("wrong");
      await signup(email);
      const wrong = await anonymous.post("/api/auth/login", { email, password: "not the password" });
      const unknown = await anonymous.post("/api/auth/login", { email: newEmail("nobody"), password });
      for (const res of [wrong, unknown]) {
        expectProblem(res, 401, "invalid_credentials");
        expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      }
      expect(wrong.json().detail).toBe(unknown.json().detail);
    });

    it("logs out by ending the session on the server, so the old cookie no longer works", async () => {
      const res = await signup(newEmail("logout"));
      const client = asCookie(cookieFrom(res));
      expect((await client.get("/api/me")).statusCode).toBe(200);
      const out = await client.post("/api/auth/logout");
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cleared?.value).toBe("");
      expectProblem(await client.get("/api/me"), 401, "unauthenticated");
    });

    it("answers 401 problem+json to /api/me without a session or with a made-up cookie", async () => {
      expectProblem(await anonymous.get("/api/me"), 401, "unauthenticated");
      expectProblem(await asCookie("forged-token").get("/api/me"), 401, "unauthenticated");
    });

    it("validates signup bodies field by field", async () => {
      const res = await anonymous.post("/api/auth/signup", {
        email: "not-an-email",
        name: " ",
        password: "short",
      });
      expectProblem(res, 400, "validation_failed", ["body.email", "body.name", "body.password"]);
    });
  });

  describe(`login rate limit (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { loginRateLimit: 3 });
    });
    afterAll(async () => h?.close());

    it("answers 429 problem+json on the attempt after the limit, even with the right password", async () => {
      const f = factories(h.app);
      const ana = await f.user("Ana");
      for (let i = 0; i < 3; i++) {
        const res = await f.anonymous.post("/api/auth/login", {
          email: ana.user.email,
          password: "wrong password",
        });
        expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      }
      const blocked = await f.anonymous.post("/api/auth/login", {
        email: ana.user.email,
        password: ana.session?.password,
      });
      expectProblem(blocked, 429, "rate_limited");
    });

    it("counts attempts per email, so guessing at one account does not lock out another", async () => {
      const f = factories(h.app);
      const target = await f.user("Target");
      const bystander = await f.user("Bystander");
      for (let i = 0; i < 4; i++)
        await f.anonymous.post("/api/auth/login", { email: target.user.email, password: "wrong password" });
      const res = await f.anonymous.post("/api/auth/login", {
        email: bystander.user.email,
        password: bystander.session?.password,
      });
      expect(res.statusCode, res.body).toBe(200);
    });

    it("does not let X-Forwarded-For from an untrusted peer reset the count", async () => {
      const f = factories(h.app);
      const ana = await f.user("Ana");
      const attempt = (password: string, forwardedFor: string) =>
        h.app.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: { "x-forwarded-for": forwardedFor },
          payload: { email: ana.user.email, password },
        });
      for (let i = 0; i < 3; i++)
        expect((await attempt("wrong password", `203.0.113.${i}`)).statusCode).toBe(401);
      for (let i = 10; i < 20; i++)
        expectProblem(await attempt("wrong password", `198.51.100.${i}`), 429, "rate_limited");
      expectProblem(await attempt(ana.session?.password ?? "", "192.0.2.1"), 429, "rate_limited");
    });
  });

  describe(`login behind a trusted proxy (${driver})`, () => {
    const proxy = "10.0.0.1";
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { loginRateLimit: 3, trustProxy: [proxy] });
    });
    afterAll(async () => h?.close());

    const loginFrom = (peer: string, forwardedFor: string, email: string, password: string) =>
      h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: peer,
        headers: { "x-forwarded-for": forwardedFor },
        payload: { email, password },
      });

    it("counts per client address the proxy forwards, so one client's guesses do not lock out another", async () => {
      const ana = await factories(h.app).user("Ana");
      for (let i = 0; i < 3; i++)
        expect((await loginFrom(proxy, "203.0.113.7", ana.user.email, "wrong password")).statusCode).toBe(
          401,
        );
      expectProblem(
        await loginFrom(proxy, "203.0.113.7", ana.user.email, "wrong password"),
        429,
        "rate_limited",
      );
      const other = await loginFrom(proxy, "203.0.113.8", ana.user.email, ana.session?.password ?? "");
      expect(other.statusCode, other.body).toBe(200);
    });

    it("ignores X-Forwarded-For from a peer that is not the configured proxy", async () => {
      const ana = await factories(h.app).user("Ana");
      const stranger = "10.0.0.99";
      for (let i = 0; i < 3; i++)
        expect(
          (await loginFrom(stranger, `203.0.113.${i}`, ana.user.email, "wrong password")).statusCode,
        ).toBe(401);
      expectProblem(
        await loginFrom(stranger, "203.0.113.200", ana.user.email, "wrong password"),
        429,
        "rate_limited",
      );
    });
  });

  describe(`password spraying limit (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { loginFailureRateLimit: 5 });
    });
    afterAll(async () => h?.close());

    it("answers 429 once an address has failed with many different emails, even to a right password", async () => {
      const f = factories(h.app);
      const ana = await f.user("Ana");
      for (let i = 0; i < 5; i++) {
        const res = await f.anonymous.post("/api/auth/login", { email: newEmail(`spray${i}`), password });
        expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      }
      const blocked = await f.anonymous.post("/api/auth/login", { email: ana.user.email, password });
      expectProblem(blocked, 429, "rate_limited");
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
      expect(blocked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      // Another address is not affected.
      const elsewhere = await h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "192.0.2.44",
        payload: { email: ana.user.email, password },
      });
      expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    });
  });

  describe(`successful logins and the spraying limit (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { loginFailureRateLimit: 2 });
    });
    afterAll(async () => h?.close());

    it("counts only failures, so many people logging in from one address are not locked out", async () => {
      const f = factories(h.app);
      const people = await Promise.all(["Ana", "Ben", "Cy", "Dee", "Eve"].map((name) => f.user(name)));
      for (const person of people) {
        const res = await f.anonymous.post("/api/auth/login", { email: person.user.email, password });
        expect(res.statusCode, res.body).toBe(200);
      }
      expect((await f.anonymous.post("/api/auth/login", { email: newEmail(), password })).statusCode).toBe(
        401,
      );
    });
  });

  describe(`signup rate limit (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver, undefined, { signupRateLimit: 3 });
    });
    afterAll(async () => h?.close());

    it("answers 429 to the signup after the limit from one address and creates no account", async () => {
      const anonymous = factories(h.app).anonymous;
      for (let i = 0; i < 3; i++) {
        const res = await anonymous.post("/api/auth/signup", {
          email: newEmail(`burst${i}`),
          name: "B",
          password,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const email = newEmail("late");
      expectProblem(
        await anonymous.post("/api/auth/signup", { email, name: "Late", password }),
        429,
        "rate_limited",
      );
      const rows = await h.db.handle.db.select().from(tables.users).where(eq(tables.users.email, email));
      expect(rows).toHaveLength(0);
      const elsewhere = await h.app.inject({
        method: "POST",
        url: "/api/auth/signup",
        remoteAddress: "192.0.2.45",
        payload: { email, name: "Late", password },
      });
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    });
  });
};

authRouteSuite(testDriver());
