import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { BlockerType, Blocking, Card, Workspace } from "@lattice/domain";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Config } from "../config.js";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const ownHost = "lattice.test:3000";
const ownOrigin = `http://${ownHost}`;

/** A request as a browser would send it, not through the harness Client (which adds the client header). */
const browserRequest = (
  app: FastifyInstance,
  who: Client,
  method: "POST" | "PATCH" | "DELETE",
  url: string,
  headers: Record<string, string>,
  payload?: string,
) => {
  const options: InjectOptions = {
    method,
    url,
    headers: { host: ownHost, cookie: `${SESSION_COOKIE}=${who.session?.cookie}`, ...headers },
  };
  if (payload !== undefined) options.payload = payload;
  return app.inject(options);
};

/** The status of a WebSocket upgrade to /api/ws: 101 when the socket opened, else the refusal's status. */
const upgradeStatus = (baseUrl: string, cookie: string, origin?: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/ws`, {
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      ...(origin ? { origin } : {}),
    });
    ws.once("open", () => {
      ws.close();
      resolve(101);
    });
    ws.once("unexpected-response", (request, response) => {
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
    ws.once("error", reject);
  });

const forgerySuite = (driver: TestDriver): void => {
  describe(`request forgery (${driver})`, () => {
    let h: Harness;
    let ana: Client;
    const workspaceCount = async () => (await ana.get("/api/workspaces")).json<Workspace[]>().length;

    beforeAll(async () => {
      h = await startHarness(driver);
      ana = await factories(h.app).user("Ana");
    });
    afterAll(async () => h?.close());

    it("refuses a mutation whose Origin is another site or another port of the same host, changing nothing", async () => {
      const before = await workspaceCount();
      for (const origin of [
        "https://evil.example",
        "http://lattice.test:8080",
        "https://lattice.test:3000",
        "null",
      ]) {
        const res = await browserRequest(
          h.app,
          ana,
          "POST",
          "/api/workspaces",
          { origin, "content-type": "application/json" },
          JSON.stringify({ name: "Planted" }),
        );
        expectProblem(res, 403, "forbidden");
      }
      expect(await workspaceCount()).toBe(before);
    });

    it("accepts a mutation from the server's own origin", async () => {
      const res = await browserRequest(
        h.app,
        ana,
        "POST",
        "/api/workspaces",
        { origin: ownOrigin, "content-type": "application/json" },
        JSON.stringify({ name: "Own" }),
      );
      expect(res.statusCode, res.body).toBe(201);
    });

    it("refuses a body-less POST sent as text/plain or with no type and no client header, so a blocking stays", async () => {
      const f = factories(h.app);
      const workspace = await f.workspace(ana);
      const space = await f.space(ana, workspace.id);
      const card = await f.card(ana, space.id);
      const type = (
        await ana.post(`/api/spaces/${space.id}/blocker-types`, { name: "Waiting" })
      ).json<BlockerType>();
      const blocking = (
        await ana.post(`/api/cards/${card.id}/blockings`, { blockerTypeId: type.id, reason: "Supplier" })
      ).json<Blocking>();

      // What a no-cors fetch or a form can send: no Origin (some browsers omit it), a simple content type.
      for (const headers of [
        { "content-type": "text/plain" },
        {},
        { "content-type": "application/x-www-form-urlencoded" },
      ]) {
        const res = await browserRequest(
          h.app,
          ana,
          "POST",
          `/api/blockings/${blocking.id}/clear`,
          headers,
          "",
        );
        expectProblem(res, 415, "unsupported_media_type");
      }
      expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().isBlocked).toBe(true);

      const withHeader = await browserRequest(h.app, ana, "POST", `/api/blockings/${blocking.id}/clear`, {
        origin: ownOrigin,
        "x-lattice-client": "web",
      });
      expect(withHeader.statusCode, withHeader.body).toBe(200);
      expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().isBlocked).toBe(false);
    });

    it("refuses a forged regeneration of the calendar feed and a forged DELETE, leaving the feed as it was", async () => {
      expect((await ana.post("/api/me/calendar-feed")).statusCode).toBe(201);
      const before = (await ana.get("/api/me/calendar-feed")).json();
      expectProblem(
        await browserRequest(
          h.app,
          ana,
          "POST",
          "/api/me/calendar-feed",
          { "content-type": "text/plain" },
          "x",
        ),
        415,
        "unsupported_media_type",
      );
      expectProblem(
        await browserRequest(h.app, ana, "DELETE", "/api/me/calendar-feed", {}),
        415,
        "unsupported_media_type",
      );
      expect((await ana.get("/api/me/calendar-feed")).json()).toEqual(before);
    });

    it("refuses a cross-origin logout and login, which change sessions too", async () => {
      expectProblem(
        await browserRequest(h.app, ana, "POST", "/api/auth/logout", { origin: "http://localhost:5000" }),
        403,
        "forbidden",
      );
      expect((await ana.get("/api/me")).statusCode).toBe(200);
      const login = await h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { host: ownHost, origin: "https://evil.example", "content-type": "text/plain" },
        payload: JSON.stringify({ email: ana.user.email, password: ana.session?.password }),
      });
      expectProblem(login, 403, "forbidden");
      expect(login.cookies).toHaveLength(0);
    });
  });

  describe(`configured origins and trusted proxies (${driver})`, () => {
    const harnessWith = async (config: Partial<Config>) => {
      const h = await startHarness(driver, undefined, config);
      return { h, ana: await factories(h.app).user("Ana") };
    };
    const createWorkspace = (h: Harness, ana: Client, headers: Record<string, string>) =>
      browserRequest(
        h.app,
        ana,
        "POST",
        "/api/workspaces",
        { "content-type": "application/json", ...headers },
        '{"name":"W"}',
      );

    it("accepts only the configured origins when ORIGIN is set, not the Host's", async () => {
      const { h, ana } = await harnessWith({ allowedOrigins: ["https://lattice.example"] });
      try {
        expect((await createWorkspace(h, ana, { origin: "https://lattice.example" })).statusCode).toBe(201);
        expectProblem(await createWorkspace(h, ana, { origin: ownOrigin }), 403, "forbidden");
      } finally {
        await h.close();
      }
    });

    it("reads the public origin from X-Forwarded-Proto/-Host only when the proxy is trusted", async () => {
      const forwarded = {
        origin: "https://lattice.example",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "lattice.example",
      };
      const trusting = await harnessWith({ trustProxy: ["127.0.0.1"] });
      const untrusting = await harnessWith({ trustProxy: false });
      try {
        expect((await createWorkspace(trusting.h, trusting.ana, forwarded)).statusCode).toBe(201);
        expectProblem(await createWorkspace(untrusting.h, untrusting.ana, forwarded), 403, "forbidden");
      } finally {
        await trusting.h.close();
        await untrusting.h.close();
      }
    });
  });

  describe(`live socket origin (${driver})`, () => {
    let h: Harness;
    let ana: Client;
    let baseUrl: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      ana = await factories(h.app).user("Ana");
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
    });
    afterAll(async () => h?.close());

    it("refuses an upgrade from another origin, including another port of the same host, with 403", async () => {
      const cookie = ana.session?.cookie ?? "";
      const port = new URL(baseUrl).port;
      expect(await upgradeStatus(baseUrl, cookie, `http://127.0.0.1:${Number(port) + 1}`)).toBe(403);
      expect(await upgradeStatus(baseUrl, cookie, "https://evil.example")).toBe(403);
    });

    it("opens the socket for the server's own origin and for clients that send no Origin", async () => {
      const cookie = ana.session?.cookie ?? "";
      expect(await upgradeStatus(baseUrl, cookie, baseUrl)).toBe(101);
      expect(await upgradeStatus(baseUrl, cookie)).toBe(101);
    });
  });
};

forgerySuite(testDriver());
