/**
 * The event log's guarantees, run on both drivers (project "server" on PGlite, project "pg" on
 * PostgreSQL, where transactions really run in parallel).
 */
import { randomUUID } from "node:crypto";
import { type Channel, type DraftEvent, draft, spaceChannel } from "@lattice/domain";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents, eventsAfter, latestSeq, runMutation } from "./events.js";
import { channels, events, users } from "./schema/index.js";
import { createTestDatabase, type TestDatabase, type TestDriver, testDriver } from "./testing.js";

const meta = { actorId: null, mutationId: null };
const cardDeleted = (channel: Channel): DraftEvent =>
  draft(channel, "card.deleted", { cardId: randomUUID(), spaceId: randomUUID() });
const freshChannel = (): Channel => spaceChannel(randomUUID());

const eventsRepositorySuite = (driver: TestDriver): void => {
  describe(`event log (${driver})`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(driver);
    });
    afterAll(async () => t?.drop());

    const seqsOf = async (channel: Channel): Promise<number[]> =>
      (
        await t.handle.db
          .select({ seq: events.seq })
          .from(events)
          .where(eq(events.channel, channel))
          .orderBy(asc(events.seq))
      ).map((r) => r.seq);

    it("numbers each channel's events 1..n without gaps, independently of other channels", async () => {
      const a = freshChannel();
      const b = freshChannel();
      await runMutation(t.handle.db, meta, async ({ emit }) => {
        emit(cardDeleted(a));
        emit(cardDeleted(b));
        emit(cardDeleted(a));
      });
      await runMutation(t.handle.db, meta, async ({ emit }) => emit(cardDeleted(a)));
      await runMutation(t.handle.db, meta, async ({ emit }) => {
        for (let i = 0; i < 3; i++) emit(cardDeleted(b));
      });
      expect(await seqsOf(a)).toEqual([1, 2, 3]);
      expect(await seqsOf(b)).toEqual([1, 2, 3, 4]);
      expect(await latestSeq(t.handle.db, a)).toBe(3);
      expect(await latestSeq(t.handle.db, b)).toBe(4);
    });

    it("returns the appended events with their seqs, actor and mutation id", async () => {
      const channel = freshChannel();
      const [user] = await t.handle.db
        .insert(users)
        .values({ email: `${randomUUID()}@example.test`, name: "Ana", passwordHash: "x" })
        .returning();
      const mutationId = randomUUID();
      const { result, events: appended } = await runMutation(
        t.handle.db,
        { actorId: user?.id ?? null, mutationId },
        async ({ emit }) => {
          emit(cardDeleted(channel));
          emit(cardDeleted(channel));
          return "done";
        },
      );
      expect(result).toBe("done");
      expect(appended.map((e) => [e.channel, e.seq, e.actorId, e.mutationId])).toEqual([
        [channel, 1, user?.id, mutationId],
        [channel, 2, user?.id, mutationId],
      ]);
      const stored = await eventsAfter(t.handle.db, channel, 0);
      expect(stored).toEqual(appended);
    });

    it("appends nothing and takes no seq for a mutation without events", async () => {
      const channel = freshChannel();
      const { events: appended } = await runMutation(t.handle.db, meta, async ({ lock }) => {
        await lock(channel);
      });
      expect(appended).toEqual([]);
      expect(await latestSeq(t.handle.db, channel)).toBe(0);
      await runMutation(t.handle.db, meta, async ({ emit }) => emit(cardDeleted(channel)));
      expect(await seqsOf(channel)).toEqual([1]);
    });

    it("rolls back both the change and its events when the mutation throws", async () => {
      const channel = freshChannel();
      await runMutation(t.handle.db, meta, async ({ emit }) => emit(cardDeleted(channel)));
      const email = `${randomUUID()}@example.test`;
      await expect(
        runMutation(t.handle.db, meta, async ({ tx, emit, lock }) => {
          await lock(channel);
          await tx.insert(users).values({ email, name: "Ghost", passwordHash: "x" });
          emit(cardDeleted(channel));
          throw new Error("refused half-way");
        }),
      ).rejects.toThrow("refused half-way");
      expect(await t.handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
      expect(await seqsOf(channel)).toEqual([1]);
      expect(await latestSeq(t.handle.db, channel)).toBe(1);
      // The next event takes the next seq: the rolled-back one left no gap.
      await runMutation(t.handle.db, meta, async ({ emit }) => emit(cardDeleted(channel)));
      expect(await seqsOf(channel)).toEqual([1, 2]);
    });

    it("rolls back the events too when appending them fails", async () => {
      const channel = freshChannel();
      const email = `${randomUUID()}@example.test`;
      await expect(
        t.handle.db.transaction(async (tx) => {
          await tx.insert(users).values({ email, name: "Ghost", passwordHash: "x" });
          await appendEvents(tx, [cardDeleted(channel)], meta);
          // The same (channel, seq) again violates the primary key.
          await tx.insert(events).values({ channel, seq: 1, type: "card.deleted", payload: {} });
        }),
      ).rejects.toThrow();
      expect(await seqsOf(channel)).toEqual([]);
      expect(await t.handle.db.select().from(channels).where(eq(channels.channel, channel))).toEqual([]);
      expect(await t.handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    });

    it("keeps every value as sent when the first and the last statement carry BEGIN and COMMIT", async () => {
      const channel = freshChannel();
      const email = `${randomUUID()}@example.test`;
      const awkward = "it's \\ $1 -- /* ünïcødé 🚀 \n'; DROP TABLE users; --";
      const { events: appended } = await runMutation(
        t.handle.db,
        meta,
        async ({ tx, emit, writeWithEvents }) => {
          // The first statement (BEGIN rides with it on PostgreSQL) and the last (with COMMIT).
          await tx.insert(users).values({ email, name: awkward, passwordHash: "x" });
          writeWithEvents?.(sql`UPDATE users SET password_hash = ${awkward} WHERE email = ${email}`);
          emit(draft(channel, "card.deleted", { cardId: randomUUID(), spaceId: awkward }));
        },
      );
      const [user] = await t.handle.db.select().from(users).where(eq(users.email, email));
      expect(user?.name).toBe(awkward);
      expect(user?.passwordHash).toBe(awkward);
      expect(appended.map((e) => e.seq)).toEqual([1]);
      const [stored] = await eventsAfter(t.handle.db, channel, 0);
      expect(stored?.payload).toEqual(appended[0]?.payload);
    });

    it("rolls back the whole mutation when its last write, sent with the event append, fails", async () => {
      const channel = freshChannel();
      const email = `${randomUUID()}@example.test`;
      await expect(
        runMutation(t.handle.db, meta, async ({ tx, emit, writeWithEvents }) => {
          await tx.insert(users).values({ email, name: "First", passwordHash: "x" });
          // The same e-mail again violates the unique index, in the statement that would commit.
          writeWithEvents?.(
            sql`INSERT INTO users (email, name, password_hash) VALUES (${email}, 'Second', 'x')`,
          );
          emit(cardDeleted(channel));
        }),
      ).rejects.toThrow();
      expect(await t.handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
      expect(await seqsOf(channel)).toEqual([]);
      // The connection went back to the pool usable, its prepared statements known: the same
      // mutation, without the clash, runs again and again and numbers its events from 1.
      const emails = Array.from({ length: 12 }, () => `${randomUUID()}@example.test`);
      for (const other of emails) {
        await runMutation(t.handle.db, meta, async ({ tx, emit, writeWithEvents }) => {
          await tx.insert(users).values({ email: `first-${other}`, name: "First", passwordHash: "x" });
          writeWithEvents?.(
            sql`INSERT INTO users (email, name, password_hash) VALUES (${other}, 'Second', 'x')`,
          );
          emit(cardDeleted(channel));
        });
      }
      expect(await seqsOf(channel)).toEqual(emails.map((_, i) => i + 1));
      const names = await t.handle.db
        .select({ name: users.name })
        .from(users)
        .where(inArray(users.email, emails));
      expect(names.map((row) => row.name)).toEqual(emails.map(() => "Second"));
    });

    it("gives concurrent mutations on one channel distinct seqs 1..n", async () => {
      const channel = freshChannel();
      const n = 20;
      const results = await Promise.all(
        Array.from({ length: n }, () =>
          runMutation(t.handle.db, meta, async ({ emit }) => {
            emit(cardDeleted(channel));
          }),
        ),
      );
      const seqs = results.flatMap((r) => r.events.map((e) => e.seq));
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(await seqsOf(channel)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    });

    it("orders seqs by commit: a mutation holding the channel sees every earlier seq committed", async () => {
      const channel = freshChannel();
      const n = 12;
      // Each mutation takes the channel lock, counts the events it can see, dawdles so others pile
      // up behind it, then appends. If seq order were not commit order, some mutation would see
      // fewer events than its seq implies (a gap a reader could skip).
      const runs = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          runMutation(t.handle.db, meta, async ({ tx, emit, lock }) => {
            await lock(channel);
            const [row] = await tx
              .select({ value: sql<number>`count(*)::int` })
              .from(events)
              .where(eq(events.channel, channel));
            await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
            emit(cardDeleted(channel));
            return row?.value ?? -1;
          }),
        ),
      );
      for (const run of runs) expect(run.events[0]?.seq).toBe(run.result + 1);
      expect(await seqsOf(channel)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    });

    it("eventsAfter returns exactly the events after `since`, in order, up to the limit", async () => {
      const channel = freshChannel();
      const other = freshChannel();
      await runMutation(t.handle.db, meta, async ({ emit }) => {
        for (let i = 0; i < 6; i++) emit(cardDeleted(channel));
        emit(cardDeleted(other));
      });
      const seqs = async (since: number, limit?: number) =>
        (await eventsAfter(t.handle.db, channel, since, limit)).map((e) => e.seq);
      expect(await seqs(0)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await seqs(4)).toEqual([5, 6]);
      expect(await seqs(6)).toEqual([]);
      expect(await seqs(99)).toEqual([]);
      expect(await seqs(1, 2)).toEqual([2, 3]);
      const all = await eventsAfter(t.handle.db, channel, 0);
      expect(new Set(all.map((e) => e.channel))).toEqual(new Set([channel]));
      expect(all.every((e) => e.type === "card.deleted" && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    });
  });
};

eventsRepositorySuite(testDriver());
