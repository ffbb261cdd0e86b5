/**
 * Bad input at the edges the schemas guard for the database: the NUL character in every text field
 * (PostgreSQL text cannot hold it), dates outside the accepted range (PostgreSQL has no year 0), and
 * paths the router itself refuses. Each is a 4xx problem+json naming the field, and changes nothing.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { dateRange, type Status } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, type Fingerprint, fingerprinter } from "../test/fingerprint.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const NUL = "\u0000";

interface World {
  owner: Client;
  workspaceId: string;
  folderId: string;
  spaceId: string;
  statusId: string;
  cardId: string;
  todoId: string;
  labelId: string;
  commentId: string;
  blockerTypeId: string;
}

interface TextCase {
  method: "POST" | "PATCH" | "PUT" | "GET";
  url: (w: World) => string;
  /** The body with the NUL character in the field under test. */
  body?: (w: World) => Record<string, unknown>;
  field: string;
}

const withNul = (text: string): string => `${text.slice(0, 3)}${NUL}${text.slice(3)}`;

const textCases: TextCase[] = [
  {
    method: "POST",
    url: () => "/api/workspaces",
    body: () => ({ name: withNul("Plans") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: () => "/api/workspaces",
    body: () => ({ name: "Plans", description: withNul("Goals") }),
    field: "body.description",
  },
  {
    method: "PATCH",
    url: (w) => `/api/workspaces/${w.workspaceId}`,
    body: () => ({ name: withNul("Renamed") }),
    field: "body.name",
  },
  {
    method: "PATCH",
    url: (w) => `/api/workspaces/${w.workspaceId}`,
    body: () => ({ description: withNul("Goals") }),
    field: "body.description",
  },
  {
    method: "POST",
    url: (w) => `/api/workspaces/${w.workspaceId}/folders`,
    body: () => ({ name: withNul("Folder") }),
    field: "body.name",
  },
  {
    method: "PATCH",
    url: (w) => `/api/folders/${w.folderId}`,
    body: () => ({ name: withNul("Folder") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: (w) => `/api/workspaces/${w.workspaceId}/spaces`,
    body: () => ({ name: "Ward", description: withNul("Beds") }),
    field: "body.description",
  },
  {
    method: "PATCH",
    url: (w) => `/api/spaces/${w.spaceId}`,
    body: () => ({ name: withNul("Ward") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: (w) => `/api/spaces/${w.spaceId}/statuses`,
    body: () => ({ name: withNul("Review") }),
    field: "body.name",
  },
  {
    method: "PATCH",
    url: (w) => `/api/statuses/${w.statusId}`,
    body: () => ({ name: withNul("Review") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: (w) => `/api/spaces/${w.spaceId}/cards`,
    body: () => ({ name: withNul("Card") }),
    field: "body.name",
  },
  {
    method: "PATCH",
    url: (w) => `/api/cards/${w.cardId}`,
    body: () => ({ description: withNul("Details") }),
    field: "body.description",
  },
  {
    method: "POST",
    url: (w) => `/api/cards/${w.cardId}/todos`,
    body: () => ({ text: withNul("Call") }),
    field: "body.text",
  },
  {
    method: "PATCH",
    url: (w) => `/api/todos/${w.todoId}`,
    body: () => ({ text: withNul("Call") }),
    field: "body.text",
  },
  {
    method: "POST",
    url: (w) => `/api/spaces/${w.spaceId}/labels`,
    body: () => ({ name: withNul("Urgent"), color: "#d9480f" }),
    field: "body.name",
  },
  {
    method: "PATCH",
    url: (w) => `/api/labels/${w.labelId}`,
    body: () => ({ name: withNul("Urgent") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: (w) => `/api/cards/${w.cardId}/comments`,
    body: () => ({ body: withNul("Looks good") }),
    field: "body.body",
  },
  {
    method: "PATCH",
    url: (w) => `/api/comments/${w.commentId}`,
    body: () => ({ body: withNul("Looks good") }),
    field: "body.body",
  },
  {
    method: "POST",
    url: () => "/api/blocker-types",
    body: () => ({ kind: "global", name: withNul("Supplier") }),
    field: "body.name",
  },
  {
    method: "POST",
    url: (w) => `/api/spaces/${w.spaceId}/blocker-types`,
    body: () => ({ name: "Ward", description: withNul("Waiting") }),
    field: "body.description",
  },
  {
    method: "POST",
    url: (w) => `/api/cards/${w.cardId}/blockings`,
    body: (w) => ({ blockerTypeId: w.blockerTypeId, reason: withNul("No beds") }),
    field: "body.reason",
  },
  {
    method: "PUT",
    url: (w) => `/api/cards/${w.cardId}/reminder`,
    body: () => ({ remindAt: "2030-01-01T09:00:00Z", note: withNul("Ring") }),
    field: "body.note",
  },
  {
    method: "GET",
    url: () => `/api/search?q=${encodeURIComponent(withNul("triage"))}`,
    field: "querystring.q",
  },
  {
    method: "GET",
    url: (w) => `/api/cards/${w.cardId}/activity?before=${encodeURIComponent(withNul("12"))}`,
    field: "querystring.before",
  },
];

interface DateCase {
  what: string;
  method: "PATCH" | "PUT" | "GET";
  url: (w: World, value: string) => string;
  body?: (value: string) => Record<string, unknown>;
  field: string;
  /** Values below and above the range; the first is the one that used to fail in the database. */
  outside: string[];
  /** Values at the ends of the range, which must be accepted. */
  inside: string[];
}

const dateCases: DateCase[] = [
  {
    what: "a card's start date",
    method: "PATCH",
    url: (w) => `/api/cards/${w.cardId}`,
    body: (value) => ({ startDate: value, dueDate: null }),
    field: "body.startDate",
    outside: ["0000-01-01", "1899-12-31", "9999-12-31"],
    inside: [dateRange.min, dateRange.max],
  },
  {
    what: "a card's due date",
    method: "PATCH",
    url: (w) => `/api/cards/${w.cardId}`,
    body: (value) => ({ startDate: null, dueDate: value }),
    field: "body.dueDate",
    outside: ["0000-02-29", "1000-01-01", "9999-12-31"],
    inside: [dateRange.min, dateRange.max],
  },
  {
    what: "a reminder's time",
    method: "PUT",
    url: (w) => `/api/cards/${w.cardId}/reminder`,
    body: (value) => ({ remindAt: value }),
    field: "body.remindAt",
    outside: ["0000-01-01T00:00:00Z", "1899-12-31T23:30:00+01:00", "9999-12-31T23:00:00-05:00"],
    inside: ["1900-01-01T00:00:00Z", "9999-12-30T23:59:59Z"],
  },
  {
    what: "a chart period's first day",
    method: "GET",
    url: (w, value) => `/api/spaces/${w.spaceId}/charts/time?from=${value}&to=1900-03-01`,
    field: "querystring.from",
    outside: ["0000-01-01", "1899-12-01"],
    inside: [dateRange.min],
  },
  {
    what: "a chart period's last day",
    method: "GET",
    url: (w, value) => `/api/spaces/${w.spaceId}/charts/cumulative-flow?to=${value}`,
    field: "querystring.to",
    outside: ["0000-01-01", "9999-12-31"],
    inside: [dateRange.max],
  },
  {
    what: "a forecast's target date",
    method: "GET",
    url: (w, value) => `/api/spaces/${w.spaceId}/charts/forecast?targetDate=${value}`,
    field: "querystring.targetDate",
    outside: ["0000-01-01"],
    inside: [dateRange.min],
  },
  {
    what: "the day of a person's work list",
    method: "GET",
    url: (_w, value) => `/api/me/cards?today=${value}`,
    field: "querystring.today",
    outside: ["0000-01-01", "9999-12-31"],
    inside: [dateRange.min, dateRange.max],
  },
];

const inputSuite = (driver: TestDriver): void => {
  describe(`bad input at the database's edges (${driver})`, () => {
    let h: Harness;
    let w: World;
    let fingerprint: () => Promise<Fingerprint>;

    beforeAll(async () => {
      h = await startHarness(driver);
      const f = factories(h.app);
      const owner = await f.user("Owner");
      const workspaceId = (await f.workspace(owner)).id;
      const folderId = (await f.folder(owner, workspaceId)).id;
      const spaceId = (await f.space(owner, workspaceId)).id;
      const [status] = (await f.statuses(owner, spaceId)) as [Status];
      const cardId = (await f.card(owner, spaceId)).id;
      const created = async (url: string, body: unknown) => {
        const res = await owner.post(url, body);
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ id: string }>().id;
      };
      w = {
        owner,
        workspaceId,
        folderId,
        spaceId,
        statusId: status.id,
        cardId,
        todoId: await created(`/api/cards/${cardId}/todos`, { text: "Call the ward" }),
        labelId: await created(`/api/spaces/${spaceId}/labels`, { name: "Urgent", color: "#d9480f" }),
        commentId: await created(`/api/cards/${cardId}/comments`, { body: "Looks good" }),
        blockerTypeId: await created(`/api/spaces/${spaceId}/blocker-types`, { name: "Waiting" }),
      };
      fingerprint = await fingerprinter(h.db.handle.db);
    });
    afterAll(async () => h?.close());

    for (const c of textCases) {
      it(`refuses the NUL character in ${c.field} of ${c.method} ${c.url(placeholderWorld)} with 400, changing nothing`, async () => {
        const before = await fingerprint();
        const res = await w.owner.request(c.method, c.url(w), c.body?.(w));
        const problem = expectProblem(res, 400, "validation_failed", [c.field]);
        expect(problem.errors?.[0]?.message).toMatch(/NUL/);
        expect(changedTables(before, await fingerprint())).toEqual([]);
      });
    }

    it("refuses half of a surrogate pair in free text with 400, changing nothing, and keeps a whole pair", async () => {
      const lone = "Rota \udfff week";
      for (const [url, body, field] of [
        [`/api/spaces/${w.spaceId}/cards`, { name: "Rota", description: lone }, "body.description"],
        [`/api/spaces/${w.spaceId}/cards`, { name: lone }, "body.name"],
        [`/api/cards/${w.cardId}/comments`, { body: lone }, "body.body"],
      ] as const) {
        const before = await fingerprint();
        const res = await w.owner.request("POST", url, body);
        const problem = expectProblem(res, 400, "validation_failed", [field]);
        expect(problem.errors?.[0]?.message).toMatch(/surrogate/);
        expect(changedTables(before, await fingerprint())).toEqual([]);
      }
      const whole = await w.owner.request("POST", `/api/spaces/${w.spaceId}/cards`, { name: "Rota 🗓️ week" });
      expect(whole.statusCode, whole.body).toBe(201);
      expect(whole.json<{ name: string }>().name).toBe("Rota 🗓️ week");
    });

    for (const c of dateCases) {
      it(`accepts ${c.what} from ${dateRange.min} to ${dateRange.max} and refuses one outside with 400`, async () => {
        for (const value of c.outside) {
          const before = await fingerprint();
          const res = await w.owner.request(c.method, c.url(w, value), c.body?.(value));
          const problem = expectProblem(res, 400, "validation_failed", [c.field]);
          expect(problem.detail).toContain(dateRange.min);
          expect(changedTables(before, await fingerprint()), value).toEqual([]);
        }
        for (const value of c.inside) {
          const res = await w.owner.request(c.method, c.url(w, value), c.body?.(value));
          expect(res.statusCode, `${value}: ${res.body}`).toBe(200);
        }
      });
    }

    it("serves a calendar feed and the charts of cards dated at both ends of the range", async () => {
      const early = await factories(h.app).card(w.owner, w.spaceId, { name: "Early" });
      const late = await factories(h.app).card(w.owner, w.spaceId, { name: "Late" });
      for (const [card, date] of [
        [early, dateRange.min],
        [late, dateRange.max],
      ] as const) {
        const res = await w.owner.patch(`/api/cards/${card.id}`, { startDate: date, dueDate: date });
        expect(res.statusCode, res.body).toBe(200);
      }
      const feed = await w.owner.post(`/api/spaces/${w.spaceId}/calendar-feed`);
      expect(feed.statusCode, feed.body).toBe(201);
      const ics = await w.owner.get(new URL(feed.json<{ url: string }>().url, "http://x").pathname);
      expect(ics.statusCode, ics.body).toBe(200);
      expect(ics.body).toContain("DTSTART;VALUE=DATE:19000101");
      expect(ics.body).toContain("DTSTART;VALUE=DATE:99991230");
      const board = await w.owner.get(`/api/spaces/${w.spaceId}/board`);
      expect(board.statusCode, board.body).toBe(200);
      const work = await w.owner.get("/api/me/cards");
      expect(work.statusCode, work.body).toBe(200);
    });

    describe("paths the router refuses", () => {
      it("answers a malformed percent-encoding in the path with 400 problem+json", async () => {
        const res = await w.owner.get("/api/cards/%E0%A4%A");
        expectProblem(res, 400, "validation_failed", ["path"]);
      });

      it("answers an id longer than the router reads like any id that is not a UUID: 400 problem+json", async () => {
        const tooLong = await w.owner.get(`/api/cards/${"a".repeat(201)}`);
        expectProblem(tooLong, 400, "validation_failed", ["path"]);
        const notUuid = await w.owner.get(`/api/cards/${"a".repeat(36)}`);
        expectProblem(notUuid, 400, "validation_failed", ["params.id"]);
      });

      it("answers an unknown route with 404 problem+json, with or without a session", async () => {
        expectProblem(await w.owner.get("/api/no-such-thing"), 404, "not_found");
        expectProblem(await w.owner.request("PATCH", "/api/health", {}), 404, "not_found");
        expectProblem(await factories(h.app).anonymous.get("/api/no-such-thing"), 401, "unauthenticated");
      });

      it("answers a plain request to the WebSocket endpoint with problem+json", async () => {
        const anonymous = await factories(h.app).anonymous.get("/api/ws");
        expectProblem(anonymous, 401, "unauthenticated");
        const res = await w.owner.get("/api/ws");
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      });
    });
  });
};

/** Only for test names: the URL templates with readable placeholders. */
const placeholderWorld: World = new Proxy({} as World, {
  get: (_target, key) => (key === "owner" ? undefined : `{${String(key)}}`),
});

inputSuite(testDriver());
