/**
 * The board reply served from the per-space snapshot cache must equal a board read from scratch
 * after any change, for every viewer, on one instance or two; compressed replies must unpack to it.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createDb, latestSeq, loadCards, spaceAccess, tables, toSpace, toStatus } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type BoardWithRelations,
  boardWithRelationsSchema,
  type Card,
  type CardRelation,
  type Label,
  type Space,
  type Status,
  spaceChannel,
  type Workspace,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { relationsAround } from "../commands/relations.js";
import {
  boardFromReply,
  Client,
  factories,
  type Harness,
  startHarness,
  testConfig,
} from "../test/harness.js";
import { type BoardCache, createBoardCache, defaultBoardCacheLimits } from "./board-cache.js";

/** The board as the route read it before it had a cache: every part loaded in one snapshot. */
const uncachedBoard = (app: FastifyInstance, userId: string, spaceId: string): Promise<BoardWithRelations> =>
  app.db.db.transaction(
    async (tx) => {
      const access = await spaceAccess(tx, userId, spaceId);
      if (!access) throw new Error("the viewer cannot read the space");
      const seq = await latestSeq(tx, spaceChannel(spaceId));
      const statusRows = await tx
        .select()
        .from(tables.statuses)
        .where(eq(tables.statuses.spaceId, spaceId))
        .orderBy(asc(tables.statuses.position));
      const cards = await loadCards(tx, { spaceId });
      const relations = await relationsAround(
        tx,
        cards.map((c) => c.id),
      );
      return boardWithRelationsSchema.parse({
        space: toSpace(access.space),
        role: access.role,
        statuses: statusRows.map(toStatus),
        cards,
        relations,
        seq,
      });
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );

/** Co-workers, labels and relations are sets: the database gives them in no promised order. */
const normalized = (board: BoardWithRelations) => ({
  ...board,
  cards: board.cards.map((card) => ({
    ...card,
    coworkerIds: [...card.coworkerIds].sort(),
    labelIds: [...card.labelIds].sort(),
  })),
  relations: [...board.relations].sort((a, b) => a.id.localeCompare(b.id)),
});

const ok = (res: LightMyRequestResponse, what: string): LightMyRequestResponse => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
};

