import { tables } from "@lattice/db";
import { createTestDatabase, type TestDatabase, type TestDriver, testDriver } from "@lattice/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMail, type OutgoingMail, retryDelayMs, sendDueMail } from "./queue.js";

const message = (to: string) => ({
  kind: "invitation" as const,
  to,
  subject: "Hello",
  text: "Hello",
  html: "<p>Hello</p>",
  headers: {},
});

const queueSuite = (driver: TestDriver): void => {
  describe(`mail queue (${driver})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(driver);
    });
    afterAll(async () => db?.drop());
    const m = tables.mailMessages;
    const rowOf = async (id: string) => (await db.handle.db.select().from(m).where(eq(m.id, id)))[0];
    /** Makes a waiting retry due now, instead of waiting out its backoff. */
    const dueNow = (id: string) =>
      db.handle.db.update(m).set({ nextAttemptAt: sql`now()` }).where(eq(m.id, id));

    it("backs off doubling from the base, up to an hour", () => {
      expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000))).toEqual([
        30_000, 60_000, 120_000, 240_000,
      ]);
      expect(retryDelayMs(30, 30_000)).toBe(3_600_000);
    });

    it("retries a refused message later and keeps it as failed after the last attempt", async () => {
      const id = await enqueueMail(db.handle.db, message("refused@example.test"));
      const refuse = async (_mail: OutgoingMail) => {
        throw new Error("550 mailbox unavailable");
      };
      expect(await sendDueMail(db.handle, refuse, { maxAttempts: 2 })).toEqual({ sent: 0, claimed: 1 });
      const first = await rowOf(id);
      expect(first).toMatchObject({
        attempts: 1,
        failedAt: null,
        lockedUntil: null,
        lastError: "550 mailbox unavailable",
      });
      // Not due again until its backoff has passed.
      expect(await sendDueMail(db.handle, refuse, { maxAttempts: 2 })).toEqual({ sent: 0, claimed: 0 });
      await dueNow(id);
      await sendDueMail(db.handle, refuse, { maxAttempts: 2 });
      const last = await rowOf(id);
      expect(last?.attempts).toBe(2);
      expect(last?.failedAt).not.toBeNull();
      await dueNow(id);
      expect(await sendDueMail(db.handle, refuse, { maxAttempts: 2 })).toEqual({ sent: 0, claimed: 0 });
    });

    it("does not let a sender whose lease ran out mark a message another sender claimed since", async () => {
      const id = await enqueueMail(db.handle.db, message("slow@example.test"));
      const sentBy: string[] = [];
      let releaseSlow: () => void = () => {};
      let markStarted: () => void = () => {};
      const slowStarted = new Promise<void>((resolve) => {
        markStarted = resolve;
      });
      const slow = sendDueMail(
        db.handle,
        (mail) =>
          new Promise((resolve) => {
            sentBy.push(`slow:${mail.messageId}`);
            releaseSlow = () => resolve(undefined);
            markStarted();
          }),
      );
      await slowStarted;
      // Its lease runs out while the SMTP server stalls: a second sender claims the message and sends it.
      await db.handle.db.update(m).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(m.id, id));
      const second = await sendDueMail(db.handle, async (mail) => sentBy.push(`second:${mail.messageId}`));
      expect(second).toEqual({ sent: 1, claimed: 1 });
      releaseSlow();
      // The first sender's late success is refused by the fence: it counts nothing as sent.
      expect(await slow).toEqual({ sent: 0, claimed: 1 });
      expect(sentBy).toHaveLength(2);
      const row = await rowOf(id);
      expect(row?.attempts).toBe(2);
      expect(row?.sentAt).not.toBeNull();
      // Both sends carried the same Message-ID, so a receiving server can tell the repeat.
      expect(new Set(sentBy.map((s) => s.split(":")[1])).size).toBe(1);
    });
  });
};

queueSuite(testDriver());
