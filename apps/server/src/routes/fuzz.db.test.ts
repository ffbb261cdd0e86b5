/**
 * Property-based fuzzing of every operation in the OpenAPI document (so routes added later are
 * fuzzed without being listed here). For each operation, fast-check generates requests from the
 * operation's own schemas (path parameters, query, JSON body, multipart files) and then spoils them: wrong types,
 * missing and extra fields, huge and odd strings (NUL, lone surrogates, bidi controls), bad ids
 * (not UUIDs, too long, bad percent-encoding), bad JSON, wrong content types, bodies above the
 * limit. Ids are mostly real ones of a built world (of the kind the path or field names), so
 * requests reach the handlers and not only the validators. Sent as each kind of caller.
 *
 * Every answer must be below 500; every error must be problem+json; and after a refused (4xx)
 * request the database must be exactly as before (a fingerprint of every table).
 *
 * Seeded: FUZZ_SEED (default 20261206) and FUZZ_RUNS (requests per operation, default 20) replay a
 * run; a failure names both. The WebSocket endpoint (/api/ws) is not in the OpenAPI document and is
 * fuzzed by the hub's own suites, not here.
 */
import { randomUUID } from "node:crypto";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Status } from "@lattice/domain";
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { changedTables, type Fingerprint, fingerprinter } from "../test/fingerprint.js";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { multipartBody } from "../test/multipart.js";

const baseSeed = Number(process.env.FUZZ_SEED ?? 20261206);
const runsPerOperation = Number(process.env.FUZZ_RUNS ?? 20);
const bodyLimit = 1_048_576;

// ---------- the OpenAPI document, as much of JSON Schema as our routes use ----------

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

interface Operation {
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | null;
  /** The operation takes multipart/form-data (uploads): its parts are generated instead of JSON. */
  isMultipart: boolean;
}

const operationsOf = (document: OpenApiDocument): Operation[] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (operation.parameters ?? []).filter((p) => p.in === "path"),
      queryParams: (operation.parameters ?? []).filter((p) => p.in === "query"),
      body: operation.requestBody?.content["application/json"]?.schema ?? null,
      isMultipart: operation.requestBody?.content["multipart/form-data"] !== undefined,
    })),
  );

// ---------- generated values ----------

/** The callers: a private workspace's owner (also the instance administrator), member and visitor,
 * a user outside it, and nobody. */
const roles = ["owner", "member", "visitor", "outsider", "anonymous"] as const;
type Role = (typeof roles)[number];

/**
 * Pools of real values that grow as the run creates things, by kind: the path segment that names
 * them ("cards", "spaces", "blocker-types"...), plus "users", "emails", "calendar" (feed files) and
 * "any". Drawn by index when the request is sent, so a pick made early can name a thing made later.
 */
type Pools = Map<string, string[]>;
class PoolPick {
  constructor(
    readonly pool: string,
    readonly index: number,
  ) {}
}
const pick = (pool: string) => fc.nat().map((index) => new PoolPick(pool, index));

/** The kind of id a body field holds, from its name: statusId → statuses, labelIds → labels. */
const kindOfField = (name: string): string => {
  const stem = name.replace(/Ids?$/, "");
  const synonyms: Record<string, string> = {
    responsible: "users",
    coworker: "users",
    parentFolder: "folders",
  };
  const kebab = stem.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return (
    synonyms[stem] ??
    (stem === "" || stem === "after" || stem === "before" ? "any" : `${kebab}s`.replace(/uss$/, "uses"))
  );
};

const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "a\udfffb",
  "\u202eevil",
  "\u200b",
  "\ufeffbom",
  "👩‍⚕️🏥",
  "Ω≈ç√∫",
  "'; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "%s%n%x",
  "\\",
  "\n\r\t",
  "../../etc/passwd",
  "null",
  "true",
  "-1",
  "1e309",
];

/**
 * One character of a string a person might type, or not: mostly printable, sometimes a control
 * character, NUL, a lone surrogate, a bidi override or any UTF-16 code unit.
 */
