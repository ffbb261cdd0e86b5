/**
 * Convergence: several clients make interleaved moves and edits on the same cards while some of
 * them disconnect and reconnect at random points. Each client keeps its board exactly as the web
 * app does (snapshot, then events through the domain reducer, resubscribing with its last seq).
 * Afterwards every client's board equals the database's, and no client saw an event twice or
 * skipped one.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  applyBoardEvent,
  type BoardState,
  boardFromSnapshot,
  type Card,
  type Channel,
  spaceChannel,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type Frame, TestSocket } from "../test/ws-client.js";

/**
 * A small seeded PRNG (mulberry32). A seed fixes every decision of a run (all drawn before a round's
 * requests go out); the order in which concurrent requests land still varies from run to run.
 */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

class BoardClient {
  state: BoardState | null = null;
  seq = 0;
  socket: TestSocket | null = null;
  readonly problems: string[] = [];

  constructor(
    readonly client: Client,
    private readonly baseUrl: string,
    private readonly channel: Channel,
    private readonly spaceId: string,
  ) {}

  async loadSnapshot(): Promise<void> {
    const board = boardFromReply((await this.client.get(`/api/spaces/${this.spaceId}/board`)).json());
    this.state = boardFromSnapshot(board);
    this.seq = board.seq;
  }

  async connect(): Promise<void> {
    const socket = await TestSocket.open(this.baseUrl, this.client.session?.cookie ?? null);
    this.socket = socket;
    socket.ws.on("message", (data) => this.handle(JSON.parse(data.toString()) as Frame));
    const answer = await socket.subscribe(this.channel, this.seq);
    if (answer.type === "resync") await this.loadSnapshot();
    else if (answer.type !== "subscribed") this.problems.push(`subscribe answered ${JSON.stringify(answer)}`);
  }

  private handle(frame: Frame): void {
    if (frame.type !== "event" || frame.channel !== this.channel || !this.state) return;
    if (frame.seq <= this.seq) {
      this.problems.push(`duplicate seq ${frame.seq} (had ${this.seq})`);
      return;
    }
    if (frame.seq !== this.seq + 1) this.problems.push(`gap: got ${frame.seq} after ${this.seq}`);
    this.state = applyBoardEvent(this.state, frame.event as Parameters<typeof applyBoardEvent>[1]);
    this.seq = frame.seq;
  }

  async disconnect(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.ws.removeAllListeners("message");
    socket.close();
    await socket.closed();
  }
}

const comparable = (state: BoardState | null) =>
  Object.values(state?.cards ?? {})
    .map((c: Card) => ({
      id: c.id,
      statusId: c.statusId,
      position: c.position,
      name: c.name,
      version: c.version,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const convergenceSuite = (driver: TestDriver, seed: number) => {
  describe(`convergence under interleaved writes and reconnects (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
    });
    afterAll(async () => h.close());

    it(`ends with every client equal to the database (seed ${seed})`, async () => {
      const random = prng(seed);
      const at = <T>(items: readonly T[], draw: number): T => items[Math.floor(draw * items.length)] as T;
      const pick = <T>(items: readonly T[]): T => at(items, random());
      const f = factories(h.app);
      const owner = await f.user("Owner");
      const workspace = await f.workspace(owner);
      const people = [owner];
      for (const name of ["Bea", "Cai", "Dov"]) {
        const person = await f.user(name);
        await f.member(owner, workspace.id, person, "member");
        people.push(person);
      }
      const space = await f.space(owner, workspace.id);
      const statuses = await f.statuses(owner, space.id);
      for (let i = 0; i < 12; i++)
        await f.card(owner, space.id, { name: `Card ${i}`, statusId: pick(statuses).id });
      const channel = spaceChannel(space.id);
      const clients = people.map((p) => new BoardClient(p, baseUrl, channel, space.id));
      for (const c of clients) {
        await c.loadSnapshot();
        await c.connect();
      }

      const currentCards = async (): Promise<Card[]> =>
        boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json()).cards;

      /** What each write asked for and what the server answered. */
      const outcomes: Array<{ kind: string; status: number }> = [];
      /** One write, decided by numbers drawn before the round's requests went out. */
      const operation = async (actor: Client, draws: readonly number[]): Promise<void> => {
        const [cardDraw = 0, roll = 0, a = 0, b = 0, c = 0, d = 0] = draws;
        const cards = await currentCards();
        const card = cards.length > 0 ? at(cards, cardDraw) : undefined;
        if (!card || roll < 0.1) {
          const res = await actor.post(`/api/spaces/${space.id}/cards`, {
            name: `New ${Math.floor(a * 1e6)}`,
            at: at(["top", "bottom"] as const, b),
          });
          outcomes.push({ kind: "create", status: res.statusCode });
        } else if (roll < 0.7) {
          const status = at(statuses, a);
          const inTarget = cards.filter((x) => x.statusId === status.id && x.id !== card.id);
          const neighbour = inTarget.length > 0 && b < 0.8 ? at(inTarget, c) : null;
          const placement = neighbour
            ? d < 0.5
              ? { afterId: neighbour.id }
              : { beforeId: neighbour.id }
            : d < 0.5
              ? { afterId: null }
              : {};
          const res = await actor.post(`/api/cards/${card.id}/move`, { statusId: status.id, ...placement });
          outcomes.push({ kind: "move", status: res.statusCode });
        } else if (roll < 0.9) {
          const res = await actor.patch(`/api/cards/${card.id}`, { name: `Renamed ${Math.floor(a * 1e6)}` });
          outcomes.push({ kind: "rename", status: res.statusCode });
        } else {
          const res = await actor.patch(`/api/cards/${card.id}`, { archived: true });
          outcomes.push({ kind: "archive", status: res.statusCode });
        }
      };

      const seqBefore = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json()).seq;
      for (let round = 0; round < 25; round++) {
        // A few writers at once, while some clients drop off or come back.
        const planned = Array.from({ length: 3 }, () => ({
          actor: pick(people),
          draws: Array.from({ length: 6 }, () => random()),
        }));
        const churnDraws = clients.map(() => random());
        const writes = planned.map(({ actor, draws }) => operation(actor, draws));
        const churn = clients.map(async (c, i) => {
          const r = churnDraws[i] ?? 1;
          if (c.socket && r < 0.2) await c.disconnect();
          else if (!c.socket && r < 0.5) await c.connect();
        });
        await Promise.all([...writes, ...churn]);
      }

      for (const c of clients) if (!c.socket) await c.connect();
      const expected = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      for (const c of clients) await c.socket?.untilSeq(channel, expected.seq, 10_000);
      // Every write was answered with success, or (a move) refused because a concurrent writer moved
      // its neighbour away; each success appended exactly one event, and most writes succeeded.
      const refused = outcomes.filter((o) => !(o.status < 300 || (o.kind === "move" && o.status === 400)));
      expect(refused).toEqual([]);
      const succeeded = outcomes.filter((o) => o.status < 300).length;
      expect(outcomes).toHaveLength(75);
      expect(succeeded).toBeGreaterThan(outcomes.length / 2);
      expect(expected.seq - seqBefore).toBe(succeeded);
      const truth = comparable(boardFromSnapshot(expected));
      for (const c of clients) {
        expect(c.problems).toEqual([]);
        expect(c.seq).toBe(expected.seq);
        expect(comparable(c.state)).toEqual(truth);
      }
      for (const c of clients) await c.disconnect();
    });
  });
};

const driver = testDriver();
convergenceSuite(driver, 20_271);
// PostgreSQL runs the writers' transactions really in parallel: a second interleaving there.
if (driver === "pg") convergenceSuite(driver, 4_242);
