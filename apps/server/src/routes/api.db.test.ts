import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type Card, limits, type Member, type Status, spaceChannel } from "@lattice/domain";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const apiRouteSuite = (driver: TestDriver): void => {
  describe(`the API as a whole (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
    });
    afterAll(async () => h?.close());

    const eventCount = async () =>
      (await h.db.handle.db.select({ value: count() }).from(tables.events))[0]?.value ?? -1;
    const latestSeqOf = async (channel: string) =>
      (
        await h.db.handle.db
          .select({ value: sql<number>`coalesce(max(${tables.events.seq}), 0)::int` })
          .from(tables.events)
          .where(eq(tables.events.channel, channel))
      )[0]?.value ?? -1;

    describe("events", () => {
      it("numbers every channel's events 1..n with no gap after a run of mutations", async () => {
        const bo = await f.user("Bo");
        const ws = await f.workspace(ana);
        await f.member(ana, ws.id, bo, "member");
        const folder = await f.folder(bo, ws.id);
        const space = await f.space(bo, ws.id, { folderId: folder.id });
        const [todo, doing] = (await f.statuses(ana, space.id)) as [Status, Status];
        const a = await f.card(bo, space.id);
        const b = await f.card(ana, space.id);
        await bo.post(`/api/cards/${a.id}/move`, { statusId: doing.id });
        await bo.post(`/api/cards/${b.id}/move`, { statusId: doing.id, beforeId: a.id });
        await ana.patch(`/api/cards/${a.id}`, { name: "Renamed" });
        await ana.post(`/api/spaces/${space.id}/statuses`, { name: "Review" });
        await ana.patch(`/api/statuses/${todo.id}`, { wipLimit: 2 });
        await ana.patch(`/api/folders/${folder.id}`, { name: "Renamed folder" });
        await ana.patch(`/api/workspaces/${ws.id}/members/${bo.user.id}`, { role: "visitor" });
        await ana.delete(`/api/cards/${b.id}`);

        const rows = await h.db.handle.db
          .select({ channel: tables.events.channel, seq: tables.events.seq })
          .from(tables.events)
          .orderBy(asc(tables.events.channel), asc(tables.events.seq));
        const byChannel = new Map<string, number[]>();
        for (const r of rows) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r.seq]);
        for (const [channel, seqs] of byChannel)
          expect(seqs, channel).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        // The counters agree with the log.
        const counters = await h.db.handle.db.select().from(tables.channels);
        for (const c of counters) expect(c.seq, c.channel).toBe(byChannel.get(c.channel)?.length ?? 0);

        const spaceTypes = (
          await h.db.handle.db
            .select({ type: tables.events.type, actorId: tables.events.actorId })
            .from(tables.events)
            .where(eq(tables.events.channel, spaceChannel(space.id)))
            .orderBy(asc(tables.events.seq))
        ).map((e) => e.type);
        expect(spaceTypes).toEqual([
          "status.created",
          "status.created",
          "status.created",
          "card.created",
          "card.created",
          "card.moved",
          "card.moved",
          "card.updated",
          "status.created",
          "status.updated",
          // Bo's role changed: who may read the space is re-checked in sequence.
          "access.changed",
          "card.deleted",
        ]);
      });

      it("appends no event and changes nothing when a mutation fails", async () => {
        const bo = await f.user("Bo");
        const ws = await f.workspace(ana);
        await f.member(ana, ws.id, bo, "member");
        const space = await f.space(ana, ws.id);
        const other = await f.space(ana, ws.id);
        const [todo] = (await f.statuses(ana, space.id)) as [Status];
        const [foreign] = (await f.statuses(ana, other.id)) as [Status];
        const card = await f.card(ana, space.id);
        const membersBefore = (await ana.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>();
        const boardBefore = boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json());
        const before = await eventCount();

        expectProblem(
          await ana.patch(`/api/workspaces/${ws.id}/members/${ana.user.id}`, { role: "member" }),
          409,
          "last_owner",
        );
        expectProblem(await ana.delete(`/api/workspaces/${ws.id}/members/${ana.user.id}`), 409, "last_owner");
        expectProblem(
          await ana.post(`/api/cards/${card.id}/move`, { statusId: foreign.id }),
          400,
          "validation_failed",
        );
        expectProblem(
          await ana.post(`/api/cards/${card.id}/move`, { statusId: todo.id, afterId: randomUUID() }),
          400,
          "validation_failed",
        );
        expectProblem(await ana.delete(`/api/statuses/${todo.id}`), 409, "status_not_empty");
        expectProblem(await bo.delete(`/api/spaces/${space.id}`), 403, "forbidden");
        expectProblem(await bo.post(`/api/spaces/${space.id}/statuses`, { name: "X" }), 403, "forbidden");

        expect(await eventCount()).toBe(before);
        expect((await ana.get(`/api/workspaces/${ws.id}/members`)).json<Member[]>()).toEqual(membersBefore);
        expect(boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json())).toEqual(boardBefore);
      });

      it("gives the board snapshot the latest seq of its space channel", async () => {
        const ws = await f.workspace(ana);
        const space = await f.space(ana, ws.id);
        const check = async () => {
          const board = boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json());
          expect(board.seq).toBe(await latestSeqOf(spaceChannel(space.id)));
          return board.seq;
        };
        const initial = await check();
        expect(initial).toBe(3);
        const card = await f.card(ana, space.id);
        expect(await check()).toBe(initial + 1);
        await ana.patch(`/api/cards/${card.id}`, { description: "x" });
        expect(await check()).toBe(initial + 2);
        const tree = (await ana.get(`/api/workspaces/${ws.id}/tree`)).json<{ seq: number }>();
        expect(tree.seq).toBe(await latestSeqOf(`workspace:${ws.id}`));
      });
    });

    describe("bad input", () => {
      let workspaceId: string;
      let card: Card;
      beforeAll(async () => {
        workspaceId = (await f.workspace(ana)).id;
        const space = await f.space(ana, workspaceId);
        card = await f.card(ana, space.id);
      });

      it("names missing fields", async () => {
        const res = expectProblem(await ana.post("/api/workspaces", {}), 400, "validation_failed", [
          "body.name",
        ]);
        expect(res.errors?.[0]?.message).toBe("is required");
        expectProblem(await ana.post(`/api/cards/${card.id}/move`, {}), 400, "validation_failed", [
          "body.statusId",
        ]);
        expectProblem(await ana.request("POST", "/api/workspaces"), 400, "validation_failed", ["body"]);
      });

      it("names fields of the wrong type or value", async () => {
        expectProblem(await ana.post("/api/workspaces", { name: 42 }), 400, "validation_failed", [
          "body.name",
        ]);
        expectProblem(
          await ana.post("/api/workspaces", { name: "W", visibility: "secret" }),
          400,
          "validation_failed",
          ["body.visibility"],
        );
        expectProblem(
          await ana.patch(`/api/cards/${card.id}`, { archived: "yes" }),
          400,
          "validation_failed",
          ["body.archived"],
        );
        expectProblem(
          await ana.post(`/api/cards/${card.id}/move`, { statusId: "todo" }),
          400,
          "validation_failed",
          ["body.statusId"],
        );
        expectProblem(await ana.post("/api/workspaces", ["W"]), 400, "validation_failed", ["body"]);
      });

      it(`refuses a workspace name of ${limits.nameMax + 1} characters`, async () => {
        const problem = expectProblem(
          await ana.post("/api/workspaces", { name: "x".repeat(limits.nameMax + 1) }),
          400,
          "validation_failed",
          ["body.name"],
        );
        expect(problem.detail).toContain(String(limits.nameMax));
        expect((await ana.post("/api/workspaces", { name: "x".repeat(limits.nameMax) })).statusCode).toBe(
          201,
        );
      });

      it("names unknown fields in a PATCH and applies nothing", async () => {
        expectProblem(
          await ana.patch(`/api/cards/${card.id}`, { name: "Ok", colour: "red" }),
          400,
          "validation_failed",
          ["body.colour"],
        );
        expectProblem(
          await ana.patch(`/api/workspaces/${workspaceId}`, { nmae: "x" }),
          400,
          "validation_failed",
          ["body.nmae"],
        );
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>()).toEqual(card);
      });

      it("answers malformed JSON with 400 malformed_body", async () => {
        const res = await ana.request("POST", "/api/workspaces", '{"name": "W",', {
          "content-type": "application/json",
        });
        expectProblem(res, 400, "malformed_body", ["body"]);
      });

      it("answers a body over 1 MiB with 413", async () => {
        const res = await ana.post("/api/workspaces", { name: "W", description: "x".repeat(1024 * 1024) });
        expectProblem(res, 413, "payload_too_large");
      });

      it("answers a body that is not JSON with 415", async () => {
        const res = await ana.request("POST", "/api/workspaces", "name=W", {
          "content-type": "application/x-www-form-urlencoded",
        });
        expectProblem(res, 415, "unsupported_media_type");
      });

      it("answers unknown ids with 404 and ids that are not UUIDs with 400 naming params.id", async () => {
        const unknown = randomUUID();
        for (const res of [
          await ana.get(`/api/workspaces/${unknown}`),
          await ana.get(`/api/workspaces/${unknown}/tree`),
          await ana.patch(`/api/folders/${unknown}`, { name: "x" }),
          await ana.get(`/api/spaces/${unknown}/board`),
          await ana.patch(`/api/statuses/${unknown}`, { name: "x" }),
          await ana.get(`/api/cards/${unknown}`),
          await ana.post(`/api/cards/${unknown}/move`, { statusId: randomUUID() }),
          await ana.delete(`/api/cards/${unknown}`),
        ])
          expectProblem(res, 404, "not_found");
        for (const res of [
          await ana.get("/api/workspaces/42"),
          await ana.get("/api/cards/not-a-uuid"),
          await ana.delete("/api/statuses/1"),
        ])
          expectProblem(res, 400, "validation_failed", ["params.id"]);
        expectProblem(
          await ana.patch(`/api/workspaces/${workspaceId}/members/me`, { role: "member" }),
          400,
          "validation_failed",
          ["params.userId"],
        );
      });

      it("answers an unknown route with 404 problem+json", async () => {
        expectProblem(await ana.get("/api/nothing-here"), 404, "not_found");
        expectProblem(await ana.request("PUT", `/api/cards/${card.id}`, { name: "x" }), 404, "not_found");
      });
    });

    describe("platform", () => {
      it("sends security headers", async () => {
        const res = await f.anonymous.get("/api/health");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
        expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      });

      it("reports health with the database driver", async () => {
        const res = await f.anonymous.get("/api/health");
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ status: "ok", database: driver === "pg" ? "postgresql" : "pglite" });
      });

      it("serves the Swagger UI and an OpenAPI document listing the routes", async () => {
        const ui = await ana.get("/api/docs");
        expect(ui.statusCode).toBe(200);
        expect(ui.headers["content-type"]).toMatch(/text\/html/);
        expect(ui.body).toContain("swagger");
        const doc = await ana.get("/api/docs/json");
        expect(doc.statusCode).toBe(200);
        const spec = doc.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
        expect(spec.openapi).toMatch(/^3\./);
        for (const [path, method] of [
          ["/api/auth/signup", "post"],
          ["/api/workspaces", "get"],
          ["/api/workspaces/{id}/members/{userId}", "patch"],
          ["/api/spaces/{id}/board", "get"],
          ["/api/cards/{id}/move", "post"],
        ] as const)
          expect(spec.paths[path], path).toHaveProperty(method);
      });
    });
  });
};

apiRouteSuite(testDriver());