const oddCharacter = fc.oneof(
  { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "\u0000",
      "\ud800",
      "\udfff",
      "\u202e",
      "\u200b",
      "\ufeff",
      "\n",
      "é",
      "中",
      "😀",
    ),
  },
  { weight: 1, arbitrary: fc.nat(0xffff).map((c) => String.fromCharCode(c)) },
);

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  // Any UTF-16 code unit, lone surrogates included.
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  },
  { weight: 1, arbitrary: fc.constantFrom(20_001, 100_000).map((n) => "x".repeat(n)) },
);

const wrongTyped = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, 1e308, -0, [], {}, [null], { a: 1 }),
  fc.integer(),
  fc.double(),
  nastyString,
  fc.array(fc.uuid(), { minLength: 101, maxLength: 101 }),
  fc.nat(64).map((depth) => {
    let nested: unknown = 1;
    for (let i = 0; i < depth; i++) nested = [nested];
    return nested;
  }),
);

const isoDateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dateArb = fc.oneof(
  fc.constantFrom("1900-01-01", "9999-12-30", "9999-12-31", "0000-01-01", "2028-02-29", "2027-02-29"),
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map(isoDateOf),
);
const dateTimeArb = fc.oneof(
  fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00", "2030-01-01T09:00:00+14:00"),
  fc
    .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
);

/**
 * A value the schema would accept, mostly: edges of lengths and ranges included. `kind` names the
 * pool an id comes from when the field name does not say (a path parameter).
 */
const validish = (schema: JsonSchema, name = "", kind?: string): fc.Arbitrary<unknown> => {
  const value = validishValue(schema, name, kind);
  return schema.nullable
    ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
    : value;
};

const validishValue = (schema: JsonSchema, name: string, kind?: string): fc.Arbitrary<unknown> => {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => validish(branch, name, kind)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, validish(child, key)]),
      );
      return fc.record(fields, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
    }
    case "array":
      return fc.array(validish(schema.items ?? {}, name, kind), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case "integer":
    case "number": {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    }
    case "boolean":
      return fc.boolean();
    case "string":
      return validishString(schema, name, kind);
    default:
      return wrongTyped;
  }
};

const validishString = (schema: JsonSchema, name: string, kind?: string): fc.Arbitrary<unknown> => {
  if (schema.format === "uuid")
    return fc.oneof(
      { weight: 4, arbitrary: pick(kind ?? kindOfField(name)) },
      { weight: 1, arbitrary: pick("any") },
      { weight: 1, arbitrary: fc.uuid() },
    );
  if (schema.format === "date") return dateArb;
  if (schema.format === "date-time") return dateTimeArb;
  if (name === "email")
    return fc.oneof(
      pick("emails"),
      fc.emailAddress(),
      fc.uuid().map((u) => `new.${u}@example.test`),
    );
  if (schema.pattern?.includes(".ics"))
    return fc.oneof(pick("calendar"), fc.stringMatching(new RegExp(schema.pattern)));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.string({ unit: oddCharacter, minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }),
    },
    { weight: 1, arbitrary: fc.constantFrom(min, max, max + 1).map((n) => "w".repeat(n)) },
    { weight: 1, arbitrary: fc.constant("  padded  ") },
  );
};

// ---------- spoiling a value ----------

const extraKeys = ["extra", "__proto__", "constructor", "id", "workspaceId", "isAdmin", "role", "createdAt"];

/** Spoils one thing in a body or query object: a field missing, extra, or of the wrong kind. */
const spoiled = (valid: fc.Arbitrary<unknown>, schema: JsonSchema | null): fc.Arbitrary<unknown> => {
  const keys = Object.keys(schema?.properties ?? {});
  const withKeys = keys.length > 0;
  return fc.oneof(
    { weight: 1, arbitrary: wrongTyped },
    {
      weight: withKeys ? 3 : 0,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...(withKeys ? keys : ["x"])), wrongTyped)
        .map(([value, key, bad]) => ({ ...asObject(value), [key]: bad })),
    },
    {
      weight: withKeys ? 1 : 0,
      arbitrary: fc.tuple(valid, fc.constantFrom(...(withKeys ? keys : ["x"]))).map(([value, key]) => {
        const copy = { ...asObject(value) };
        delete copy[key];
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...extraKeys), wrongTyped)
        .map(([value, key, extra]) => withField(asObject(value), key, extra)),
    },
  );
};

