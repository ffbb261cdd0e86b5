/**
 * In-process test harness: builds the app on a fresh database (PGlite in memory, or a PostgreSQL
 * database created for the suite and dropped after it) and offers factories that go through the
 * public API, so tests exercise the same paths a client does.
 */
import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import { createTestDatabase, type TestDatabase, type TestDriver, testDriver } from "@lattice/db/testing";
import {
  boardReplySchema,
  type Card,
  expandBoard,
  type Folder,
  type Member,
  type Space,
  type SpaceBoard,
  type Status,
  type TimeChartView,
  timeChartFromReply,
  timeChartSchema,
  type User,
  type Workspace,
  type WorkspaceRole,
} from "@lattice/domain";
import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { CLIENT_HEADER } from "../plugins/origin.js";
import type { EventBus } from "../sync/bus.js";
import type { HubOptions } from "../sync/hub.js";

export interface Harness {
  app: FastifyInstance;
  db: TestDatabase;
  close(): Promise<void>;
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  ...loadConfig({}),
  webDist: null,
  loginRateLimit: 1000,
  loginFailureRateLimit: 1000,
  signupRateLimit: 1000,
  // Digests follow the wall clock; their suites run rounds with a clock of their own.
  digestIntervalMs: 0,
  ...overrides,
});

/** The app on a fresh database on `driver`, by default the running vitest project's. */
export const startHarness = async (
  driver: TestDriver = testDriver(),
  bus?: EventBus,
  config: Partial<Config> = {},
  hubOptions: HubOptions = {},
): Promise<Harness> => {
  const db = await createTestDatabase(driver);
  let app: FastifyInstance | null = null;
  try {
    app = await buildApp({
      handle: db.handle,
      config: testConfig(config),
      hubOptions,
      ...(bus ? { bus } : {}),
    });
    await app.ready();
  } catch (error) {
    // An app that cannot start (a test of exactly that) leaves no database behind.
    await app?.close().catch(() => {});
    await db.drop();
    throw error;
  }
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
};

/** @deprecated Only for suites still in the old three-file pattern; see docs/testing.md. */
export { shouldRunPostgres } from "@lattice/db/testing";

export interface Session {
  user: User;
  cookie: string;
  password: string;
}

export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly session: Session | null,
  ) {}

  get user(): User {
    if (!this.session) throw new Error("anonymous client has no user");
    return this.session.user;
  }

  request(
    method: NonNullable<InjectOptions["method"]>,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const options: InjectOptions = {
      method,
      url,
      headers: {
        ...(this.session ? { cookie: `${SESSION_COOKIE}=${this.session.cookie}` } : {}),
        // What the web app sends with every change (a JSON body alone would also do).
        ...(method === "GET" || method === "HEAD" ? {} : { [CLIENT_HEADER]: "test" }),
        ...headers,
      },
    };
    if (body !== undefined) options.payload = body as NonNullable<InjectOptions["payload"]>;
    return this.app.inject({
      ...options,
    });
  }

  get = (url: string): Promise<LightMyRequestResponse> => this.request("GET", url);
  post = (url: string, body?: unknown): Promise<LightMyRequestResponse> =>
    this.request("POST", url, body ?? {});
  patch = (url: string, body: unknown): Promise<LightMyRequestResponse> => this.request("PATCH", url, body);
  put = (url: string, body: unknown): Promise<LightMyRequestResponse> => this.request("PUT", url, body);
  delete = (url: string): Promise<LightMyRequestResponse> => this.request("DELETE", url);
}

/** A board reply (compact on the wire) checked against its schema and expanded into the full board. */
export const boardFromReply = (reply: unknown): SpaceBoard => expandBoard(boardReplySchema.parse(reply));

/** A Time chart reply (its cards as columns on the wire) checked against its schema and read as the chart. */
export const timeChartFromJson = (reply: unknown): TimeChartView =>
  timeChartFromReply(timeChartSchema.parse(reply));

const expectStatus = (res: LightMyRequestResponse, status: number, what: string): void => {
  if (res.statusCode !== status)
    throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
};

export const cookieFrom = (res: LightMyRequestResponse): string => {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie set");
  return cookie.value;
};

/** Factories: each creates through the API and returns the created resource. */
export const factories = (app: FastifyInstance) => {
  const anonymous = new Client(app, null);
  return {
    anonymous,
    async user(name = "Ana"): Promise<Client> {
      const password = "correct horse battery";
      const email = `${name.toLowerCase().replaceAll(" ", ".")}.${randomUUID().slice(0, 8)}@example.test`;
      const res = await anonymous.post("/api/auth/signup", { email, name, password });
      expectStatus(res, 201, "signup");
      return new Client(app, { user: res.json<User>(), cookie: cookieFrom(res), password });
    },
    async workspace(owner: Client, body: Record<string, unknown> = {}): Promise<Workspace> {
      const res = await owner.post("/api/workspaces", { name: "Patient experience 2027", ...body });
      expectStatus(res, 201, "create workspace");
      return res.json<Workspace>();
    },
    /** Invites `who` by e-mail and accepts with the link from the queued message, as a person would. */
    async member(owner: Client, workspaceId: string, who: Client, role: WorkspaceRole): Promise<Member> {
      const res = await owner.post(`/api/workspaces/${workspaceId}/invitations`, {
        email: who.user.email,
        role,
      });
      expectStatus(res, 201, "invite member");
      const m = tables.mailMessages;
      const [message] = await app.db.db
        .select({ text: m.textBody })
        .from(m)
        .where(and(eq(m.toAddress, who.user.email), eq(m.workspaceId, workspaceId)))
        .orderBy(desc(m.createdAt))
        .limit(1);
      const token = /\/invite#([A-Za-z0-9_-]{43})/.exec(message?.text ?? "")?.[1];
      if (!token) throw new Error(`no invitation link queued for ${who.user.email}`);
      expectStatus(await who.post("/api/invitations/accept", { token }), 200, "accept invitation");
      const members = (await owner.get(`/api/workspaces/${workspaceId}/members`)).json<Member[]>();
      const member = members.find((x) => x.userId === who.user.id);
      if (!member) throw new Error("the accepted invitation made no member");
      return member;
    },
    async folder(owner: Client, workspaceId: string, body: Record<string, unknown> = {}): Promise<Folder> {
      const res = await owner.post(`/api/workspaces/${workspaceId}/folders`, {
        name: "Resource allocation",
        ...body,
      });
      expectStatus(res, 201, "create folder");
      return res.json<Folder>();
    },
    async space(owner: Client, workspaceId: string, body: Record<string, unknown> = {}): Promise<Space> {
      const res = await owner.post(`/api/workspaces/${workspaceId}/spaces`, { name: "Triage", ...body });
      expectStatus(res, 201, "create space");
      return res.json<Space>();
    },
    async statuses(client: Client, spaceId: string): Promise<Status[]> {
      const res = await client.get(`/api/spaces/${spaceId}/board`);
      expectStatus(res, 200, "board");
      return res.json<{ statuses: Status[] }>().statuses;
    },
    async card(client: Client, spaceId: string, body: Record<string, unknown> = {}): Promise<Card> {
      const res = await client.post(`/api/spaces/${spaceId}/cards`, { name: "Triage rota", ...body });
      expectStatus(res, 201, "create card");
      return res.json<Card>();
    },
  };
};
