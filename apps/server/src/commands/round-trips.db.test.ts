/**
 * The write path's budget, kept true: round trips a card move and a card create make to the
 * database for their transaction, on either driver, and what the request sends outside it (the
 * session lookup). On PostgreSQL the transaction's BEGIN travels with its first statement and its
 * COMMIT with its last, so those count in the budget but cost no round trip of their own; PGlite
 * opens and ends its transactions in process. The space holds enough cards that a per-card or
 * per-column cost would show.
 */
import type { Database } from "@lattice/db";
import { createTestDatabase, type TestDatabase, type TestDriver, testDriver } from "@lattice/db/testing";
import type { Card, Status } from "@lattice/domain";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { type Client, factories, testConfig } from "../test/harness.js";

/** A move: the space's lock, the context, the card with its history row and event (and COMMIT). */
const MOVE_BUDGET = 3;
/** A create: the same three. */
const CREATE_BUDGET = 3;
const CARDS = 40;
/** Outside the transaction: the session lookup, and nothing else a request could fold away. */
const OUTSIDE_BUDGET = 1;

const opensTransaction = (query: string): boolean => /^\s*begin\b/i.test(query);
const endsTransaction = (query: string): boolean => /\b(commit|rollback)\s*;?\s*$/i.test(query);

const roundTripSuite = (driver: TestDriver): void => {
  describe(`database round trips of the card write path (${driver})`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let ana: Client;
    let spaceId: string;
    let statuses: Status[];
    let cards: Card[];
    let isInTransaction = false;
    let isInPgTransaction = false;
    let statementsInTransaction: string[] = [];
    let statementsOutside: string[] = [];
    let transactionEnds: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(driver, {
        onQuery: (query) => {
          // On PostgreSQL a transaction's round trips run from the one carrying BEGIN to the one
          // carrying COMMIT (or ROLLBACK); a BEGIN or COMMIT sent alone is one of them too.
          if (opensTransaction(query)) isInPgTransaction = true;
          if (isInTransaction || isInPgTransaction) statementsInTransaction.push(query);
          else statementsOutside.push(query);
          if (/^\s*(begin|commit|rollback)\s*;?\s*$/i.test(query)) transactionEnds.push(query);
          if (endsTransaction(query)) isInPgTransaction = false;
        },
      });
      // Marks the span of every transaction drizzle opens (PGlite's), so only statements inside one count.
      const db: Database = database.handle.db;
      const transaction = db.transaction.bind(db);
      db.transaction = ((run, config) =>
        transaction(async (tx) => {
          isInTransaction = true;
          try {
            return await run(tx);
          } finally {
            isInTransaction = false;
          }
        }, config)) as Database["transaction"];
      app = await buildApp({ handle: database.handle, config: testConfig() });
      await app.ready();
      const f = factories(app);
      ana = await f.user("Ana");
      const workspace = await f.workspace(ana);
      spaceId = (await f.space(ana, workspace.id)).id;
      statuses = await f.statuses(ana, spaceId);
      cards = [];
      for (let i = 0; i < CARDS; i++) {
        cards.push(
          await f.card(ana, spaceId, { name: `Card ${i}`, statusId: statuses[i % statuses.length]?.id }),
        );
      }
    });
    afterAll(async () => {
      await app?.close();
      await database?.drop();
    });

    const counted = async <T>(request: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
      statementsInTransaction = [];
      const result = await request();
      return { result, statements: statementsInTransaction };
    };

    /** Every statement a request sends: in its transaction, outside it, and the transaction's ends. */
    const countedAll = async <T>(request: () => Promise<T>) => {
      // A request first refreshes a session's last use once a minute; this one takes that write.
      expect((await ana.get("/api/me")).statusCode).toBe(200);
      statementsInTransaction = [];
      statementsOutside = [];
      transactionEnds = [];
      const result = await request();
      return { result, inside: statementsInTransaction, outside: statementsOutside, ends: transactionEnds };
    };

    it(`sends at most ${OUTSIDE_BUDGET} statement outside a move's or a create's transaction, and no BEGIN or COMMIT on its own`, async () => {
      const [card, anchor] = [cards[7], cards[8]] as [Card, Card];
      for (const send of [
        () => ana.post(`/api/cards/${card.id}/move`, { statusId: anchor.statusId, afterId: anchor.id }),
        () => ana.post(`/api/spaces/${spaceId}/cards`, { name: "Counted" }),
      ]) {
        const { result, inside, outside, ends } = await countedAll(send);
        expect(result.statusCode, result.body).toBeLessThan(300);
        expect(inside.length).toBeGreaterThan(0);
        expect(outside.length, outside.join("\n---\n")).toBeLessThanOrEqual(OUTSIDE_BUDGET);
        expect(ends, ends.join("\n")).toEqual([]);
        expect(inside.filter((statement) => /\brollback\b/i.test(statement))).toEqual([]);
        if (driver === "pg") {
          expect(opensTransaction(inside[0] ?? "")).toBe(true);
          expect(endsTransaction(inside.at(-1) ?? "")).toBe(true);
        }
      }
    });

    it(`moves a card to another status, after a neighbour, in at most ${MOVE_BUDGET} round trips`, async () => {
      const [card, anchor] = [cards[0], cards[1]] as [Card, Card];
      const { result, statements } = await counted(() =>
        ana.post(`/api/cards/${card.id}/move`, { statusId: anchor.statusId, afterId: anchor.id }),
      );
      expect(result.statusCode, result.body).toBe(200);
      expect(result.json<Card>().statusId).toBe(anchor.statusId);
      expect(statements.length, statements.join("\n---\n")).toBeLessThanOrEqual(MOVE_BUDGET);
      expect(statements.length).toBeGreaterThan(0);
    });

    it(`moves a card within its column, before a neighbour and to the top, in at most ${MOVE_BUDGET} round trips`, async () => {
      const [card, anchor] = [cards[3], cards[3 + statuses.length]] as [Card, Card];
      for (const body of [
        { statusId: card.statusId, beforeId: anchor.id },
        { statusId: card.statusId, afterId: null },
      ]) {
        const { result, statements } = await counted(() => ana.post(`/api/cards/${card.id}/move`, body));
        expect(result.statusCode, result.body).toBe(200);
        expect(statements.length, statements.join("\n---\n")).toBeLessThanOrEqual(MOVE_BUDGET);
      }
    });

    it(`moves a card with an Idempotency-Key, as the web app does, in at most ${MOVE_BUDGET + 1} round trips (the key's claim), and replays it in one`, async () => {
      const [card, anchor] = [cards[5], cards[6]] as [Card, Card];
      const key = `move-${card.id}`;
      const send = () =>
        ana.request(
          "POST",
          `/api/cards/${card.id}/move`,
          { statusId: anchor.statusId, beforeId: anchor.id },
          { "idempotency-key": key },
        );
      const first = await counted(send);
      expect(first.result.statusCode, first.result.body).toBe(200);
      expect(first.statements.length, first.statements.join("\n---\n")).toBeLessThanOrEqual(MOVE_BUDGET + 1);
      const replay = await counted(send);
      expect(replay.result.statusCode).toBe(200);
      expect(replay.result.headers["idempotent-replay"]).toBe("true");
      expect(replay.result.json<Card>()).toEqual(first.result.json<Card>());
      // The claim finds the kept answer; nothing else runs but, on PostgreSQL, the COMMIT ending the read.
      expect(replay.statements.length, replay.statements.join("\n---\n")).toBeLessThanOrEqual(
        driver === "pg" ? 3 : 2,
      );
    });

    it(`creates a card in at most ${CREATE_BUDGET} round trips`, async () => {
      for (const body of [{ name: "Bottom" }, { name: "Top", statusId: statuses[1]?.id, at: "top" }]) {
        const { result, statements } = await counted(() => ana.post(`/api/spaces/${spaceId}/cards`, body));
        expect(result.statusCode, result.body).toBe(201);
        expect(result.json<Card>().name).toBe(body.name);
        expect(statements.length, statements.join("\n---\n")).toBeLessThanOrEqual(CREATE_BUDGET);
        expect(statements.length).toBeGreaterThan(0);
      }
    });
  });
};

roundTripSuite(testDriver());