/** Sets a field as an own property, so "__proto__" is sent as a field rather than lost. */
const defineField = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const withField = (value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) defineField(copy, k, v);
  defineField(copy, key, extra);
  return copy;
};

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof PoolPick)
    ? (value as Record<string, unknown>)
    : {};

// ---------- requests ----------

interface RawBody {
  contentType: string | null;
  text: string;
}

interface PlannedRequest {
  role: Role;
  pathValues: Record<string, unknown>;
  query: Array<[string, unknown]>;
  /** A value sent as JSON, raw text with a content type, or nothing. */
  body: { json: unknown } | { raw: RawBody } | null;
  headers: Record<string, string>;
}

const badPathValues = [
  "not-a-uuid",
  "a".repeat(201),
  "%E0%A4%A",
  "%",
  "%00",
  "%2F",
  "..",
  "%2e%2e",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5dx",
  "%F0%9F%98%80",
  "__proto__",
  "-1",
  "%20",
];

const pathValue = (param: Parameter, kind: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: validish(param.schema, param.name, kind) },
    { weight: 1, arbitrary: fc.constantFrom(...badPathValues).map((raw) => ({ raw })) },
    { weight: 1, arbitrary: nastyString },
  );

const queryEntries = (params: Parameter[]): fc.Arbitrary<Array<[string, unknown]>> => {
  const each = params.map((param) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<Array<[string, unknown]>>([]) },
      {
        weight: 4,
        arbitrary: validish(param.schema, param.name).map((v): Array<[string, unknown]> => [[param.name, v]]),
      },
      { weight: 2, arbitrary: wrongTyped.map((v): Array<[string, unknown]> => [[param.name, v]]) },
      {
        weight: 1,
        arbitrary: fc.tuple(validish(param.schema, param.name), validish(param.schema, param.name)).map(
          ([a, b]): Array<[string, unknown]> => [
            [param.name, a],
            [param.name, b],
          ],
        ),
      },
    ),
  );
  const extra = fc.oneof(
    { weight: 5, arbitrary: fc.constant<Array<[string, unknown]>>([]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...extraKeys), nastyString)
        .map(([k, v]): Array<[string, unknown]> => [[k, v]]),
    },
    { weight: 1, arbitrary: fc.constant<Array<[string, unknown]>>([["q", { raw: "%E0%A4%A" }]]) },
  );
  return fc.tuple(fc.tuple(...each), extra).map(([entries, more]) => [...entries.flat(), ...more]);
};

const rawBodies: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom<RawBody>(
    { contentType: "application/json", text: "{" },
    { contentType: "application/json", text: '{"name":' },
    { contentType: "application/json", text: "[1,2" },
    { contentType: "application/json", text: '{"a":1}}' },
    { contentType: "application/json", text: "\ufeff{}" },
    { contentType: "application/json", text: "nul\u0000l" },
    { contentType: "application/json", text: "null" },
    { contentType: "application/json", text: '"text"' },
    { contentType: "application/json", text: "12" },
    { contentType: "application/json", text: '{"__proto__":{"isAdmin":true}}' },
    { contentType: "application/json; charset=utf-16", text: "{}" },
    { contentType: "APPLICATION/JSON", text: '{"name":"Upper"}' },
    { contentType: "text/plain", text: '{"name":"Plain"}' },
    { contentType: "application/x-www-form-urlencoded", text: "name=Form" },
    {
      contentType: "multipart/form-data; boundary=x",
      text: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nA\r\n--x--',
    },
    { contentType: "application/xml", text: "<name>X</name>" },
    { contentType: "", text: "{}" },
    { contentType: null, text: '{"name":"No type"}' },
  ),
  // Just above the body limit, as valid JSON.
  fc.constant<RawBody>({
    contentType: "application/json",
    text: JSON.stringify({ name: "x".repeat(bodyLimit) }),
  }),
);

