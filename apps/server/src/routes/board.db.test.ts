import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type Card, compareKeys, type Status, statusRoles } from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const boardRouteSuite = (driver: TestDriver): void => {
  describe(`statuses and cards (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let workspaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      member = await f.user("Mo");
      visitor = await f.user("Vi");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(ana)).id;
      await f.member(ana, workspaceId, member, "member");
      await f.member(ana, workspaceId, visitor, "visitor");
    });
    afterAll(async () => h?.close());

    const board = async (spaceId: string, client: Client = ana) => {
      const res = await client.get(`/api/spaces/${spaceId}/board`);
      expect(res.statusCode, res.body).toBe(200);
      return boardFromReply(res.json());
    };
    /** Card names per column, in board order. */
    const columns = async (spaceId: string) => {
      const b = await board(spaceId);
      return b.statuses.map((s) => b.cards.filter((c) => c.statusId === s.id).map((c) => c.name));
    };
    const newSpace = async () => {
      const space = await f.space(ana, workspaceId);
      const [todo, doing, done] = (await f.statuses(ana, space.id)) as [Status, Status, Status];
      return { space, todo, doing, done };
    };
    const move = (card: Card | string, body: Record<string, unknown>, client: Client = ana) =>
      client.post(`/api/cards/${typeof card === "string" ? card : card.id}/move`, body);
    const statusChanges = (cardId: string) =>
      h.db.handle.db
        .select()
        .from(tables.cardStatusChanges)
        .where(eq(tables.cardStatusChanges.cardId, cardId))
        .orderBy(asc(tables.cardStatusChanges.id));
    const cardRows = (spaceId: string) =>
      h.db.handle.db.select().from(tables.cards).where(eq(tables.cards.spaceId, spaceId));

    describe("statuses", () => {
      it("adds a status at the end, or where placed, with a role and WIP limit", async () => {
        const { space, todo } = await newSpace();
        const res = await ana.post(`/api/spaces/${space.id}/statuses`, {
          name: "Review",
          role: "in_progress",
          wipLimit: 3,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json<Status>()).toMatchObject({
          name: "Review",
          role: "in_progress",
          wipLimit: 3,
          spaceId: space.id,
        });
        await ana.post(`/api/spaces/${space.id}/statuses`, {
          name: "Ideas",
          role: "information",
          afterId: null,
        });
        await ana.post(`/api/spaces/${space.id}/statuses`, {
          name: "Ready",
          role: "not_started",
          afterId: todo.id,
        });
        expect((await board(space.id)).statuses.map((s) => s.name)).toEqual([
          "Ideas",
          "To Do",
          "Ready",
          "Doing",
          "Done",
          "Review",
        ]);
      });

      it("renames, changes the role (to each of the five) and the WIP limit, and reorders", async () => {
        const { space, todo, doing, done } = await newSpace();
        const renamed = await ana.patch(`/api/statuses/${doing.id}`, { name: "  In progress " });
        expect(renamed.json<Status>().name).toBe("In progress");
        for (const role of statusRoles) {
          const res = await ana.patch(`/api/statuses/${doing.id}`, { role });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json<Status>().role).toBe(role);
        }
        expect((await ana.patch(`/api/statuses/${doing.id}`, { wipLimit: 4 })).json<Status>().wipLimit).toBe(
          4,
        );
        expect(
          (await ana.patch(`/api/statuses/${doing.id}`, { wipLimit: null })).json<Status>().wipLimit,
        ).toBeNull();
        await ana.patch(`/api/statuses/${done.id}`, { beforeId: todo.id });
        expect((await board(space.id)).statuses.map((s) => s.id)).toEqual([done.id, todo.id, doing.id]);
        await ana.patch(`/api/statuses/${done.id}`, { afterId: doing.id });
        const after = (await board(space.id)).statuses;
        expect(after.map((s) => s.id)).toEqual([todo.id, doing.id, done.id]);
        expect(after.find((s) => s.id === doing.id)).toMatchObject({
          name: "In progress",
          role: statusRoles.at(-1),
        });
      });

      it("refuses to delete a status that holds cards (archived ones too) and deletes nothing", async () => {
        const { space, todo, doing } = await newSpace();
        const card = await f.card(ana, space.id, { statusId: doing.id });
        expectProblem(await ana.delete(`/api/statuses/${doing.id}`), 409, "status_not_empty");
        await ana.patch(`/api/cards/${card.id}`, { archived: true });
        expectProblem(await ana.delete(`/api/statuses/${doing.id}`), 409, "status_not_empty");
        expect((await board(space.id)).statuses).toHaveLength(3);
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().statusId).toBe(doing.id);
        expect((await ana.delete(`/api/statuses/${todo.id}`)).statusCode).toBe(204);
        expect((await board(space.id)).statuses.map((s) => s.id)).not.toContain(todo.id);
      });

      it("refuses to delete the last status of a space", async () => {
        const { space, todo, doing, done } = await newSpace();
        expect((await ana.delete(`/api/statuses/${todo.id}`)).statusCode).toBe(204);
        expect((await ana.delete(`/api/statuses/${doing.id}`)).statusCode).toBe(204);
        expectProblem(await ana.delete(`/api/statuses/${done.id}`), 409, "last_status");
        expect((await board(space.id)).statuses.map((s) => s.id)).toEqual([done.id]);
      });

      it("forbids members and visitors to manage statuses (403) and hides them from non-members (404)", async () => {
        const { space, todo } = await newSpace();
        for (const [client, status, code] of [
          [member, 403, "forbidden"],
          [visitor, 403, "forbidden"],
          [outsider, 404, "not_found"],
        ] as const) {
          expectProblem(await client.post(`/api/spaces/${space.id}/statuses`, { name: "X" }), status, code);
          expectProblem(await client.patch(`/api/statuses/${todo.id}`, { name: "X" }), status, code);
          expectProblem(await client.delete(`/api/statuses/${todo.id}`), status, code);
        }
        expect((await board(space.id)).statuses.map((s) => s.name)).toEqual(["To Do", "Doing", "Done"]);
      });
    });

    describe("cards", () => {
      it("creates cards at the bottom by default and at the top on request, in the first status unless told", async () => {
        const { space, todo, done } = await newSpace();
        const a = await f.card(ana, space.id, { name: "A" });
        await f.card(ana, space.id, { name: "B", at: "bottom" });
        await f.card(member, space.id, { name: "Top", at: "top" });
        const finished = await f.card(ana, space.id, { name: "Finished", statusId: done.id });
        expect(a).toMatchObject({
          statusId: todo.id,
          createdBy: ana.user.id,
          version: 1,
          completedAt: null,
          archivedAt: null,
        });
        expect(Date.parse(finished.completedAt ?? "")).not.toBeNaN();
        expect(await columns(space.id)).toEqual([["Top", "A", "B"], [], ["Finished"]]);
        expect((await statusChanges(a.id)).map((r) => [r.fromStatusId, r.toStatusId, r.toRole])).toEqual([
          [null, todo.id, "not_started"],
        ]);
      });

      it("edits a card's name and description, bumping its version", async () => {
        const { space } = await newSpace();
        const card = await f.card(ana, space.id);
        const res = await member.patch(`/api/cards/${card.id}`, {
          name: " Renamed ",
          description: "Details",
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<Card>()).toMatchObject({
          name: "Renamed",
          description: "Details",
          version: card.version + 1,
        });
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>()).toMatchObject({
          name: "Renamed",
          description: "Details",
        });
      });

      it("archives a card off the board while GET still returns it with archivedAt, and unarchives it", async () => {
        const { space } = await newSpace();
        const card = await f.card(ana, space.id);
        const archived = (await ana.patch(`/api/cards/${card.id}`, { archived: true })).json<Card>();
        expect(Date.parse(archived.archivedAt ?? "")).not.toBeNaN();
        expect((await board(space.id)).cards).toEqual([]);
        const fetched = await ana.get(`/api/cards/${card.id}`);
        expect(fetched.statusCode).toBe(200);
        expect(fetched.json<Card>().archivedAt).toBe(archived.archivedAt);
        await ana.patch(`/api/cards/${card.id}`, { archived: false });
        expect((await board(space.id)).cards.map((c) => c.id)).toEqual([card.id]);
      });

      it("deletes a card with 204, after which it is 404", async () => {
        const { space } = await newSpace();
        const card = await f.card(ana, space.id);
        expect((await member.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
        expectProblem(await ana.get(`/api/cards/${card.id}`), 404, "not_found");
        expectProblem(await ana.delete(`/api/cards/${card.id}`), 404, "not_found");
        expect(await statusChanges(card.id)).toEqual([]);
      });

      it("moves within a column and across columns, after or before a neighbour, to the top and the bottom", async () => {
        const { space, todo, doing } = await newSpace();
        const [a, b, c, d] = [
          await f.card(ana, space.id, { name: "A" }),
          await f.card(ana, space.id, { name: "B" }),
          await f.card(ana, space.id, { name: "C" }),
          await f.card(ana, space.id, { name: "D" }),
        ] as [Card, Card, Card, Card];
        const steps: Array<[Card, Record<string, unknown>, string[][]]> = [
          [c, { statusId: todo.id, afterId: null }, [["C", "A", "B", "D"], [], []]],
          [c, { statusId: todo.id }, [["A", "B", "D", "C"], [], []]],
          [a, { statusId: todo.id, afterId: d.id }, [["B", "D", "A", "C"], [], []]],
          [c, { statusId: todo.id, beforeId: b.id }, [["C", "B", "D", "A"], [], []]],
          [b, { statusId: doing.id }, [["C", "D", "A"], ["B"], []]],
          [d, { statusId: doing.id, afterId: null }, [["C", "A"], ["D", "B"], []]],
          [a, { statusId: doing.id, afterId: d.id }, [["C"], ["D", "A", "B"], []]],
          [c, { statusId: doing.id, beforeId: b.id }, [[], ["D", "A", "C", "B"], []]],
          [b, { statusId: doing.id, afterId: a.id }, [[], ["D", "A", "B", "C"], []]],
          // After its own predecessor: stays put, still a valid move.
          [b, { statusId: doing.id, afterId: a.id }, [[], ["D", "A", "B", "C"], []]],
          [d, { statusId: todo.id, beforeId: null }, [["D"], ["A", "B", "C"], []]],
        ];
        for (const [card, body, expected] of steps) {
          const res = await move(card, body, member);
          expect(res.statusCode, `${card.name} ${JSON.stringify(body)}: ${res.body}`).toBe(200);
          expect(res.json<Card>().statusId).toBe(body.statusId);
          expect(await columns(space.id), `${card.name} ${JSON.stringify(body)}`).toEqual(expected);
        }
      });

      it("refuses a status of another space with 400 naming body.statusId and changes nothing", async () => {
        const { space } = await newSpace();
        const other = await newSpace();
        const card = await f.card(ana, space.id);
        expectProblem(await move(card, { statusId: other.doing.id }), 400, "validation_failed", [
          "body.statusId",
        ]);
        expectProblem(await move(card, { statusId: randomUUID() }), 400, "validation_failed", [
          "body.statusId",
        ]);
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>()).toEqual(card);
        expect(await statusChanges(card.id)).toHaveLength(1);
      });

      it("refuses a neighbour in another status, or the card itself, with 400 naming the field", async () => {
        const { space, todo, doing } = await newSpace();
        const card = await f.card(ana, space.id);
        const elsewhere = await f.card(ana, space.id, { statusId: doing.id });
        expectProblem(
          await move(card, { statusId: todo.id, afterId: elsewhere.id }),
          400,
          "validation_failed",
          ["body.afterId"],
        );
        expectProblem(
          await move(card, { statusId: todo.id, beforeId: elsewhere.id }),
          400,
          "validation_failed",
          ["body.beforeId"],
        );
        expectProblem(await move(card, { statusId: doing.id, afterId: card.id }), 400, "validation_failed", [
          "body.afterId",
        ]);
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>()).toEqual(card);
      });

      it("records a status change only when the status changes, and sets completedAt only while completed", async () => {
        const { space, todo, doing, done } = await newSpace();
        const card = await f.card(ana, space.id);
        const other = await f.card(ana, space.id);
        await move(card, { statusId: todo.id, afterId: other.id });
        expect(await statusChanges(card.id)).toHaveLength(1);

        const started = (await move(card, { statusId: doing.id })).json<Card>();
        expect(started.completedAt).toBeNull();
        const finished = (await move(card, { statusId: done.id })).json<Card>();
        expect(Date.parse(finished.completedAt ?? "")).not.toBeNaN();
        await move(card, { statusId: done.id, afterId: null });
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().completedAt).toBe(finished.completedAt);
        const reopened = (await move(card, { statusId: doing.id })).json<Card>();
        expect(reopened.completedAt).toBeNull();

        const changes = await statusChanges(card.id);
        expect(changes.map((r) => [r.fromStatusId, r.toStatusId, r.fromRole, r.toRole, r.actorId])).toEqual([
          [null, todo.id, null, "not_started", ana.user.id],
          [todo.id, doing.id, "not_started", "in_progress", ana.user.id],
          [doing.id, done.id, "in_progress", "completed", ana.user.id],
          [done.id, doing.id, "completed", "in_progress", ana.user.id],
        ]);
      });

      it("writes exactly one card row per move: the other cards keep their positions and versions", async () => {
        const { space, todo, doing } = await newSpace();
        const cards: Card[] = [];
        for (let i = 0; i < 5; i++) cards.push(await f.card(ana, space.id, { name: `C${i}` }));
        await f.card(ana, space.id, { name: "Busy", statusId: doing.id });
        const [first, , third, , last] = cards as [Card, Card, Card, Card, Card];
        for (const [moving, body] of [
          [first, { statusId: todo.id, afterId: third.id }],
          [last, { statusId: doing.id, afterId: null }],
          [third, { statusId: todo.id, beforeId: first.id }],
        ] as const) {
          const before = await cardRows(space.id);
          const res = await move(moving, body);
          expect(res.statusCode, res.body).toBe(200);
          const after = await cardRows(space.id);
          const changed = after.filter((row) => {
            const old = before.find((b) => b.id === row.id);
            return (
              old?.position !== row.position || old?.version !== row.version || old?.statusId !== row.statusId
            );
          });
          expect(changed.map((r) => r.id)).toEqual([moving.id]);
          expect(changed[0]?.version).toBe((before.find((b) => b.id === moving.id)?.version ?? 0) + 1);
        }
      });

      it("keeps 20 concurrent moves to the same place distinct, strictly ordered and complete", async () => {
        const { space, todo, doing } = await newSpace();
        const anchor = await f.card(ana, space.id, { name: "Anchor", statusId: doing.id });
        const tail = await f.card(ana, space.id, { name: "Tail", statusId: doing.id });
        const movers: Card[] = [];
        for (let i = 0; i < 20; i++)
          movers.push(await f.card(ana, space.id, { name: `M${i}`, statusId: todo.id }));
        const results = await Promise.all(
          movers.map((card) => move(card, { statusId: doing.id, afterId: anchor.id })),
        );
        for (const res of results) expect(res.statusCode, res.body).toBe(200);

        const inDoing = (await cardRows(space.id))
          .filter((c) => c.statusId === doing.id)
          .sort((x, y) => compareKeys(x.position, y.position));
        expect(inDoing).toHaveLength(22);
        expect(new Set(inDoing.map((c) => c.position)).size).toBe(22);
        for (let i = 1; i < inDoing.length; i++)
          expect(compareKeys(inDoing[i - 1]?.position ?? "", inDoing[i]?.position ?? "")).toBe(-1);
        expect(inDoing[0]?.id).toBe(anchor.id);
        expect(inDoing.at(-1)?.id).toBe(tail.id);
        expect(new Set(inDoing.map((c) => c.id))).toEqual(
          new Set([anchor.id, tail.id, ...movers.map((c) => c.id)]),
        );
        // The board (ordered by the database) agrees with byte-wise order.
        const b = await board(space.id);
        expect(b.cards.filter((c) => c.statusId === doing.id).map((c) => c.id)).toEqual(
          inDoing.map((c) => c.id),
        );
      });

      it("lets members change cards, forbids visitors (403) and hides cards from non-members (404)", async () => {
        const { space, doing } = await newSpace();
        const card = await f.card(member, space.id);
        expect((await move(card, { statusId: doing.id }, member)).statusCode).toBe(200);
        expect((await visitor.get(`/api/cards/${card.id}`)).statusCode).toBe(200);
        expectProblem(await visitor.post(`/api/spaces/${space.id}/cards`, { name: "X" }), 403, "forbidden");
        expectProblem(await visitor.patch(`/api/cards/${card.id}`, { name: "X" }), 403, "forbidden");
        expectProblem(await move(card, { statusId: doing.id, afterId: null }, visitor), 403, "forbidden");
        expectProblem(await visitor.delete(`/api/cards/${card.id}`), 403, "forbidden");
        for (const res of [
          await outsider.get(`/api/cards/${card.id}`),
          await outsider.patch(`/api/cards/${card.id}`, { name: "X" }),
          await move(card, { statusId: doing.id }, outsider),
          await outsider.delete(`/api/cards/${card.id}`),
          await outsider.post(`/api/spaces/${space.id}/cards`, { name: "X" }),
        ])
          expectProblem(res, 404, "not_found");
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().name).toBe(card.name);
      });
    });
  });
};

boardRouteSuite(testDriver());