const boardSuite = (driver: TestDriver): void => {
  describe(`board snapshot cache (${driver})`, () => {
    let h: Harness;
    let ana: Client;
    let bo: Client;
    let workspace: Workspace;
    let space: Space;
    let elsewhere: Space;

    beforeAll(async () => {
      h = await startHarness(driver);
      const f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, bo, "member");
      space = await f.space(ana, workspace.id, { name: "Triage" });
      elsewhere = await f.space(ana, workspace.id, { name: "Pharmacy" });
    });
    afterAll(async () => h?.close());

    const boardOf = (client: Client, spaceId = space.id) => client.get(`/api/spaces/${spaceId}/board`);

    const expectExact = async (client: Client, spaceId = space.id) => {
      const res = await boardOf(client, spaceId);
      expect(res.statusCode, res.body).toBe(200);
      const served = boardWithRelationsSchema.parse(boardFromReply(res.json()));
      expect(normalized(served)).toEqual(normalized(await uncachedBoard(h.app, client.user.id, spaceId)));
      return served;
    };

    it("serves each viewer their own role from one cached snapshot", async () => {
      await ana.post(`/api/spaces/${space.id}/cards`, { name: "Night rota" });
      const asOwner = await expectExact(ana);
      const hitsBefore = h.app.boardCache.stats.hits;
      const asMember = await expectExact(bo);
      expect(h.app.boardCache.stats.hits).toBe(hitsBefore + 1);
      expect(asOwner.role).toBe("owner");
      expect(asMember.role).toBe("member");
      expect(asMember.cards).toEqual(asOwner.cards);
    });

    it("answers 404 to someone who may not read a private space, even with its board cached", async () => {
      const secret = await factories(h.app).space(ana, workspace.id, {
        name: "Board minutes",
        isPrivate: true,
      });
      await expectExact(ana, secret.id);
      const res = await boardOf(bo, secret.id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Board minutes");
    });

    it("stays exact through random sequences of card, status, label, to-do, blocking and relation changes", async () => {
      const statuses = (await expectExact(ana)).statuses.map((s: Status) => s.id);
      const blockerType = ok(
        await ana.post(`/api/spaces/${space.id}/blocker-types`, { name: "Waiting for pharmacy" }),
        "blocker type",
      ).json<{ id: string }>();
      const cards: string[] = [];
      const labels: string[] = [];
      const todos: string[] = [];
      const blockings: string[] = [];
      const relations: string[] = [];
      const otherCards: string[] = [];
      const people = [ana.user.id, bo.user.id];
      const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];
      let step = 0;

      const operations: Record<string, (n: number, m: number) => Promise<LightMyRequestResponse>> = {
        createCard: async (n) => {
          const res = await bo.post(`/api/spaces/${space.id}/cards`, {
            name: `Card ${++step}`,
            statusId: pick(statuses, n),
            at: n % 2 ? "top" : "bottom",
          });
          if (res.statusCode === 201) cards.push(res.json<Card>().id);
          return res;
        },
        renameCard: (n) => bo.patch(`/api/cards/${pick(cards, n)}`, { name: `Renamed ${++step}` }),
        assignPeople: (n, m) =>
          bo.patch(`/api/cards/${pick(cards, n)}`, {
            responsibleId: m % 3 === 0 ? null : pick(people, m),
            coworkerIds: people.slice(0, m % 3),
          }),
        setDates: (n, m) =>
          bo.patch(`/api/cards/${pick(cards, n)}`, {
            startDate: m % 4 === 0 ? null : `2027-03-${String((m % 20) + 1).padStart(2, "0")}`,
            dueDate: m % 5 === 0 ? null : `2027-04-${String((m % 20) + 1).padStart(2, "0")}`,
          }),
        moveCard: (n, m) => {
          const target = pick(statuses, m);
          return bo.post(`/api/cards/${pick(cards, n)}/move`, { statusId: target, afterId: null });
        },
        archiveCard: (n, m) => bo.patch(`/api/cards/${pick(cards, n)}`, { archived: m % 2 === 0 }),
        deleteCard: async (n) => {
          const id = pick(cards, n);
          const res = await bo.delete(`/api/cards/${id}`);
          if (res.statusCode === 204) cards.splice(cards.indexOf(id ?? ""), 1);
          return res;
        },
        createStatus: async (n) => {
          const res = await ana.post(`/api/spaces/${space.id}/statuses`, {
            name: `Column ${++step}`,
            afterId: pick(statuses, n) ?? null,
          });
          if (res.statusCode === 201) statuses.push(res.json<Status>().id);
          return res;
        },
        renameStatus: (n, m) =>
          ana.patch(`/api/statuses/${pick(statuses, n)}`, {
            name: `Stage ${++step}`,
            wipLimit: m % 3 ? (m % 7) + 1 : null,
          }),
        deleteStatus: async (n) => {
          const id = pick(statuses, n);
          const res = await ana.delete(`/api/statuses/${id}`);
          if (res.statusCode === 204) statuses.splice(statuses.indexOf(id ?? ""), 1);
          return res;
        },
        createLabel: async () => {
          const res = await ana.post(`/api/spaces/${space.id}/labels`, {
            name: `Label ${++step}`,
            color: "#1f8a70",
          });
          if (res.statusCode === 201) labels.push(res.json<Label>().id);
          return res;
        },
        labelCard: (n, m) => bo.patch(`/api/cards/${pick(cards, n)}`, { labelIds: labels.slice(0, m % 3) }),
        deleteLabel: async (n) => {
          const id = pick(labels, n);
          const res = await ana.delete(`/api/labels/${id}`);
          if (res.statusCode === 204) labels.splice(labels.indexOf(id ?? ""), 1);
          return res;
        },
        addTodo: async (n) => {
          const res = await bo.post(`/api/cards/${pick(cards, n)}/todos`, { text: `Check ${++step}` });
          if (res.statusCode === 201) todos.push(res.json<{ id: string }>().id);
          return res;
        },
        toggleTodo: (n, m) => bo.patch(`/api/todos/${pick(todos, n)}`, { isDone: m % 2 === 0 }),
        deleteTodo: async (n) => {
          const id = pick(todos, n);
          const res = await bo.delete(`/api/todos/${id}`);
          if (res.statusCode === 204) todos.splice(todos.indexOf(id ?? ""), 1);
          return res;
        },
        block: async (n) => {
          const res = await bo.post(`/api/cards/${pick(cards, n)}/blockings`, {
            blockerTypeId: blockerType.id,
            reason: "No stock",
          });
          if (res.statusCode === 201) blockings.push(res.json<{ id: string }>().id);
          return res;
        },
        clearBlocking: async (n) => {
          const id = pick(blockings, n);
          const res = await bo.post(`/api/blockings/${id}/clear`);
          if (res.statusCode === 200) blockings.splice(blockings.indexOf(id ?? ""), 1);
          return res;
        },
        relate: async (n, m) => {
          const res = await bo.post(`/api/cards/${pick(cards, n)}/relations`, {
            type: m % 2 ? "next" : "child",
            cardId: m % 3 === 0 ? pick(otherCards, m) : pick(cards, m),
          });
          if (res.statusCode === 201) relations.push(res.json<CardRelation>().id);
          return res;
        },
        unrelate: async (n) => {
          const id = pick(relations, n);
          const res = await bo.delete(`/api/relations/${id}`);
          if (res.statusCode === 204) relations.splice(relations.indexOf(id ?? ""), 1);
          return res;
        },
        // A card in another space: its relations to this board's cards go with it, with no event here.
        createOtherCard: async () => {
          const res = await bo.post(`/api/spaces/${elsewhere.id}/cards`, { name: `Elsewhere ${++step}` });
          if (res.statusCode === 201) otherCards.push(res.json<Card>().id);
          return res;
        },
        deleteOtherCard: async (n) => {
          const id = pick(otherCards, n);
          const res = await bo.delete(`/api/cards/${id}`);
          if (res.statusCode === 204) otherCards.splice(otherCards.indexOf(id ?? ""), 1);
          return res;
        },
        comment: (n) => bo.post(`/api/cards/${pick(cards, n)}/comments`, { body: "Seen at rounds" }),
        renameSpace: () => ana.patch(`/api/spaces/${space.id}`, { name: `Triage ${++step}` }),
      };

      // A board to change from the first step: cards, labels, and cards in another space to relate to.
      for (let i = 0; i < 6; i++) await operations.createCard?.(i, 0);
      for (let i = 0; i < 2; i++) await operations.createLabel?.(i, 0);
      for (let i = 0; i < 3; i++) await operations.createOtherCard?.(i, 0);
      await expectExact(ana);

      // First every kind of change once, each of which must succeed, with a read after each.
      const tour: Array<[name: string, n: number, m: number]> = [
        ["createCard", 0, 0],
        ["renameCard", 0, 0],
        ["assignPeople", 0, 1],
        ["setDates", 0, 1],
        ["moveCard", 0, 1],
        ["labelCard", 0, 1],
        ["addTodo", 0, 0],
        ["toggleTodo", 0, 0],
        ["block", 1, 0],
        ["clearBlocking", 0, 0],
        ["relate", 0, 1],
        ["relate", 2, 3],
        ["unrelate", 0, 0],
        ["comment", 0, 0],
        ["renameSpace", 0, 0],
        ["renameStatus", 0, 1],
        ["createStatus", 0, 0],
        ["deleteStatus", statuses.length, 0],
        ["deleteLabel", 0, 0],
        ["archiveCard", 3, 0],
        ["deleteTodo", 0, 0],
        // Card 2's relation to it goes too.
        ["deleteOtherCard", 0, 0],
        ["deleteCard", 4, 0],
        ["createOtherCard", 0, 0],
        ["createLabel", 0, 0],
      ];
      const { followed: followedBefore, misses: missesBefore } = h.app.boardCache.stats;
      for (const [name, n, m] of tour) {
        const res = await operations[name]?.(n, m);
        expect(res?.statusCode, `${name}: ${res?.body}`).toBeLessThan(300);
        await expectExact(n % 2 ? ana : bo);
      }
      expect(new Set(tour.map(([name]) => name))).toEqual(new Set(Object.keys(operations)));
      // The snapshot was brought up to date from the events, not reloaded whole.
      expect(h.app.boardCache.stats.misses).toBe(missesBefore);
      expect(h.app.boardCache.stats.followed).toBeGreaterThan(followedBefore);

      // Then random sequences, some of whose changes are refused (which must change nothing).
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...Object.keys(operations)), fc.nat(50), fc.nat(50)), {
            minLength: 8,
            maxLength: 20,
          }),
          async (sequence) => {
            for (const [name, n, m] of sequence) {
              await operations[name]?.(n, m);
              // Sometimes several changes land between two reads: the cache follows them all at once.
              if (n % 3 !== 0) await expectExact(n % 2 ? ana : bo);
            }
            await expectExact(ana);
          },
        ),
        { numRuns: driver === "pg" ? 6 : 4 },
      );
    }, 120_000);

    it("keeps boards within its byte bound, dropping the least recently read space first", async () => {
      const read = (cache: BoardCache, spaceId: string) =>
        h.app.db.db.transaction(
          async (tx) => cache.content(tx, spaceId, await latestSeq(tx, spaceChannel(spaceId))),
          { isolationLevel: "repeatable read", accessMode: "read only" },
        );
      const measure = createBoardCache();
      await read(measure, space.id);
      await read(measure, elsewhere.id);
      const bothBoards = measure.stats.bytes;
      expect(measure.stats.entries).toBe(2);
      // Room for either board, not for both.
      const cache = createBoardCache({ ...defaultBoardCacheLimits, maxBytes: bothBoards - 1 });
      await read(cache, space.id);
      await read(cache, elsewhere.id);
      expect(cache.stats).toMatchObject({ misses: 2, entries: 1 });
      expect(cache.stats.bytes).toBeLessThan(bothBoards);
      await read(cache, elsewhere.id);
      expect(cache.stats.hits).toBe(1);
      await read(cache, space.id);
      expect(cache.stats.misses).toBe(3);
      // Nothing fits: nothing is kept, and every read still answers.
      const none = createBoardCache({ ...defaultBoardCacheLimits, maxBytes: 0 });
      const content = await read(none, space.id);
      expect(Object.values(JSON.parse(content.cardsJson)).flat().length).toBeGreaterThan(0);
      expect(none.stats).toMatchObject({ entries: 0, bytes: 0 });
    });

    it("compresses the board for a client that accepts gzip or brotli: smaller, and the same once unpacked", async () => {
      for (let i = 0; i < 20; i++)
        await bo.post(`/api/spaces/${space.id}/cards`, { name: `Bed ${i} turnover` });
      const plain = await boardOf(ana);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      for (const [encoding, unpack] of [
        ["gzip", gunzipSync],
        ["br", brotliDecompressSync],
      ] as const) {
        const packed = await ana.request("GET", `/api/spaces/${space.id}/board`, undefined, {
          "accept-encoding": encoding,
        });
        expect(packed.statusCode).toBe(200);
        expect(packed.headers["content-encoding"]).toBe(encoding);
        expect(packed.headers.vary).toMatch(/accept-encoding/i);
        expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
        expect(unpack(packed.rawPayload).toString("utf8")).toBe(plain.body);
      }
      // The same seq again: the compressed bytes come from memory.
      const compressions = h.app.boardCache.stats.compressions;
      await ana.request("GET", `/api/spaces/${space.id}/board`, undefined, { "accept-encoding": "gzip" });
      expect(h.app.boardCache.stats.compressions).toBe(compressions);
    });

    it("compresses a board once for the reads that come together, and sends each the same bytes", async () => {
      await bo.post(`/api/spaces/${space.id}/cards`, { name: "Linen audit" });
      const compressions = h.app.boardCache.stats.compressions;
      const replies = await Promise.all(
        Array.from({ length: 8 }, () =>
          ana.request("GET", `/api/spaces/${space.id}/board`, undefined, { "accept-encoding": "gzip" }),
        ),
      );
      expect(h.app.boardCache.stats.compressions).toBe(compressions + 1);
      const plain = await boardOf(ana);
      for (const packed of replies) {
        expect(packed.statusCode).toBe(200);
        expect(packed.headers["content-encoding"]).toBe("gzip");
        expect(gunzipSync(packed.rawPayload).toString("utf8")).toBe(plain.body);
      }
      expect(boardFromReply(plain.json()).cards.map((card) => card.name)).toContain("Linen audit");
    });

    it("compresses other JSON replies too, but not small ones", async () => {
      const tree = await ana.request("GET", `/api/workspaces/${workspace.id}/tree`, undefined, {
        "accept-encoding": "gzip",
      });
      const plainTree = await ana.get(`/api/workspaces/${workspace.id}/tree`);
      expect(tree.statusCode).toBe(200);
      if (plainTree.rawPayload.length >= 1024) {
        expect(tree.headers["content-encoding"]).toBe("gzip");
        expect(gunzipSync(tree.rawPayload).toString("utf8")).toBe(plainTree.body);
      }
      const small = await ana.request("GET", "/api/health", undefined, { "accept-encoding": "gzip" });
      expect(small.headers["content-encoding"]).toBeUndefined();
      expect(small.json()).toMatchObject({ status: "ok" });
    });

    if (driver === "pg")
      it("stays exact across two instances on one database, each with its own cache", async () => {
        const second = await createDb({ databaseUrl: h.db.url ?? "" });
        const appB = await buildApp({ handle: second, config: testConfig() });
        try {
          await appB.ready();
          const anaOnB = new Client(appB, ana.session);
          const boOnB = new Client(appB, bo.session);
          const boardOnB = async (client: Client) => {
            const res = await client.get(`/api/spaces/${space.id}/board`);
            expect(res.statusCode, res.body).toBe(200);
            return normalized(boardWithRelationsSchema.parse(boardFromReply(res.json())));
          };
          // Both caches warm at the same seq.
          await expectExact(ana);
          expect(await boardOnB(anaOnB)).toEqual(
            normalized(await uncachedBoard(h.app, ana.user.id, space.id)),
          );
          const card = ok(
            await bo.post(`/api/spaces/${space.id}/cards`, { name: "Porter rota" }),
            "card",
          ).json<Card>();
          expect(await boardOnB(anaOnB)).toEqual(
            normalized(await uncachedBoard(h.app, ana.user.id, space.id)),
          );
          ok(await boOnB.patch(`/api/cards/${card.id}`, { name: "Porter rota (weekends)" }), "rename on B");
          const onA = await expectExact(ana);
          expect(onA.cards.find((c) => c.id === card.id)?.name).toBe("Porter rota (weekends)");
          ok(await boOnB.delete(`/api/cards/${card.id}`), "delete on B");
          expect((await expectExact(bo)).cards.some((c) => c.id === card.id)).toBe(false);
          expect(await boardOnB(boOnB)).toEqual(normalized(await uncachedBoard(h.app, bo.user.id, space.id)));
        } finally {
          await appB.close();
          await second.close();
        }
      });
  });
};

boardSuite(testDriver());
