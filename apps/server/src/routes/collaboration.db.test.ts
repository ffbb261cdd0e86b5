import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Card, Comment, Label, Notification, TodoItem } from "@lattice/domain";
import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const collaborationRouteSuite = (driver: TestDriver): void => {
  describe(`to-dos, labels and comments (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let workspaceId: string;
    let spaceId: string;
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
      spaceId = (await f.space(ana, workspaceId)).id;
    });
    afterAll(async () => h?.close());

    const latestSeq = async (ch: string) => {
      const [row] = await h.db.handle.db
        .select({ seq: tables.channels.seq })
        .from(tables.channels)
        .where(eq(tables.channels.channel, ch));
      return row?.seq ?? 0;
    };
    const eventsSince = (ch: string, seq: number) =>
      h.db.handle.db
        .select()
        .from(tables.events)
        .where(and(eq(tables.events.channel, ch), gt(tables.events.seq, seq)))
        .orderBy(asc(tables.events.seq));
    const todos = async (cardId: string) => {
      const res = await ana.get(`/api/cards/${cardId}/todos`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TodoItem[]>();
    };
    const addTodo = async (cardId: string, text: string, client: Client = ana) => {
      const res = await client.post(`/api/cards/${cardId}/todos`, { text });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<TodoItem>();
    };
    const mention = (c: Client) => `@[${c.user.name}](${c.user.id})`;

    describe("to-do lists", () => {
      it("appends to-dos in order and re-announces the card with its new counts", async () => {
        const card = await f.card(ana, spaceId);
        const before = await latestSeq(`space:${spaceId}`);
        const first = await addTodo(card.id, "Call the ward");
        const second = await addTodo(card.id, "  Book the room ", member);
        expect(second.text).toBe("Book the room");
        expect((await todos(card.id)).map((t) => t.id)).toEqual([first.id, second.id]);
        const events = await eventsSince(`space:${spaceId}`, before);
        expect(events.map((e) => e.type)).toEqual([
          "todo.created",
          "card.updated",
          "todo.created",
          "card.updated",
        ]);
        const last = events.at(-1)?.payload as { card: Card };
        expect(last.card).toMatchObject({ id: card.id, todoTotal: 2, todoDone: 0 });
        expect(last.card.version).toBeGreaterThan(card.version);
      });

      it("ticks a to-do with who and when, and unticks it", async () => {
        const card = await f.card(ana, spaceId);
        const todo = await addTodo(card.id, "Call the ward");
        const ticked = await member.patch(`/api/todos/${todo.id}`, { isDone: true });
        expect(ticked.statusCode, ticked.body).toBe(200);
        expect(ticked.json<TodoItem>()).toMatchObject({ isDone: true, doneBy: member.user.id });
        expect(ticked.json<TodoItem>().doneAt).not.toBeNull();
        const board = (await ana.get(`/api/cards/${card.id}`)).json<Card>();
        expect(board).toMatchObject({ todoTotal: 1, todoDone: 1 });
        const unticked = (await ana.patch(`/api/todos/${todo.id}`, { isDone: false })).json<TodoItem>();
        expect(unticked).toMatchObject({ isDone: false, doneAt: null, doneBy: null });
      });

      it("moves a to-do after or before another, or to the top", async () => {
        const card = await f.card(ana, spaceId);
        const [a, b, c] = [
          await addTodo(card.id, "a"),
          await addTodo(card.id, "b"),
          await addTodo(card.id, "c"),
        ];
        await ana.patch(`/api/todos/${c?.id}`, { afterId: a?.id });
        expect((await todos(card.id)).map((t) => t.text)).toEqual(["a", "c", "b"]);
        await ana.patch(`/api/todos/${a?.id}`, { beforeId: b?.id });
        expect((await todos(card.id)).map((t) => t.text)).toEqual(["c", "a", "b"]);
        await ana.patch(`/api/todos/${b?.id}`, { afterId: null });
        expect((await todos(card.id)).map((t) => t.text)).toEqual(["b", "c", "a"]);
      });

      it("refuses a neighbour from another card, naming the field, and changes nothing", async () => {
        const card = await f.card(ana, spaceId);
        const other = await f.card(ana, spaceId);
        const todo = await addTodo(card.id, "mine");
        const foreign = await addTodo(other.id, "theirs");
        expectProblem(
          await ana.patch(`/api/todos/${todo.id}`, { afterId: foreign.id }),
          400,
          "validation_failed",
          ["body.afterId"],
        );
        expectProblem(await ana.patch(`/api/todos/${todo.id}`, { text: "  " }), 400, "validation_failed", [
          "body.text",
        ]);
        expectProblem(await ana.post(`/api/cards/${card.id}/todos`, {}), 400, "validation_failed", [
          "body.text",
        ]);
        expect((await todos(card.id)).map((t) => t.text)).toEqual(["mine"]);
      });

      it("deletes a to-do and announces the card with the lower count", async () => {
        const card = await f.card(ana, spaceId);
        const todo = await addTodo(card.id, "gone soon");
        const before = await latestSeq(`space:${spaceId}`);
        const res = await member.delete(`/api/todos/${todo.id}`);
        expect(res.statusCode, res.body).toBe(204);
        const events = await eventsSince(`space:${spaceId}`, before);
        expect(events.map((e) => e.type)).toEqual(["todo.deleted", "card.updated"]);
        expect((events[1]?.payload as { card?: Card } | undefined)?.card?.todoTotal).toBe(0);
        expect(await todos(card.id)).toEqual([]);
      });

      it("lets a visitor read to-dos but not add, tick or delete them (403), with no event", async () => {
        const card = await f.card(ana, spaceId);
        const todo = await addTodo(card.id, "ours");
        const before = await latestSeq(`space:${spaceId}`);
        expect((await visitor.get(`/api/cards/${card.id}/todos`)).statusCode).toBe(200);
        expectProblem(await visitor.post(`/api/cards/${card.id}/todos`, { text: "x" }), 403, "forbidden");
        expectProblem(await visitor.patch(`/api/todos/${todo.id}`, { isDone: true }), 403, "forbidden");
        expectProblem(await visitor.delete(`/api/todos/${todo.id}`), 403, "forbidden");
        expect(await latestSeq(`space:${spaceId}`)).toBe(before);
      });

      it("answers 404 to a non-member, as for a to-do that does not exist", async () => {
        const card = await f.card(ana, spaceId);
        const todo = await addTodo(card.id, "secret");
        expectProblem(await outsider.get(`/api/cards/${card.id}/todos`), 404, "not_found");
        expectProblem(await outsider.post(`/api/cards/${card.id}/todos`, { text: "x" }), 404, "not_found");
        const real = await outsider.patch(`/api/todos/${todo.id}`, { isDone: true });
        const madeUp = await outsider.patch(`/api/todos/${randomUUID()}`, { isDone: true });
        expectProblem(real, 404, "not_found");
        expect(real.json().detail).toBe(madeUp.json().detail);
      });
    });

    describe("labels", () => {
      it("creates, lists, renames and recolours a space's labels", async () => {
        const res = await member.post(`/api/spaces/${spaceId}/labels`, { name: "Urgent", color: "#D9480F" });
        expect(res.statusCode, res.body).toBe(201);
        const label = res.json<Label>();
        expect(label).toMatchObject({ name: "Urgent", color: "#d9480f", spaceId, workspaceId });
        const renamed = await ana.patch(`/api/labels/${label.id}`, { name: "Very urgent", color: "#000000" });
        expect(renamed.json<Label>()).toMatchObject({ name: "Very urgent", color: "#000000" });
        const list = (await visitor.get(`/api/spaces/${spaceId}/labels`)).json<Label[]>();
        expect(list.find((l) => l.id === label.id)?.name).toBe("Very urgent");
      });

      it("refuses a colour that is not #rrggbb, naming the field", async () => {
        expectProblem(
          await ana.post(`/api/spaces/${spaceId}/labels`, { name: "Red", color: "red" }),
          400,
          "validation_failed",
          ["body.color"],
        );
      });

      it("lets visitors read labels but not manage them; hides them from non-members", async () => {
        const label = (
          await ana.post(`/api/spaces/${spaceId}/labels`, { name: "Ops", color: "#123456" })
        ).json<Label>();
        expectProblem(
          await visitor.post(`/api/spaces/${spaceId}/labels`, { name: "X", color: "#123456" }),
          403,
          "forbidden",
        );
        expectProblem(await visitor.delete(`/api/labels/${label.id}`), 403, "forbidden");
        expectProblem(await outsider.get(`/api/spaces/${spaceId}/labels`), 404, "not_found");
        expectProblem(await outsider.patch(`/api/labels/${label.id}`, { name: "X" }), 404, "not_found");
      });

      it("takes a deleted label off every card and re-announces those cards", async () => {
        const label = (
          await ana.post(`/api/spaces/${spaceId}/labels`, { name: "Gone", color: "#abcdef" })
        ).json<Label>();
        const card = await f.card(ana, spaceId);
        const bare = await f.card(ana, spaceId);
        await h.db.handle.db
          .insert(tables.cardLabels)
          .values({ cardId: card.id, labelId: label.id, workspaceId });
        const before = await latestSeq(`space:${spaceId}`);
        expect((await member.delete(`/api/labels/${label.id}`)).statusCode).toBe(204);
        const events = await eventsSince(`space:${spaceId}`, before);
        expect(events.map((e) => e.type)).toEqual(["label.deleted", "card.updated"]);
        expect((events[1]?.payload as { card: Card } | undefined)?.card).toMatchObject({
          id: card.id,
          labelIds: [],
        });
        expect((await ana.get(`/api/cards/${card.id}`)).json<Card>().labelIds).toEqual([]);
        expect(events.some((e) => (e.payload as { card?: Card }).card?.id === bare.id)).toBe(false);
      });
    });

    describe("comments", () => {
      const comment = async (client: Client, cardId: string, body: string) => {
        const res = await client.post(`/api/cards/${cardId}/comments`, { body });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Comment>();
      };
      const notificationsOf = (client: Client) =>
        h.db.handle.db
          .select()
          .from(tables.notifications)
          .where(eq(tables.notifications.userId, client.user.id));
      const followers = async (cardId: string) =>
        (
          await h.db.handle.db
            .select({ userId: tables.cardFollowers.userId })
            .from(tables.cardFollowers)
            .where(eq(tables.cardFollowers.cardId, cardId))
        ).map((r) => r.userId);

      it("lists comments oldest first; a visitor may comment", async () => {
        const card = await f.card(ana, spaceId);
        const first = await comment(ana, card.id, "First **note**");
        const second = await comment(visitor, card.id, "A visitor's thought");
        expect(second.authorId).toBe(visitor.user.id);
        const list = (await member.get(`/api/cards/${card.id}/comments`)).json<Comment[]>();
        expect(list.map((c) => c.id)).toEqual([first.id, second.id]);
      });

      it("emits comment.created on the space channel", async () => {
        const card = await f.card(ana, spaceId);
        const before = await latestSeq(`space:${spaceId}`);
        const created = await comment(member, card.id, "Noted");
        const events = await eventsSince(`space:${spaceId}`, before);
        expect(events.map((e) => e.type)).toEqual(["comment.created"]);
        expect((events[0]?.payload as { comment: Comment } | undefined)?.comment.id).toBe(created.id);
      });

      it("lets only the author edit or delete a comment: others 403, a non-member 404", async () => {
        const card = await f.card(ana, spaceId);
        const mine = await comment(member, card.id, "Mine");
        expectProblem(await ana.patch(`/api/comments/${mine.id}`, { body: "Owner edit" }), 403, "forbidden");
        expectProblem(await visitor.delete(`/api/comments/${mine.id}`), 403, "forbidden");
        expectProblem(await outsider.patch(`/api/comments/${mine.id}`, { body: "x" }), 404, "not_found");
        expectProblem(await outsider.delete(`/api/comments/${mine.id}`), 404, "not_found");
        const edited = await member.patch(`/api/comments/${mine.id}`, { body: "Mine, edited" });
        expect(edited.statusCode, edited.body).toBe(200);
        expect(edited.json<Comment>().body).toBe("Mine, edited");
        expect((await member.delete(`/api/comments/${mine.id}`)).statusCode).toBe(204);
        expect((await ana.get(`/api/cards/${card.id}/comments`)).json<Comment[]>()).toEqual([]);
      });

      it("refuses an empty comment, naming the field", async () => {
        const card = await f.card(ana, spaceId);
        expectProblem(
          await ana.post(`/api/cards/${card.id}/comments`, { body: " " }),
          400,
          "validation_failed",
          ["body.body"],
        );
      });

      it("notifies mentioned readers, makes them followers, and ignores non-readers and the author", async () => {
        const card = await f.card(ana, spaceId);
        const before = await latestSeq(`user:${member.user.id}`);
        const created = await comment(
          ana,
          card.id,
          `Hi ${mention(member)} and ${mention(outsider)} and me ${mention(ana)} @[Ghost](${randomUUID()})`,
        );
        expect(created.mentionIds.sort()).toEqual([ana.user.id, member.user.id].sort());
        const mo = (await notificationsOf(member)).filter((n) => n.cardId === card.id);
        expect(mo).toHaveLength(1);
        expect(mo[0]).toMatchObject({ kind: "mentioned", actorId: ana.user.id });
        expect(mo[0]?.data).toMatchObject({ cardName: card.name, commentId: created.id });
        expect(await notificationsOf(outsider)).toHaveLength(0);
        expect((await notificationsOf(ana)).filter((n) => n.cardId === card.id)).toHaveLength(0);
        expect(await followers(card.id)).toEqual([member.user.id]);
        const userEvents = await eventsSince(`user:${member.user.id}`, before);
        expect(userEvents.map((e) => e.type)).toEqual(["notification.created"]);
        expect(
          (userEvents[0]?.payload as { notification: Notification } | undefined)?.notification.kind,
        ).toBe("mentioned");
      });

      it("on edit notifies only people newly mentioned", async () => {
        const card = await f.card(ana, spaceId);
        const created = await comment(ana, card.id, `cc ${mention(member)}`);
        const edited = await ana.patch(`/api/comments/${created.id}`, {
          body: `cc ${mention(member)} ${mention(visitor)}`,
        });
        expect(edited.statusCode, edited.body).toBe(200);
        const forCard = async (c: Client) => (await notificationsOf(c)).filter((n) => n.cardId === card.id);
        expect(await forCard(member)).toHaveLength(1);
        expect(await forCard(visitor)).toHaveLength(1);
        expect((await followers(card.id)).sort()).toEqual([member.user.id, visitor.user.id].sort());
      });

      it("never mentions someone outside a private space, even a workspace member", async () => {
        const privateSpace = (
          await ana.post(`/api/workspaces/${workspaceId}/spaces`, { name: "HR", isPrivate: true })
        ).json<{ id: string }>();
        const card = await f.card(ana, privateSpace.id);
        const created = await comment(ana, card.id, `see ${mention(member)}`);
        expect(created.mentionIds).toEqual([]);
        expect((await notificationsOf(member)).filter((n) => n.cardId === card.id)).toHaveLength(0);
        expect(await followers(card.id)).toEqual([]);
      });
    });
  });
};

collaborationRouteSuite(testDriver());
