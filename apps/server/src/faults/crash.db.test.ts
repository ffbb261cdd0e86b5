/**
 * The crash guarantee: a write the server acknowledged survives `kill -9`. Each round starts the real
 * server process on the same data, lets four clients create and move cards concurrently, kills the
 * server with SIGKILL while they write, and checks after the restart that every acknowledged card is
 * there, where its last acknowledged move put it (or where a move still in flight did), and that the
 * ordering keys within every status are distinct and strictly ordered. Written once, run on PGlite
 * (a data directory) and on PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createPostgresTestDatabase,
  type TestDatabase,
  type TestDriver,
  testDriver,
} from "@lattice/db/testing";
import type { Card, Space, Status } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply } from "../test/harness.js";
import { HttpClient, type ServerProcess, startServerProcess, waitFor } from "./support.js";

const ROUNDS = 3;
const WRITERS = 4;
// Acknowledged writes per round before the kill; the kill lands while every writer has a request out.
const WRITES_BEFORE_KILL = 40;

interface CardExpectation {
  /** The status of the last acknowledged create or move. */
  statusId: string;
  /** The target of a move that was sent but not answered when the server died: it may have landed. */
  pendingStatusId: string | null;
}

const crashSuite = (driver: TestDriver): void => {
  describe(`kill -9 while clients write (${driver})`, () => {
    let env: Record<string, string>;
    let database: TestDatabase | null = null;
    let dataDir: string | null = null;
    let server: ServerProcess | null = null;

    beforeAll(async () => {
      if (driver === "pg") {
        database = await createPostgresTestDatabase(2);
        env = { DATABASE_URL: database.url ?? "" };
      } else {
        dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-crash-"));
        env = { DATA_DIR: dataDir };
      }
    });

    afterAll(async () => {
      await server?.kill();
      await database?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it(`keeps every acknowledged write and a consistent card order through ${ROUNDS} rounds`, async () => {
      const expected = new Map<string, CardExpectation>();
      let acknowledged = 0;
      let lost = 0;
      server = await startServerProcess(env);
      const owner = await HttpClient.signUp(server.url, "Ana");
      const workspace = await owner.request<{ id: string }>("POST", "/api/workspaces", { name: "Ward 4B" });
      const space = (
        await owner.request<Space>("POST", `/api/workspaces/${workspace.body.id}/spaces`, { name: "Beds" })
      ).body;
      const statuses = (await owner.request<{ statuses: Status[] }>("GET", `/api/spaces/${space.id}/board`))
        .body.statuses;
      expect(statuses.length).toBeGreaterThan(1);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

      for (let round = 1; round <= ROUNDS; round++) {
        const client = owner.on(server.url);
        let acksThisRound = 0;
        let isServerGone = false;

        const writer = async (index: number) => {
          const mine: string[] = [];
          for (let n = 0; !isServerGone; n++) {
            const isMove = mine.length > 0 && Math.random() < 0.5;
            const statusId = pick(statuses).id;
            if (isMove) {
              const cardId = pick(mine);
              const expectation = expected.get(cardId) as CardExpectation;
              expectation.pendingStatusId = statusId;
              const placement = Math.random() < 0.5 ? { afterId: null } : {};
              const reply = await client
                .request<Card>("POST", `/api/cards/${cardId}/move`, { statusId, ...placement })
                .catch(() => null);
              if (!reply) return; // the server died with this move in flight: it may or may not have landed
              expect(reply.status, JSON.stringify(reply.body)).toBe(200);
              expected.set(cardId, { statusId, pendingStatusId: null });
            } else {
              const reply = await client
                .request<Card>(
                  "POST",
                  `/api/spaces/${space.id}/cards`,
                  { name: `Round ${round} writer ${index} card ${n}`, statusId },
                  { "idempotency-key": randomUUID() },
                )
                .catch(() => null);
              if (!reply) return;
              expect(reply.status, JSON.stringify(reply.body)).toBe(201);
              mine.push(reply.body.id);
              expected.set(reply.body.id, { statusId, pendingStatusId: null });
            }
            acksThisRound += 1;
            acknowledged += 1;
          }
        };

        const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
        await waitFor(
          () => acksThisRound >= WRITES_BEFORE_KILL,
          `${WRITES_BEFORE_KILL} acknowledged writes`,
          60_000,
          5,
        );
        await server.kill();
        isServerGone = true;
        expect(server.child.signalCode).toBe("SIGKILL");
        await Promise.all(writers);

        // Same data, a new process: it must start at once (no lock left behind) and hold everything.
        server = await startServerProcess(env);
        const reply = await owner.on(server.url).request("GET", `/api/spaces/${space.id}/board`);
        expect(reply.status).toBe(200);
        const board = { body: boardFromReply(reply.body) };
        const found = new Map(board.body.cards.map((c) => [c.id, c]));
        for (const [cardId, expectation] of expected) {
          const card = found.get(cardId);
          if (!card) {
            lost += 1;
            continue;
          }
          expect([expectation.statusId, expectation.pendingStatusId]).toContain(card.statusId);
          // What the restarted server holds is what later rounds build on.
          expectation.statusId = card.statusId;
          expectation.pendingStatusId = null;
        }
        expect(lost).toBe(0);
        for (const status of statuses) {
          const keys = board.body.cards.filter((c) => c.statusId === status.id).map((c) => c.position);
          const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys).toEqual(sorted);
        }
      }
      console.log(
        `kill -9 (${driver}): ${ROUNDS} rounds, ${acknowledged} acknowledged writes, ${lost} lost, ${expected.size} cards checked`,
      );
    }, 240_000);
  });
};

crashSuite(testDriver());
