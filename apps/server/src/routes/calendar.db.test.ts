/**
 * iCalendar feeds at secret URLs, parsed back with an independent parser (ical.js).
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { addDays, isoDay, type Space, type Workspace } from "@lattice/domain";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
}

const parse = (text: string): ParsedEvent[] => {
  const component = new ICAL.Component(ICAL.parse(text));
  expect(component.name).toBe("vcalendar");
  expect(component.getFirstPropertyValue("version")).toBe("2.0");
  return component.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
    };
  });
};

/** The calendar's name as clients show it (X-WR-CALNAME). */
const calendarName = (text: string): unknown =>
  new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue("x-wr-calname");

const calendarSuite = (driver: TestDriver) => {
  describe(`calendar feeds (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let owner: Client;
    let member: Client;
    let workspace: Workspace;
    let space: Space;

    const fetchFeed = (url: string) => h.app.inject({ method: "GET", url: new URL(url).pathname });

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      owner = await f.user("Olga");
      member = await f.user("Mia");
      workspace = await f.workspace(owner);
      await f.member(owner, workspace.id, member, "member");
      space = await f.space(owner, workspace.id);
    });
    afterAll(async () => h.close());

    it("serves a person's due dates as valid iCalendar at a secret URL, names with commas, quotes and line breaks intact", async () => {
      const tricky = 'Call patients, "urgent"; then\nreport';
      const card = await f.card(owner, space.id, { name: tricky });
      await owner.patch(`/api/cards/${card.id}`, {
        responsibleId: member.user.id,
        startDate: "2027-03-01",
        dueDate: "2027-03-04",
      });
      const undated = await f.card(owner, space.id, { name: "No date" });
      await owner.patch(`/api/cards/${undated.id}`, { coworkerIds: [member.user.id] });
      const created = await member.post("/api/me/calendar-feed");
      expect(created.statusCode).toBe(201);
      const { url } = created.json<{ url: string }>();
      expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const res = await fetchFeed(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
      const events = parse(res.body);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        uid: `${card.id}@lattice`,
        summary: tricky,
        start: "2027-03-01",
        end: "2027-03-05",
      });
      expect((await member.get("/api/me/calendar-feed")).json()).toMatchObject({ isActive: true });
    });

    it("revokes the old URL when the feed is regenerated, and all of it when revoked", async () => {
      const first = (await member.post("/api/me/calendar-feed")).json<{ url: string }>().url;
      const second = (await member.post("/api/me/calendar-feed")).json<{ url: string }>().url;
      expect((await fetchFeed(first)).statusCode).toBe(404);
      expect((await fetchFeed(second)).statusCode).toBe(200);
      expect((await member.delete("/api/me/calendar-feed")).statusCode).toBe(204);
      expect((await fetchFeed(second)).statusCode).toBe(404);
      expect((await member.get("/api/me/calendar-feed")).json()).toMatchObject({ isActive: false });
    });

    it("serves a space's due dates, and stops when its maker loses access to the space", async () => {
      const card = await f.card(owner, space.id, { name: "Space deadline" });
      await owner.patch(`/api/cards/${card.id}`, { dueDate: "2027-05-01" });
      const { url } = (await member.post(`/api/spaces/${space.id}/calendar-feed`)).json<{ url: string }>();
      const events = parse((await fetchFeed(url)).body);
      expect(events.map((e) => e.summary)).toContain("Space deadline");
      await owner.delete(`/api/workspaces/${workspace.id}/members/${member.user.id}`);
      expect((await fetchFeed(url)).statusCode).toBe(404);
      expect((await member.post(`/api/spaces/${space.id}/calendar-feed`)).statusCode).toBe(404);
    });

    it("ends every line, the last one included, with CRLF (RFC 5545 §3.1)", async () => {
      const card = await f.card(owner, space.id, { name: "Line endings" });
      await owner.patch(`/api/cards/${card.id}`, { dueDate: "2027-06-01" });
      const { url } = (await owner.post(`/api/spaces/${space.id}/calendar-feed`)).json<{ url: string }>();
      const body = (await fetchFeed(url)).body;
      expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(body.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    });

    it("raises an event's SEQUENCE and LAST-MODIFIED when its card changes, so subscribed clients update", async () => {
      const card = await f.card(owner, space.id, { name: "Moving deadline" });
      await owner.patch(`/api/cards/${card.id}`, { dueDate: "2027-07-01" });
      const { url } = (await owner.post(`/api/spaces/${space.id}/calendar-feed`)).json<{ url: string }>();
      const revisionOf = async () => {
        const calendar = new ICAL.Component(ICAL.parse((await fetchFeed(url)).body));
        const event = calendar
          .getAllSubcomponents("vevent")
          .find((v) => v.getFirstPropertyValue("uid") === `${card.id}@lattice`);
        if (!event) throw new Error("the card's event is missing");
        const lastModified = event.getFirstPropertyValue("last-modified");
        if (!(lastModified instanceof ICAL.Time)) throw new Error("LAST-MODIFIED is missing");
        return {
          sequence: Number(event.getFirstPropertyValue("sequence")),
          lastModified: lastModified.toJSDate().getTime(),
          start: new ICAL.Event(event).startDate.toString(),
        };
      };
      const before = await revisionOf();
      const moved = await owner.patch(`/api/cards/${card.id}`, { dueDate: "2027-07-15" });
      const after = await revisionOf();
      expect(after.start).toBe("2027-07-15");
      expect(after.sequence).toBeGreaterThan(before.sequence);
      expect(after.lastModified).toBeGreaterThanOrEqual(before.lastModified);
      // LAST-MODIFIED is the card's own last change, to the second.
      expect(after.lastModified).toBe(
        Math.floor(Date.parse(moved.json<{ updatedAt: string }>().updatedAt) / 1000) * 1000,
      );
    });

    it("writes a feed in its owner's language: German for a German owner, Arabic for an Arabic one, English for an unshipped language", async () => {
      const speaking = async (name: string, locale: string): Promise<Client> => {
        const client = await f.user(name);
        expect((await client.patch("/api/me/settings", { locale })).statusCode).toBe(200);
        await f.member(owner, workspace.id, client, "member");
        return client;
      };
      const greta = await speaking("Greta", "de");
      const amal = await speaking("Amal", "ar");
      const francois = await speaking("Francois", "fr");
      const ward = await f.space(owner, workspace.id, { name: "Ward" });
      // A week from today (the feed lists a year ahead of today), weekly on Tuesdays, three times in all,
      // each made two days before its date.
      const start = addDays(isoDay(new Date()), 7);
      const card = await f.card(owner, ward.id, { name: "Ward round" });
      expect(
        (
          await owner.patch(`/api/cards/${card.id}`, {
            startDate: start,
            dueDate: start,
            coworkerIds: [greta.user.id, amal.user.id, francois.user.id],
          })
        ).statusCode,
      ).toBe(200);
      const repeated = await owner.put(`/api/cards/${card.id}/repeat`, {
        rule: "FREQ=WEEKLY;BYDAY=TU",
        ends: { kind: "after", count: 3 },
        createWhen: "before_start",
        daysBefore: 2,
      });
      expect(repeated.statusCode, repeated.body).toBe(200);
      const feedOf = async (who: Client) => {
        const { url } = (await who.post("/api/me/calendar-feed")).json<{ url: string }>();
        const res = await fetchFeed(url);
        expect(res.statusCode).toBe(200);
        const events = parse(res.body);
        return {
          name: calendarName(res.body),
          card: events.find((e) => e.uid === `${card.id}@lattice`),
          repeats: events.filter((e) => e.uid !== `${card.id}@lattice`),
        };
      };

      const german = await feedOf(greta);
      expect(german.name).toBe("Meine Karten · Lattice");
      expect(german.card?.summary).toBe("Ward round");
      expect(german.card?.description).toMatch(/^Ward · /);
      expect(german.repeats.length).toBeGreaterThan(0);
      for (const event of german.repeats) {
        expect(event.summary).toBe("Ward round (wiederholt sich)");
        expect(event.description).toContain(
          "Ward · Wiederholt sich jede Woche am Dienstag, 3-mal; nächstes Mal am ",
        );
        expect(event.description).toContain(
          "Noch nicht angelegt: Die Karte erscheint 2 Tage vor ihrem Datum.",
        );
      }

      const arabic = await feedOf(amal);
      expect(arabic.name).toBe("بطاقاتي · Lattice");
      expect(arabic.card?.summary).toBe("Ward round");
      expect(arabic.repeats.length).toBeGreaterThan(0);
      for (const event of arabic.repeats) {
        expect(event.summary).toBe("Ward round (متكررة)");
        expect(event.description).toContain("Ward · تتكرر كل أسبوع يوم الثلاثاء");
        expect(event.description).toContain("الموعد التالي");
        expect(event.description).toContain("لم تُنشأ بعد: تظهر البطاقة قبل موعدها بيومين.");
      }

      const english = await feedOf(francois);
      expect(english.name).toBe("My cards · Lattice");
      for (const event of english.repeats) {
        expect(event.summary).toBe("Ward round (repeats)");
        expect(event.description).toContain("Ward · Repeats every week on Tuesday, 3 times; next ");
        expect(event.description).toContain("Not made yet: the card appears 2 days before its date.");
      }
      expect(english.repeats.length).toBe(german.repeats.length);
    });

    it("answers an unknown or malformed feed name with a problem, never a calendar", async () => {
      expect(
        (await h.app.inject({ method: "GET", url: `/api/calendar/${"a".repeat(43)}.ics` })).statusCode,
      ).toBe(404);
      expect((await h.app.inject({ method: "GET", url: "/api/calendar/short.ics" })).statusCode).toBe(400);
    });
  });
};

calendarSuite(testDriver());
