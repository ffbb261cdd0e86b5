/**
 * Single sign-on against a real OpenID provider started by the test: the whole authorization code
 * flow with PKCE, first sign-in (creating or linking the account), returning people, and every
 * refusal (wrong or replayed state, a nonce that is not ours, a provider that is down, an e-mail
 * the provider does not vouch for, a domain not allowed, a deactivated account), each of which
 * lands on the login page with its reason and keeps nothing.
 */
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type AdminUser,
  type Invitation,
  type Member,
  type SignInMethods,
  type SpaceMember,
  type User,
  userChannel,
  workspaceChannel,
} from "@lattice/domain";
import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OidcConfig } from "../config.js";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { hashState } from "../sso/oidc.js";
import { changedTables, fingerprinter } from "../test/fingerprint.js";
import { Client, factories, type Harness, startHarness } from "../test/harness.js";
import { signInAtProvider, startTestProvider, type TestProvider } from "../test/oidc-provider.js";
import { expectProblem } from "../test/problems.js";
import { SSO_STATE_COOKIE } from "./sso.js";

const REDIRECT = "http://lattice.test/api/auth/oidc/callback";

const ssoSuite = (driver: TestDriver) => {
  describe(`single sign-on (${driver})`, () => {
    let provider: TestProvider;
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let admin: Client;
    const harnesses: Harness[] = [];

    const oidcConfig = (overrides: Partial<OidcConfig> = {}): OidcConfig => ({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowedDomains: [],
      label: "Sign in with Hospital ID",
      redirectUrl: REDIRECT,
      ...overrides,
    });

    const start = async (harness: Harness, returnTo = "/") => {
      const res = await harness.app.inject({
        method: "GET",
        url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(res.statusCode, res.body).toBe(303);
      const state = res.cookies.find((c) => c.name === SSO_STATE_COOKIE);
      expect(state?.httpOnly).toBe(true);
      return { location: String(res.headers.location), stateCookie: state?.value ?? "" };
    };

    const callback = (
      harness: Harness,
      back: URL,
      stateCookie: string,
      headers: Record<string, string> = {},
    ) =>
      harness.app.inject({
        method: "GET",
        url: `${back.pathname}${back.search}`,
        cookies: stateCookie ? { [SSO_STATE_COOKIE]: stateCookie } : {},
        headers,
      });

    /** The whole journey for `login`; the callback's answer. */
    const signIn = async (harness: Harness, login: string, returnTo = "/") => {
      const { location, stateCookie } = await start(harness, returnTo);
      const back = await signInAtProvider(location, login);
      return callback(harness, back, stateCookie);
    };

    const sessionOf = (harness: Harness, res: LightMyRequestResponse): Client => {
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error(`no session: ${res.statusCode} ${String(res.headers.location)}`);
      return new Client(harness.app, { user: {} as User, cookie: cookie.value, password: "" });
    };

    const expectRefused = (res: LightMyRequestResponse, reason: string) => {
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe(`/login?sso_error=${reason}`);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    };

    const userCount = async (harness: Harness) =>
      (await harness.db.handle.db.select({ value: count() }).from(tables.users))[0]?.value ?? 0;

    beforeAll(async () => {
      provider = await startTestProvider({ redirectUris: [REDIRECT] });
      h = await startHarness(driver, undefined, { oidc: oidcConfig() });
      f = factories(h.app);
      admin = await f.user("Admin");
    });
    afterAll(async () => {
      await h?.close();
      for (const other of harnesses) await other.close();
      await provider?.close();
    });

    it("tells the login page about the button and its label", async () => {
      const methods = (await f.anonymous.get("/api/auth/methods")).json<SignInMethods>();
      expect(methods).toEqual({ password: true, sso: { label: "Sign in with Hospital ID" } });
    });

    it("sends the browser to the provider with PKCE, a state and a nonce", async () => {
      const { location, stateCookie } = await start(h);
      const url = new URL(location);
      expect(url.origin).toBe(provider.issuer);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("code_challenge")).toBeTruthy();
      expect(url.searchParams.get("nonce")).toBeTruthy();
      expect(url.searchParams.get("state")).toBe(stateCookie);
      expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT);
    });

    it("creates the account at a first sign-in, signs the person in and lands where they were going", async () => {
      provider.people.set("nina", { email: "Nina.Nurse@hospital.test", name: "Nina Nurse" });
      const before = await userCount(h);
      const res = await signIn(h, "nina", "/w/ward");
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe("/w/ward");
      const me = (await sessionOf(h, res).get("/api/me")).json<User>();
      expect(me).toMatchObject({ email: "nina.nurse@hospital.test", name: "Nina Nurse", isAdmin: false });
      expect(await userCount(h)).toBe(before + 1);
      // Coming back finds the same account, by the provider's subject.
      const again = await signIn(h, "nina");
      expect((await sessionOf(h, again).get("/api/me")).json<User>().id).toBe(me.id);
      expect(await userCount(h)).toBe(before + 1);
      // The account has no password: password sign-in fails for it.
      const login = await f.anonymous.post("/api/auth/login", {
        email: me.email,
        password: "anything at all",
      });
      expectProblem(login, 401, "invalid_credentials");
    });

    it("starts a new account in the browser's language and leaves a returning person's choice alone", async () => {
      provider.people.set("greta", { email: "greta@hospital.test", name: "Greta" });
      const german = { "accept-language": "de-CH,de;q=0.9,en;q=0.5" };
      const first = await start(h);
      const res = await callback(
        h,
        await signInAtProvider(first.location, "greta"),
        first.stateCookie,
        german,
      );
      const greta = sessionOf(h, res);
      expect((await greta.get("/api/me")).json<User>().locale).toBe("de");
      await greta.patch("/api/me/settings", { locale: "ar" });
      const again = await start(h);
      await callback(h, await signInAtProvider(again.location, "greta"), again.stateCookie, german);
      expect((await greta.get("/api/me")).json<User>().locale).toBe("ar");
    });

    it("links an existing account with the same verified e-mail instead of making a second one", async () => {
      const ray = await f.user("Ray");
      provider.people.set("ray-at-idp", { email: ray.user.email.toUpperCase(), name: "Ray at the provider" });
      const before = await userCount(h);
      const res = await signIn(h, "ray-at-idp");
      const me = (await sessionOf(h, res).get("/api/me")).json<User>();
      expect(me.id).toBe(ray.user.id);
      expect(me.name).toBe("Ray");
      expect(await userCount(h)).toBe(before);
      const [identity] = await h.db.handle.db
        .select()
        .from(tables.identities)
        .where(eq(tables.identities.userId, ray.user.id));
      expect(identity).toMatchObject({ issuer: provider.issuer, subject: "ray-at-idp" });
    });

    it("refuses an e-mail the provider does not vouch for, keeping nothing", async () => {
      const sam = await f.user("Sam");
      provider.people.set("sam-unverified", { email: sam.user.email, name: "Sam", emailVerified: false });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      expectRefused(await signIn(h, "sam-unverified"), "unverified");
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });

    it("refuses a callback whose state is not this browser's, or that is used twice", async () => {
      provider.people.set("tom", { email: "tom@hospital.test", name: "Tom" });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const first = await start(h);
      const back = await signInAtProvider(first.location, "tom");
      const before = await fingerprint();
      // Another browser (no cookie, or another attempt's) cannot finish this attempt.
      expectRefused(await callback(h, back, ""), "state");
      const other = await start(h);
      expectRefused(await callback(h, back, other.stateCookie), "state");
      expect(changedTables(before, await fingerprint())).toEqual(["sign_in_attempts"]);
      // The right browser can, once.
      const res = await callback(h, back, first.stateCookie);
      expect(res.headers.location).toBe("/");
      sessionOf(h, res);
      expectRefused(await callback(h, back, first.stateCookie), "state");
    });

    it("refuses an ID token whose nonce is not the one sent, keeping nothing", async () => {
      provider.people.set("una", { email: "una@hospital.test", name: "Una" });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      const { location, stateCookie } = await start(h);
      const back = await signInAtProvider(location, "una");
      // The attempt now expects another nonce than the provider put in the token.
      await h.db.handle.db
        .update(tables.signInAttempts)
        .set({ nonce: "not-the-nonce-that-was-sent" })
        .where(eq(tables.signInAttempts.stateHash, hashState(stateCookie)));
      expectRefused(await callback(h, back, stateCookie), "rejected");
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });

    it("says the provider is down when it does not answer, at the start and at the callback", async () => {
      provider.people.set("vera", { email: "vera@hospital.test", name: "Vera" });
      const fingerprint = await fingerprinter(h.db.handle.db);
      const before = await fingerprint();
      const { location, stateCookie } = await start(h);
      const back = await signInAtProvider(location, "vera");
      await provider.stop();
      try {
        expectRefused(await callback(h, back, stateCookie), "unavailable");
        // A fresh instance has not read the provider's metadata yet: it cannot even start.
        const fresh = await startHarness(driver, undefined, { oidc: oidcConfig() });
        harnesses.push(fresh);
        const res = await fresh.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
        expectRefused(res, "unavailable");
      } finally {
        await provider.start();
      }
      expect(changedTables(before, await fingerprint())).toEqual([]);
      // Once it is back, signing in works.
      expect((await signIn(h, "vera")).headers.location).toBe("/");
    });

    it("refuses a deactivated person, and an e-mail domain that is not allowed", async () => {
      provider.people.set("walt", { email: "walt@hospital.test", name: "Walt" });
      const first = await signIn(h, "walt");
      const walt = (await sessionOf(h, first).get("/api/me")).json<User>();
      const off = await admin.patch(`/api/admin/users/${walt.id}`, { active: false });
      expect(off.json<AdminUser>().deactivatedAt).not.toBeNull();
      expectRefused(await signIn(h, "walt"), "deactivated");

      const strict = await startHarness(driver, undefined, {
        oidc: oidcConfig({ allowedDomains: ["hospital.test"] }),
      });
      harnesses.push(strict);
      provider.people.set("xena", { email: "xena@elsewhere.test", name: "Xena" });
      expectRefused(await signIn(strict, "xena"), "domain");
      expect(await userCount(strict)).toBe(0);
      provider.people.set("yuri", { email: "yuri@hospital.test", name: "Yuri" });
      const allowed = await signIn(strict, "yuri");
      // The first account of an instance is its administrator, whichever way it signed in.
      expect((await sessionOf(strict, allowed).get("/api/me")).json<User>()).toMatchObject({ isAdmin: true });
    });

    it("turns password sign-in off when configured, leaving single sign-on", async () => {
      const ssoOnly = await startHarness(driver, undefined, { oidc: oidcConfig(), passwordSignIn: false });
      harnesses.push(ssoOnly);
      const anonymous = factories(ssoOnly.app).anonymous;
      expect((await anonymous.get("/api/auth/methods")).json<SignInMethods>().password).toBe(false);
      const body = { email: "zoe@hospital.test", name: "Zoe", password: "correct horse battery" };
      expectProblem(await anonymous.post("/api/auth/signup", body), 403, "forbidden");
      expectProblem(await anonymous.post("/api/auth/login", body), 403, "forbidden");
      expect(await userCount(ssoOnly)).toBe(0);
      provider.people.set("zoe", { email: "zoe@hospital.test", name: "Zoe" });
      expect((await signIn(ssoOnly, "zoe")).headers.location).toBe("/");
    });

    describe("by invitation only (SIGNUP_MODE=invitation)", () => {
      let byInvitation: Harness;
      let owner: Client;

      const invite = async (workspaceId: string, email: string, role = "member") => {
        const res = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Invitation>();
      };
      const invitationRow = async (id: string) =>
        (
          await byInvitation.db.handle.db
            .select()
            .from(tables.invitations)
            .where(eq(tables.invitations.id, id))
        )[0];
      const memberAddedEvents = async (channel: string) =>
        byInvitation.db.handle.db
          .select({ payload: tables.events.payload, seq: tables.events.seq })
          .from(tables.events)
          .where(and(eq(tables.events.channel, channel), eq(tables.events.type, "member.added")));

      beforeAll(async () => {
        byInvitation = await startHarness(driver, undefined, {
          oidc: oidcConfig(),
          signupMode: "invitation",
        });
        harnesses.push(byInvitation);
        // The first account is the administrator's, invited or not.
        owner = await factories(byInvitation.app).user("Owner");
      });

      it("refuses a first sign-on nobody invited, with a reason for the login page, creating nothing", async () => {
        const ws = await factories(byInvitation.app).workspace(owner);
        const withdrawn = await invite(ws.id, "withdrawn@hospital.test");
        expect((await owner.delete(`/api/workspaces/${ws.id}/invitations/${withdrawn.id}`)).statusCode).toBe(
          204,
        );
        const lapsed = await invite(ws.id, "lapsed@hospital.test");
        await byInvitation.db.handle.db
          .update(tables.invitations)
          .set({ expiresAt: new Date(Date.now() - 60_000) })
          .where(eq(tables.invitations.id, lapsed.id));
        await invite(ws.id, "someone.else@hospital.test");
        provider.people.set("uninvited", { email: "uninvited@hospital.test", name: "Uninvited" });
        provider.people.set("withdrawn", { email: "withdrawn@hospital.test", name: "Withdrawn" });
        provider.people.set("lapsed", { email: "lapsed@hospital.test", name: "Lapsed" });

        const fingerprint = await fingerprinter(byInvitation.db.handle.db);
        const before = await fingerprint();
        for (const login of ["uninvited", "withdrawn", "lapsed"])
          expectRefused(await signIn(byInvitation, login), "invitation");
        expect(changedTables(before, await fingerprint())).toEqual([]);
        expect(await userCount(byInvitation)).toBe(1);
      });

      it("makes the account of an invited person and accepts the invitation, with the role and the events of a link", async () => {
        const ws = await factories(byInvitation.app).workspace(owner, { name: "Ward 3" });
        const invitation = await invite(ws.id, "Irene.Invited@Hospital.test", "visitor");
        const workspaceSeqBefore = (await memberAddedEvents(workspaceChannel(ws.id))).length;
        provider.people.set("irene", { email: "irene.invited@hospital.test", name: "Irene Invited" });

        const res = await signIn(byInvitation, "irene", `/w/${ws.id}`);
        expect(res.statusCode, res.body).toBe(303);
        expect(res.headers.location).toBe(`/w/${ws.id}`);
        const irene = sessionOf(byInvitation, res);
        const me = (await irene.get("/api/me")).json<User>();
        expect(me).toMatchObject({
          email: "irene.invited@hospital.test",
          name: "Irene Invited",
          isAdmin: false,
        });

        const members = (await owner.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>();
        expect(members.find((m) => m.userId === me.id)).toMatchObject({
          role: "visitor",
          name: "Irene Invited",
        });
        expect((await irene.get(`/api/workspaces/${ws.id}`)).statusCode).toBe(200);
        expect(await invitationRow(invitation.id)).toMatchObject({ acceptedBy: me.id });
        expect((await owner.get(`/api/workspaces/${ws.id}/invitations`)).json<Invitation[]>()).toEqual([]);

        // As accepting by link: the workspace and the newcomer each hear of the new member.
        const onWorkspace = (await memberAddedEvents(workspaceChannel(ws.id))).slice(workspaceSeqBefore);
        expect(onWorkspace.map((e) => e.payload)).toEqual([
          { member: expect.objectContaining({ userId: me.id, role: "visitor" }) },
        ]);
        const onPerson = await memberAddedEvents(userChannel(me.id));
        expect(onPerson.map((e) => e.payload)).toEqual(onWorkspace.map((e) => e.payload));

        // Coming back needs no invitation: the account is found by the provider's subject.
        const again = await signIn(byInvitation, "irene");
        expect((await sessionOf(byInvitation, again).get("/api/me")).json<User>().id).toBe(me.id);
      });

      it("accepts an invitation to a private space the same way: the newcomer is in the space with its role", async () => {
        const ws = await factories(byInvitation.app).workspace(owner, { name: "Ward 4" });
        const space = await factories(byInvitation.app).space(owner, ws.id, {
          name: "Night rota",
          isPrivate: true,
        });
        const res = await owner.post(`/api/spaces/${space.id}/invitations`, {
          email: "sam.space@hospital.test",
          role: "member",
        });
        expect(res.statusCode, res.body).toBe(201);
        provider.people.set("sam", { email: "sam.space@hospital.test", name: "Sam Space" });

        const signedIn = await signIn(byInvitation, "sam", `/w/${ws.id}/s/${space.id}`);
        expect(signedIn.headers.location).toBe(`/w/${ws.id}/s/${space.id}`);
        const sam = sessionOf(byInvitation, signedIn);
        const me = (await sam.get("/api/me")).json<User>();
        const spaceMembers = (await owner.get(`/api/spaces/${space.id}/members`)).json<SpaceMember[]>();
        expect(spaceMembers.find((m) => m.userId === me.id)?.role).toBe("member");
        const members = (await owner.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>();
        expect(members.find((m) => m.userId === me.id)?.role).toBe("visitor");
        expect((await sam.get(`/api/spaces/${space.id}/board`)).statusCode).toBe(200);
        expect((await owner.get(`/api/spaces/${space.id}/invitations`)).json<Invitation[]>()).toEqual([]);
      });
    });

    it("answers 404 for single sign-on where it is not configured", async () => {
      const plain = await startHarness(driver);
      harnesses.push(plain);
      const anonymous = factories(plain.app).anonymous;
      expect((await anonymous.get("/api/auth/methods")).json<SignInMethods>()).toEqual({
        password: true,
        sso: null,
      });
      expectProblem(await anonymous.get("/api/auth/oidc/start"), 404, "not_found");
      expectProblem(await anonymous.get("/api/auth/oidc/callback?code=x&state=y"), 404, "not_found");
    });
  });
};

ssoSuite(testDriver());