/** Mostly what a script sends; now and then a foreign origin or an odd idempotency key. */
const headersArb: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    fc.constantFrom(true, true, true, false),
    fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom("http://evil.example", "null", "not a url") },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."abcXYZ019-_~"), maxLength: 300 }) },
    ),
  )
  .map(([hasClientHeader, origin, idempotencyKey]) => ({
    ...(hasClientHeader ? { "x-lattice-client": "fuzz" } : {}),
    ...(origin !== null ? { origin } : {}),
    ...(idempotencyKey !== null ? { "idempotency-key": idempotencyKey } : {}),
  }));

/** The kind of a path parameter: the segment before it, e.g. /api/cards/{id} → cards. */
const kindOfParam = (path: string, name: string): string => {
  const segments = path.split("/");
  return segments[segments.indexOf(`{${name}}`) - 1] ?? "any";
};

/** The kind of what a POST creates: the path's last named segment, e.g. /api/spaces/{id}/cards → cards. */
const kindCreatedBy = (path: string): string =>
  path
    .split("/")
    .filter((segment) => segment !== "" && !segment.startsWith("{"))
    .at(-1) ?? "any";

/**
 * multipart/form-data bodies: files in the field `file` with ordinary and nasty names (separators,
 * control characters, NUL) and contents (empty, text, bytes), now and then in a field of another
 * name, with a part's end missing, or with a boundary that never comes.
 */
