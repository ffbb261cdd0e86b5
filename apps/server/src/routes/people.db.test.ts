/**
 * The instance and the person: the administrator's accounts list, deactivation (no sign-in, every
 * session and socket ended, work kept under the person's name) and reactivation; a person's own
 * settings; public workspaces and joining them.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type AdminUser,
  type Card,
  initialsColors,
  type Member,
  type PublicWorkspace,
  type User,
  type Workspace,
  workspaceChannel,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, fingerprinter } from "../test/fingerprint.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const peopleSuite = (driver: TestDriver) => {
  describe(`the instance and the person (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    let admin: Client;
    let ana: Client;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      admin = await f.user("Admin");
      ana = await f.user("Ana");
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    describe("accounts", () => {
      it("makes the first account the administrator, who sees every account", async () => {
        expect(admin.user.isAdmin).toBe(true);
        const res = await admin.get("/api/admin/users");
        expect(res.statusCode).toBe(200);
        const list = res.json<AdminUser[]>();
        expect(list.map((u) => u.email)).toEqual(expect.arrayContaining([admin.user.email, ana.user.email]));
        expect(list.find((u) => u.id === ana.user.id)).toMatchObject({ deactivatedAt: null, isAdmin: false });
        expect(JSON.stringify(list)).not.toContain("scrypt");
      });

      it("refuses the accounts list and changes to anyone else", async () => {
        expectProblem(await ana.get("/api/admin/users"), 403, "forbidden");
        expectProblem(
          await ana.patch(`/api/admin/users/${admin.user.id}`, { active: false }),
          403,
          "forbidden",
        );
      });

      it("deactivates a person: sessions and sockets end, sign-in is refused, their work keeps their name", async () => {
        const bo = await f.user("Bo");
        const workspace = await f.workspace(admin);
        await f.member(admin, workspace.id, bo, "member");
        const space = await f.space(admin, workspace.id);
        const card = await f.card(bo, space.id, { name: "Bo's card" });
        const comment = await bo.post(`/api/cards/${card.id}/comments`, { body: "Written by Bo" });
        expect(comment.statusCode).toBe(201);
        const socket = await TestSocket.open(baseUrl, bo.session?.cookie ?? null);
        sockets.push(socket);
        await socket.next((fr) => fr.type === "hello");

        const res = await admin.patch(`/api/admin/users/${bo.user.id}`, { active: false });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<AdminUser>()).toMatchObject({ id: bo.user.id, sessions: 0 });
        expect(res.json<AdminUser>().deactivatedAt).not.toBeNull();
        await socket.closed();
        expectProblem(await bo.get("/api/me"), 401, "unauthenticated");
        const login = await f.anonymous.post("/api/auth/login", {
          email: bo.user.email,
          password: bo.session?.password,
        });
        expectProblem(login, 403, "account_deactivated");
        expect(login.cookies).toEqual([]);
        // A wrong password still says only that the credentials are wrong.
        expectProblem(
          await f.anonymous.post("/api/auth/login", { email: bo.user.email, password: "not the password" }),
          401,
          "invalid_credentials",
        );
        // Their card and comment stay, under their name.
        const kept = await admin.get(`/api/cards/${card.id}`);
        expect(kept.json<Card>().createdBy).toBe(bo.user.id);
        const comments = (await admin.get(`/api/cards/${card.id}/comments`)).body;
        expect(comments).toContain("Written by Bo");
        expect(comments).toContain("Bo");
        const members = (await admin.get(`/api/workspaces/${workspace.id}/members`)).json<
          { name: string }[]
        >();
        expect(members.map((m) => m.name)).toContain("Bo");

        const back = await admin.patch(`/api/admin/users/${bo.user.id}`, { active: true });
        expect(back.json<AdminUser>().deactivatedAt).toBeNull();
        const again = await f.anonymous.post("/api/auth/login", {
          email: bo.user.email,
          password: bo.session?.password,
        });
        expect(again.statusCode).toBe(200);
      });

      it("refuses deactivating oneself or an unknown account, changing nothing", async () => {
        const fingerprint = await fingerprinter(h.db.handle.db);
        const before = await fingerprint();
        expectProblem(
          await admin.patch(`/api/admin/users/${admin.user.id}`, { active: false }),
          409,
          "conflict",
          ["params.id"],
        );
        expectProblem(
          await admin.patch("/api/admin/users/00000000-0000-4000-8000-000000000000", { active: false }),
          404,
          "not_found",
        );
        expectProblem(
          await admin.patch(`/api/admin/users/${ana.user.id}`, { active: "no" }),
          400,
          "validation_failed",
        );
        expect(changedTables(before, await fingerprint())).toEqual([]);
      });
    });

    describe("settings", () => {
      it("keeps a person's name, colour, language, time zone and theme", async () => {
        const cy = await f.user("Cy");
        const res = await cy.patch("/api/me/settings", {
          name: "Cy Young",
          color: "#BE185D",
          locale: "fr",
          timeZone: "Europe/Paris",
          theme: "dark",
        });
        expect(res.statusCode, res.body).toBe(200);
        const expected = {
          name: "Cy Young",
          color: "#be185d",
          locale: "fr",
          timeZone: "Europe/Paris",
          theme: "dark",
        };
        expect(res.json<User>()).toMatchObject(expected);
        expect((await cy.get("/api/me")).json<User>()).toMatchObject(expected);
        const cleared = await cy.patch("/api/me/settings", { color: null, timeZone: null });
        expect(cleared.json<User>()).toMatchObject({ color: null, timeZone: null, theme: "dark" });
      });

      it("shows a chosen initials colour to everyone in the person's workspaces, live and in the members list", async () => {
        const dee = await f.user("Dee");
        const eve = await f.user("Eve");
        const outsider = await f.user("Fay");
        const ws = await f.workspace(dee);
        await f.member(dee, ws.id, eve, "visitor");
        const listed = async () =>
          (await eve.get(`/api/workspaces/${ws.id}/members`))
            .json<Member[]>()
            .find((m) => m.userId === dee.user.id)?.color;
        expect(await listed()).toBeNull();

        const socket = await TestSocket.open(baseUrl, eve.session?.cookie ?? null);
        sockets.push(socket);
        await socket.next((fr) => fr.type === "hello");
        expect((await socket.subscribe(workspaceChannel(ws.id))).type).toBe("subscribed");
        const updated = socket.next(
          (fr) =>
            fr.type === "event" &&
            fr.event.type === "member.updated" &&
            JSON.stringify(fr.event.payload).includes(dee.user.id),
        );
        const chosen = initialsColors[3];
        expect((await dee.patch("/api/me/settings", { color: chosen })).statusCode).toBe(200);
        const frame = await updated;
        expect(frame.type === "event" ? frame.event.payload : null).toEqual({
          member: expect.objectContaining({ userId: dee.user.id, color: chosen, name: "Dee" }),
        });
        expect(await listed()).toBe(chosen);
        // Someone outside the workspace is told nothing: the event names a channel they cannot read.
        expect((await outsider.get(`/api/workspaces/${ws.id}/members`)).statusCode).toBe(404);
        // A theme change alone says nothing to anyone.
        await dee.patch("/api/me/settings", { theme: "light" });
        await dee.patch("/api/me/settings", { name: "Dee Dee" });
        const renamed = await socket.next((fr) => fr.type === "event" && fr.event.type === "member.updated");
        // The next member.updated is the rename's: the theme change sent none.
        expect(JSON.stringify(renamed)).toContain("Dee Dee");
      });

      it("refuses a time zone, colour, language or theme it does not know, naming the field and changing nothing", async () => {
        const fingerprint = await fingerprinter(h.db.handle.db);
        const before = await fingerprint();
        for (const [body, field] of [
          [{ timeZone: "Mars/Olympus" }, "body.timeZone"],
          [{ timeZone: "+02:00" }, "body.timeZone"],
          [{ color: "red" }, "body.color"],
          // A colour outside the palette could leave white initials unreadable.
          [{ color: "#ffff00" }, "body.color"],
          [{ locale: "xx" }, "body.locale"],
          [{ theme: "sepia" }, "body.theme"],
          [{ name: "   " }, "body.name"],
          [{ isAdmin: true }, "body"],
        ] as const) {
          const res = await ana.patch("/api/me/settings", body);
          expect(res.statusCode, JSON.stringify(body)).toBe(400);
          expect(JSON.stringify(res.json())).toContain(field);
        }
        expect(changedTables(before, await fingerprint())).toEqual([]);
      });
    });

    describe("public workspaces", () => {
      let open: Workspace;
      let closed: Workspace;
      beforeAll(async () => {
        open = await f.workspace(admin, { name: "Open clinic", visibility: "public" });
        closed = await f.workspace(admin, { name: "Closed board" });
      });

      it("lists public workspaces only, and joining makes the person a visitor", async () => {
        const dee = await f.user("Dee");
        const list = (await dee.get("/api/public-workspaces")).json<PublicWorkspace[]>();
        expect(list.map((w) => w.name)).toContain("Open clinic");
        expect(list.map((w) => w.name)).not.toContain("Closed board");
        expect(list.find((w) => w.id === open.id)).toMatchObject({
          isMember: false,
          joinRole: "visitor",
          memberCount: 1,
        });
        const joined = await dee.post(`/api/workspaces/${open.id}/join`);
        expect(joined.statusCode, joined.body).toBe(200);
        expect(joined.json<Workspace>().role).toBe("visitor");
        const after = (await dee.get("/api/public-workspaces")).json<PublicWorkspace[]>();
        expect(after.find((w) => w.id === open.id)).toMatchObject({ isMember: true, memberCount: 2 });
        expectProblem(await dee.post(`/api/workspaces/${open.id}/join`), 409, "conflict");
      });

      it("makes joiners members when the owners allow it, and only owners may allow it", async () => {
        const eve = await f.user("Eve");
        expectProblem(
          await eve.patch(`/api/workspaces/${open.id}`, { joinRole: "member" }),
          403,
          "forbidden",
        );
        expect((await admin.patch(`/api/workspaces/${open.id}`, { joinRole: "member" })).statusCode).toBe(
          200,
        );
        const joined = await eve.post(`/api/workspaces/${open.id}/join`);
        expect(joined.json<Workspace>().role).toBe("member");
        expect(
          (await eve.post(`/api/spaces/${(await f.space(admin, open.id)).id}/cards`, { name: "Mine" }))
            .statusCode,
        ).toBe(201);
        expectProblem(
          await admin.patch(`/api/workspaces/${open.id}`, { joinRole: "owner" }),
          400,
          "validation_failed",
        );
      });

      it("answers 404 for joining a private workspace, exactly as for one that does not exist", async () => {
        const fay = await f.user("Fay");
        const fingerprint = await fingerprinter(h.db.handle.db);
        const before = await fingerprint();
        const real = expectProblem(await fay.post(`/api/workspaces/${closed.id}/join`), 404, "not_found");
        const madeUp = expectProblem(
          await fay.post("/api/workspaces/00000000-0000-4000-8000-000000000000/join"),
          404,
          "not_found",
        );
        expect(real.detail).toBe(madeUp.detail);
        expect(changedTables(before, await fingerprint())).toEqual([]);
      });
    });
  });
};

peopleSuite(testDriver());
