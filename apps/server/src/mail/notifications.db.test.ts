import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { defaultMailPreferences, type MailPreferences, type Notification } from "@lattice/domain";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { startTestSmtp, type TestSmtp } from "../test/smtp.js";
import { sendDueMail } from "./queue.js";
import { smtpSender } from "./smtp.js";

const publicUrl = "https://lattice.example.test";
const delayMs = 300_000;

/** A raw header line of a received message (mailparser folds List-* headers into objects). */
const headerLine = (mail: ParsedMail, name: string): string | undefined =>
  mail.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, "");

const notificationMailSuite = (driver: TestDriver): void => {
  describe(`notifications by e-mail (${driver})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    let send: ReturnType<typeof smtpSender>;
    // No SMTP_URL for the app: no sender of its own runs, so each round here is the only one.
    beforeAll(async () => {
      smtp = await startTestSmtp();
      send = smtpSender(smtp.url, "Lattice <lattice@example.test>");
      h = await startHarness(driver, undefined, { publicUrl, notificationMailDelayMs: delayMs });
    });
    afterAll(async () => {
      send?.close();
      await h?.close();
      await smtp?.close();
    });

    const round = () => sendDueMail(h.db.handle, send.send, { messageIdHost: "lattice.example.test" });
    const queuedFor = (email: string) =>
      h.db.handle.db
        .select()
        .from(tables.mailMessages)
        .where(and(eq(tables.mailMessages.toAddress, email), eq(tables.mailMessages.kind, "notification")));
    /** What time passing would do: the grace period of every queued message is over. */
    const endGracePeriods = () =>
      h.db.handle.db
        .update(tables.mailMessages)
        .set({ nextAttemptAt: sql`now() - interval '1 second'` })
        .where(eq(tables.mailMessages.kind, "notification"));

    const team = async () => {
      const f = factories(h.app);
      const ana = await f.user("Ana");
      const ben = await f.user("Ben");
      const workspace = await f.workspace(ana, { name: "Ward 4" });
      await f.member(ana, workspace.id, ben, "member");
      const space = await f.space(ana, workspace.id);
      const card = await f.card(ana, space.id, { name: "Night <rota>" });
      const mention = () =>
        ana.post(`/api/cards/${card.id}/comments`, {
          body: `@[${ben.user.name}](${ben.user.id}) can you cover?`,
        });
      // The invitations that built the team count as delivered: the rounds here send notifications only.
      await h.db.handle.db
        .update(tables.mailMessages)
        .set({ sentAt: sql`now()` })
        .where(and(isNull(tables.mailMessages.sentAt), ne(tables.mailMessages.kind, "notification")));
      return { f, ana, ben, workspace, space, card, mention };
    };

    describe("choices", () => {
      it("starts from the defaults: mentions and reminders at once, the rest in the digest", async () => {
        const { ben } = await team();
        const res = await ben.get("/api/me/mail-preferences");
        expect(res.statusCode).toBe(200);
        expect(res.json<MailPreferences>()).toEqual(defaultMailPreferences);
        expect(defaultMailPreferences.topics).toMatchObject({
          mentioned: "instant",
          reminder: "instant",
          assigned: "digest",
          blocked: "digest",
          commented: "digest",
        });
      });

      it("keeps a changed topic and leaves the others as they were", async () => {
        const { ben } = await team();
        const res = await ben.patch("/api/me/mail-preferences", { topics: { blocked: "never" } });
        expect(res.statusCode, res.body).toBe(200);
        const expected = {
          ...defaultMailPreferences,
          topics: { ...defaultMailPreferences.topics, blocked: "never" },
        };
        expect(res.json()).toEqual(expected);
        expect((await ben.get("/api/me/mail-preferences")).json()).toEqual(expected);
        const off = await ben.patch("/api/me/mail-preferences", { dailyDigest: false });
        expect(off.json<MailPreferences>()).toEqual({ ...expected, dailyDigest: false });
      });

      it("refuses an unknown topic, an unknown choice or an extra field, and changes nothing", async () => {
        const { ben } = await team();
        await ben.patch("/api/me/mail-preferences", { topics: { commented: "instant" } });
        const before = (await ben.get("/api/me/mail-preferences")).json();
        expectProblem(
          await ben.patch("/api/me/mail-preferences", { topics: { gossip: "never" } }),
          400,
          "validation_failed",
        );
        expectProblem(
          await ben.patch("/api/me/mail-preferences", { topics: { mentioned: "hourly" } }),
          400,
          "validation_failed",
        );
        expectProblem(
          await ben.patch("/api/me/mail-preferences", { dailyDigest: "yes" }),
          400,
          "validation_failed",
        );
        expectProblem(
          await ben.patch("/api/me/mail-preferences", { theme: "dark" }),
          400,
          "validation_failed",
        );
        expect((await ben.get("/api/me/mail-preferences")).json()).toEqual(before);
        expectProblem(
          await factories(h.app).anonymous.get("/api/me/mail-preferences"),
          401,
          "unauthenticated",
        );
      });
    });

    describe("instantly", () => {
      it("queues a mention after the grace period, in the transaction of the notification", async () => {
        const { ben, mention } = await team();
        const before = Date.now();
        expect((await mention()).statusCode).toBe(201);
        const [queued, ...more] = await queuedFor(ben.user.email);
        expect(more).toEqual([]);
        if (!queued) throw new Error("no message queued");
        const notification = (await ben.get("/api/notifications")).json<{ items: Notification[] }>().items[0];
        expect(queued.notificationId).toBe(notification?.id);
        const wait = queued.nextAttemptAt.getTime() - before;
        expect(wait).toBeGreaterThan(delayMs - 60_000);
        expect(wait).toBeLessThan(delayMs + 60_000);
        // Not due yet: a round now sends nothing to Ben.
        await round();
        const [still] = await queuedFor(ben.user.email);
        expect(still?.sentAt).toBeNull();
        expect(still?.attempts).toBe(0);
      });

      it("drops the message when the notification was read in the app before it was due", async () => {
        const { ben, mention } = await team();
        await mention();
        const { items } = (await ben.get("/api/notifications")).json<{ items: Notification[] }>();
        expect((await ben.post("/api/notifications/read", { ids: items.map((n) => n.id) })).statusCode).toBe(
          200,
        );
        await endGracePeriods();
        await round();
        const [dropped] = await queuedFor(ben.user.email);
        expect(dropped?.cancelledAt).not.toBeNull();
        expect(dropped?.sentAt).toBeNull();
        expect(dropped?.attempts).toBe(0);
        const toBen = smtp.messages.filter((m) => JSON.stringify(m.to).includes(ben.user.email));
        expect(toBen).toEqual([]);
      });

      it("sends an unread one with text and HTML parts, a deep link and one-click unsubscribe headers", async () => {
        const { ben, mention, workspace, space, card } = await team();
        await mention();
        await endGracePeriods();
        const arrived = smtp.waitForTo(ben.user.email);
        await round();
        const mail = await arrived;
        expect(mail.subject).toBe(`Ana mentioned you on 'Night <rota>'`);
        const link = `${publicUrl}/w/${workspace.id}/s/${space.id}/c/${card.id}`;
        expect(mail.text).toContain(link);
        expect(mail.html).toContain(link);
        expect(mail.html).toContain("Night &lt;rota&gt;");
        expect(mail.html).not.toContain("<rota>");
        expect(mail.text).toContain("Ward 4");
        const unsubscribe = headerLine(mail, "List-Unsubscribe") ?? "";
        expect(unsubscribe).toMatch(new RegExp(`^<${publicUrl}/api/mail/unsubscribe\\?token=[^>]+>$`));
        expect(headerLine(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
        const [sent] = await queuedFor(ben.user.email);
        expect(sent?.sentAt).not.toBeNull();
      });

      it("queues nothing for a topic chosen for the digest or never, nor about one's own doing", async () => {
        const { ana, ben, card, mention } = await team();
        await ben.patch("/api/me/mail-preferences", { topics: { mentioned: "never" } });
        await mention();
        // Made responsible: the digest by default.
        expect((await ana.patch(`/api/cards/${card.id}`, { responsibleId: ben.user.id })).statusCode).toBe(
          200,
        );
        expect(await queuedFor(ben.user.email)).toEqual([]);
        expect(await queuedFor(ana.user.email)).toEqual([]);
        const kinds = (await ben.get("/api/notifications"))
          .json<{ items: Notification[] }>()
          .items.map((n) => n.kind);
        expect(kinds.sort()).toEqual(["assigned_responsible", "mentioned"]);
      });

      it("mails a comment on a followed card to a follower who wants comments at once", async () => {
        const { ana, ben, card } = await team();
        await ben.patch("/api/me/mail-preferences", { topics: { commented: "instant" } });
        await ana.patch(`/api/cards/${card.id}`, { coworkerIds: [ben.user.id] });
        await ana.post(`/api/cards/${card.id}/comments`, { body: "Swapped Tuesday with Thursday" });
        const queued = await queuedFor(ben.user.email);
        expect(queued.map((m) => m.subject)).toEqual([`Ana commented on 'Night <rota>'`]);
      });
    });

    describe("unsubscribe links", () => {
      const linkFor = async (ben: Client, mention: () => Promise<unknown>) => {
        await mention();
        const [queued] = await queuedFor(ben.user.email);
        const header = queued?.headers["List-Unsubscribe"] ?? "";
        const url = new URL(header.slice(1, -1));
        return { path: `${url.pathname}${url.search}`, token: url.searchParams.get("token") ?? "" };
      };
      const prefsOf = async (client: Client) =>
        (await client.get("/api/me/mail-preferences")).json<MailPreferences>();

      it("opened in a browser, changes nothing and sends to the page that asks to confirm", async () => {
        const { ben, mention, f } = await team();
        const { path, token } = await linkFor(ben, mention);
        const res = await f.anonymous.get(path);
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`/unsubscribe#${encodeURIComponent(token)}`);
        expect(await prefsOf(ben)).toEqual(defaultMailPreferences);
        const preview = await f.anonymous.post("/api/mail/unsubscribe/preview", { token });
        expect(preview.json()).toEqual({ scope: "mentioned", isOff: false });
      });

      it("turns the topic off with the one-click POST of a mail client, without signing in", async () => {
        const { ben, mention, f, ana } = await team();
        const { path, token } = await linkFor(ben, mention);
        const res = await h.app.inject({
          method: "POST",
          url: path,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "List-Unsubscribe=One-Click",
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ scope: "mentioned", isOff: true });
        expect((await prefsOf(ben)).topics.mentioned).toBe("never");
        expect(await prefsOf(ana)).toEqual(defaultMailPreferences);
        // Clicking again is harmless.
        expect((await f.anonymous.post(path)).statusCode).toBe(200);
        expect((await f.anonymous.post("/api/mail/unsubscribe/preview", { token })).json()).toEqual({
          scope: "mentioned",
          isOff: true,
        });
      });

      it("refuses an altered, cut or borrowed link with a sentence, and changes nothing", async () => {
        const { ben, ana, mention, f } = await team();
        const { token } = await linkFor(ben, mention);
        const last = token.at(-1) === "A" ? "B" : "A";
        const altered = `${token.slice(0, -1)}${last}`;
        const otherTopic = token.replace(".mentioned.", ".assigned.");
        const someoneElse = token.replace(ben.user.id, ana.user.id);
        for (const bad of [altered, token.slice(0, -5), otherTopic, someoneElse, "nonsense"]) {
          const res = await f.anonymous.post(`/api/mail/unsubscribe?token=${encodeURIComponent(bad)}`);
          expect(expectProblem(res, 404, "not_found").detail).toMatch(/link does not work/);
          expectProblem(
            await f.anonymous.post("/api/mail/unsubscribe/preview", { token: bad }),
            404,
            "not_found",
          );
        }
        expectProblem(await f.anonymous.post("/api/mail/unsubscribe"), 400, "validation_failed");
        expect(await prefsOf(ben)).toEqual(defaultMailPreferences);
        expect(await prefsOf(ana)).toEqual(defaultMailPreferences);
      });
    });
  });
};

notificationMailSuite(testDriver());
