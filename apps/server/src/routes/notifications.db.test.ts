import { createDb, runMutation, tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type Notification, type Reminder, userChannel } from "@lattice/domain";
import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followersOf, notify } from "../commands/notifications.js";
import { startReminderScheduler } from "../reminders/scheduler.js";
import { createMemoryBus } from "../sync/bus.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const notificationRouteSuite = (driver: TestDriver): void => {
  describe(`notifications and reminders (${driver})`, () => {
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

    const db = () => h.db.handle.db;
    const userEvents = (userId: string, after = 0) =>
      db()
        .select()
        .from(tables.events)
        .where(and(eq(tables.events.channel, userChannel(userId)), gt(tables.events.seq, after)))
        .orderBy(asc(tables.events.seq));
    const list = async (client: Client, query = "") => {
      const res = await client.get(`/api/notifications${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Notification[]; unreadCount: number }>();
    };
    const mention = async (author: Client, cardId: string, who: Client) =>
      author.post(`/api/cards/${cardId}/comments`, { body: `@[${who.user.name}](${who.user.id}) look` });
    const sendNotify = (input: Parameters<typeof notify>[1]) =>
      runMutation(db(), { actorId: input.actorId, mutationId: null }, (ctx) => notify(ctx, input));

    describe("notify", () => {
      it("notifies each reader once on their own channel, never the actor, never a non-reader", async () => {
        const card = await f.card(ana, spaceId);
        const { result, events } = await sendNotify({
          userIds: [member.user.id, member.user.id, ana.user.id, outsider.user.id, visitor.user.id],
          kind: "status_changed",
          cardId: card.id,
          workspaceId,
          actorId: ana.user.id,
          data: { fromStatus: "To Do", toStatus: "Done" },
        });
        expect(result.map((n) => n.kind)).toEqual(["status_changed", "status_changed"]);
        expect(events.map((e) => e.channel).sort()).toEqual(
          [userChannel(member.user.id), userChannel(visitor.user.id)].sort(),
        );
        expect(result[0]?.data).toMatchObject({ cardName: card.name, fromStatus: "To Do", toStatus: "Done" });
      });
    });

    describe("followersOf", () => {
      it("counts followers, the responsible person and co-workers, each once", async () => {
        const card = await f.card(ana, spaceId);
        expect(await followersOf(db(), card.id)).toEqual([]);
        await db()
          .update(tables.cards)
          .set({ responsibleId: member.user.id })
          .where(eq(tables.cards.id, card.id));
        await db()
          .insert(tables.cardCoworkers)
          .values([
            { cardId: card.id, userId: member.user.id, workspaceId },
            { cardId: card.id, userId: visitor.user.id, workspaceId },
          ]);
        await db().insert(tables.cardFollowers).values({ cardId: card.id, userId: ana.user.id, workspaceId });
        expect((await followersOf(db(), card.id)).sort()).toEqual(
          [ana.user.id, member.user.id, visitor.user.id].sort(),
        );
      });
    });

    describe("the notification list", () => {
      it("lists newest first with the unread count, and only unread on request", async () => {
        const reader = await f.user("Reader");
        await f.member(ana, workspaceId, reader, "member");
        const first = await f.card(ana, spaceId, { name: "First" });
        const second = await f.card(ana, spaceId, { name: "Second" });
        await mention(ana, first.id, reader);
        await mention(ana, second.id, reader);
        const all = await list(reader);
        expect(all.items.map((n) => n.data.cardName)).toEqual(["Second", "First"]);
        expect(all.unreadCount).toBe(2);
        const read = await reader.post("/api/notifications/read", { ids: [all.items[1]?.id] });
        expect(read.statusCode, read.body).toBe(200);
        expect(read.json()).toEqual({ unreadCount: 1 });
        const unread = await list(reader, "?unread=true");
        expect(unread.items.map((n) => n.data.cardName)).toEqual(["Second"]);
        expect((await list(reader, "?limit=1")).items).toHaveLength(1);
      });

      it("marks all read and announces it on the user's channel only", async () => {
        const reader = await f.user("Reader");
        await f.member(ana, workspaceId, reader, "member");
        const card = await f.card(ana, spaceId);
        await mention(ana, card.id, reader);
        const before = (await userEvents(reader.user.id)).at(-1)?.seq ?? 0;
        const res = await reader.post("/api/notifications/read", { all: true });
        expect(res.json()).toEqual({ unreadCount: 0 });
        const events = await userEvents(reader.user.id, before);
        expect(events.map((e) => [e.type, e.payload])).toEqual([["notification.read", { ids: "all" }]]);
      });

      it("ignores ids of other people's notifications", async () => {
        const card = await f.card(ana, spaceId);
        await mention(ana, card.id, member);
        const theirs = (await list(member)).items[0];
        await visitor.post("/api/notifications/read", { ids: [theirs?.id] });
        expect((await list(member)).items.find((n) => n.id === theirs?.id)?.readAt).toBeNull();
      });

      it("refuses a body that is neither ids nor all, and bad query values", async () => {
        expectProblem(await ana.post("/api/notifications/read", { all: false }), 400, "validation_failed");
        expectProblem(await ana.post("/api/notifications/read", { ids: [] }), 400, "validation_failed");
        expectProblem(await ana.get("/api/notifications?limit=0"), 400, "validation_failed", [
          "querystring.limit",
        ]);
      });

      it("delivers a new notification live to the person's socket", async () => {
        const url = await h.app.listen({ port: 0, host: "127.0.0.1" });
        const socket = await TestSocket.open(url, member.session?.cookie ?? null);
        try {
          const channel = userChannel(member.user.id);
          expect((await socket.subscribe(channel)).type).toBe("subscribed");
          const card = await f.card(ana, spaceId, { name: "Live" });
          await mention(ana, card.id, member);
          const frame = await socket.next(
            (fr) => fr.type === "event" && fr.channel === channel && fr.event.type === "notification.created",
          );
          expect(frame).toMatchObject({
            event: { payload: { notification: { kind: "mentioned", cardId: card.id } } },
          });
          const other = await socket.subscribe(userChannel(ana.user.id));
          expect(other).toMatchObject({ type: "error", code: "not_found" });
        } finally {
          socket.close();
        }
      });
    });

    describe("reminders", () => {
      const remindAt = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

      it("sets, reads and removes one's own reminder, announced only on one's own channel", async () => {
        const card = await f.card(ana, spaceId);
        const before = (await userEvents(visitor.user.id)).at(-1)?.seq ?? 0;
        const at = remindAt(86_400_000);
        const set = await visitor.request("PUT", `/api/cards/${card.id}/reminder`, {
          remindAt: at,
          note: " Check ",
        });
        expect(set.statusCode, set.body).toBe(200);
        expect(set.json<Reminder>()).toMatchObject({ cardId: card.id, note: "Check", deliveredAt: null });
        expect(new Date(set.json<Reminder>().remindAt).getTime()).toBe(new Date(at).getTime());
        expect((await visitor.get(`/api/cards/${card.id}/reminder`)).json<Reminder>().id).toBe(
          set.json<Reminder>().id,
        );
        expect((await ana.get(`/api/cards/${card.id}/reminder`)).json()).toBeNull();
        expect((await visitor.delete(`/api/cards/${card.id}/reminder`)).statusCode).toBe(204);
        expect((await visitor.get(`/api/cards/${card.id}/reminder`)).json()).toBeNull();
        const events = await userEvents(visitor.user.id, before);
        expect(events.map((e) => e.type)).toEqual(["reminder.updated", "reminder.updated"]);
        expect((events[1]?.payload as { reminder: null } | undefined)?.reminder).toBeNull();
        const spaceEvents = await db()
          .select()
          .from(tables.events)
          .where(
            and(eq(tables.events.channel, `space:${spaceId}`), eq(tables.events.type, "reminder.updated")),
          );
        expect(spaceEvents).toEqual([]);
      });

      it("refuses a time without an offset and hides the card from a non-member", async () => {
        const card = await f.card(ana, spaceId);
        expectProblem(
          await ana.request("PUT", `/api/cards/${card.id}/reminder`, { remindAt: "tomorrow" }),
          400,
          "validation_failed",
          ["body.remindAt"],
        );
        expectProblem(
          await outsider.request("PUT", `/api/cards/${card.id}/reminder`, { remindAt: remindAt(1000) }),
          404,
          "not_found",
        );
        expectProblem(await outsider.get(`/api/cards/${card.id}/reminder`), 404, "not_found");
      });

      it("delivers a reminder that fell due while no scheduler ran, once, as a notification", async () => {
        const card = await f.card(ana, spaceId, { name: "Due" });
        // As if it fell due while the server was down.
        await db()
          .insert(tables.cardReminders)
          .values({
            cardId: card.id,
            userId: member.user.id,
            workspaceId,
            remindAt: new Date(Date.now() - 3_600_000),
            note: "overdue",
          });
        const schedulers = [1, 2].map(() =>
          startReminderScheduler({ handle: h.db.handle, bus: h.app.bus, intervalMs: 100 }),
        );
        try {
          await expect
            .poll(
              async () =>
                (await list(member)).items.filter((n) => n.kind === "reminder" && n.cardId === card.id),
              {
                timeout: 5000,
              },
            )
            .toHaveLength(1);
        } finally {
          // Waits for rounds still running, which could deliver it a second time.
          await Promise.all(schedulers.map((s) => s.stop()));
        }
        // And every instance, asked once more after that, finds nothing left to deliver.
        for (const scheduler of schedulers) expect(await scheduler.runOnce()).toBe(0);
        const delivered = (await list(member)).items.filter(
          (n) => n.kind === "reminder" && n.cardId === card.id,
        );
        expect(delivered).toHaveLength(1);
        expect(delivered[0]).toMatchObject({ actorId: null, data: { note: "overdue", cardName: "Due" } });
        const reminder = (await member.get(`/api/cards/${card.id}/reminder`)).json<Reminder>();
        expect(reminder.deliveredAt).not.toBeNull();
      });

      it("makes a re-set reminder due again", async () => {
        const card = await f.card(ana, spaceId);
        await member.request("PUT", `/api/cards/${card.id}/reminder`, { remindAt: remindAt(-1000) });
        const scheduler = startReminderScheduler({ handle: h.db.handle, bus: h.app.bus, intervalMs: 100 });
        try {
          await scheduler.runOnce();
          expect(
            (await member.get(`/api/cards/${card.id}/reminder`)).json<Reminder>().deliveredAt,
          ).not.toBeNull();
          const again = await member.request("PUT", `/api/cards/${card.id}/reminder`, {
            remindAt: remindAt(-500),
          });
          expect(again.json<Reminder>().deliveredAt).toBeNull();
          await scheduler.runOnce();
        } finally {
          await scheduler.stop();
        }
        const delivered = (await list(member)).items.filter(
          (n) => n.kind === "reminder" && n.cardId === card.id,
        );
        expect(delivered).toHaveLength(2);
      });

      if (driver === "pg") {
        it("delivers each reminder once when several instances run the scheduler on one PostgreSQL", async () => {
          const card = await f.card(ana, spaceId);
          const people = await Promise.all([...Array(30)].map((_, i) => f.user(`P${i}`)));
          for (const p of people) await f.member(ana, workspaceId, p, "visitor");
          await db()
            .insert(tables.cardReminders)
            .values(
              people.map((p) => ({
                cardId: card.id,
                userId: p.user.id,
                workspaceId,
                remindAt: new Date(Date.now() - 1000),
              })),
            );
          // Three instances, each with its own connection pool.
          const handles = await Promise.all([1, 2, 3].map(() => createDb({ databaseUrl: h.db.url ?? "" })));
          const schedulers = handles.map((handle) =>
            startReminderScheduler({ handle, bus: createMemoryBus(), intervalMs: 100, batchSize: 5 }),
          );
          try {
            await expect
              .poll(
                async () =>
                  (
                    await db()
                      .select()
                      .from(tables.notifications)
                      .where(
                        and(
                          eq(tables.notifications.cardId, card.id),
                          eq(tables.notifications.kind, "reminder"),
                        ),
                      )
                  ).length,
                { timeout: 10_000 },
              )
              .toBe(people.length);
            // Waits for rounds still running, which could deliver one a second time; then every
            // instance, asked once more, finds nothing left to deliver.
            await Promise.all(schedulers.map((s) => s.stop()));
            for (const scheduler of schedulers) expect(await scheduler.runOnce()).toBe(0);
          } finally {
            await Promise.all(schedulers.map((s) => s.stop()));
            await Promise.all(handles.map((handle) => handle.close()));
          }
          const rows = await db()
            .select({ userId: tables.notifications.userId })
            .from(tables.notifications)
            .where(and(eq(tables.notifications.cardId, card.id), eq(tables.notifications.kind, "reminder")));
          expect(rows).toHaveLength(people.length);
          expect(new Set(rows.map((r) => r.userId)).size).toBe(people.length);
        });
      }
    });
  });
};

notificationRouteSuite(testDriver());
