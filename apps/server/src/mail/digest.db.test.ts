import { createDb, tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Notification, Status } from "@lattice/domain";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { startTestSmtp, type TestSmtp } from "../test/smtp.js";
import { sendDueDigests } from "./digest.js";
import { sendDueMail } from "./queue.js";
import { smtpSender } from "./smtp.js";

const publicUrl = "https://lattice.example.test";
/** 07:30 in Paris, 01:30 in New York. */
const morning = new Date("2026-12-07T06:30:00Z");
const hour = 3_600_000;

const digestSuite = (driver: TestDriver): void => {
  describe(`daily digest (${driver})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    let send: ReturnType<typeof smtpSender>;
    let ana: Client;
    let blockerTypeId: string;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      send = smtpSender(smtp.url, "Lattice <lattice@example.test>");
      h = await startHarness(driver, undefined, { publicUrl });
      // The first account is the administrator, who may make a blocker type usable everywhere.
      ana = await factories(h.app).user("Ana");
      blockerTypeId = (await ana.post("/api/blocker-types", { kind: "global", name: "Waiting" })).json<{
        id: string;
      }>().id;
    });
    afterAll(async () => {
      send?.close();
      await h?.close();
      await smtp?.close();
    });
    const db = () => h.db.handle.db;
    const digestsTo = (email: string) =>
      db()
        .select()
        .from(tables.mailMessages)
        .where(and(eq(tables.mailMessages.toAddress, email), eq(tables.mailMessages.kind, "digest")))
        // In the order they were made: without it, PostgreSQL may return a row it updated (sent) last.
        .orderBy(asc(tables.mailMessages.createdAt), asc(tables.mailMessages.id));
    const build = (now: Date) => sendDueDigests(h.db.handle, { publicUrl, digestHour: 7, now });
    /** Invitations and instant messages were delivered long ago: only digests are left to send. */
    const forgetOtherMail = () =>
      db()
        .update(tables.mailMessages)
        .set({ sentAt: sql`now()` })
        .where(and(isNull(tables.mailMessages.sentAt), ne(tables.mailMessages.kind, "digest")));
    /** Dates notifications as if they had happened at `at` (the suite's clock, not the wall's). */
    const dateNotifications = (userId: string, at: Date) =>
      db().update(tables.notifications).set({ createdAt: at }).where(eq(tables.notifications.userId, userId));

    /** A card with dates and people, set as a person does: after making it. */
    const planned = async (by: Client, spaceId: string, name: string, plan: Record<string, unknown>) => {
      const card = await factories(h.app).card(by, spaceId, { name });
      const res = await by.patch(`/api/cards/${card.id}`, plan);
      expect(res.statusCode, res.body).toBe(200);
      return card;
    };
    const person = async (name: string, timeZone: string) => {
      const f = factories(h.app);
      const who = await f.user(name);
      expect((await who.patch("/api/me/settings", { timeZone })).statusCode).toBe(200);
      return who;
    };

    it("tells a person at their morning what is due, late and blocked, their unread mentions and the digest topics", async () => {
      const f = factories(h.app);
      const ben = await person("Ben", "Europe/Paris");
      const workspace = await f.workspace(ana, { name: "Ward 4" });
      await f.member(ana, workspace.id, ben, "member");
      const space = await f.space(ana, workspace.id);
      const statuses = await f.statuses(ana, space.id);
      const done = statuses.find((s: Status) => s.role === "completed");
      const card = (name: string, body: Record<string, unknown>) => planned(ana, space.id, name, body);
      const today = await card("Order saline", { dueDate: "2026-12-07", responsibleId: ben.user.id });
      await card("Fix the rota", { dueDate: "2026-12-05", coworkerIds: [ben.user.id] });
      await card("Plan January", { dueDate: "2026-12-08", responsibleId: ben.user.id });
      const finished = await card("Old audit", { dueDate: "2026-12-01", responsibleId: ben.user.id });
      await ana.post(`/api/cards/${finished.id}/move`, { statusId: done?.id, afterId: null });
      const blocked = await card("Replace pump", { responsibleId: ben.user.id });
      await ana.post(`/api/cards/${blocked.id}/blockings`, { blockerTypeId, reason: "Part on order" });
      await ana.post(`/api/cards/${blocked.id}/comments`, { body: `@[Ben](${ben.user.id}) which model?` });
      await ben.patch("/api/me/mail-preferences", { topics: { mentioned: "digest" } });
      // Read in the app already: not repeated by mail.
      const read = (await ben.get("/api/notifications")).json<{ items: Notification[] }>().items;
      const blockedNote = read.find((n) => n.kind === "blocked");
      await ben.post("/api/notifications/read", { ids: blockedNote ? [blockedNote.id] : [] });
      await dateNotifications(ben.user.id, new Date(morning.getTime() - hour));
      await forgetOtherMail();

      expect(await build(new Date(morning.getTime() - hour))).toEqual({ claimed: 0, queued: 0 });
      const built = await build(morning);
      expect(built.queued).toBeGreaterThanOrEqual(1);
      const arrived = smtp.waitForTo(ben.user.email);
      await sendDueMail(h.db.handle, send.send);
      const mail = await arrived;
      expect(mail.subject).toMatch(/^Your Lattice digest for Monday 7 December: \d+ things to look at$/);
      const text = mail.text ?? "";
      const section = (title: string) => text.split(`${title}\n`)[1]?.split("\n\n")[0] ?? "";
      expect(section("Due today")).toContain("Order saline");
      expect(section("Due today")).toContain(`${publicUrl}/w/${workspace.id}/s/${space.id}/c/${today.id}`);
      expect(section("Late")).toContain("Fix the rota (due Saturday 5 December)");
      expect(section("Blocked, and yours to see through")).toContain("Replace pump");
      expect(section("Unread mentions")).toContain("Ana mentioned you on 'Replace pump'");
      expect(section("Since your last digest")).toContain("Ana made you responsible for 'Order saline'");
      // Due tomorrow, and done: neither is due nor late (their assignments are news, though).
      for (const title of ["Due today", "Late"]) {
        expect(section(title)).not.toContain("Plan January");
        expect(section(title)).not.toContain("Old audit");
      }
      expect(text).not.toMatch(/is blocked/);
      expect(mail.html).toContain("Order saline");
      const unsubscribe = mail.headerLines.find((l) => l.key === "list-unsubscribe")?.line ?? "";
      expect(unsubscribe).toContain(`${publicUrl}/api/mail/unsubscribe?token=${ben.user.id}.digest.`);
      expect(mail.headerLines.find((l) => l.key === "list-unsubscribe-post")?.line).toMatch(
        /List-Unsubscribe=One-Click/,
      );
    });

    it("lists the person's in-progress cards that are past their space's service-level target", async () => {
      const f = factories(h.app);
      const cy = await person("Cy", "Europe/Paris");
      const workspace = await f.workspace(ana, { name: "Complaints" });
      await f.member(ana, workspace.id, cy, "member");
      const space = await f.space(ana, workspace.id, { name: "Letters" });
      expect((await ana.patch(`/api/spaces/${space.id}`, { serviceLevelDays: 3 })).statusCode).toBe(200);
      const doing = (await f.statuses(ana, space.id)).find((s: Status) => s.role === "in_progress");
      const started = async (name: string, daysAgo: number) => {
        const card = await planned(ana, space.id, name, { coworkerIds: [cy.user.id] });
        expect((await ana.post(`/api/cards/${card.id}/move`, { statusId: doing?.id })).statusCode).toBe(200);
        // Dated by the suite's clock: created the day before it started, started `daysAgo` days ago.
        const changes = tables.cardStatusChanges;
        const startedAt = morning.getTime() - daysAgo * 24 * hour - hour;
        await db()
          .update(changes)
          .set({ at: new Date(startedAt - 24 * hour) })
          .where(and(eq(changes.cardId, card.id), ne(changes.toStatusId, doing?.id ?? "")));
        await db()
          .update(changes)
          .set({ at: new Date(startedAt) })
          .where(and(eq(changes.cardId, card.id), eq(changes.toStatusId, doing?.id ?? "")));
        return card;
      };
      // Started six days before the morning: 7 calendar days old, past the 3-day target.
      const late = await started("Answer Mrs Okafor", 6);
      // Started an hour before the morning: 1 day old, within it.
      await started("Answer Mr Lind", 0);
      await forgetOtherMail();
      await build(morning);
      const [mail] = await digestsTo(cy.user.email);
      const text = mail?.textBody ?? "";
      const section = text.split("In progress and at risk\n")[1]?.split("\n\n")[0] ?? "";
      expect(section).toContain("Answer Mrs Okafor (7 d · past its service level)");
      expect(section).toContain(`${publicUrl}/w/${workspace.id}/s/${space.id}/c/${late.id}`);
      expect(section).not.toContain("Mr Lind");
    });

    it("sends nothing when there is nothing to say, before the person's morning, or when they turned it off", async () => {
      const quiet = await person("Quiet", "Europe/Paris");
      const early = await person("Early", "America/New_York");
      const off = await person("Off", "Europe/Paris");
      for (const who of [early, off]) {
        const workspace = await factories(h.app).workspace(who);
        const space = await factories(h.app).space(who, workspace.id);
        await planned(who, space.id, "Due", { dueDate: "2026-12-06", responsibleId: who.user.id });
      }
      await off.patch("/api/me/mail-preferences", { dailyDigest: false });
      await build(morning);
      const rows = await db()
        .select()
        .from(tables.mailDigests)
        .where(inArray(tables.mailDigests.userId, [quiet.user.id, early.user.id, off.user.id]));
      expect(rows.map((r) => ({ userId: r.userId, day: r.localDate, hadNews: r.hadNews }))).toEqual([
        { userId: quiet.user.id, day: "2026-12-07", hadNews: false },
      ]);
      for (const who of [quiet, early, off]) expect(await digestsTo(who.user.email)).toEqual([]);
      // Early's morning comes later that day (07:00 in New York is 12:00 UTC).
      await build(new Date(morning.getTime() + 6 * hour));
      expect((await digestsTo(early.user.email)).map((m) => m.subject)).toEqual([
        "Your Lattice digest for Monday 7 December: 1 thing to look at",
      ]);
    });

    it("sends each person one digest a day, however many rounds run at once, and only news the next day", async () => {
      const f = factories(h.app);
      const cy = await person("Cy", "Europe/Paris");
      const workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, cy, "member");
      const space = await f.space(ana, workspace.id);
      await planned(ana, space.id, "First job", { responsibleId: cy.user.id });
      await dateNotifications(cy.user.id, new Date(morning.getTime() - hour));
      // Several instances, each with its own connections on PostgreSQL; one process on PGlite.
      const handles =
        driver === "pg"
          ? await Promise.all([1, 2, 3].map(() => createDb({ databaseUrl: h.db.url ?? "" })))
          : [];
      try {
        const claimers = driver === "pg" ? handles : [h.db.handle, h.db.handle, h.db.handle];
        await Promise.all(
          claimers.map((handle) => sendDueDigests(handle, { publicUrl, digestHour: 7, now: morning })),
        );
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
      }
      await build(new Date(morning.getTime() + 2 * hour));
      const sent = await digestsTo(cy.user.email);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.textBody).toContain("Ana made you responsible for 'First job'");
      // The next morning: only what happened since (the first job is not told again).
      const nextMorning = new Date(morning.getTime() + 24 * hour);
      await planned(ana, space.id, "Second job", { coworkerIds: [cy.user.id] });
      await db()
        .update(tables.notifications)
        .set({ createdAt: new Date(nextMorning.getTime() - hour) })
        .where(
          and(
            eq(tables.notifications.userId, cy.user.id),
            eq(tables.notifications.kind, "assigned_coworker"),
          ),
        );
      await build(nextMorning);
      const [, second, ...more] = await digestsTo(cy.user.email);
      expect(more).toEqual([]);
      expect(second?.subject).toBe("Your Lattice digest for Tuesday 8 December: 1 thing to look at");
      expect(second?.textBody).toContain("Second job");
      expect(second?.textBody).not.toContain("First job");
    });
  });
};

digestSuite(testDriver());
