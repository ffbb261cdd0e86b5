/**
 * The server speaks the reader's language: activity sentences follow the reading person's
 * `users.locale`, e-mails the recipient's (an invitation to an address without an account, the
 * inviter's), and a new account starts in the browser's language (`Accept-Language`) when the person
 * chose none. Mail goes through the real test SMTP server.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { ActivityPage, Status, User } from "@lattice/domain";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { linkToken, startTestSmtp, type TestSmtp } from "../test/smtp.js";

const publicUrl = "https://lattice.example.test";

const languagesSuite = (driver: TestDriver): void => {
  describe(`the server in the reader's language (${driver})`, () => {
    let h: Harness;
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      h = await startHarness(driver, undefined, { smtpUrl: smtp.url, publicUrl });
    });
    afterAll(async () => {
      await h?.close();
      await smtp?.close();
    });

    const f = () => factories(h.app);
    const speaking = async (name: string, locale: string): Promise<Client> => {
      const client = await f().user(name);
      expect((await client.patch("/api/me/settings", { locale })).statusCode).toBe(200);
      return client;
    };
    const nextMailTo = (address: string): Promise<ParsedMail> => smtp.waitForTo(address);

    describe("activity", () => {
      it("answers the card, space and own activity routes in German for a German reader and in Arabic for an Arabic reader", async () => {
        const ana = await f().user("Ana");
        const greta = await speaking("Greta", "de");
        const amal = await speaking("Amal", "ar");
        const francois = await speaking("Francois", "fr");
        const workspace = await f().workspace(ana);
        for (const reader of [greta, amal, francois]) await f().member(ana, workspace.id, reader, "member");
        const space = await f().space(ana, workspace.id);
        const [, doing] = (await f().statuses(ana, space.id)) as [Status, Status];
        const card = await f().card(ana, space.id, { name: "Triage rota" });
        await ana.post(`/api/cards/${card.id}/move`, { statusId: doing.id });
        await greta.post(`/api/cards/${card.id}/todos`, { text: "Call the ward" });
        await amal.post(`/api/cards/${card.id}/todos`, { text: "Order gloves" });

        const texts = async (reader: Client, url: string) =>
          (await reader.get(url)).json<ActivityPage>().items.map((i) => i.text);
        const cardUrl = `/api/cards/${card.id}/activity`;
        expect(await texts(greta, cardUrl)).toEqual([
          "Amal hat „Triage rota“ eine Aufgabe hinzugefügt",
          "Greta hat „Triage rota“ eine Aufgabe hinzugefügt",
          "Ana hat „Triage rota“ von To Do nach Doing verschoben",
          "Ana hat „Triage rota“ in To Do erstellt",
        ]);
        expect(await texts(amal, cardUrl)).toEqual([
          "أضاف Amal مهمة إلى «Triage rota»",
          "أضاف Greta مهمة إلى «Triage rota»",
          "نقل Ana البطاقة «Triage rota» من To Do إلى Doing",
          "أنشأ Ana البطاقة «Triage rota» في To Do",
        ]);
        // French is a choice the app offers but the server does not ship: English.
        expect(await texts(francois, cardUrl)).toContain("Ana moved 'Triage rota' from To Do to Doing");
        expect(await texts(greta, `/api/spaces/${space.id}/activity`)).toContain(
          "Ana hat „Triage rota“ in To Do erstellt",
        );
        expect(await texts(amal, "/api/me/activity")).toEqual(["أضاف Amal مهمة إلى «Triage rota»"]);
      });
    });

    describe("e-mail", () => {
      it("invites an address without an account in the inviter's language, and one with an account in its own, Arabic right to left", async () => {
        const olga = await speaking("Olga", "de");
        const workspace = await f().workspace(olga, { name: "Station 7" });
        const newcomer = "neu.hier@example.test";
        const toNewcomer = nextMailTo(newcomer);
        await olga.post(`/api/workspaces/${workspace.id}/invitations`, { email: newcomer, role: "member" });
        const german = await toNewcomer;
        expect(german.subject).toBe("Olga hat Sie zu Station 7 auf Lattice eingeladen");
        expect(german.text).toContain("Einladung annehmen");
        expect(german.text).toContain("läuft in 7 Tagen ab");
        expect(german.html).toContain('lang="de" dir="ltr"');

        const amal = await speaking("Amal", "ar");
        const toAmal = nextMailTo(amal.user.email);
        await olga.post(`/api/workspaces/${workspace.id}/invitations`, {
          email: amal.user.email,
          role: "member",
        });
        const arabic = await toAmal;
        expect(arabic.subject).toBe("دعاك Olga إلى Station 7 على Lattice");
        expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
        expect(arabic.text).toContain("اقبل الدعوة");
        expect(arabic.html).not.toMatch(/padding-left|text-align:\s*left/);
      });

      it("sends the password reset link in the person's language", async () => {
        const greta = await speaking("Greta", "de");
        const arrived = nextMailTo(greta.user.email);
        expect(
          (await f().anonymous.post("/api/auth/password/forgot", { email: greta.user.email })).statusCode,
        ).toBeLessThan(300);
        const mail = await arrived;
        expect(mail.subject).toBe("Neues Passwort für Lattice festlegen");
        expect(mail.text).toContain("Hallo Greta,");
        expect(mail.text).toContain("läuft in 60 Minuten ab");
      });
    });

    describe("new accounts", () => {
      const signUp = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
        h.app.inject({
          method: "POST",
          url: "/api/auth/signup",
          headers,
          payload: {
            email: `new.${Math.random().toString(36).slice(2)}@example.test`,
            name: "New",
            password: "a long enough password",
            ...body,
          },
        });

      it("start in the first shipped language of Accept-Language when the sign-up page sent none", async () => {
        const german = await signUp({ "accept-language": "fr-CH, de-AT;q=0.8, en;q=0.5" });
        expect(german.statusCode, german.body).toBe(201);
        expect(german.json<User>().locale).toBe("de");
        const arabic = await signUp({ "accept-language": "ar-EG" });
        expect(arabic.json<User>().locale).toBe("ar");
        // Nothing shipped asked for, or no header: English.
        expect((await signUp({ "accept-language": "fr, it;q=0.5" })).json<User>().locale).toBe("en");
        expect((await signUp({})).json<User>().locale).toBe("en");
      });

      it("keep the language the sign-up page chose over the browser's", async () => {
        const res = await signUp({ "accept-language": "ar" }, { locale: "de" });
        expect(res.json<User>().locale).toBe("de");
      });

      it("made by accepting an invitation start in the browser's language", async () => {
        const owner = await f().user("Owner");
        const workspace = await f().workspace(owner);
        const email = "noor.new@example.test";
        const arrived = nextMailTo(email);
        await owner.post(`/api/workspaces/${workspace.id}/invitations`, { email, role: "member" });
        const token = linkToken(await arrived, "/invite");
        const res = await h.app.inject({
          method: "POST",
          url: "/api/invitations/accept-new",
          headers: { "accept-language": "ar-SA,ar;q=0.9,en;q=0.5" },
          payload: { token, name: "Noor", password: "a long enough password" },
        });
        expect(res.statusCode, res.body).toBe(201);
        const cookie = res.headers["set-cookie"];
        const me = await h.app.inject({
          method: "GET",
          url: "/api/me",
          headers: {
            cookie: (Array.isArray(cookie) ? cookie : [cookie ?? ""]).map((c) => c.split(";")[0]).join("; "),
          },
        });
        expect(me.json<User>().locale).toBe("ar");
      });
    });
  });
};

languagesSuite(testDriver());