const multipartBodies: fc.Arbitrary<RawBody> = fc
  .tuple(
    fc.array(
      fc.record({
        field: fc.constantFrom("file", "file", "file", "photo", "__proto__"),
        name: fc.oneof(
          fc.constantFrom(
            "rota.pdf",
            "scan.png",
            "notes.txt",
            "../../etc/passwd",
            "a\\b.txt",
            "..",
            "x\u0000.txt",
          ),
          nastyString,
        ),
        data: fc.oneof(
          fc.constant(""),
          fc.string({ maxLength: 200 }),
          fc.constantFrom("<html><script>alert(1)</script></html>", "%PDF-1.4\n", "\u0089PNG\r\n\u001a\n"),
        ),
      }),
      { minLength: 0, maxLength: 3 },
    ),
    fc.constantFrom("whole", "whole", "whole", "cut", "no-end"),
  )
  .map(([parts, shape]) => {
    const boundary = "fuzzboundary";
    let text = parts
      .map(
        (part) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.name.replaceAll('"', "%22")}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n${part.data}\r\n`,
      )
      .join("");
    if (shape === "whole") text += `--${boundary}--\r\n`;
    if (shape === "cut") text = text.slice(0, Math.floor(text.length / 2));
    return { contentType: `multipart/form-data; boundary=${boundary}`, text };
  });

const requestArb = (op: Operation): fc.Arbitrary<PlannedRequest> => {
  const validBody = op.body ? validish(op.body) : fc.constant(undefined);
  const body = op.isMultipart
    ? fc.oneof(
        { weight: 8, arbitrary: multipartBodies.map((raw) => ({ raw })) },
        { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
        { weight: 1, arbitrary: wrongTyped.map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.constant(null) },
      )
    : op.body
      ? fc.oneof(
          { weight: 6, arbitrary: validBody.map((json) => ({ json })) },
          { weight: 4, arbitrary: spoiled(validBody, op.body).map((json) => ({ json })) },
          { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: wrongTyped.map((json) => ({ json })) },
          { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
        );
  return fc.record({
    role: fc.constantFrom<Role>(
      "owner",
      "owner",
      "owner",
      "member",
      "member",
      "visitor",
      "outsider",
      "anonymous",
    ),
    pathValues: fc.record(
      Object.fromEntries(op.pathParams.map((p) => [p.name, pathValue(p, kindOfParam(op.path, p.name))])),
    ),
    query: queryEntries(op.queryParams),
    body,
    headers: headersArb,
  });
};

// ---------- the run ----------

const resolve = (value: unknown, pools: Pools): unknown => {
  if (value instanceof PoolPick) {
    const pool = pools.get(value.pool) ?? pools.get("any") ?? [];
    return pool.length > 0 ? pool[value.index % pool.length] : randomUUID();
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, pools));
  if (value !== null && typeof value === "object") {
    // Rebuilt key by key so a "__proto__" field stays a field.
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) defineField(out, key, resolve(v, pools));
    return out;
  }
  return value;
};

/** A path or query value as it appears in the URL: encoded, unless it is a deliberately raw one. */
const urlPart = (value: unknown): string => {
  if (value !== null && typeof value === "object" && "raw" in value)
    return String((value as { raw: unknown }).raw);
  return percentEncode(typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
};

/**
 * encodeURIComponent, except that a lone surrogate (which has no UTF-8 form) is sent as the bytes
 * a careless client would send: its WTF-8 encoding, which is not valid UTF-8.
 */
const percentEncode = (text: string): string =>
  text.replace(/[\s\S]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join("");
  });

/**
 * A private workspace the owner, member and visitor share, with something of every kind in it, and
 * the pools that name them. Built again when the run has deleted it or the callers lost their place.
 */
const buildWorld = async (
  h: Harness,
  sessions: Record<Exclude<Role, "anonymous">, Client>,
): Promise<Pools> => {
  const f = factories(h.app);
  const { owner, member, visitor } = sessions;
  const created = async (client: Client, url: string, body?: unknown): Promise<string> => {
    const res = await client.post(url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const workspace = await f.workspace(owner, { name: "Private plans" });
  await f.member(owner, workspace.id, member, "member");
  await f.member(owner, workspace.id, visitor, "visitor");
  const folder = await f.folder(owner, workspace.id);
  const space = await f.space(owner, workspace.id, { folderId: folder.id });
  const statuses = await f.statuses(owner, space.id);
  const cards = [await f.card(owner, space.id), await f.card(member, space.id, { name: "Second" })];
  const [first, second] = cards.map((c) => c.id) as [string, string];
  const users = Object.values(sessions).map((c) => c.user.id);
  const todo = await created(owner, `/api/cards/${first}/todos`, { text: "Call the ward" });
  const label = await created(owner, `/api/spaces/${space.id}/labels`, {
    name: "Urgent",
    color: "#d9480f",
  });
  const field = await created(owner, `/api/spaces/${space.id}/fields`, {
    name: "Ward",
    kind: "single_choice",
    options: [{ name: "Cardiology", color: "#c92a2a" }],
  });
  const comments = [
    await created(owner, `/api/cards/${first}/comments`, { body: "Looks good" }),
    await created(member, `/api/cards/${first}/comments`, { body: "Agreed" }),
  ];
  const relation = await created(owner, `/api/cards/${first}/relations`, {
    type: "child",
    cardId: second,
  });
  const blockerTypes = [
    await created(owner, "/api/blocker-types", { kind: "on_demand", name: "Supplier" }),
    await created(owner, `/api/spaces/${space.id}/blocker-types`, { name: "Waiting for the ward" }),
    await created(owner, "/api/blocker-types", { kind: "global", name: "Lab" }),
  ];
  const blocking = await created(owner, `/api/cards/${second}/blockings`, {
    blockerTypeId: blockerTypes[2],
    reason: "No beds",
  });
  const savedViews = [
    await created(owner, `/api/spaces/${space.id}/saved-views`, {
      name: "Ward A",
      kind: "list",
      isShared: true,
    }),
    await created(visitor, `/api/spaces/${space.id}/saved-views`, {
      name: "Mine",
      kind: "board",
      query: "q=x",
    }),
  ];
  const feed = await owner.post(`/api/spaces/${space.id}/calendar-feed`);
  expect(feed.statusCode, feed.body).toBe(201);
  const upload = multipartBody([
    { filename: "rota.pdf", data: "%PDF-1.4\n" },
    { filename: "notes.txt", data: "Bring the keys" },
  ]);
  const uploaded = await member.request(
    "POST",
    `/api/cards/${first}/attachments`,
    upload.payload,
    upload.headers,
  );
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const attachments = uploaded.json<Array<{ id: string }>>().map((a) => a.id);
  return new Map<string, string[]>([
    ["users", users],
    ["members", [...users]],
    ["workspaces", [workspace.id]],
    ["folders", [folder.id]],
    ["spaces", [space.id]],
    ["statuses", statuses.map((s: Status) => s.id)],
    ["cards", [first, second]],
    ["todos", [todo]],
    ["labels", [label]],
    ["fields", [field]],
    ["comments", comments],
    ["relations", [relation]],
    ["blocker-types", blockerTypes],
    ["blockings", [blocking]],
    ["attachments", attachments],
    ["saved-views", savedViews],
    ["emails", Object.values(sessions).map((c) => c.user.email)],
    ["calendar", [feed.json<{ url: string }>().url.split("/").at(-1) ?? ""]],
  ]);
};

const fuzzSuite = (driver: TestDriver): void => {
  describe(`API fuzz (${driver})`, () => {
    let h: Harness;
    let sessions: Record<Exclude<Role, "anonymous">, Client>;
    let pools: Pools;
    let operations: Operation[];
    let fingerprint: () => Promise<Fingerprint>;
    const answers = new Map<number, number>();
    let sent = 0;

    beforeAll(async () => {
      // Reminders the run sets in the past must not be delivered mid-run: that would change the
      // data between a refused request and the check that it changed nothing.
      vi.stubEnv("REMINDER_INTERVAL_MS", "0");
      h = await startHarness(driver);
      const f = factories(h.app);
      const owner = await f.user("Owner");
      const member = await f.user("Member");
      const visitor = await f.user("Visitor");
      const outsider = await f.user("Outsider");
      sessions = { owner, member, visitor, outsider };
      pools = await buildWorld(h, sessions);
      pools.set(
        "any",
        [...pools.entries()]
          .filter(([kind]) => kind !== "emails" && kind !== "calendar")
          .flatMap(([, ids]) => ids),
      );
      const spec = await h.app.inject({ method: "GET", url: "/api/docs/json" });
      operations = operationsOf(spec.json<OpenApiDocument>());
      fingerprint = await fingerprinter(h.db.handle.db);
    });

    afterAll(async () => {
      vi.unstubAllEnvs();
      await h?.close();
      const byStatus = [...answers.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
      console.info(
        `API fuzz (${driver}), FUZZ_SEED=${baseSeed} FUZZ_RUNS=${runsPerOperation}: ${sent} requests; ${byStatus.join(", ")}`,
      );
    });

    /** Logs a caller in again if a request ended its session (logout, password change). */
    const keepSessionsAlive = async (): Promise<void> => {
      for (const [role, client] of Object.entries(sessions) as [Exclude<Role, "anonymous">, Client][]) {
        const me = await client.get("/api/me");
        if (me.statusCode === 200) continue;
        const logIn = () =>
          factories(h.app).anonymous.post("/api/auth/login", {
            email: client.user.email,
            password: client.session?.password,
          });
        let login = await logIn();
        if (login.statusCode === 403 && login.json<{ code?: string }>().code === "account_deactivated") {
          // An accepted deactivation (the owner is the instance's first account, its administrator):
          // undone as an administrator would, so the next requests have this caller again.
          const reactivated = await sessions.owner.patch(`/api/admin/users/${client.user.id}`, {
            active: true,
          });
          expect(reactivated.statusCode, `reactivate ${role}: ${reactivated.body}`).toBe(200);
          login = await logIn();
        }
        expect(login.statusCode, `re-login ${role}: ${login.body}`).toBe(200);
        sessions[role] = new Client(h.app, {
          user: client.user,
          password: client.session?.password ?? "",
          cookie: cookieFrom(login),
        });
      }
    };

    /** Builds the world again if earlier requests deleted it or changed who is in it. */
    const keepWorld = async (): Promise<void> => {
      const workspaceId = pools.get("workspaces")?.[0];
      const cardId = pools.get("cards")?.[0];
      const roleIn = async (client: Client) => {
        const res = await client.get(`/api/workspaces/${workspaceId}`);
        return res.statusCode === 200 ? res.json<{ role: string }>().role : null;
      };
      const isIntact =
        (await sessions.owner.get(`/api/cards/${cardId}`)).statusCode === 200 &&
        (await roleIn(sessions.owner)) === "owner" &&
        (await roleIn(sessions.member)) === "member" &&
        (await roleIn(sessions.visitor)) === "visitor";
      if (isIntact) return;
      const fresh = await buildWorld(h, sessions);
      for (const [kind, values] of fresh) pools.set(kind, [...values, ...(pools.get(kind) ?? [])]);
      pools.set("any", [...(pools.get("any") ?? []), ...[...fresh.values()].flat()]);
    };

    const send = async (
      op: Operation,
      planned: PlannedRequest,
    ): Promise<{ res: LightMyRequestResponse; url: string; payload: string | undefined }> => {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        urlPart(resolve(planned.pathValues[name], pools)),
      );
      const query = planned.query
        .map(([k, v]) => `${percentEncode(k)}=${urlPart(resolve(v, pools))}`)
        .join("&");
      const url = query ? `${path}?${query}` : path;
      const headers: Record<string, string> = { ...planned.headers };
      if (planned.role !== "anonymous")
        headers.cookie = `${SESSION_COOKIE}=${sessions[planned.role].session?.cookie ?? ""}`;
      let payload: string | undefined;
      if (planned.body && "json" in planned.body) {
        payload = JSON.stringify(resolve(planned.body.json, pools)) ?? "null";
        headers["content-type"] = "application/json";
      } else if (planned.body && "raw" in planned.body) {
        payload = planned.body.raw.text;
        if (planned.body.raw.contentType !== null) headers["content-type"] = planned.body.raw.contentType;
      }
      const options: InjectOptions = {
        method: op.method as NonNullable<InjectOptions["method"]>,
        url,
        headers,
      };
      if (payload !== undefined) options.payload = payload;
      return { res: await h.app.inject(options), url, payload };
    };

    it("answers every generated request below 500, every error as problem+json, and a refused one changes nothing", async () => {
      expect(operations.length).toBeGreaterThan(50);
      let before = await fingerprint();
      for (const [index, op] of operations.entries()) {
        const seed = baseSeed + index;
        await keepSessionsAlive();
        await keepWorld();
        before = await fingerprint();
        await fc.assert(
          fc.asyncProperty(requestArb(op), async (planned) => {
            const { res, url, payload } = await send(op, planned);
            sent += 1;
            answers.set(res.statusCode, (answers.get(res.statusCode) ?? 0) + 1);
            const what = `${op.method} ${url} as ${planned.role} with ${payload?.slice(0, 300) ?? "no body"} → ${res.statusCode} ${res.body.slice(0, 300)} (replay: FUZZ_SEED=${baseSeed} FUZZ_RUNS=${runsPerOperation})`;
            expect(res.statusCode, what).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers["content-type"], what).toMatch(/^application\/problem\+json/);
              const problem = res.json<Record<string, unknown>>();
              expect(problem, what).toMatchObject({
                type: expect.stringMatching(/^\/problems\//),
                title: expect.any(String),
                status: res.statusCode,
                detail: expect.any(String),
                code: expect.any(String),
              });
              const after = await fingerprint();
              expect(changedTables(before, after), what).toEqual([]);
            } else {
              collect(op, res, pools);
              before = await fingerprint();
            }
          }),
          { seed, numRuns: runsPerOperation },
        );
      }
    }, 1_200_000);
  });
};

/** What the run creates becomes a target of later requests, in the pool of its kind. */
const collect = (op: Operation, res: LightMyRequestResponse, pools: Pools): void => {
  if (res.statusCode !== 201 || !String(res.headers["content-type"]).startsWith("application/json")) return;
  const add = (kind: string, value: string) => pools.set(kind, [...(pools.get(kind) ?? []), value]);
  const kind = kindCreatedBy(op.path);
  const reply = res.json<unknown>();
  // An upload answers the list of what it created.
  if (Array.isArray(reply)) {
    for (const item of reply as Array<{ id?: unknown }>) {
      if (typeof item.id !== "string") continue;
      add(kind, item.id);
      add("any", item.id);
    }
    return;
  }
  const created = reply as { id?: unknown; userId?: unknown; url?: unknown; email?: unknown };
  if (typeof created.id === "string") {
    add(kind, created.id);
    add("any", created.id);
  }
  if (typeof created.userId === "string") add(kind, created.userId);
  if (typeof created.email === "string") add("emails", created.email);
  if (typeof created.url === "string" && created.url.endsWith(".ics"))
    add("calendar", created.url.split("/").at(-1) ?? "");
};

fuzzSuite(testDriver());
